"""Checks for week03/ex02_status_codes: a status code for each outcome, and method properties."""

from __future__ import annotations

from http import HTTPStatus

import pytest

from workbook.checking import Learner, expect_call, expect_raises

SUCCESS = [
    ("FOUND", HTTPStatus.OK, "A GET that found its resource is a plain 200 OK."),
    ("CREATED", HTTPStatus.CREATED, "Creating something is 201 Created, not 200."),
    ("ACCEPTED", HTTPStatus.ACCEPTED,
     "Work queued for later is 202 Accepted: the request is fine, the result is not ready."),
    ("DELETED", HTTPStatus.NO_CONTENT,
     "A successful DELETE with nothing to send back is 204 No Content."),
    ("MOVED_FOR_GOOD", HTTPStatus.PERMANENT_REDIRECT,
     "A permanent move that keeps the method (a POST stays a POST) is 308, not 301."),
    ("NOT_MODIFIED", HTTPStatus.NOT_MODIFIED,
     "A conditional GET whose ETag still matches is 304 Not Modified."),
]
CLIENT = [
    ("MALFORMED", HTTPStatus.BAD_REQUEST, "A body that is not even JSON is 400 Bad Request."),
    ("INVALID", HTTPStatus.UNPROCESSABLE_ENTITY,
     "JSON that parses but breaks a field rule is 422, the code FastAPI uses for validation."),
    ("NOT_AUTHENTICATED", HTTPStatus.UNAUTHORIZED,
     "No valid credentials is 401 ('who are you?'), not 403."),
    ("FORBIDDEN", HTTPStatus.FORBIDDEN,
     "Known user, action not allowed for their role: 403 ('I know you, and no')."),
    ("NOT_FOUND", HTTPStatus.NOT_FOUND, "No such task is 404 Not Found."),
    ("NOT_THE_OWNER", HTTPStatus.NOT_FOUND,
     "Answer someone else's task exactly like a missing one: a 403 would confirm the id "
     "exists."),
    ("METHOD_NOT_ALLOWED", HTTPStatus.METHOD_NOT_ALLOWED,
     "The path exists but not for this method: 405 (with an Allow header)."),
    ("NOT_ACCEPTABLE", HTTPStatus.NOT_ACCEPTABLE,
     "Nothing matches the Accept header: 406 Not Acceptable."),
    ("CONFLICT", HTTPStatus.CONFLICT,
     "A duplicate or a clash with the current state is 409 Conflict."),
    ("PRECONDITION_FAILED", HTTPStatus.PRECONDITION_FAILED,
     "An If-Match that names an old version is 412 Precondition Failed."),
    ("UNSUPPORTED_MEDIA_TYPE", HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
     "A body in a format the server does not read is 415 (406 is about the answer's format)."),
    ("RATE_LIMITED", HTTPStatus.TOO_MANY_REQUESTS, "Too many requests is 429."),
]
SERVER = [
    ("BUG", HTTPStatus.INTERNAL_SERVER_ERROR, "Our own unexpected exception is 500."),
    ("UPSTREAM_FAILED", HTTPStatus.BAD_GATEWAY,
     "A bad answer from a service we called is 502 Bad Gateway."),
    ("UNAVAILABLE", HTTPStatus.SERVICE_UNAVAILABLE,
     "Maintenance or overload is 503; the client may come back later."),
    ("UPSTREAM_TIMEOUT", HTTPStatus.GATEWAY_TIMEOUT,
     "A service we called did not answer in time: 504 Gateway Timeout."),
]


def check_outcomes(learner: Learner, table: list[tuple[str, HTTPStatus, str]]) -> None:
    status_for = learner.function("status_for", signature="status_for(outcome: Outcome)")
    outcome_type = learner.cls("Outcome")
    for name, status, help in table:
        expect_call(status_for, outcome_type[name], returns=status, help=help)


def test_success_codes(learner: Learner) -> None:
    """answers successes and redirects with 2xx and 3xx codes"""
    check_outcomes(learner, SUCCESS)


def test_client_error_codes(learner: Learner) -> None:
    """answers the client's mistakes with the right 4xx code"""
    check_outcomes(learner, CLIENT)


def test_server_error_codes(learner: Learner) -> None:
    """answers server-side failures with the right 5xx code"""
    check_outcomes(learner, SERVER)


def test_status_for_refuses_strings(learner: Learner) -> None:
    """refuses a plain string instead of an Outcome"""
    status_for = learner.function("status_for")
    learner.cls("Outcome")
    expect_raises(ValueError, status_for, "created", match="unknown outcome",
                  help="Only Outcome members are valid: check isinstance(outcome, Outcome) "
                  "before the lookup (a StrEnum member and its string hash alike).")


@pytest.mark.parametrize(
    ("code", "expected"),
    [(100, "informational"), (199, "informational"), (200, "success"), (299, "success"),
     (300, "redirection"), (399, "redirection"), (400, "client error"), (499, "client error"),
     (500, "server error"), (599, "server error")],
)
def test_status_class(learner: Learner, code: int, expected: str) -> None:
    """names the class of a status code, on both ends of each range"""
    status_class = learner.function("status_class", signature="status_class(code: int) -> str")
    expect_call(status_class, code, returns=expected,
                help="The hundreds digit decides: 1xx informational, 2xx success, 3xx "
                "redirection, 4xx client error, 5xx server error.")


def test_status_class_refuses_out_of_range(learner: Learner) -> None:
    """refuses numbers that are not status codes"""
    status_class = learner.function("status_class")
    for code in (99, 600, 0, -200):
        expect_raises(ValueError, status_class, code, match=f"not a status code: {code}",
                      help="Status codes run from 100 to 599 inclusive; refuse anything else "
                      "before looking at the digit.")


@pytest.mark.parametrize(
    ("method", "expected", "help"),
    [("GET", (True, True), "GET only reads: safe, and so idempotent too."),
     ("HEAD", (True, True), "HEAD is GET without the body: safe."),
     ("OPTIONS", (True, True), "OPTIONS asks what is allowed: safe."),
     ("TRACE", (True, True), "TRACE echoes the request back: safe."),
     ("PUT", (False, True), "PUT replaces the resource: twice leaves the same state as once."),
     ("DELETE", (False, True), "Deleting twice leaves the resource as deleted as once."),
     ("POST", (False, False), "Two POSTs create two tasks: neither safe nor idempotent."),
     ("PATCH", (False, False), "A PATCH such as 'add 1 to the counter' is not idempotent."),
     ("CONNECT", (False, False), "CONNECT opens a tunnel: neither safe nor idempotent.")],
)
def test_method_properties(learner: Learner, method: str, expected: tuple[bool, bool],
                           help: str) -> None:
    """knows which methods are safe and which are idempotent"""
    method_properties = learner.function("method_properties",
                                         signature="method_properties(method: str)")
    expect_call(method_properties, method, returns=expected, help=help)


def test_method_properties_refuses_unknown(learner: Learner) -> None:
    """refuses unknown and lower-case method names"""
    method_properties = learner.function("method_properties")
    for method in ("get", "FETCH", ""):
        expect_raises(ValueError, method_properties, method, match=f"unknown method: {method!r}",
                      help="Method names are case-sensitive; anything outside the nine known "
                      "methods is refused with a message quoting it.")
