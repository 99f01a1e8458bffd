"""Check vocabulary for HTTP applications: the learner's FastAPI app, called in-process.

``open_api(learner)`` wraps the learner's ``app`` in an in-thread ASGI client (``asgi_client``,
which behaves as Starlette's ``TestClient`` does, without its thread hand-offs); each request
states the status it expects and returns an ``Answer`` whose methods check headers and the
JSON body. Every failure names the request sent (method, path, body) and the answer got
(status and the start of the body)::

    with open_api(learner) as api:
        created = api.post("/tasks", json={"title": "Write docs"}, expect=201,
                           help="POST /tasks creates the task and answers 201 Created.")
        created.expect_header("location", "/tasks/1", help="...")

A stub's ``NotImplementedError`` reached by a request is raised again, so the check is "not
started"; any other crash in the learner's code becomes a failure naming the learner's line.
``openapi_parameter`` reads the OpenAPI document, ``expect_ws_json`` reads a WebSocket message,
and ``timed_requests`` sends requests at the same time through httpx's ASGI transport and
records when each started and ended, so a check can prove that requests overlap without
asserting absolute speeds.
"""

from __future__ import annotations

import asyncio
import json as jsonlib
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlencode

import httpx
from fastapi import FastAPI
from starlette.applications import Starlette

from workbook.asgi_client import InThreadClient
from workbook.checking import CheckFailure, Learner, origin, same_value, show

_BODY_EXCERPT = 200


class Response(Protocol):
    """What a check reads from a response (httpx's and the TestClient's responses both fit)."""

    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...

    @property
    def text(self) -> str: ...

    @property
    def content(self) -> bytes: ...

    def json(self) -> Any: ...


@dataclass(frozen=True)
class Sent:
    """A request as a message names it: ``POST /tasks with {"title": ""}``."""

    method: str
    path: str
    params: Mapping[str, object] | None = None
    body: object = None
    note: str = ""  # e.g. "with a file 'notes.txt'" for a request without a JSON body

    def __str__(self) -> str:
        query = ""
        if self.params:
            query = "?" + urlencode({key: _query_text(value) for key, value in self.params.items()})
        text = f"{self.method.upper()} {self.path}{query}"
        if self.body is not None:
            text += f" with {compact_json(self.body)}"
        if self.note:
            text += f" {self.note}"
        return text


def _query_text(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def compact_json(value: object) -> str:
    """JSON on one line (``{"title":"x"}``), or a short repr when it is not JSON."""
    try:
        text = jsonlib.dumps(value, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError):
        return show(value)
    return text if len(text) <= _BODY_EXCERPT else text[: _BODY_EXCERPT - 3] + "..."


def excerpt(response: Response) -> str:
    """The start of a response body on one line, or ``(empty body)``."""
    text = " ".join(response.text.split())
    if not text:
        return "(empty body)"
    return text if len(text) <= _BODY_EXCERPT else text[: _BODY_EXCERPT - 3] + "..."


def got(response: Response) -> str:
    """``404 {"detail":"Not Found"}``: the status and the start of the body."""
    return f"{response.status_code} {excerpt(response)}"


@dataclass(frozen=True)
class Answer:
    """A response together with the request that produced it, for the next expectations."""

    sent: Sent
    response: Response

    @property
    def status(self) -> int:
        return self.response.status_code

    def header(self, name: str) -> str | None:
        return self.response.headers.get(name.lower())

    def json(self, *, help: str) -> Any:
        """The decoded JSON body; a failure naming the request when the body is not JSON."""
        try:
            return self.response.json()
        except ValueError:
            raise CheckFailure(
                f"sent {self.sent}, got {got(self.response)}, which is not JSON",
                expected="a JSON body",
                actual=got(self.response),
                help=help,
            ) from None

    def expect_json(self, expected: Any, *, help: str) -> Any:
        """Fail unless the JSON body equals ``expected`` (types compared, as in expect_equal)."""
        body = self.json(help=help)
        if not same_value(body, expected):
            want = compact_json(expected)
            raise CheckFailure(
                f"sent {self.sent}, got {self.status} {compact_json(body)}, expected the body "
                f"{want}" + _first_difference(body, expected),
                expected=want,
                actual=compact_json(body),
                help=help,
            )
        return body

    def expect_fields(self, expected: Mapping[str, Any], *, help: str) -> dict[str, Any]:
        """Fail unless the body is an object holding these fields with these values."""
        body = self.json(help=help)
        if not isinstance(body, dict):
            raise CheckFailure(
                f"sent {self.sent}, got {self.status} {compact_json(body)}, expected a JSON "
                f"object with {compact_json(dict(expected))}",
                expected=f"an object with {compact_json(dict(expected))}",
                actual=f"{type(body).__name__}: {compact_json(body)}",
                help=help,
            )
        for key, value in expected.items():
            if key not in body or not same_value(body[key], value):
                actual = "no such field" if key not in body else compact_json(body[key])
                raise CheckFailure(
                    f"sent {self.sent}, got {self.status} {compact_json(body)}, expected "
                    f"{key!r} to be {compact_json(value)} ({actual})",
                    expected=f"{key}: {compact_json(value)}",
                    actual=f"{key}: {actual}",
                    help=help,
                )
        return body

    def expect_content(self, expected: bytes, *, help: str) -> None:
        """Fail unless the body is exactly these bytes (the report gives sizes and an offset)."""
        actual = self.response.content
        if actual == expected:
            return
        offset = next(
            (i for i, (a, e) in enumerate(zip(actual, expected, strict=False)) if a != e),
            min(len(actual), len(expected)),
        )
        raise CheckFailure(
            f"sent {self.sent}, got {self.status} with a body of {len(actual)} bytes, expected "
            f"the {len(expected)} bytes sent; they differ from byte {offset}",
            expected=f"{len(expected)} bytes starting {expected[:24]!r}",
            actual=f"{len(actual)} bytes starting {actual[:24]!r}",
            help=help,
        )

    def expect_text_in_body(self, *fragments: str, help: str) -> None:
        """Fail unless the body mentions every fragment (case-insensitive)."""
        text = self.response.text.lower()
        missing = [fragment for fragment in fragments if fragment.lower() not in text]
        if missing:
            raise CheckFailure(
                f"sent {self.sent}, got {got(self.response)}, expected the body to mention "
                + " and ".join(repr(fragment) for fragment in missing),
                expected="a body mentioning " + ", ".join(repr(f) for f in fragments),
                actual=excerpt(self.response),
                help=help,
            )

    def expect_header(
        self,
        name: str,
        value: str | None = None,
        *,
        help: str,
        startswith: str | None = None,
    ) -> str:
        """Fail unless header ``name`` is present (equal to ``value``, or starting as given)."""
        actual = self.header(name)
        wanted = (
            repr(value)
            if value is not None
            else (f"a value starting with {startswith!r}" if startswith else "present")
        )
        if actual is None:
            raise CheckFailure(
                f"sent {self.sent}, got {self.status} without a {name} header, expected "
                f"{name}: {wanted}",
                expected=f"{name}: {wanted}",
                actual=f"headers: {', '.join(sorted(self.response.headers.keys())) or 'none'}",
                help=help,
            )
        matches = (value is None or actual == value) and (
            startswith is None or actual.startswith(startswith)
        )
        if not matches:
            raise CheckFailure(
                f"sent {self.sent}, got {self.status} with {name}: {actual!r}, expected {wanted}",
                expected=f"{name}: {wanted}",
                actual=f"{name}: {actual!r}",
                help=help,
            )
        return actual

    def expect_no_header(self, name: str, *, help: str) -> None:
        actual = self.header(name)
        if actual is not None:
            raise CheckFailure(
                f"sent {self.sent}, got {self.status} with {name}: {actual!r}, expected no "
                f"{name} header",
                expected=f"no {name} header",
                actual=f"{name}: {actual!r}",
                help=help,
            )


def _first_difference(actual: Any, expected: Any) -> str:
    """``; first difference at [1]['done']: True instead of False`` for nested JSON values."""
    path = _difference_path(actual, expected, "")
    if path is None:
        return ""
    where, got_value, want_value = path
    return f"\n  first difference at {where or 'the top'}: {got_value} instead of {want_value}"


def _difference_path(actual: Any, expected: Any, where: str) -> tuple[str, str, str] | None:
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected:
            if key not in actual:
                return f"{where}[{key!r}]", "missing", compact_json(expected[key])
            found = _difference_path(actual[key], expected[key], f"{where}[{key!r}]")
            if found:
                return found
        extra = [key for key in actual if key not in expected]
        if extra:
            return f"{where}[{extra[0]!r}]", compact_json(actual[extra[0]]), "no such key"
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        for index, (a, e) in enumerate(zip(actual, expected, strict=False)):
            found = _difference_path(a, e, f"{where}[{index}]")
            if found:
                return found
        if len(actual) != len(expected):
            return f"{where} length", str(len(actual)), str(len(expected))
        return None
    if same_value(actual, expected):
        return None
    return where, compact_json(actual), compact_json(expected)


class ExceptionRecorder:
    """ASGI middleware, innermost, that notes every exception escaping the routes."""

    def __init__(self, app: Any, sink: list[BaseException]) -> None:
        self.app = app
        self.sink = sink

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            await self.app(scope, receive, send)
        except Exception as error:
            self.sink.append(error)
            raise


@dataclass
class Api:
    """The learner's app behind a test client, with requests that state what they expect."""

    client: InThreadClient
    app: Starlette
    crashes: list[BaseException] = field(default_factory=list)

    def request(
        self,
        method: str,
        path: str,
        *,
        expect: int | Sequence[int],
        help: str,
        json: object = None,
        params: Mapping[str, object] | None = None,
        headers: Mapping[str, str] | None = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        note: str = "",
    ) -> Answer:
        """Send one request; fail unless its status is ``expect`` (or one of them)."""
        wanted = (expect,) if isinstance(expect, int) else tuple(expect)
        if headers and not note:
            note = "with " + ", ".join(f"{name}: {value}" for name, value in headers.items())
        sent = Sent(method, path, params, json, note)
        kwargs: dict[str, Any] = {}
        if json is not None:
            kwargs["json"] = json
        if params is not None:
            kwargs["params"] = {key: _query_text(value) for key, value in params.items()}
        if headers is not None:
            kwargs["headers"] = dict(headers)
        if files is not None:
            kwargs["files"] = dict(files)
        self.crashes.clear()
        try:
            response = self.client.request(method, path, **kwargs)
        except NotImplementedError:
            raise
        except Exception as error:
            raise crash_failure(sent, error, wanted, help) from error
        answer = Answer(sent, response)
        expect_status(answer, wanted, help=help, crashes=self.crashes)
        return answer

    def get(self, path: str, **kwargs: Any) -> Answer:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Answer:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> Answer:
        return self.request("PUT", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> Answer:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Answer:
        return self.request("DELETE", path, **kwargs)


def expect_status(
    answer: Answer,
    expected: int | Sequence[int],
    *,
    help: str,
    crashes: Sequence[BaseException] = (),
) -> None:
    """Fail unless the answer's status is ``expected``; a recorded crash is named if any."""
    wanted = (expected,) if isinstance(expected, int) else tuple(expected)
    for crash in crashes:
        if isinstance(crash, NotImplementedError):
            raise crash
    if answer.status in wanted:
        return
    if crashes:
        raise crash_failure(answer.sent, crashes[0], wanted, help)
    want = " or ".join(str(status) for status in wanted)
    raise CheckFailure(
        f"sent {answer.sent}, got {got(answer.response)}, expected {want}",
        expected=want,
        actual=got(answer.response),
        help=help,
    )


def crash_failure(
    sent: Sent, error: BaseException, expected: Sequence[int], help: str
) -> CheckFailure:
    """A failure for a request whose handling raised ``error`` in the learner's code."""
    where = origin(error)
    want = " or ".join(str(status) for status in expected)
    text = _short_exception(error)
    return CheckFailure(
        f"sent {sent}, your app raised {text}" + (f" {where}" if where else "")
        + f" instead of answering {want}",
        expected=want,
        actual=f"raised {text}",
        help=help,
    )


def _short_exception(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else ""
    if len(text) > 160:
        text = text[:157] + "..."
    return f"{type(error).__name__}({text!r})" if text else type(error).__name__


def learner_app(learner: Learner, name: str = "app") -> FastAPI:
    """The learner's FastAPI application ``name``."""
    app = learner.attribute(name, kind="FastAPI application")
    if not isinstance(app, FastAPI):
        raise CheckFailure(
            f"{name} in {learner.display_path} should be a FastAPI application, but it is "
            f"{type(app).__name__}",
            expected=f"{name} = FastAPI(...)",
            actual=show(app),
            help=f"Create the application once at module level: {name} = FastAPI(...).",
        )
    return app


@contextmanager
def open_api(
    learner: Learner | None = None, *, app: Starlette | None = None, name: str = "app"
) -> Iterator[Api]:
    """A test client on the learner's ``app`` (or on ``app``), with crash recording.

    The client runs the app's lifespan, re-raises a stub's NotImplementedError, and talks to
    ``http://testserver`` without any network.
    """
    if app is None:
        if learner is None:
            raise TypeError("open_api needs a learner or an app")
        app = learner_app(learner, name)
    crashes: list[BaseException] = []
    app.user_middleware.append(_middleware(crashes))
    app.middleware_stack = None  # rebuilt on the next request, with the recorder inside
    try:
        with InThreadClient(app) as client:
            yield Api(client, app, crashes)
    finally:
        app.user_middleware[:] = [
            m for m in app.user_middleware if m.kwargs.get("sink") is not crashes
        ]
        app.middleware_stack = None


def _middleware(sink: list[BaseException]) -> Any:
    from starlette.middleware import Middleware

    return Middleware(ExceptionRecorder, sink=sink)


# --- the OpenAPI document -------------------------------------------------------------------


def openapi_document(app: Starlette, *, help: str) -> dict[str, Any]:
    """The app's OpenAPI document (``app.openapi()``); a failure when it cannot be built."""
    build = getattr(app, "openapi", None)
    if build is None:
        raise CheckFailure(
            "the application has no OpenAPI document",
            expected="a FastAPI application",
            actual=type(app).__name__,
            help="Create the application with FastAPI(...), which documents every route.",
        )
    app.openapi_schema = None  # type: ignore[attr-defined]  # built afresh from the routes
    try:
        document = build()
    except NotImplementedError:
        raise
    except Exception as error:
        raise CheckFailure(
            f"building the OpenAPI document (GET /openapi.json) raised {_short_exception(error)}",
            expected="an OpenAPI document",
            actual=f"raised {_short_exception(error)}",
            help=help,
        ) from error
    return dict(document)


def openapi_operation(
    document: Mapping[str, Any], method: str, path: str, *, help: str
) -> dict[str, Any]:
    """The operation ``method path`` (``GET /tasks/{task_id}``) of an OpenAPI document."""
    paths = document.get("paths", {})
    operations = paths.get(path, {})
    operation = operations.get(method.lower())
    if operation is None:
        listed = [f"{m.upper()} {p}" for p, ops in paths.items() for m in ops]
        raise CheckFailure(
            f"the OpenAPI document has no {method.upper()} {path}",
            expected=f"an operation {method.upper()} {path}",
            actual="operations: " + (", ".join(listed) or "none"),
            help=help,
        )
    return dict(operation)


def schema_types(schema: Mapping[str, Any]) -> set[str]:
    """The JSON types a schema allows (``anyOf`` branches merged, ``null`` included)."""
    if "type" in schema:
        kind = schema["type"]
        return set(kind) if isinstance(kind, list) else {str(kind)}
    types: set[str] = set()
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
        types |= schema_types(branch)
    return types


def openapi_parameter(
    document: Mapping[str, Any],
    method: str,
    path: str,
    name: str,
    *,
    location: str,
    help: str,
) -> dict[str, Any]:
    """The parameter ``name`` of an operation, with its ``schema``; fails when it is missing."""
    operation = openapi_operation(document, method, path, help=help)
    parameters = operation.get("parameters", [])
    for parameter in parameters:
        if parameter.get("name") == name and parameter.get("in") == location:
            return dict(parameter)
    listed = [f"{p.get('name')} (in {p.get('in')})" for p in parameters]
    raise CheckFailure(
        f"the OpenAPI document of {method.upper()} {path} has no {location} parameter {name!r}",
        expected=f"a {location} parameter {name!r}",
        actual="parameters: " + (", ".join(listed) or "none"),
        help=help,
    )


def expect_parameter(
    document: Mapping[str, Any],
    method: str,
    path: str,
    name: str,
    *,
    location: str,
    type: str,
    help: str,
    required: bool | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    default: object = ...,
) -> dict[str, Any]:
    """Fail unless the documented parameter has this JSON type, bounds, default, requiredness."""
    parameter = openapi_parameter(document, method, path, name, location=location, help=help)
    schema = parameter.get("schema", {})
    where = f"in the OpenAPI document, {method.upper()} {path} parameter {name!r}"
    facts: list[tuple[str, object, object]] = [
        ("type", type, sorted(schema_types(schema) - {"null"}) or "any")
    ]
    if required is not None:
        facts.append(("required", required, bool(parameter.get("required", False))))
    if minimum is not None:
        facts.append(("minimum", minimum, _bound(schema, "minimum")))
    if maximum is not None:
        facts.append(("maximum", maximum, _bound(schema, "maximum")))
    if default is not ...:
        facts.append(("default", default, schema.get("default", "none")))
    for fact, wanted, actual in facts:
        ok = type in schema_types(schema) if fact == "type" else same_value(actual, wanted)
        if not ok:
            raise CheckFailure(
                f"{where} has {fact} {show(actual)}, expected {show(wanted)}",
                expected=f"{fact}: {show(wanted)}",
                actual=f"{fact}: {show(actual)}; schema {compact_json(schema)}",
                help=help,
            )
    return parameter


def _bound(schema: Mapping[str, Any], key: str) -> object:
    if key in schema:
        return schema[key]
    for branch in schema.get("anyOf", []):
        if key in branch:
            return branch[key]
    return "none"


# --- concurrent requests ----------------------------------------------------------------------


@dataclass(frozen=True)
class Timed:
    """One request of a concurrent batch: when it started and ended (seconds, monotonic)."""

    sent: Sent
    started: float
    ended: float
    response: Response | None = None
    error: BaseException | None = None


def timed_requests(
    app: Starlette, requests: Sequence[Sent], *, timeout: float = 5.0
) -> list[Timed]:
    """Send ``requests`` at the same time through httpx's ASGI transport; time each one.

    A stub's NotImplementedError is raised again; other errors are kept on the ``Timed``.
    """

    async def one(client: httpx.AsyncClient, sent: Sent) -> Timed:
        started = time.perf_counter()
        try:
            response = await client.request(
                sent.method,
                sent.path,
                params={k: _query_text(v) for k, v in (sent.params or {}).items()},
                json=sent.body,
            )
        except NotImplementedError:
            raise
        except Exception as error:
            return Timed(sent, started, time.perf_counter(), error=error)
        return Timed(sent, started, time.perf_counter(), response=response)

    async def run_all() -> list[Timed]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return list(
                await asyncio.wait_for(
                    asyncio.gather(*(one(client, sent) for sent in requests)), timeout
                )
            )

    return asyncio.run(run_all())


def expect_overlap(timings: Sequence[Timed], *, help: str, expect: int = 200) -> None:
    """Fail unless every request answered ``expect`` and all of them were in flight at once.

    Overlap means the last request started before the first one finished: requests that the
    event loop served one after the other cannot overlap, however fast the machine is.
    """
    for timed in timings:
        if timed.error is not None:
            raise crash_failure(timed.sent, timed.error, (expect,), help)
        assert timed.response is not None
        if timed.response.status_code != expect:
            raise CheckFailure(
                f"sent {timed.sent} (with {len(timings) - 1} other requests at the same time), "
                f"got {got(timed.response)}, expected {expect}",
                expected=str(expect),
                actual=got(timed.response),
                help=help,
            )
    if len(timings) < 2:
        return
    first_end = min(t.ended for t in timings)
    last_start = max(t.started for t in timings)
    if last_start >= first_end:
        origin_time = min(t.started for t in timings)
        lines = "\n".join(
            f"    {t.sent}: started at {1000 * (t.started - origin_time):.0f} ms, "
            f"ended at {1000 * (t.ended - origin_time):.0f} ms"
            for t in sorted(timings, key=lambda t: t.started)
        )
        sent = ", ".join(str(t.sent) for t in timings)
        raise CheckFailure(
            f"sent {len(timings)} requests at the same time ({sent}), and they were served "
            f"one after the other:\n{lines}",
            expected="requests in flight together (each one starts before any has finished)",
            actual="each request started only after the previous one had finished",
            help=help,
        )


# --- WebSockets -------------------------------------------------------------------------------


class WebSocketSession(Protocol):
    """What a check uses of ``TestClient.websocket_connect(...)``'s session."""

    def receive_json(self) -> Any: ...


def expect_ws_json(
    session: WebSocketSession, expected: Any, *, after: str, help: str
) -> Any:
    """Receive the next WebSocket message and fail unless it is the JSON ``expected``.

    ``after`` says what led to the message (``"POST /tasks/2/complete"``) for the report. A
    message that never comes is stopped by the check's time limit.
    """
    try:
        message = session.receive_json()
    except NotImplementedError:
        raise
    except Exception as error:
        raise CheckFailure(
            f"after {after}, receiving the next WebSocket message raised "
            f"{_short_exception(error)}" + (f" {where}" if (where := origin(error)) else ""),
            expected=compact_json(expected),
            actual=f"raised {_short_exception(error)}",
            help=help,
        ) from error
    if not same_value(message, expected):
        raise CheckFailure(
            f"after {after}, the WebSocket received {compact_json(message)}, expected "
            f"{compact_json(expected)}",
            expected=compact_json(expected),
            actual=compact_json(message),
            help=help,
        )
    return message
