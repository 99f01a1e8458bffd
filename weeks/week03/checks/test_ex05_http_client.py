"""Checks for week03/ex05_http_client: timeouts, and retries only where they are safe.

The client talks to an httpx.MockTransport that answers from a script and records what it was
sent; the delays go to a fake clock, so no check waits. The last two checks use a real server
on 127.0.0.1.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx

from workbook.checking import Learner, call, expect_call, expect_equal, expect_raises, show
from workbook.checking_http import (
    FakeClock,
    ScriptedTransport,
    expect_exchange,
    expect_request_lines,
    loopback_server,
    never_answers,
    page,
    reply,
)

API = "https://partner.example/api/"


def send(learner: Learner, transport: ScriptedTransport, clock: FakeClock, method: str,
         url: str, help: str, **options: Any) -> Any:
    """Call send_with_retries through the scripted transport and return its answer."""
    send_with_retries = learner.function(
        "send_with_retries", signature="send_with_retries(client, method, url, *, ...)")
    with transport.client(base_url=API) as client:
        return call(send_with_retries, client, method, url, sleep=clock.sleep, help=help,
                    **options)


def expect_outcome(transport: ScriptedTransport, clock: FakeClock, response: Any, *,
                   call_text: str, lines: list[str], status: int, sleeps: list[float],
                   help: str) -> None:
    expect_request_lines(transport.exchanges, lines, what=f"after {call_text}", help=help)
    got = getattr(response, "status_code", response)
    expect_exchange(got == status, transport.exchanges, what=f"{call_text} returned",
                    expected=f"the {status} answer", actual=show(got), help=help)
    expect_equal(clock.sleeps, sleeps, what=f"the delays slept during {call_text}", help=help)


def test_make_client(learner: Learner) -> None:
    """builds a client with a base URL, timeouts and identifying headers"""
    make_client = learner.function("make_client", signature="make_client(base_url, *, ...)")
    transport = ScriptedTransport(reply(200, json={"id": 1}))
    client = call(make_client, API, timeout=2.5, transport=transport.transport,
                  help="make_client only builds an httpx.Client.")
    with client:
        expect_equal(client.timeout, httpx.Timeout(2.5),
                     what=f"make_client({API!r}, timeout=2.5).timeout",
                     help="Pass httpx.Timeout(timeout) so connect, read, write and pool each "
                     "get the limit; without one a hung server blocks the caller.")
        expect_equal(client.follow_redirects, False, what="the client's follow_redirects",
                     help="Do not follow redirects: the caller decides what a 3xx means.")
        client.get("tasks/1")
    expect_request_lines(transport.exchanges, ["GET /api/tasks/1"],
                         what="after client.get('tasks/1')",
                         help="Give the client base_url so paths are relative to the API.")
    sent = transport.exchanges[0].headers
    user_agent = learner.attribute("USER_AGENT")
    expect_equal((sent.get("user-agent"), sent.get("accept")), (user_agent, "application/json"),
                 what="the (User-Agent, Accept) headers the client sent",
                 help="Set default headers on the client: identify yourself with USER_AGENT and "
                 "ask for JSON.")


def test_is_retryable(learner: Learner) -> None:
    """retries on 429 and every 5xx, and on nothing else"""
    is_retryable = learner.function("is_retryable", signature="is_retryable(status_code: int)")
    for status in (429, 500, 502, 503, 504, 599):
        expect_call(is_retryable, status, returns=True,
                    help="429 (slow down) and 500-599 (server trouble) may succeed later.")
    for status in (200, 201, 304, 400, 404, 428, 430, 499, 600):
        expect_call(is_retryable, status, returns=False,
                    help="Other answers are final: retrying a 404 or a 400 gives the same "
                    "answer again.")


def test_retry_after_seconds(learner: Learner) -> None:
    """reads Retry-After as seconds or as an HTTP date"""
    retry_after_seconds = learner.function("retry_after_seconds",
                                           signature="retry_after_seconds(value, *, now=None)")
    now = datetime(2026, 10, 21, 7, 27, tzinfo=UTC)
    expect_call(retry_after_seconds, "120", returns=120.0,
                help="A number of seconds, as a float.")
    expect_call(retry_after_seconds, "0", returns=0.0, help="0 means 'retry now'.")
    expect_call(retry_after_seconds, "Wed, 21 Oct 2026 07:28:00 GMT", now=now, returns=60.0,
                help="An HTTP date counts from now: parse it with "
                "email.utils.parsedate_to_datetime and subtract.")
    expect_call(retry_after_seconds, "Wed, 21 Oct 2026 07:20:00 GMT", now=now, returns=0.0,
                help="A date in the past means there is no need to wait: 0, never negative.")
    for value in (None, "soon", "-5", "1.5", ""):
        expect_call(retry_after_seconds, value, returns=None,
                    help="Anything that is neither digits nor an HTTP date is unusable: return "
                    "None so the caller uses its own back-off.")


def test_retries_then_succeeds(learner: Learner) -> None:
    """retries a GET after 503s, waiting 0.5 s then 1 s"""
    clock = FakeClock()
    transport = ScriptedTransport(reply(503), reply(503), reply(200, json={"id": 7}), clock=clock)
    response = send(learner, transport, clock, "GET", "tasks/7",
                    help="Two 503s then a 200 is a normal day.")
    expect_outcome(transport, clock, response, call_text="send_with_retries(client, 'GET', "
                   "'tasks/7')", lines=["GET /api/tasks/7"] * 3, status=200, sleeps=[0.5, 1.0],
                   help="Retry after a 503, waiting base_delay * 2 ** (n - 1) before retry n, "
                   "and stop at the first answer that is not retryable.")


def test_gives_up(learner: Learner) -> None:
    """stops after max_attempts and returns the last answer"""
    clock = FakeClock()
    transport = ScriptedTransport(reply(500), reply(502), reply(503, text="last"), clock=clock)
    response = send(learner, transport, clock, "GET", "tasks",
                    help="Running out of attempts is not an error: return the last answer.")
    expect_outcome(transport, clock, response, call_text="send_with_retries(client, 'GET', "
                   "'tasks')", lines=["GET /api/tasks"] * 3, status=503, sleeps=[0.5, 1.0],
                   help="max_attempts=3 means three requests in all, and no wait after the last "
                   "one.")


def test_one_attempt(learner: Learner) -> None:
    """sends once with max_attempts=1 and refuses max_attempts=0"""
    clock = FakeClock()
    transport = ScriptedTransport(reply(503), clock=clock)
    response = send(learner, transport, clock, "GET", "tasks", max_attempts=1,
                    help="One attempt allowed.")
    expect_outcome(transport, clock, response, call_text="send_with_retries(client, 'GET', "
                   "'tasks', max_attempts=1)", lines=["GET /api/tasks"], status=503, sleeps=[],
                   help="With a single attempt there is nothing to retry and nothing to wait "
                   "for.")
    send_with_retries = learner.function("send_with_retries")
    with ScriptedTransport().client(base_url=API) as client:
        expect_raises(ValueError, send_with_retries, client, "GET", "tasks", max_attempts=0,
                      sleep=clock.sleep, match="max_attempts",
                      help="Zero attempts would never send anything: refuse it before sending.")


def test_never_retries_post(learner: Learner) -> None:
    """sends POST and PATCH once, whatever the answer"""
    for method in ("POST", "PATCH"):
        clock = FakeClock()
        transport = ScriptedTransport(reply(503), clock=clock)
        response = send(learner, transport, clock, method, "tasks", json={"title": "Milk"},
                        help="A 503 on a POST is returned, not retried.")
        expect_outcome(transport, clock, response,
                       call_text=f"send_with_retries(client, {method!r}, 'tasks', json=...)",
                       lines=[f"{method} /api/tasks"], status=503, sleeps=[],
                       help=f"{method} is not idempotent: if the first request did reach the "
                       "server, a retry creates a duplicate. Send it once.")
    expect_equal(transport.requests[0].content, b'{"title":"Milk"}',
                 what="the body of the PATCH request",
                 help="Pass the extra keyword arguments (json=..., params=...) on to "
                 "client.request.")


def test_retries_put_and_delete(learner: Learner) -> None:
    """retries PUT and DELETE, which are idempotent"""
    for method in ("PUT", "DELETE"):
        clock = FakeClock()
        transport = ScriptedTransport(reply(502), reply(204), clock=clock)
        response = send(learner, transport, clock, method, "tasks/3",
                        help="A 502 then a 204.")
        expect_outcome(transport, clock, response,
                       call_text=f"send_with_retries(client, {method!r}, 'tasks/3')",
                       lines=[f"{method} /api/tasks/3"] * 2, status=204, sleeps=[0.5],
                       help=f"{method} is idempotent: sending it twice is as good as once, so it "
                       "may be retried.")


def test_final_answers(learner: Learner) -> None:
    """returns a 4xx or a 2xx at once"""
    for status in (404, 400, 428, 200):
        clock = FakeClock()
        transport = ScriptedTransport(reply(status), clock=clock)
        response = send(learner, transport, clock, "GET", "tasks/9",
                        help="An answer that is not retryable is the result.")
        expect_outcome(transport, clock, response,
                       call_text="send_with_retries(client, 'GET', 'tasks/9')",
                       lines=["GET /api/tasks/9"], status=status, sleeps=[],
                       help="Only 429 and 5xx are retried; return every other answer as it is "
                       "(raise_for_status is the caller's choice).")


def test_honours_retry_after(learner: Learner) -> None:
    """waits as long as Retry-After says, up to max_delay inclusive"""
    for value, slept in (("7", 7.0), ("30", 30.0)):
        clock = FakeClock()
        transport = ScriptedTransport(reply(429, headers={"Retry-After": value}), reply(200),
                                      clock=clock)
        response = send(learner, transport, clock, "GET", "tasks",
                        help="The server says when to come back.")
        expect_outcome(transport, clock, response,
                       call_text=f"send_with_retries(client, 'GET', 'tasks') after a 429 with "
                       f"Retry-After: {value}", lines=["GET /api/tasks"] * 2, status=200,
                       sleeps=[slept],
                       help="With a Retry-After header, wait exactly that long instead of the "
                       "back-off (a wait equal to max_delay is still allowed).")


def test_too_long_retry_after(learner: Learner) -> None:
    """returns at once when Retry-After asks for more than max_delay"""
    clock = FakeClock()
    transport = ScriptedTransport(reply(503, headers={"Retry-After": "31"}), clock=clock)
    response = send(learner, transport, clock, "GET", "tasks",
                    help="A server that asks for a long pause gets an immediate answer back to "
                    "the caller.")
    expect_outcome(transport, clock, response,
                   call_text="send_with_retries(client, 'GET', 'tasks') after a 503 with "
                   "Retry-After: 31", lines=["GET /api/tasks"], status=503, sleeps=[],
                   help="31 s is more than max_delay (30): do not sleep and do not retry; "
                   "return the answer so the caller can decide.")


def test_unusable_retry_after(learner: Learner) -> None:
    """falls back to the back-off when Retry-After is unusable"""
    clock = FakeClock()
    transport = ScriptedTransport(reply(503, headers={"Retry-After": "soon"}), reply(200),
                                  clock=clock)
    response = send(learner, transport, clock, "GET", "tasks", base_delay=2.0,
                    help="An unusable Retry-After is ignored.")
    expect_outcome(transport, clock, response,
                   call_text="send_with_retries(client, 'GET', 'tasks', base_delay=2.0) after a "
                   "503 with Retry-After: soon", lines=["GET /api/tasks"] * 2, status=200,
                   sleeps=[2.0],
                   help="When retry_after_seconds gives None, wait the normal back-off.")


def test_backoff_cap(learner: Learner) -> None:
    """doubles the delay and caps it at max_delay"""
    clock = FakeClock()
    transport = ScriptedTransport(reply(500), reply(500), reply(500), reply(200), clock=clock)
    response = send(learner, transport, clock, "GET", "tasks", max_attempts=4, base_delay=10.0,
                    max_delay=20.0, help="Three failures, then success.")
    expect_outcome(transport, clock, response,
                   call_text="send_with_retries(client, 'GET', 'tasks', max_attempts=4, "
                   "base_delay=10.0, max_delay=20.0)", lines=["GET /api/tasks"] * 4,
                   status=200, sleeps=[10.0, 20.0, 20.0],
                   help="The delays double (10, 20, 40) but never exceed max_delay: "
                   "min(base_delay * 2 ** (n - 1), max_delay).")


def test_retries_transport_errors(learner: Learner) -> None:
    """retries a GET after a refused connection and a read timeout"""
    clock = FakeClock()
    transport = ScriptedTransport(httpx.ConnectError("refused"), httpx.ReadTimeout("slow"),
                                  reply(200), clock=clock)
    response = send(learner, transport, clock, "GET", "tasks",
                    help="Transport errors on a GET are retried.")
    expect_outcome(transport, clock, response,
                   call_text="send_with_retries(client, 'GET', 'tasks')",
                   lines=["GET /api/tasks"] * 3, status=200, sleeps=[0.5, 1.0],
                   help="Catch httpx.TransportError (timeouts and connection errors are both "
                   "subclasses) and try again after the back-off.")


def test_raises_last_transport_error(learner: Learner) -> None:
    """raises the last error when every attempt fails, and a POST's error at once"""
    send_with_retries = learner.function("send_with_retries")
    for method, script in (("GET", [httpx.ConnectError("a"), httpx.ConnectError("b"),
                                    httpx.ReadTimeout("last")]),
                           ("POST", [httpx.ReadTimeout("last")])):
        clock = FakeClock()
        transport = ScriptedTransport(*script, clock=clock)
        with transport.client(base_url=API) as client:
            expect_raises(httpx.ReadTimeout, send_with_retries, client, method, "tasks",
                          sleep=clock.sleep, match="last",
                          help="When no attempt is left (or the method is not retried), let the "
                          "last error propagate instead of returning None.")
        expect_request_lines(transport.exchanges, [f"{method} /api/tasks"] * len(script),
                             what=f"after send_with_retries(client, {method!r}, 'tasks')",
                             help="GET gets max_attempts tries; POST gets exactly one.")


def test_real_server_retry(learner: Learner) -> None:
    """retries against a real server that answers 503 with Retry-After"""
    make_client = learner.function("make_client")
    send_with_retries = learner.function("send_with_retries")
    clock = FakeClock()
    routes = {"/api/tasks/1": [page("busy", status=503, headers={"Retry-After": "1"}),
                               page('{"id": 1}', content_type="application/json")]}
    with loopback_server(routes, clock=clock) as server:
        client = call(make_client, server.url("/api/"), timeout=2.0,
                      help="make_client builds a client.")
        with client:
            response = call(send_with_retries, client, "GET", "tasks/1", sleep=clock.sleep,
                            help="A real server answering 503 then 200.")
        exchanges = list(server.exchanges)
    expect_request_lines(exchanges, ["GET /api/tasks/1"] * 2,
                         what="after send_with_retries(client, 'GET', 'tasks/1') on a server",
                         help="One 503, one retry, then the 200.")
    expect_exchange(response.status_code == 200 and clock.sleeps == [1.0], exchanges,
                    what="the answer and the delays", expected="200 after sleeping [1.0]",
                    actual=f"{response.status_code} after sleeping {clock.sleeps}",
                    help="Retry-After: 1 asks for one second before the retry.")
    expect_exchange(exchanges[0].headers.get("user-agent") == learner.attribute("USER_AGENT"),
                    exchanges, what="the User-Agent the server saw", expected="USER_AGENT",
                    actual=show(exchanges[0].headers.get("user-agent")),
                    help="make_client sets the User-Agent header on the client.")


def test_real_server_timeout(learner: Learner) -> None:
    """gives up on a server that never answers, within its timeout"""
    make_client = learner.function("make_client")
    send_with_retries = learner.function("send_with_retries")
    clock = FakeClock()
    with loopback_server({"/api/slow": never_answers()}, clock=clock) as server:
        client = call(make_client, server.url("/api/"), timeout=0.2,
                      help="make_client builds a client.")
        with client:
            expect_raises(httpx.TimeoutException, send_with_retries, client, "GET", "slow",
                          max_attempts=2, sleep=clock.sleep,
                          help="The client's timeout must end each attempt (a ReadTimeout), and "
                          "the last one is raised.")
        exchanges = list(server.exchanges)
    expect_request_lines(exchanges, ["GET /api/slow"] * 2,
                         what="after send_with_retries(client, 'GET', 'slow', max_attempts=2)",
                         help="A timeout is a transport error: a GET is tried again once.")
