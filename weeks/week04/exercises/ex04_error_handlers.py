"""Domain errors turned into HTTP answers by exception handlers, not by try/except in routes.

The service raises errors that speak the language of the domain (``TaskNotFound``,
``TaskAlreadyDone``) and knows nothing about HTTP. Two exception handlers translate them at the
edge, so every error the API sends has the same shape::

    404 {"code": "task_not_found", "detail": "Task 7 not found"}
    409 {"code": "task_already_done", "detail": "Task 3 is already done"}
    422 {"code": "validation_error", "detail": "The request is not valid",
         "errors": [{"field": "title", "message": "String should have at least 1 character"}]}
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

app = FastAPI(title="Tasks API", version="0.4.0")


class DomainError(Exception):
    """A rule of the domain was broken. Subclasses say which HTTP status and code fit."""

    status_code = status.HTTP_400_BAD_REQUEST
    code = "domain_error"


class TaskNotFound(DomainError):
    status_code = status.HTTP_404_NOT_FOUND
    code = "task_not_found"

    def __init__(self, task_id: int) -> None:
        super().__init__(f"Task {task_id} not found")
        self.task_id = task_id


class TaskAlreadyDone(DomainError):
    status_code = status.HTTP_409_CONFLICT
    code = "task_already_done"

    def __init__(self, task_id: int) -> None:
        super().__init__(f"Task {task_id} is already done")
        self.task_id = task_id


class DuplicateTitle(DomainError):
    status_code = status.HTTP_409_CONFLICT
    code = "duplicate_title"

    def __init__(self, title: str) -> None:
        super().__init__(f"A task titled {title!r} already exists")
        self.title = title


class TaskCreate(BaseModel):
    title: str = Field(min_length=1, max_length=200)


class Task(BaseModel):
    id: int
    title: str
    done: bool = False


class TaskService:
    """The rules: titles are unique (ignoring case) and a task is completed only once."""

    def __init__(self) -> None:
        self.tasks: dict[int, Task] = {}

    def create(self, data: TaskCreate) -> Task:
        if any(task.title.lower() == data.title.lower() for task in self.tasks.values()):
            raise DuplicateTitle(data.title)
        task = Task(id=len(self.tasks) + 1, title=data.title)
        self.tasks[task.id] = task
        return task

    def get(self, task_id: int) -> Task:
        try:
            return self.tasks[task_id]
        except KeyError:
            raise TaskNotFound(task_id) from None

    def complete(self, task_id: int) -> Task:
        task = self.get(task_id)
        if task.done:
            raise TaskAlreadyDone(task_id)
        task.done = True
        return task


_service = TaskService()


def get_service() -> TaskService:
    return _service


Service = Annotated[TaskService, Depends(get_service)]


@app.exception_handler(DomainError)
async def domain_error_handler(request: Request, error: DomainError) -> JSONResponse:
    """Answer any DomainError with its status and ``{"code": ..., "detail": <the message>}``.

    One handler for the base class serves every subclass: FastAPI looks handlers up along the
    exception's class hierarchy.
    """
    # TODO: build the JSON answer from the error's status_code, code and message
    raise NotImplementedError


def field_name(location: tuple[int | str, ...]) -> str:
    """``("body", "title")`` -> ``"title"``, ``("query", "limit")`` -> ``"limit"``.

    The first element says where the value came from and is dropped; nested places are
    joined with dots (``("body", "tags", 0)`` -> ``"tags.0"``). A location with nothing after
    its source (a body that is not JSON at all) names the source itself: ``"body"``.
    """
    # TODO: drop the source, join the rest with dots, fall back to the source
    raise NotImplementedError


@app.exception_handler(RequestValidationError)
async def validation_error_handler(request: Request, error: RequestValidationError) -> JSONResponse:
    """Answer 422 in the same shape as domain errors, with one entry per invalid field.

    ``{"code": "validation_error", "detail": "The request is not valid", "errors":
    [{"field": field_name(loc), "message": msg}, ...]}``, in the order of ``error.errors()``.
    """
    # TODO: turn each of error.errors() into {"field": ..., "message": ...}
    raise NotImplementedError


@app.post("/tasks", status_code=status.HTTP_201_CREATED)
def create_task(payload: TaskCreate, service: Service) -> Task:
    return service.create(payload)


@app.get("/tasks/{task_id}")
def read_task(task_id: int, service: Service) -> Task:
    return service.get(task_id)


@app.post("/tasks/{task_id}/complete")
def complete_task(task_id: int, service: Service) -> Task:
    return service.complete(task_id)
