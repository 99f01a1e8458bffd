"""The tasks API's table of outcomes to status codes, and the properties of each method.

Route handlers in the service never write a number: they name what happened
(``Outcome.CREATED``, ``Outcome.DUPLICATE``) and ``status_for`` picks the code, so every
endpoint answers the same situation the same way. ``status_class`` and ``method_properties``
help the middleware decide what to log and what a client may retry.
"""

from __future__ import annotations

from enum import StrEnum
from http import HTTPStatus


class Outcome(StrEnum):
    """What a request handler can report. Each comment says when the outcome applies."""

    FOUND = "found"  # a GET found what it asked for and returns it
    CREATED = "created"  # a POST created a new task (the answer carries a Location header)
    ACCEPTED = "accepted"  # the work was queued and will happen later (an export, an email)
    DELETED = "deleted"  # a DELETE succeeded and there is nothing to send back
    MOVED_FOR_GOOD = "moved_for_good"  # the resource has a new URL for good, keep the method
    NOT_MODIFIED = "not_modified"  # the client's cached copy (If-None-Match) is still current
    MALFORMED = "malformed"  # the body is not valid JSON at all
    INVALID = "invalid"  # valid JSON, but a field breaks a rule (title too long)
    NOT_AUTHENTICATED = "not_authenticated"  # no token, or an expired one
    FORBIDDEN = "forbidden"  # logged in, but the role does not allow the action (not an admin)
    NOT_FOUND = "not_found"  # no task with that id
    NOT_THE_OWNER = "not_the_owner"  # the task exists but belongs to someone else
    METHOD_NOT_ALLOWED = "method_not_allowed"  # e.g. PATCH on a collection
    NOT_ACCEPTABLE = "not_acceptable"  # no representation matches the Accept header
    CONFLICT = "conflict"  # duplicate email, or a state change the current state forbids
    PRECONDITION_FAILED = "precondition_failed"  # If-Match names an old version (lost update)
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"  # the body is XML, we only read JSON
    RATE_LIMITED = "rate_limited"  # the client sent too many requests
    BUG = "bug"  # an unexpected exception in our code
    UPSTREAM_FAILED = "upstream_failed"  # a service we call answered with garbage or an error
    UNAVAILABLE = "unavailable"  # maintenance or overload; the client may retry later
    UPSTREAM_TIMEOUT = "upstream_timeout"  # a service we call did not answer in time


def status_for(outcome: Outcome) -> HTTPStatus:
    """The status code that tells a client what happened.

    Two rules beyond the obvious: a task that belongs to someone else is answered exactly
    like a missing one (404), so the API never confirms that an id exists; and a body that
    parses but breaks a rule is a 422, while one that does not parse at all is a 400.
    ``ValueError`` for anything that is not an ``Outcome``.
    """
    # BEGIN SOLUTION: return one HTTPStatus member for each outcome
    table = {
        Outcome.FOUND: HTTPStatus.OK,
        Outcome.CREATED: HTTPStatus.CREATED,
        Outcome.ACCEPTED: HTTPStatus.ACCEPTED,
        Outcome.DELETED: HTTPStatus.NO_CONTENT,
        Outcome.MOVED_FOR_GOOD: HTTPStatus.PERMANENT_REDIRECT,
        Outcome.NOT_MODIFIED: HTTPStatus.NOT_MODIFIED,
        Outcome.MALFORMED: HTTPStatus.BAD_REQUEST,
        Outcome.INVALID: HTTPStatus.UNPROCESSABLE_ENTITY,
        Outcome.NOT_AUTHENTICATED: HTTPStatus.UNAUTHORIZED,
        Outcome.FORBIDDEN: HTTPStatus.FORBIDDEN,
        Outcome.NOT_FOUND: HTTPStatus.NOT_FOUND,
        Outcome.NOT_THE_OWNER: HTTPStatus.NOT_FOUND,
        Outcome.METHOD_NOT_ALLOWED: HTTPStatus.METHOD_NOT_ALLOWED,
        Outcome.NOT_ACCEPTABLE: HTTPStatus.NOT_ACCEPTABLE,
        Outcome.CONFLICT: HTTPStatus.CONFLICT,
        Outcome.PRECONDITION_FAILED: HTTPStatus.PRECONDITION_FAILED,
        Outcome.UNSUPPORTED_MEDIA_TYPE: HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
        Outcome.RATE_LIMITED: HTTPStatus.TOO_MANY_REQUESTS,
        Outcome.BUG: HTTPStatus.INTERNAL_SERVER_ERROR,
        Outcome.UPSTREAM_FAILED: HTTPStatus.BAD_GATEWAY,
        Outcome.UNAVAILABLE: HTTPStatus.SERVICE_UNAVAILABLE,
        Outcome.UPSTREAM_TIMEOUT: HTTPStatus.GATEWAY_TIMEOUT,
    }
    if not isinstance(outcome, Outcome):
        raise ValueError(f"unknown outcome: {outcome!r}")
    return table[outcome]
    # END SOLUTION


def status_class(code: int) -> str:
    """The class of a status code, from its first digit (RFC 9110, section 15).

    ``"informational"`` (100-199), ``"success"`` (200-299), ``"redirection"`` (300-399),
    ``"client error"`` (400-499) or ``"server error"`` (500-599). Any other number raises
    ``ValueError("not a status code: <code>")``; unknown codes inside a class are fine (a
    client must treat an unknown 299 like a 200).
    """
    # BEGIN SOLUTION: check the range, then use the hundreds digit
    if not 100 <= code <= 599:
        raise ValueError(f"not a status code: {code}")
    return ("informational", "success", "redirection", "client error", "server error")[
        code // 100 - 1
    ]
    # END SOLUTION


def method_properties(method: str) -> tuple[bool, bool]:
    """``(safe, idempotent)`` for one of the methods RFC 9110 defines, plus PATCH (RFC 5789).

    Safe methods (GET, HEAD, OPTIONS, TRACE) change nothing on the server; idempotent ones
    (the safe ones, PUT and DELETE) leave the server in the same state whether they are sent
    once or several times. POST, PATCH and CONNECT are neither. Method names are
    case-sensitive: ``"get"`` is not GET. Any other name raises
    ``ValueError("unknown method: <name, quoted>")``.
    """
    # BEGIN SOLUTION: look the method up in two sets, after checking it is a known one
    known = {"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "POST", "PATCH", "CONNECT"}
    safe = {"GET", "HEAD", "OPTIONS", "TRACE"}
    idempotent = safe | {"PUT", "DELETE"}
    if method not in known:
        raise ValueError(f"unknown method: {method!r}")
    return method in safe, method in idempotent
    # END SOLUTION
