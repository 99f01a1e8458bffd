"""Checks for week08/ex04_request_id_logging: JSON lines with the request id on every one."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from workbook.checking import CheckFailure, Learner, call, expect_call, expect_equal, expect_true
from workbook.checking_app import Api, open_api


@dataclass
class Logged:
    stream: io.StringIO

    def lines(self, *, help: str) -> list[Any]:
        entries = []
        for line in self.stream.getvalue().splitlines():
            try:
                entries.append(json.loads(line))
            except ValueError:
                raise CheckFailure(
                    f"a log line is not JSON: {line[:160]!r}", expected="one JSON object a line",
                    actual=line[:160], help=help) from None
        self.stream.seek(0)
        self.stream.truncate()
        return entries


@contextmanager
def logged_api(learner: Learner) -> Iterator[tuple[Api, Logged]]:
    stream = io.StringIO()
    handler = call(learner.function("configure_logging"), stream,
                   help="configure_logging(stream) adds a handler and returns it.")
    expect_true(isinstance(handler, logging.Handler)
                and handler in logging.getLogger("tasks").handlers,
                what="configure_logging(stream)", expected="the handler added to the 'tasks' "
                "logger", actual=repr(handler), help="Return the handler you added, so the "
                "caller can remove it with removeHandler.")
    try:
        with open_api(learner) as api:
            yield api, Logged(stream)
    finally:
        logging.getLogger("tasks").removeHandler(handler)


def record(message: str, *args: object, **extra: object) -> logging.LogRecord:
    made = logging.LogRecord("tasks.api", logging.WARNING, __file__, 1, message, args, None)
    made.__dict__.update(extra)
    return made


def test_formatter(learner: Learner) -> None:
    """formats a record as one JSON object with its request id"""
    format_ = learner.cls("JsonFormatter")().format
    help = ("Return json.dumps of {'level': record.levelname, 'logger': record.name, "
            "'message': record.getMessage(), 'request_id': getattr(record, 'request_id', None)}.")
    text = call(format_, record("task %s moved to %s", 7, "done", request_id="r-1"), help=help)
    expect_equal(json.loads(text), {"level": "WARNING", "logger": "tasks.api",
                                    "message": "task 7 moved to done", "request_id": "r-1"},
                 what="JsonFormatter().format(<a WARNING record with request_id 'r-1'>)",
                 help=help)
    expect_true("\n" not in text, what="the formatted record", expected="a single line",
                actual=repr(text[:120]), help="One record is one line: no indent in json.dumps.")
    text = call(format_, record("no request here"), help=help)
    expect_equal(json.loads(text)["request_id"], None,
                 what="request_id of a record that has none",
                 help="A record made outside a request has no request_id attribute: use None.")


def test_formatter_exception(learner: Learner) -> None:
    """adds the traceback of a logged exception"""
    try:
        raise ValueError("bad state")
    except ValueError:
        info = sys.exc_info()
    failing = logging.LogRecord("tasks.api", logging.ERROR, __file__, 1, "boom", None, info)
    text = call(learner.cls("JsonFormatter")().format, failing,
                help="format must handle a record with exc_info.")
    entry = json.loads(text)
    expect_true("ValueError: bad state" in str(entry.get("exception", "")),
                what="the 'exception' field", expected="the formatted traceback",
                actual=str(entry.get("exception", "no 'exception' field"))[:160],
                help="When record.exc_info is set, add 'exception': "
                "self.formatException(record.exc_info).")


def test_choose_request_id(learner: Learner) -> None:
    """keeps a safe X-Request-ID and replaces an unsafe or missing one"""
    choose = learner.function("choose_request_id")
    help = "A safe id (letters, digits, '.', '_', '-', 1 to 64 of them) is kept as sent."
    expect_call(choose, "abc-123", returns="abc-123", help=help)
    expect_call(choose, "a" * 64, returns="a" * 64, help="64 characters is still allowed.")
    expect_call(choose, "A.b_9", returns="A.b_9", help=help)
    for unsafe in ("a" * 65, "", "abc\ninjected", "x y", None):
        made = call(choose, unsafe, help="choose_request_id never raises.")
        expect_true(isinstance(made, str) and len(made) == 32 and made != unsafe
                    and all(c in "0123456789abcdef" for c in made),
                    what=f"choose_request_id({unsafe!r})", expected="a new uuid4().hex",
                    actual=repr(made), help="An id that is missing, empty, too long or holds "
                    "other characters (a newline forges log lines) is replaced by "
                    "uuid.uuid4().hex; match the whole string (fullmatch).")
    first, second = call(choose, None, help=help), call(choose, None, help=help)
    expect_true(first != second, what="two calls of choose_request_id(None)",
                expected="two different ids", actual=f"{first!r} twice",
                help="Each request gets a fresh id.")


def test_lines_carry_the_sent_id(learner: Learner) -> None:
    """writes every line of a request with the id it sent, and echoes it"""
    help = ("The middleware sets request_id_var before call_next; RequestIdFilter copies it "
            "onto each record; configure_logging puts the filter and the formatter on one "
            "handler.")
    with logged_api(learner) as (api, logged):
        answer = api.get("/tasks", headers={"X-Request-ID": "abc-123"}, expect=200, help=help)
        answer.expect_header("x-request-id", "abc-123",
                             help="Echo the id in the response's X-Request-ID header.")
        expect_equal(logged.lines(help=help), [
            {"level": "INFO", "logger": "tasks.api", "message": "listing tasks",
             "request_id": "abc-123"},
            {"level": "INFO", "logger": "tasks.http", "message": "GET /tasks -> 200",
             "request_id": "abc-123"}],
            what="the log lines of GET /tasks with X-Request-ID: abc-123", help=help)
        logging.getLogger("tasks.api").debug("too chatty")
        expect_equal(logged.lines(help=help), [], what="lines after a DEBUG record",
                     help="configure_logging sets the tasks logger to INFO.")


def test_variable_reset(learner: Learner) -> None:
    """resets the request id once the request is answered"""
    middleware = learner.function("request_id_middleware")
    variable = learner.attribute("request_id_var")
    scope = {"type": "http", "method": "GET", "path": "/tasks", "headers":
             [(b"x-request-id", b"r-9")], "query_string": b""}
    seen: list[object] = []

    async def call_next(request: Request) -> Response:
        seen.append(variable.get())
        return Response("ok")

    async def one_request() -> object:
        await middleware(Request(scope), call_next)
        return variable.get()

    after = asyncio.run(one_request())
    expect_equal(seen, ["r-9"], what="request_id_var.get() inside the route",
                 help="Set the variable before call_next.")
    expect_equal(after, None, what="request_id_var.get() after the middleware returned",
                 help="Reset the variable in a finally block (request_id_var.reset(token)), "
                 "or code that runs next in the same context is blamed on this request.")


def test_generated_id(learner: Learner) -> None:
    """generates an id when none is sent, the same in the lines and the header"""
    help = "Use choose_request_id(request.headers.get('x-request-id')) in the middleware."
    with logged_api(learner) as (api, logged):
        ids = []
        for _ in range(2):
            answer = api.get("/tasks", expect=200, help=help, note="without X-Request-ID")
            sent_back = answer.expect_header("x-request-id", help=help)
            lines = logged.lines(help=help)
            expect_equal([line["request_id"] for line in lines], [sent_back, sent_back],
                         what="request ids in the log lines", help="The id in the header and "
                         "the one in the logs must be the same value.")
            ids.append(sent_back)
        expect_true(ids[0] != ids[1], what="the ids of two requests", expected="different",
                    actual=f"{ids[0]!r} twice", help="Make a new id for each request.")
        api.get("/tasks", headers={"X-Request-ID": "bad id"}, expect=200, help=help
                ).expect_header("x-request-id", help=help)
        expect_true(all(line["request_id"] != "bad id" for line in logged.lines(help=help)),
                    what="the log lines of a request with X-Request-ID: 'bad id'",
                    expected="a generated id", actual="'bad id'",
                    help="An unsafe id is replaced before it is logged.")
