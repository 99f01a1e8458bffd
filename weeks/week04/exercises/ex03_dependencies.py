"""Dependencies: a pagination dependency with bounds and a store you can swap in tests.

``GET /tasks?limit=20&offset=40`` answers one page::

    {"items": [...], "total": 57, "limit": 20, "offset": 40}

The route does not read the store from a global: it asks for one with ``Depends(get_store)``.
In production ``get_store`` returns the process's store; a test replaces it with
``app.dependency_overrides[get_store] = lambda: TaskStore()`` and starts from nothing, without
touching the route.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, FastAPI, Query, status
from pydantic import BaseModel, Field

app = FastAPI(title="Tasks API", version="0.3.0")

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class TaskCreate(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    done: bool = False


class Task(BaseModel):
    id: int
    title: str
    done: bool


class TaskPage(BaseModel):
    """One page of tasks, with what the client needs to ask for the next one."""

    items: list[Task]
    total: int  # how many tasks match the filters, on every page together
    limit: int
    offset: int


class TaskStore:
    """Tasks in a dict, by id, in creation order."""

    def __init__(self) -> None:
        self.tasks: dict[int, Task] = {}

    def add(self, data: TaskCreate) -> Task:
        task = Task(id=len(self.tasks) + 1, **data.model_dump())
        self.tasks[task.id] = task
        return task

    def all(self) -> list[Task]:
        return list(self.tasks.values())


@dataclass(frozen=True)
class Pagination:
    """Which slice of a list the client asked for."""

    limit: int
    offset: int


_store = TaskStore()


def get_store() -> TaskStore:
    """The store of this process. Tests override this dependency with a fresh store."""
    # TODO: return the module's single store (the same object on every call)
    raise NotImplementedError


# TODO: declare limit (1 to MAX_LIMIT, default DEFAULT_LIMIT) and offset (0 or more)
def pagination(limit=DEFAULT_LIMIT, offset=0) -> Pagination:
    """The ``limit`` and ``offset`` query parameters, validated once for every list route.

    ``limit`` is 1 to MAX_LIMIT (DEFAULT_LIMIT when absent); ``offset`` is 0 or more.
    FastAPI answers 422 outside those bounds, before the route runs.
    """
    raise NotImplementedError


Store = Annotated[TaskStore, Depends(get_store)]
Page = Annotated[Pagination, Depends(pagination)]


@app.post("/tasks", status_code=status.HTTP_201_CREATED)
def create_task(payload: TaskCreate, store: Store) -> Task:
    """Create a task in the injected store."""
    return store.add(payload)


# TODO: take the store and the page as dependencies, filter, count, then slice
@app.get("/tasks")
def list_tasks(done: bool | None = None) -> TaskPage:
    """One page of the tasks in creation order, optionally only those with this ``done``.

    ``total`` counts every matching task, not only the ones on this page.
    """
    raise NotImplementedError
