"""RFC 9457 problem details: the one shape of every error response.

Domain code raises :class:`AppError` subclasses; the handlers that
:func:`install_error_handlers` registers turn them, FastAPI's validation errors and
Starlette's HTTP errors into ``application/problem+json`` bodies. Unexpected exceptions are
handled by the request context middleware (see :mod:`taskhub.core.middleware`), which
answers a bare 500 problem.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:taskhub:problem:"


class Problem(BaseModel):
    """An RFC 9457 problem details object."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(
        default="about:blank", description="URI reference identifying the problem type."
    )
    title: str = Field(description="Short, human-readable summary of the problem type.")
    status: int = Field(description="The HTTP status code.", ge=100, le=599)
    detail: str | None = Field(default=None, description="Explanation of this occurrence.")
    instance: str | None = Field(default=None, description="URI reference of this occurrence.")


class ValidationErrorItem(BaseModel):
    """One invalid field: where it is and what is wrong with it."""

    loc: list[str | int]
    msg: str
    type: str


class ValidationProblem(Problem):
    """The problem returned with status 422, listing every invalid field in ``errors``."""

    errors: list[ValidationErrorItem]


class AppError(Exception):
    """Base class of the errors that services raise; each maps to one problem type."""

    status: int = 500
    slug: str | None = None
    title: str = "Internal Server Error"
    #: True when the request's writes are the point of the error and must be committed
    #: (detected token reuse revokes the family, then answers 401).
    keep_changes: bool = False

    def __init__(
        self,
        detail: str | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.headers = dict(headers or {})
        self.extensions = dict(extensions or {})


class BadRequestError(AppError):
    status = 400
    slug = "bad-request"
    title = "Bad request"


class UnauthorizedError(AppError):
    status = 401
    slug = "unauthorized"
    title = "Authentication required"

    def __init__(self, detail: str | None = "Could not validate credentials.") -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class ForbiddenError(AppError):
    status = 403
    slug = "forbidden"
    title = "Forbidden"


class NotFoundError(AppError):
    status = 404
    slug = "not-found"
    title = "Resource not found"


class ConflictError(AppError):
    status = 409
    slug = "conflict"
    title = "Conflict"


class InvalidTransitionError(ConflictError):
    slug = "invalid-status-transition"
    title = "Invalid status transition"


class PreconditionFailedError(AppError):
    status = 412
    slug = "precondition-failed"
    title = "Precondition failed"


class RateLimitedError(AppError):
    status = 429
    slug = "rate-limited"
    title = "Too many requests"

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"Too many attempts. Try again in {retry_after} seconds.",
            headers={"Retry-After": str(retry_after)},
        )


class ServiceUnavailableError(AppError):
    status = 503
    slug = "unavailable"
    title = "Service unavailable"

    def __init__(self, detail: str, *, retry_after: int = 1) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)})


def problem_response(
    request: Request | None,
    status: int,
    *,
    title: str | None = None,
    detail: str | None = None,
    type_: str = "about:blank",
    headers: Mapping[str, str] | None = None,
    extensions: Mapping[str, Any] | None = None,
    instance: str | None = None,
) -> JSONResponse:
    """Build an ``application/problem+json`` response."""
    body: dict[str, Any] = {
        "type": type_,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": instance if instance is not None else (request.url.path if request else None),
    }
    body.update(extensions or {})
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_CONTENT_TYPE)


def _app_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return problem_response(
        request,
        exc.status,
        title=exc.title,
        detail=exc.detail,
        type_=f"{PROBLEM_TYPE_PREFIX}{exc.slug}" if exc.slug else "about:blank",
        headers=exc.headers,
        extensions=exc.extensions,
    )


_HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


def allowed_methods(request: Request) -> list[str]:
    """Every method the OpenAPI document lists for the request's path.

    Starlette's 405 names only the methods of the first route matching the path, but
    ``GET``, ``PATCH`` and ``DELETE /tasks/{id}`` are three routes.
    """
    methods: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, request.url.path):
            methods.update(name.upper() for name in operations if name in _HTTP_METHODS)
    return sorted(methods)


def _http_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    # Starlette's own errors (unknown route, wrong method) carry the status phrase as detail.
    detail = exc.detail if exc.detail != HTTPStatus(exc.status_code).phrase else None
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    return problem_response(request, exc.status_code, detail=detail, headers=headers)


def _overload_handler(request: Request, exc: Exception) -> JSONResponse:
    """No database connection within the pool timeout, or SQLite's write lock stayed busy."""
    if isinstance(exc, sa_exc.OperationalError) and "database is locked" not in str(exc):
        raise exc
    return _app_error_handler(
        request, ServiceUnavailableError("The service is overloaded; try again shortly.")
    )


def _validation_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {
            "loc": [part if isinstance(part, int) else str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in exc.errors()
    ]
    return problem_response(
        request,
        422,
        title="Validation failed",
        detail="The request is not valid; see 'errors' for each invalid field.",
        type_=f"{PROBLEM_TYPE_PREFIX}validation-error",
        extensions={"errors": errors},
    )


def install_error_handlers(app: FastAPI) -> None:
    """Register the problem-details handlers on ``app``."""
    app.add_exception_handler(AppError, _app_error_handler)
    app.add_exception_handler(StarletteHTTPException, _http_error_handler)
    app.add_exception_handler(RequestValidationError, _validation_error_handler)
    app.add_exception_handler(sa_exc.TimeoutError, _overload_handler)
    app.add_exception_handler(sa_exc.OperationalError, _overload_handler)


# --- OpenAPI documentation of the error responses -------------------------------------------

_EXAMPLES: dict[int, dict[str, Any]] = {
    400: {
        "type": "urn:taskhub:problem:bad-request",
        "title": "Bad request",
        "status": 400,
        "detail": "The cursor is malformed.",
        "instance": "/tasks",
    },
    401: {
        "type": "urn:taskhub:problem:unauthorized",
        "title": "Authentication required",
        "status": 401,
        "detail": "Could not validate credentials.",
        "instance": "/me",
    },
    403: {
        "type": "urn:taskhub:problem:forbidden",
        "title": "Forbidden",
        "status": 403,
        "detail": "Administrator role required.",
        "instance": "/admin/users",
    },
    404: {
        "type": "urn:taskhub:problem:not-found",
        "title": "Resource not found",
        "status": 404,
        "detail": "Task not found.",
        "instance": "/tasks/0b7e6d36-5f4c-4b59-9a55-1f0f0c1c2d3e",
    },
    409: {
        "type": "urn:taskhub:problem:invalid-status-transition",
        "title": "Invalid status transition",
        "status": 409,
        "detail": "A task cannot move from 'done' to 'cancelled'.",
        "instance": "/tasks/0b7e6d36-5f4c-4b59-9a55-1f0f0c1c2d3e",
    },
    412: {
        "type": "urn:taskhub:problem:precondition-failed",
        "title": "Precondition failed",
        "status": 412,
        "detail": "The task changed since you read it; fetch it again.",
        "instance": "/tasks/0b7e6d36-5f4c-4b59-9a55-1f0f0c1c2d3e",
    },
    413: {
        "type": "about:blank",
        "title": "Content Too Large",
        "status": 413,
        "detail": "The request body exceeds 65536 bytes.",
        "instance": "/tasks",
    },
    422: {
        "type": "urn:taskhub:problem:validation-error",
        "title": "Validation failed",
        "status": 422,
        "detail": "The request is not valid; see 'errors' for each invalid field.",
        "instance": "/tasks",
        "errors": [{"loc": ["body", "title"], "msg": "Field required", "type": "missing"}],
    },
    429: {
        "type": "urn:taskhub:problem:rate-limited",
        "title": "Too many requests",
        "status": 429,
        "detail": "Too many attempts. Try again in 42 seconds.",
        "instance": "/auth/token",
    },
    500: {
        "type": "about:blank",
        "title": "Internal Server Error",
        "status": 500,
        "detail": "An unexpected error occurred. Quote the request id when reporting it.",
        "instance": "/tasks",
        "request_id": "5f0c6a2e9b8d4f7a",
    },
    503: {
        "type": "urn:taskhub:problem:unavailable",
        "title": "Service unavailable",
        "status": 503,
        "detail": "The service is overloaded; try again shortly.",
        "instance": "/tasks",
    },
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` argument documenting the given error statuses (always 500 and 503).

    A route that takes a body (so may answer 413) can also answer 400 when the body cannot be
    decoded at all, so 400 is added alongside 413.
    """
    wanted = {*statuses, 500, 503}
    if 413 in wanted:
        wanted.add(400)
    documented: dict[int | str, dict[str, Any]] = {}
    for status in sorted(wanted):
        documented[status] = {
            "model": ValidationProblem if status == 422 else Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_CONTENT_TYPE: {"example": _EXAMPLES[status]}},
        }
        if status in (429, 503):
            documented[status]["headers"] = {
                "Retry-After": {
                    "description": "Seconds to wait before trying again.",
                    "schema": {"type": "integer"},
                }
            }
    return documented


def install_problem_openapi(app: FastAPI) -> None:
    """Publish error schemas under ``application/problem+json`` only.

    FastAPI files every response model under ``application/json``; this moves the schema of
    each 4xx/5xx response to the problem media type, next to its example.
    """

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            tags=app.openapi_tags,
        )
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                for status, response in operation.get("responses", {}).items():
                    if not status.isdigit() or int(status) < 400:
                        continue
                    content = response.setdefault("content", {})
                    json_content = content.pop("application/json", None)
                    problem = content.setdefault(PROBLEM_CONTENT_TYPE, {})
                    if json_content and "schema" in json_content:
                        problem["schema"] = json_content["schema"]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
