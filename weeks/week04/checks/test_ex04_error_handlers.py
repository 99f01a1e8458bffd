"""Checks for week04/ex04_error_handlers: domain errors and validation errors in one JSON shape."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pydantic import TypeAdapter, ValidationError

from workbook.checking import Learner, expect_call
from workbook.checking_app import Api, learner_app, open_api


@contextmanager
def fresh_api(learner: Learner) -> Iterator[Api]:
    """The learner's app with get_service overridden by a fresh TaskService."""
    app = learner_app(learner)
    fresh = learner.cls("TaskService")()
    app.dependency_overrides[learner.function("get_service")] = lambda: fresh
    try:
        with open_api(learner) as api:
            yield api
    finally:
        app.dependency_overrides.clear()


def pydantic_message(learner: Learner, body: object) -> str:
    """The message pydantic gives for the first problem of ``body`` as a TaskCreate."""
    try:
        learner.cls("TaskCreate").model_validate(body)
    except ValidationError as error:
        return str(error.errors()[0]["msg"])
    raise AssertionError(f"{body!r} is a valid TaskCreate")


def integer_message(text: str) -> str:
    """The message pydantic gives for ``text`` where an int is expected."""
    try:
        TypeAdapter(int).validate_python(text)
    except ValidationError as error:
        return str(error.errors()[0]["msg"])
    raise AssertionError(f"{text!r} is a valid int")


DOMAIN_HELP = ("Register one handler for DomainError with @app.exception_handler(DomainError) "
               "and answer JSONResponse(status_code=error.status_code, content={'code': "
               "error.code, 'detail': str(error)}).")


def test_not_found(learner: Learner) -> None:
    """answers TaskNotFound with 404, its code and its message"""
    with fresh_api(learner) as api:
        api.get("/tasks/7", expect=404, help=DOMAIN_HELP).expect_json(
            {"code": "task_not_found", "detail": "Task 7 not found"},
            help="Use the error's own code and message (str(error)), so each error class "
            "decides what the client reads.")


def test_conflicts(learner: Learner) -> None:
    """answers the two conflicts with 409 and their own codes"""
    with fresh_api(learner) as api:
        api.post("/tasks", json={"title": "Ship it"}, expect=201, help="Creating works.")
        api.post("/tasks", json={"title": "SHIP IT"}, expect=409, help=DOMAIN_HELP).expect_json(
            {"code": "duplicate_title", "detail": "A task titled 'SHIP IT' already exists"},
            help="One handler for the base class serves every subclass: take status_code and "
            "code from the error, never hard-code 404.")
        api.post("/tasks/1/complete", expect=200, help="Completing an open task works.")
        api.post("/tasks/1/complete", expect=409, help=DOMAIN_HELP).expect_json(
            {"code": "task_already_done", "detail": "Task 1 is already done"},
            help="TaskAlreadyDone carries its own status (409) and code.")


def test_field_name(learner: Learner) -> None:
    """names the invalid field from a validation error's location"""
    field_name = learner.function("field_name")
    help = "Drop the first element (where the value came from) and join the rest with dots."
    expect_call(field_name, ("body", "title"), returns="title", help=help)
    expect_call(field_name, ("query", "limit"), returns="limit", help=help)
    expect_call(field_name, ("body", "tags", 0), returns="tags.0",
                help="Join every remaining part with '.', turning numbers into text with str().")
    expect_call(field_name, ("body",), returns="body",
                help="With nothing after the source (the whole body is missing), name the "
                "source itself.")


def test_validation_shape(learner: Learner) -> None:
    """answers invalid input with 422 in the same shape, one entry per field"""
    help = ("Register a handler for RequestValidationError and build one "
            "{'field': field_name(loc), 'message': msg} per item of error.errors().")
    with fresh_api(learner) as api:
        api.post("/tasks", json={"title": ""}, expect=422, help=help).expect_json(
            {"code": "validation_error", "detail": "The request is not valid",
             "errors": [{"field": "title", "message": pydantic_message(learner, {"title": ""})}]},
            help=help)
        api.get("/tasks/abc", expect=422, help=help).expect_json(
            {"code": "validation_error", "detail": "The request is not valid",
             "errors": [{"field": "task_id", "message": integer_message("abc")}]},
            help="A path parameter's location is ('path', 'task_id'): its field is 'task_id'.")


def test_validation_missing_body(learner: Learner) -> None:
    """names the body itself when it is missing"""
    help = "Call field_name on each error's loc; a missing body has the location ('body',)."
    with fresh_api(learner) as api:
        api.post("/tasks", expect=422, help=help).expect_json(
            {"code": "validation_error", "detail": "The request is not valid",
             "errors": [{"field": "body", "message": "Field required"}]}, help=help)
