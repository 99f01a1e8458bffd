"""One error layer: every error the API sends is an RFC 9457 problem details document.

Whatever goes wrong (an unknown route, an ``HTTPException``, a domain error, invalid input or
a bug) the client receives the same shape, with the media type ``application/problem+json``::

    {"type": "about:blank", "title": "Not Found", "status": 404,
     "detail": "Not Found", "instance": "/nowhere"}

- ``type`` is a URI naming the kind of problem; ``"about:blank"`` means "nothing more than the
  HTTP status", and ``title`` is then the status's standard phrase (``HTTPStatus(404).phrase``).
- ``detail`` explains this occurrence; ``instance`` is the path of the request.
- Domain errors (``ProblemError`` subclasses) bring their own ``type`` and ``title``.
- Invalid input is a 422 with the detail ``"The request is not valid"`` and an extension
  member ``errors``: ``[{"field": ..., "message": ...}]``.
- A bug is a 500 with the detail ``"An unexpected error occurred"``: the traceback and the
  exception's message go to the log, never to the client.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Annotated, Any

from fastapi import FastAPI, Header, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger("tasks.errors")

app = FastAPI(title="Tasks API", version="0.8.3")

PROBLEM_JSON = "application/problem+json"


class ProblemError(Exception):
    """A domain error that knows its problem type, title and status."""

    status = status.HTTP_400_BAD_REQUEST
    type = "about:blank"
    title = "Bad Request"


class TaskNotFound(ProblemError):
    status = status.HTTP_404_NOT_FOUND
    type = "https://tasks.example.com/problems/task-not-found"
    title = "Task not found"

    def __init__(self, task_id: int) -> None:
        super().__init__(f"Task {task_id} not found")


def problem(
    status_code: int,
    detail: str,
    instance: str,
    *,
    type: str = "about:blank",
    title: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    """A problem details response; ``title`` defaults to the status's standard phrase.

    Extension members (``errors=[...]``) are added after the five standard members.
    """
    # TODO: build the five members plus the extensions, with the problem media type
    raise NotImplementedError


def field_name(location: tuple[int | str, ...]) -> str:
    """``("body", "title")`` -> ``"title"``; a location with only its source names the source."""
    source, *rest = location
    return ".".join(str(part) for part in rest) if rest else str(source)


@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
    """Every HTTPException (FastAPI's, and Starlette's own 404 and 405) as a problem.

    Its headers (``WWW-Authenticate``, ``Allow``) are kept.
    """
    # TODO: a problem with the error's status, detail and headers
    raise NotImplementedError


@app.exception_handler(ProblemError)
async def domain_error(request: Request, error: ProblemError) -> JSONResponse:
    """A domain error as a problem with its own status, type and title, and its message."""
    # TODO: a problem from the error's class attributes and str(error)
    raise NotImplementedError


@app.exception_handler(RequestValidationError)
async def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
    """422 ``"The request is not valid"`` with ``errors``, one entry per item of
    ``error.errors()``: ``{"field": field_name(loc), "message": msg}``."""
    # TODO: list the invalid fields and answer 422
    raise NotImplementedError


@app.exception_handler(Exception)
async def unexpected_error(request: Request, error: Exception) -> JSONResponse:
    """500 ``"An unexpected error occurred"``; the traceback goes to ``logger``, not the body."""
    # TODO: log the exception with its traceback, answer a bare 500 problem
    raise NotImplementedError


class TaskCreate(BaseModel):
    title: str = Field(min_length=1, max_length=200)


@app.get("/tasks/{task_id}")
def read_task(task_id: int) -> dict[str, object]:
    if task_id != 1:
        raise TaskNotFound(task_id)
    return {"id": 1, "title": "Write the error layer"}


@app.post("/tasks", status_code=status.HTTP_201_CREATED)
def create_task(payload: TaskCreate) -> dict[str, object]:
    return {"id": 2, "title": payload.title}


@app.get("/me")
def me(authorization: Annotated[str | None, Header()] = None) -> dict[str, str]:
    if authorization is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Not authenticated",
                            headers={"WWW-Authenticate": "Bearer"})
    return {"name": "ada"}


@app.get("/reports/daily")
def daily_report() -> dict[str, int]:
    connection = "postgresql://report:hunter2@db.internal/tasks"
    raise RuntimeError(f"could not connect to {connection}")
