"""Full CRUD for tasks, kept in memory: the contract every later week of the API builds on.

=========  ==================  ===============================================================
method     path                answer
=========  ==================  ===============================================================
POST       /tasks              201 Created, the new task, and ``Location: /tasks/<id>``
GET        /tasks              200, every task in id order
GET        /tasks/{task_id}    200 with the task, or 404
PUT        /tasks/{task_id}    200: replaces the whole task (a field left out gets its default)
PATCH      /tasks/{task_id}    200: changes only the fields the client sent
DELETE     /tasks/{task_id}    204 No Content, with an empty body
=========  ==================  ===============================================================

A task that does not exist is ``404`` with ``{"detail": "Task 7 not found"}`` on every route
that takes an id. Bodies that break the models are ``422``, answered by FastAPI.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, HTTPException, Path, Response, status
from pydantic import BaseModel, Field, field_validator

app = FastAPI(title="Tasks API", version="0.2.0")

TaskId = Annotated[int, Path(ge=1)]


class TaskCreate(BaseModel):
    """What a client sends to create or replace a task."""

    title: str = Field(min_length=1, max_length=200)
    done: bool = False


class TaskUpdate(BaseModel):
    """A partial change: only the fields the client sends are applied."""

    title: str | None = Field(default=None, min_length=1, max_length=200)
    done: bool | None = None

    @field_validator("title", "done")
    @classmethod
    def not_null(cls, value: object) -> object:
        """A field may be left out, but not sent as null (a task always has both)."""
        if value is None:
            raise ValueError("may be left out, but not null")
        return value


class Task(BaseModel):
    """A task as the API shows it."""

    id: int
    title: str
    done: bool


class TaskStore:
    """Tasks in a dict, by id. Ids start at 1 and are never reused, even after a delete."""

    def __init__(self) -> None:
        self.tasks: dict[int, Task] = {}
        self.last_id = 0

    def add(self, data: TaskCreate) -> Task:
        self.last_id += 1
        task = Task(id=self.last_id, **data.model_dump())
        self.tasks[task.id] = task
        return task

    def get(self, task_id: int) -> Task | None:
        return self.tasks.get(task_id)

    def all(self) -> list[Task]:
        return [self.tasks[task_id] for task_id in sorted(self.tasks)]

    def save(self, task: Task) -> Task:
        self.tasks[task.id] = task
        return task

    def remove(self, task_id: int) -> bool:
        """Delete the task; False when there was none."""
        return self.tasks.pop(task_id, None) is not None


store = TaskStore()


def not_found(task_id: int) -> HTTPException:
    """The 404 every route answers for a missing task."""
    return HTTPException(status.HTTP_404_NOT_FOUND, detail=f"Task {task_id} not found")


def find_task(task_id: int) -> Task:
    """The stored task, or raise the 404."""
    task = store.get(task_id)
    if task is None:
        raise not_found(task_id)
    return task


@app.post("/tasks", status_code=status.HTTP_201_CREATED)
def create_task(payload: TaskCreate, response: Response) -> Task:
    """Create a task: 201 Created with the task, and its URL in the Location header."""
    # BEGIN SOLUTION: add the task to the store and set the Location header
    task = store.add(payload)
    response.headers["Location"] = f"/tasks/{task.id}"
    return task
    # END SOLUTION


@app.get("/tasks")
def list_tasks() -> list[Task]:
    """Every task, in id order."""
    # BEGIN SOLUTION: return the store's tasks
    return store.all()
    # END SOLUTION


@app.get("/tasks/{task_id}")
def read_task(task_id: TaskId) -> Task:
    """One task, or 404."""
    # BEGIN SOLUTION: find the task (find_task raises the 404)
    return find_task(task_id)
    # END SOLUTION


@app.put("/tasks/{task_id}")
def replace_task(task_id: TaskId, payload: TaskCreate) -> Task:
    """Replace the whole task: a field the client leaves out gets its default (done=False)."""
    # BEGIN SOLUTION: check the task exists, then save a new Task built from the whole payload
    find_task(task_id)
    return store.save(Task(id=task_id, **payload.model_dump()))
    # END SOLUTION


@app.patch("/tasks/{task_id}")
def update_task(task_id: TaskId, payload: TaskUpdate) -> Task:
    """Change only the fields the client sent; the others keep their values."""
    # BEGIN SOLUTION: apply only the fields that were set (model_dump(exclude_unset=True))
    task = find_task(task_id)
    changes = payload.model_dump(exclude_unset=True)
    return store.save(task.model_copy(update=changes))
    # END SOLUTION


@app.delete("/tasks/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_task(task_id: TaskId) -> None:
    """Delete the task: 204 with an empty body, or 404 when there is no such task.

    With ``status_code=204`` on the route, returning nothing sends no body at all.
    """
    # BEGIN SOLUTION: remove the task, answering 404 when there was none
    if not store.remove(task_id):
        raise not_found(task_id)
    # END SOLUTION
