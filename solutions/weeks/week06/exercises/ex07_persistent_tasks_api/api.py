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
    # BEGIN SOLUTION: open a Session on the app's engine, yield it, close it in any case
    with Session(request.app.state.engine) as session:
        yield session
    # END SOLUTION


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
        # BEGIN SOLUTION: create through the service, 409 on a duplicate, set Location
        try:
            task = service.create(body.title)
        except DuplicateTask as error:
            raise HTTPException(409, str(error)) from None
        response.headers["Location"] = f"/tasks/{task.id}"
        return TaskOut.model_validate(task)
        # END SOLUTION

    @app.get("/tasks", response_model=list[TaskOut])
    def list_tasks(service: Service, done: bool | None = None) -> list[TaskOut]:
        # BEGIN SOLUTION: list through the service
        return [TaskOut.model_validate(task) for task in service.list(done=done)]
        # END SOLUTION

    @app.get("/tasks/{task_id}", response_model=TaskOut)
    def read_task(task_id: int, service: Service) -> TaskOut:
        # BEGIN SOLUTION: get through the service, 404 when it is missing
        try:
            return TaskOut.model_validate(service.get(task_id))
        except TaskNotFound as error:
            raise HTTPException(404, str(error)) from None
        # END SOLUTION

    @app.patch("/tasks/{task_id}", response_model=TaskOut)
    def update_task(task_id: int, body: TaskPatch, service: Service) -> TaskOut:
        # BEGIN SOLUTION: update through the service, 404 or 409 on its errors
        try:
            task = service.update(task_id, title=body.title, done=body.done)
        except TaskNotFound as error:
            raise HTTPException(404, str(error)) from None
        except DuplicateTask as error:
            raise HTTPException(409, str(error)) from None
        return TaskOut.model_validate(task)
        # END SOLUTION

    @app.delete("/tasks/{task_id}", status_code=204)
    def delete_task(task_id: int, service: Service) -> None:
        # BEGIN SOLUTION: delete through the service, 404 when it is missing
        try:
            service.delete(task_id)
        except TaskNotFound as error:
            raise HTTPException(404, str(error)) from None
        # END SOLUTION

    return app
