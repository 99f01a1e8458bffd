"""Check vocabulary for HTTP clients: a scripted transport, a fake clock and a loopback server.

A client exercise is graded by what it sends and how it reacts to what it gets back:

* ``ScriptedTransport`` is an ``httpx.MockTransport`` that answers from a script (responses,
  callables or transport errors, in order) and records every request it receives.
* ``FakeClock`` replaces ``time.sleep`` and ``time.monotonic``: sleeping only moves its time
  forward and records the delay, so a check of a retry back-off or a crawl delay takes no time.
* ``LoopbackServer`` is a real HTTP server on ``127.0.0.1`` (a free port, ``http.server`` in a
  thread) serving fixture pages: plain pages, redirects, a page that never answers and one
  that drops the connection.

Both recorders keep an exchange log (``GET /tasks -> 503``), and every failure built here
shows it, so the learner reads what their code sent and what it got back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from workbook.checking import CheckFailure, show

#: What a script step may be: a response, a function of the request, or an error to raise.
Reply = httpx.Response | Callable[[httpx.Request], httpx.Response] | httpx.TransportError


@dataclass(frozen=True)
class Exchange:
    """One request the learner's code sent and what it got back (a status or an error)."""

    method: str
    target: str
    outcome: str
    at: float | None = None
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def request_line(self) -> str:
        """``GET /tasks?page=2``: the method and the target, as the checks compare them."""
        return f"{self.method} {self.target}"

    def describe(self) -> str:
        when = f" at t={self.at:g}s" if self.at is not None else ""
        return f"{self.request_line} -> {self.outcome}{when}"


def describe_exchanges(exchanges: Sequence[Exchange]) -> str:
    """The exchange log as numbered lines, or ``no requests were sent``."""
    if not exchanges:
        return "no requests were sent"
    return "\n".join(f"  {n}. {e.describe()}" for n, e in enumerate(exchanges, start=1))


class _Named:
    """A callable whose repr is a name chosen for messages."""

    def __init__(self, name: str, func: Callable[..., Any]) -> None:
        self.name = name
        self.func = func

    def __call__(self, *args: Any) -> Any:
        return self.func(*args)

    def __repr__(self) -> str:
        return self.name


class _ShownClient(httpx.Client):
    """An ``httpx.Client`` that reads well in a failure message."""

    def __repr__(self) -> str:
        return f"httpx.Client(base_url={str(self.base_url)!r})" if self.base_url else "client"


class FakeClock:
    """A clock whose ``sleep`` returns at once and moves ``monotonic()`` forward.

    Pass ``clock.sleep`` (and ``clock.monotonic``) to the learner's code where it would use
    ``time.sleep`` and ``time.monotonic``; ``sleeps`` lists every delay it asked for.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.start = start
        self.sleeps: list[float] = []
        # Named callables, so a failure shows "sleep=clock.sleep", not a bound-method repr.
        self.sleep: Callable[[float], None] = _Named("clock.sleep", self._sleep)
        self.monotonic: Callable[[], float] = _Named("clock.monotonic", self._monotonic)

    def _sleep(self, seconds: float) -> None:
        """Record the delay and advance the time (negative delays are recorded, not slept)."""
        self.sleeps.append(seconds)
        if seconds > 0:
            self.now += seconds

    def _monotonic(self) -> float:
        return self.now

    def elapsed(self) -> float:
        """Seconds since the clock was made (what the learner's code has slept in total)."""
        return self.now - self.start


def reply(
    status: int = 200,
    *,
    json: Any = None,
    text: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> httpx.Response:
    """A scripted response: ``reply(503, headers={"Retry-After": "2"})``."""
    if json is not None:
        return httpx.Response(status, json=json, headers=headers)
    return httpx.Response(status, text=text or "", headers=headers)


class ScriptedTransport:
    """An ``httpx.MockTransport`` that answers from a script and records what it was sent.

    The script is consumed in order, one step per request. A request after the last step is
    answered ``400`` (an answer no client retries), recorded as ``(not in the script)`` and
    sets ``overrun``: the check's comparison of the requests sent then shows the extra one.
    ``clock``, when given, stamps each exchange with the fake time it was sent at.
    """

    def __init__(self, *script: Reply, clock: FakeClock | None = None) -> None:
        self.script = list(script)
        self.clock = clock
        self.requests: list[httpx.Request] = []
        self.exchanges: list[Exchange] = []
        self.overrun = False
        self.transport = httpx.MockTransport(self._handle)

    def client(self, **kwargs: Any) -> httpx.Client:
        """An ``httpx.Client`` that sends through this transport (kwargs go to the client)."""
        return _ShownClient(transport=self.transport, **kwargs)

    def log(self) -> str:
        return describe_exchanges(self.exchanges)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        at = self.clock.elapsed() if self.clock else None
        target = request.url.raw_path.decode("ascii", "replace")
        headers = dict(request.headers)

        def record(outcome: str) -> None:
            self.exchanges.append(Exchange(request.method, target, outcome, at, headers))

        index = len(self.requests) - 1
        if index >= len(self.script):
            self.overrun = True
            record("400 (not in the script)")
            return httpx.Response(400, text="request not in the check's script")
        step = self.script[index]
        if isinstance(step, httpx.TransportError):
            record(type(step).__name__)
            step.request = request
            raise step
        response = step if isinstance(step, httpx.Response) else step(request)
        record(str(response.status_code))
        return response


def expect_request_lines(
    exchanges: Sequence[Exchange], expected: Sequence[str], *, what: str, help: str
) -> None:
    """Fail unless the requests sent, as ``METHOD target`` lines, are exactly ``expected``."""
    sent = [e.request_line for e in exchanges]
    if sent == list(expected):
        return
    raise CheckFailure(
        f"{what}, the requests sent were not the expected ones:\n{describe_exchanges(exchanges)}",
        expected=show(list(expected)),
        actual=show(sent),
        help=help,
    )


def expect_exchange(
    condition: bool,
    exchanges: Sequence[Exchange],
    *,
    what: str,
    expected: str,
    actual: str,
    help: str,
) -> None:
    """``expect_true`` for HTTP: the failure also lists every exchange so far."""
    if not condition:
        raise CheckFailure(
            f"{what}: {actual}, expected {expected}\n{describe_exchanges(exchanges)}",
            expected=expected,
            actual=actual,
            help=help,
        )


# --- the loopback server ---------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A fixture the loopback server answers with.

    ``hang=True`` never answers (the client's timeout must end the wait); ``drop=True`` closes
    the connection without a word (the client sees a protocol error, not a timeout).
    """

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)
    hang: bool = False
    drop: bool = False


def page(
    body: str | bytes = "",
    *,
    status: int = 200,
    content_type: str = "text/html; charset=utf-8",
    headers: Mapping[str, str] | None = None,
) -> Page:
    """A page with a body: ``page("<h1>Hi</h1>")``, ``page("User-agent: *", content_type=...)``."""
    data = body.encode() if isinstance(body, str) else body
    return Page(data, status, content_type, dict(headers or {}))


def redirect(location: str, *, status: int = 302) -> Page:
    """A redirect to ``location`` (a path or an absolute URL)."""
    return Page(b"", status, "text/plain", {"Location": location})


def never_answers() -> Page:
    """A page whose server reads the request and then never answers (until the server stops)."""
    return Page(hang=True)


def drops_connection() -> Page:
    """A page whose server reads the request and closes the connection without answering."""
    return Page(drop=True)


#: How long a hanging page holds its connection at most, so a forgotten one cannot leak.
HANG_LIMIT = 10.0


class LoopbackServer:
    """A real HTTP/1.1 server on ``127.0.0.1`` serving ``routes`` (path -> ``Page``).

    A route may also be a sequence of pages, served one per request in turn (the last one
    repeats): ``[page("busy", status=503), page("ok")]`` answers 503 once, then 200.
    Use it as a context manager (``with LoopbackServer(routes) as server``): it starts on a free
    port and stops at the end, releasing any request still hanging. Unknown paths answer 404.
    ``exchanges`` records every request (its path with the query, the headers and the status).
    """

    def __init__(
        self, routes: Mapping[str, Page | Sequence[Page]], *, clock: FakeClock | None = None
    ) -> None:
        self.routes = {path: [p] if isinstance(p, Page) else list(p) for path, p in routes.items()}
        self._served: dict[str, int] = {}
        self.clock = clock
        self.exchanges: list[Exchange] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (no trailing slash)."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def paths(self) -> list[str]:
        """The targets requested, in order (``/robots.txt``, ``/``, ...)."""
        with self._lock:
            return [e.target for e in self.exchanges]

    def log(self) -> str:
        with self._lock:
            return describe_exchanges(list(self.exchanges))

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=2)

    def _next_page(self, route: str) -> Page:
        pages = self.routes.get(route)
        if not pages:
            return page("not found", status=404, content_type="text/plain")
        with self._lock:
            served = self._served.get(route, 0)
            self._served[route] = served + 1
        return pages[min(served, len(pages) - 1)]

    def _record(self, handler: BaseHTTPRequestHandler, outcome: str) -> None:
        exchange = Exchange(
            method=handler.command,
            target=handler.path,
            outcome=outcome,
            at=self.clock.elapsed() if self.clock else None,
            headers={k.lower(): v for k, v in handler.headers.items()},
        )
        with self._lock:
            self.exchanges.append(exchange)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                self._answer(include_body=True)

            def do_HEAD(self) -> None:
                self._answer(include_body=False)

            def _answer(self, *, include_body: bool) -> None:
                fixture = server._next_page(self.path.split("?", 1)[0])
                if fixture.hang:
                    server._record(self, "(never answered)")
                    server._stopping.wait(HANG_LIMIT)
                    self.close_connection = True
                    return
                if fixture.drop:
                    server._record(self, "(connection dropped)")
                    self.close_connection = True
                    return
                server._record(self, str(fixture.status))
                self.send_response(fixture.status)
                self.send_header("Content-Type", fixture.content_type)
                self.send_header("Content-Length", str(len(fixture.body)))
                for name, value in fixture.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if include_body:
                    self.wfile.write(fixture.body)

            def log_message(self, format: str, *args: Any) -> None:
                """Keep the check's output clean: the exchange log replaces the access log."""

        return Handler


@contextmanager
def loopback_server(
    routes: Mapping[str, Page | Sequence[Page]], *, clock: FakeClock | None = None
) -> Iterator[LoopbackServer]:
    """``with loopback_server({"/": page("<p>hi</p>")}) as server:`` runs it for the block."""
    with LoopbackServer(routes, clock=clock) as server:
        yield server
