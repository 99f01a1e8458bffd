"""Every user reaches only their own tasks: another user's task does not exist for them.

Authentication says who is calling; ownership decides what they may touch. The rule of this
API is strict: a task that belongs to someone else is answered exactly like a task that was
never created, ``404 {"detail": "Task 7 not found"}``. A 403 would confirm that task 7 exists
(and invite the caller to try the next id), so it is never used for someone else's data, and
another user's tasks are never listed or counted.

| request                | answer                                                      |
| ---------------------- | ----------------------------------------------------------- |
| no or unknown token    | 401 ``{"detail": "Not authenticated"}``, ``WWW-Authenticate: Bearer`` |
| ``GET /tasks``         | 200 ``{"items": [<own tasks by id>], "total": <own count>}`` |
| ``POST /tasks``        | 201, the new task, owned by the caller whatever the body says |
| ``GET /tasks/{id}``    | 200 the task, or 404 when it is missing or not the caller's  |
| ``DELETE /tasks/{id}`` | 204, or 404 when it is missing or not the caller's           |

Tokens are looked up in ``TOKENS`` (week 07 issued real JWTs; here a fixed table keeps the
focus on authorization).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, status
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI(title="Tasks API", version="0.8.2")

TOKENS: dict[str, int] = {"token-ada": 1, "token-bob": 2, "token-eve": 3}
"""Bearer token -> user id."""


class TaskCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    title: str = Field(min_length=1, max_length=200)


class Task(BaseModel):
    id: int
    title: str
    owner_id: int


class TaskPage(BaseModel):
    items: list[Task]
    total: int


class TaskStore:
    """Tasks in memory, numbered from 1 in the order they are added, for every user together."""

    def __init__(self) -> None:
        self.tasks: dict[int, Task] = {}

    def add(self, title: str, owner_id: int) -> Task:
        task = Task(id=len(self.tasks) + 1, title=title, owner_id=owner_id)
        self.tasks[task.id] = task
        return task

    def get(self, task_id: int) -> Task | None:
        return self.tasks.get(task_id)

    def remove(self, task_id: int) -> None:
        del self.tasks[task_id]

    def all(self) -> list[Task]:
        return sorted(self.tasks.values(), key=lambda task: task.id)


_store = TaskStore()


def get_store() -> TaskStore:
    return _store


Store = Annotated[TaskStore, Depends(get_store)]


def current_user(authorization: Annotated[str | None, Header()] = None) -> int:
    """The id of the calling user, from ``Authorization: Bearer <token>``.

    A missing header, another scheme or a token that is not in ``TOKENS`` is a 401 with the
    detail ``"Not authenticated"`` and the header ``WWW-Authenticate: Bearer``.
    """
    # TODO: split the header into scheme and token, look the token up, or answer 401
    raise NotImplementedError


User = Annotated[int, Depends(current_user)]


def owned_task(task_id: int, user: User, store: Store) -> Task:
    """The task ``task_id`` if it belongs to ``user``; otherwise 404 ``"Task <id> not found"``.

    A missing task and another user's task get the same answer, so the caller learns nothing.
    """
    # TODO: fetch the task and answer 404 unless it exists and its owner is the user
    raise NotImplementedError


OwnedTask = Annotated[Task, Depends(owned_task)]


@app.get("/tasks")
def list_tasks(user: User, store: Store) -> TaskPage:
    """The caller's tasks in id order, and how many there are; nobody else's."""
    # TODO: keep only the caller's tasks, then count what was kept
    raise NotImplementedError


@app.post("/tasks", status_code=status.HTTP_201_CREATED)
def create_task(payload: TaskCreate, user: User, store: Store) -> Task:
    """A new task owned by the caller (an ``owner_id`` in the body is ignored)."""
    # TODO: add the task with the caller as its owner
    raise NotImplementedError


@app.get("/tasks/{task_id}")
def read_task(task: OwnedTask) -> Task:
    return task


@app.delete("/tasks/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_task(task: OwnedTask, store: Store) -> None:
    """Remove one of the caller's tasks."""
    # TODO: remove the task the dependency found
    raise NotImplementedError
