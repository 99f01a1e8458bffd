"""The tasks API your tests cover. Do not change this file: your tests are graded against it.

==========  ==================  ==============================================================
method      path                answer
==========  ==================  ==============================================================
POST        /tasks              201, the new task, ``Location: /tasks/<id>``; 422 for a title
                                that is empty or longer than 200 characters
GET         /tasks              200, a page: ``{"items": [...], "total": n, "limit": l,
                                "offset": o}``; ``limit`` 1-100 (default 20), ``offset`` 0 or
                                more, ``done`` true/false filters; 422 outside the bounds
GET         /tasks/{task_id}    200 with the task; 404 ``{"detail": "Task 7 not found"}``
PATCH       /tasks/{task_id}    200: changes only the fields sent; 404 for a missing task
DELETE      /tasks/{task_id}    204 with no body; 404 for a missing task
==========  ==================  ==============================================================

Tasks are listed in creation order. The store is a dependency (``get_store``), so a test can
give every test its own empty store with ``app.dependency_overrides``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query, Response, status
from pydantic import BaseModel, Field, field_validator

app = FastAPI(title="Tasks API", version="1.0.0")


class TaskCreate(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    done: bool = False


class TaskUpdate(BaseModel):
    title: str | None = Field(default=None, min_length=1, max_length=200)
    done: bool | None = None

    @field_validator("title", "done")
    @classmethod
    def not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("may be left out, but not null")
        return value


class Task(BaseModel):
    id: int
    title: str
    done: bool


class TaskPage(BaseModel):
    items: list[Task]
    total: int
    limit: int
    offset: int


class TaskStore:
    """Tasks by id; ids start at 1 and are never reused."""

    def __init__(self) -> None:
        self.tasks: dict[int, Task] = {}
        self.last_id = 0

    def add(self, data: TaskCreate) -> Task:
        self.last_id += 1
        task = Task(id=self.last_id, **data.model_dump())
        self.tasks[task.id] = task
        return task

    def get(self, task_id: int) -> Task:
        if task_id not in self.tasks:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"Task {task_id} not found")
        return self.tasks[task_id]


_store = TaskStore()


def get_store() -> TaskStore:
    return _store


Store = Annotated[TaskStore, Depends(get_store)]


@app.post("/tasks", status_code=status.HTTP_201_CREATED)
def create_task(payload: TaskCreate, store: Store, response: Response) -> Task:
    task = store.add(payload)
    response.headers["Location"] = f"/tasks/{task.id}"
    return task


@app.get("/tasks")
def list_tasks(
    store: Store,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
    done: bool | None = None,
) -> TaskPage:
    matching = [task for task in store.tasks.values() if done is None or task.done == done]
    items = matching[offset : offset + limit]
    return TaskPage(items=items, total=len(matching), limit=limit, offset=offset)


@app.get("/tasks/{task_id}")
def read_task(task_id: int, store: Store) -> Task:
    return store.get(task_id)


@app.patch("/tasks/{task_id}")
def update_task(task_id: int, payload: TaskUpdate, store: Store) -> Task:
    task = store.get(task_id)
    updated = task.model_copy(update=payload.model_dump(exclude_unset=True))
    store.tasks[task_id] = updated
    return updated


@app.delete("/tasks/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_task(task_id: int, store: Store) -> None:
    store.get(task_id)
    del store.tasks[task_id]
