"""The HTTP layer: translate requests into service calls, and domain errors into statuses.

``create_app(engine)`` builds the application on an engine (SQLite in the checks, PostgreSQL
in production). ``get_session`` gives each request its own ``Session`` on that engine and
closes it when the response is sent, whatever happened (a dependency with ``yield``).

Routes (bodies are ``{"id": 1, "title": "Write docs", "done": false}``):

* ``POST /tasks`` ``{"title": ...}`` (1 to 200 characters): 201, the task, and
  ``Location: /tasks/{id}``; a title already used: 409 ``{"detail": "a task titled 'Write
  docs' already exists"}``.
* ``GET /tasks?done=true|false``: 200, the tasks by id (all of them without ``done``).
* ``GET /tasks/{task_id}``: 200, or 404 ``{"detail": "task 9 not found"}``.
* ``PATCH /tasks/{task_id}`` ``{"title"?: ..., "done"?: ...}``: 200 and the task, 404, or 409.
* ``DELETE /tasks/{task_id}``: 204 with no body, or 404.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from .models import Base
from .service import DuplicateTask, TaskNotFound, TaskService


class TaskIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)


class TaskPatch(BaseModel):
    title: str | None = Field(default=None, min_length=1, max_length=200)
    done: bool | None = None


class TaskOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    done: bool


def get_session(request: Request) -> Iterator[Session]:
    """One session per request on ``request.app.state.engine``, always closed afterwards."""
    # TODO: open a Session on the app's engine, yield it, close it in any case
    raise NotImplementedError


def get_service(session: Annotated[Session, Depends(get_session)]) -> TaskService:
    return TaskService(session)


Service = Annotated[TaskService, Depends(get_service)]


def create_app(engine: Engine) -> FastAPI:
    """The tasks API on ``engine``; creates the table if it is missing."""
    Base.metadata.create_all(engine)
    app = FastAPI(title="Tasks")
    app.state.engine = engine

    @app.post("/tasks", status_code=201, response_model=TaskOut)
    def create_task(body: TaskIn, service: Service, response: Response) -> TaskOut:
        # TODO: create through the service, 409 on a duplicate, set Location
        raise NotImplementedError

    @app.get("/tasks", response_model=list[TaskOut])
    def list_tasks(service: Service, done: bool | None = None) -> list[TaskOut]:
        # TODO: list through the service
        raise NotImplementedError

    @app.get("/tasks/{task_id}", response_model=TaskOut)
    def read_task(task_id: int, service: Service) -> TaskOut:
        # TODO: get through the service, 404 when it is missing
        raise NotImplementedError

    @app.patch("/tasks/{task_id}", response_model=TaskOut)
    def update_task(task_id: int, body: TaskPatch, service: Service) -> TaskOut:
        # TODO: update through the service, 404 or 409 on its errors
        raise NotImplementedError

    @app.delete("/tasks/{task_id}", status_code=204)
    def delete_task(task_id: int, service: Service) -> None:
        # TODO: delete through the service, 404 when it is missing
        raise NotImplementedError

    return app
