"""The first routes of the tasks API: a health check and two read-only task routes.

Run it with ``uvicorn --app-dir weeks/week04/exercises ex01_first_routes:app --reload`` and
open http://127.0.0.1:8000/docs to try the routes. The tasks are a fixed list for now; tomorrow
they move into a store you can write to.

The type hints of the route parameters do the work: FastAPI reads ``task_id: int`` from the
path, ``done: bool | None = None`` from the query string, answers ``422`` when a value does
not convert or breaks a bound, and documents every parameter in the OpenAPI schema.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, HTTPException, Path, Query, status
from pydantic import BaseModel

app = FastAPI(title="Tasks API", version="0.1.0")

DEFAULT_LIMIT = 10
MAX_LIMIT = 50
MAX_SEARCH_LENGTH = 40


class Task(BaseModel):
    """A task as the API shows it."""

    id: int
    title: str
    done: bool


TASKS: list[Task] = [
    Task(id=1, title="Write the README", done=True),
    Task(id=2, title="Add a health route", done=True),
    Task(id=3, title="Review the pull request", done=False),
    Task(id=4, title="Deploy to staging", done=False),
    Task(id=5, title="Tag the release", done=False),
    Task(id=6, title="Rotate the API keys", done=True),
    Task(id=7, title="Fix the flaky login test", done=False),
    Task(id=8, title="Update the dependencies", done=False),
    Task(id=9, title="Write the changelog", done=True),
    Task(id=10, title="Archive old reports", done=False),
    Task(id=11, title="Plan the next sprint", done=False),
    Task(id=12, title="Back up the database", done=True),
]


@app.get("/health")
def health() -> dict[str, str]:
    """Answer ``{"status": "ok"}``, so a load balancer can tell the service is up."""
    # TODO: return the status document
    raise NotImplementedError


# TODO: declare task_id as a path parameter (an int, at least 1), then find the task
@app.get("/tasks/{task_id}")
def read_task(task_id):
    """The task with this id.

    ``task_id`` is an integer of at least 1, so FastAPI answers ``/tasks/abc`` and
    ``/tasks/0`` with 422. A task that does not exist is ``404`` with
    ``{"detail": "Task 99 not found"}``.
    """
    raise NotImplementedError


# TODO: declare the three query parameters with their types, defaults and bounds
@app.get("/tasks")
def list_tasks(done=None, q=None, limit=DEFAULT_LIMIT):
    """The tasks in id order, optionally filtered, at most ``limit`` of them.

    - ``done``: ``true`` or ``false`` keeps only the tasks in that state; absent keeps all.
    - ``q``: keeps the tasks whose title contains it, ignoring case (1 to MAX_SEARCH_LENGTH
      characters).
    - ``limit``: from 1 to MAX_LIMIT, DEFAULT_LIMIT when absent.
    """
    raise NotImplementedError
