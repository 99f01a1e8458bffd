"""Checks for week08/ex03_problem_details: every error is an RFC 9457 problem, 500 included."""

from __future__ import annotations

import logging
from http import HTTPStatus

import pytest
from pydantic import ValidationError

from workbook.asgi_client import InThreadClient
from workbook.checking import Learner, expect_true
from workbook.checking_app import Answer, Api, learner_app, open_api

PROBLEM = "application/problem+json"
UNPROCESSABLE = HTTPStatus(422).phrase  # "Unprocessable Entity" before Python 3.13


def about_blank(status: int, title: str, detail: str, instance: str) -> dict[str, object]:
    return {"type": "about:blank", "title": title, "status": status, "detail": detail,
            "instance": instance}


def expect_problem_type(answer: Answer) -> None:
    answer.expect_header("content-type", startswith=PROBLEM,
                         help="Send problems with media_type='application/problem+json', so "
                         "clients know the body follows RFC 9457.")


HTTP_HELP = ("Register a handler for starlette.exceptions.HTTPException (FastAPI's HTTPException "
             "is a subclass, and Starlette raises it for unknown routes) that returns "
             "problem(error.status_code, str(error.detail), request.url.path, headers=...).")


def test_unknown_route(learner: Learner) -> None:
    """answers an unknown route with an about:blank problem"""
    with open_api(learner) as api:
        answer = api.get("/nowhere", expect=404, help=HTTP_HELP)
        answer.expect_json(about_blank(404, "Not Found", "Not Found", "/nowhere"),
                           help="type is 'about:blank', title the status's standard phrase "
                           "(HTTPStatus(404).phrase), instance the request's path.")
        expect_problem_type(answer)


def test_http_exceptions_keep_headers(learner: Learner) -> None:
    """turns HTTPException into a problem and keeps its headers"""
    with open_api(learner) as api:
        answer = api.get("/me", expect=401, help=HTTP_HELP, note="without Authorization")
        answer.expect_json(about_blank(401, "Unauthorized", "Not authenticated", "/me"),
                           help="The detail is the HTTPException's detail; the title comes from "
                           "the status.")
        answer.expect_header("www-authenticate", "Bearer",
                             help="Pass error.headers on to the response: a 401 without "
                             "WWW-Authenticate breaks clients.")
        expect_problem_type(answer)
        wrong_method = api.delete("/me", expect=405, help=HTTP_HELP)
        wrong_method.expect_json(
            about_blank(405, "Method Not Allowed", "Method Not Allowed", "/me"),
            help="Starlette's own 405 goes through the same handler.")
        wrong_method.expect_header("allow", "GET", help="A 405 must say which methods are "
                                   "allowed: keep the Allow header Starlette set.")
        api.get("/me", headers={"Authorization": "Bearer x"}, expect=200,
                help="A route that succeeds is not touched by the error layer.").expect_json(
            {"name": "ada"}, help="Successful answers keep their own body.")


def test_domain_problem(learner: Learner) -> None:
    """answers a domain error with its own type and title"""
    help = ("A handler for ProblemError builds problem(error.status, str(error), path, "
            "type=error.type, title=error.title).")
    with open_api(learner) as api:
        answer = api.get("/tasks/7", expect=404, help=help)
        answer.expect_json(
            {"type": "https://tasks.example.com/problems/task-not-found",
             "title": "Task not found", "status": 404, "detail": "Task 7 not found",
             "instance": "/tasks/7"}, help=help)
        expect_problem_type(answer)


def pydantic_message(learner: Learner, body: object) -> str:
    try:
        learner.cls("TaskCreate").model_validate(body)
    except ValidationError as error:
        return str(error.errors()[0]["msg"])
    raise AssertionError(f"{body!r} is a valid TaskCreate")


def test_validation_problem(learner: Learner) -> None:
    """answers invalid input with a 422 problem listing each field"""
    help = ("The RequestValidationError handler answers problem(422, 'The request is not "
            "valid', path, errors=[{'field': field_name(loc), 'message': msg}, ...]).")
    with open_api(learner) as api:
        answer = api.post("/tasks", json={"title": ""}, expect=422, help=help)
        answer.expect_json(
            {**about_blank(422, UNPROCESSABLE, "The request is not valid", "/tasks"),
             "errors": [{"field": "title",
                         "message": pydantic_message(learner, {"title": ""})}]}, help=help)
        expect_problem_type(answer)
        api.post("/tasks", json={"title": "x"}, expect=201,
                 help="A valid body (one character is the minimum) is created.")
        api.post("/tasks", json={}, expect=422, help=help).expect_json(
            {**about_blank(422, UNPROCESSABLE, "The request is not valid", "/tasks"),
             "errors": [{"field": "title", "message": "Field required"}]}, help=help)


def test_bug_is_a_bare_500(learner: Learner, caplog: pytest.LogCaptureFixture) -> None:
    """answers a bug with a 500 problem that leaks nothing, and logs the traceback"""
    with open_api(learner) as api:
        api.get("/nowhere", expect=404, help=HTTP_HELP)  # the error layer is started
    help = ("Register a handler for Exception that logs the error (exc_info) and answers "
            "problem(500, 'An unexpected error occurred', path): never str(error).")
    app = learner_app(learner)
    caplog.set_level(logging.ERROR)
    with InThreadClient(app, raise_server_exceptions=False) as client:
        answer = Api(client, app).get("/reports/daily", expect=500, help=help)
    answer.expect_json(about_blank(500, "Internal Server Error", "An unexpected error occurred",
                                   "/reports/daily"), help=help)
    expect_problem_type(answer)
    text = answer.response.text
    expect_true("hunter2" not in text and "Traceback" not in text,
                what="the body of the 500", expected="no exception message, no traceback",
                actual=text[:200], help="The client must never see internals: the message "
                "held a password.")
    logged = [record for record in caplog.records if record.exc_info
              and isinstance(record.exc_info[1], RuntimeError)]
    expect_true(bool(logged), what="the log records of GET /reports/daily",
                expected="an ERROR record carrying the RuntimeError (exc_info)",
                actual=f"{len(caplog.records)} records, none with the RuntimeError",
                help="Log it with logger.error(..., exc_info=error) or logger.exception, so "
                "the traceback is kept where the team can read it.")
