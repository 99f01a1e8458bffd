"""Checks for week04/ex05_middleware_and_background: request ids, timing and a background task."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from starlette.middleware import Middleware

from workbook.checking import Learner, call, expect_call, expect_equal, expect_true
from workbook.checking_app import Api, learner_app, open_api

GENERATED = re.compile(r"[0-9a-f]{32}")


class _ResponseWatcher:
    """Outermost ASGI middleware: notes in the timeline when a response has been sent whole."""

    def __init__(self, app: Any, timeline: list[str]) -> None:
        self.app = app
        self.timeline = timeline

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        async def watched(message: Any) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                self.timeline.append("response sent")

        await self.app(scope, receive, watched)


@contextmanager
def watched_api(learner: Learner) -> Iterator[tuple[Api, list[dict[str, object]], list[str]]]:
    """The app with a recording event log and a timeline of "response sent" / "event recorded"."""
    app = learner_app(learner)
    base = learner.cls("EventLog")
    timeline: list[str] = []

    class RecordingLog(base):  # type: ignore[misc, valid-type]
        def record(self, event: dict[str, object]) -> None:
            timeline.append("event recorded")
            super().record(event)

    log = RecordingLog()
    app.dependency_overrides[learner.function("get_event_log")] = lambda: log
    watcher = Middleware(_ResponseWatcher, timeline=timeline)
    app.user_middleware.insert(0, watcher)
    app.middleware_stack = None
    tasks = learner.attribute("TASKS")
    saved = {key: task.model_copy() for key, task in tasks.items()}
    try:
        with open_api(learner) as api:
            yield api, log.events, timeline
    finally:
        app.user_middleware.remove(watcher)
        app.middleware_stack = None
        app.dependency_overrides.clear()
        tasks.clear()
        tasks.update(saved)


def test_choose_request_id(learner: Learner) -> None:
    """keeps a sensible client id and replaces anything else"""
    choose = learner.function("choose_request_id")
    help = "Keep the value when VALID_REQUEST_ID.fullmatch(sent) matches."
    for sent in ("abc-123", "req_7.retry", "a", "x" * 64):
        expect_call(choose, sent, returns=sent, help=help)
    odd_values: tuple[str | None, ...] = (None, "", "x" * 65, "two words", "id\nInjected: yes",
                                          "caf\u00e9")
    for odd in odd_values:
        new = call(choose, odd, help="choose_request_id never raises: it replaces bad values.")
        expect_true(isinstance(new, str) and GENERATED.fullmatch(new) is not None,
                    what=f"called choose_request_id({odd!r})",
                    expected="a new id: uuid.uuid4().hex (32 hexadecimal characters)",
                    actual=f"it returned {new!r}",
                    help="Anything that is missing, empty, longer than 64 characters or holds "
                    "other characters gets a fresh uuid4().hex; use fullmatch, not match or "
                    "search, so the whole value is tested.")
    expect_true(choose(None) != choose(None), what="called choose_request_id(None) twice",
                expected="two different ids", actual="the same id twice",
                help="Generate a new uuid4 on every call.")


def test_request_id_header(learner: Learner) -> None:
    """adds X-Request-ID to every answer, echoing a valid client id"""
    help = ("In the middleware, choose the id from request.headers.get(REQUEST_ID_HEADER), "
            "await call_next(request), then set response.headers[REQUEST_ID_HEADER].")
    with watched_api(learner) as (api, _, _):
        api.get("/tasks/1", headers={"X-Request-ID": "client-42"}, expect=200,
                help="GET /tasks/1 is given.").expect_header("x-request-id", "client-42",
                                                              help=help)
        first: str = api.get("/tasks/1", expect=200, help="GET /tasks/1 is given.").expect_header(
            "x-request-id", help=help)
        second = api.get("/tasks/99", expect=404,
                         help="A 404 passes through the middleware too.").expect_header(
            "x-request-id", help="Set the header on every answer, errors included.")
        expect_true(GENERATED.fullmatch(first) is not None and first != second,
                    what="two requests without X-Request-ID",
                    expected="a new 32-character hex id for each",
                    actual=f"{first!r} and {second!r}", help=help)


class _FakeClock:
    """Stands in for the time module: every reading is 0.25 s after the previous one."""

    def __init__(self) -> None:
        self.now = 100.0

    def read(self) -> float:
        self.now += 0.25
        return self.now

    perf_counter = monotonic = time = read


def test_process_time_header(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """adds X-Process-Time in milliseconds"""
    help = ("Take time.perf_counter() before and after call_next and write the difference in "
            "milliseconds with two decimals, e.g. f'{elapsed_ms:.2f}'.")
    with watched_api(learner) as (api, _, _):
        value = api.get("/tasks/2", expect=200, help="GET /tasks/2 is given.").expect_header(
            "x-process-time", help=help)
        expect_true(re.fullmatch(r"\d+\.\d\d", value) is not None,
                    what="GET /tasks/2 answered X-Process-Time",
                    expected="milliseconds with two decimals, such as '0.84'",
                    actual=repr(value), help=help)
        clock = _FakeClock()
        monkeypatch.setattr(learner.module, "time", clock)
        for name in ("perf_counter", "monotonic"):
            if callable(getattr(learner.module, name, None)):
                monkeypatch.setattr(learner.module, name, getattr(clock, name))
        api.get("/tasks/2", expect=200, help="GET /tasks/2 is given.").expect_header(
            "x-process-time", "250.00",
            help="With a clock that moves 0.25 s between your two readings, the header must "
            "say 250.00: read the clock once before and once after call_next, and multiply "
            "the difference in seconds by 1000.")


def test_complete_task(learner: Learner) -> None:
    """completes a task and answers 404 for a missing one"""
    with watched_api(learner) as (api, events, _):
        api.post("/tasks/2/complete", headers={"X-Request-ID": "done-2"}, expect=200,
                 help="Mark the task done and return it.").expect_json(
            {"id": 2, "title": "Deploy to staging", "done": True},
            help="Set task.done = True on the stored task and return it.")
        api.get("/tasks/2", expect=200, help="Read it back.").expect_fields(
            {"done": True}, help="Change the task in TASKS, not a copy.")
        api.post("/tasks/5/complete", expect=404,
                 help="A missing task is 404: read_task(task_id) raises it for you.")
        expect_equal(events, [{"type": "task.completed", "task_id": 2, "request_id": "done-2"}],
                     what="after completing task 2 and failing on task 5, the events",
                     help="Add publish_completed with the injected log, the task id and "
                     "request.state.request_id; a missing task publishes nothing.")


def test_event_after_response(learner: Learner) -> None:
    """publishes the event after the response has been sent"""
    with watched_api(learner) as (api, events, timeline):
        api.post("/tasks/1/complete", expect=200, help="Complete task 1.")
        expect_true(len(events) == 1, what="after POST /tasks/1/complete, the event log",
                    expected="one task.completed event", actual=f"{events!r}",
                    help="Hand publish_completed to background_tasks.add_task.")
        expect_equal(timeline, ["response sent", "event recorded"],
                     what="order of events for POST /tasks/1/complete",
                     help="Calling publish_completed(...) in the route runs it before the "
                     "answer is sent; background_tasks.add_task(publish_completed, ...) runs it "
                     "after.")
        request_id = events[0].get("request_id")
        expect_true(isinstance(request_id, str) and GENERATED.fullmatch(request_id) is not None,
                    what="the event's request_id", expected="the id the middleware chose",
                    actual=repr(request_id),
                    help="Store the id on request.state.request_id in the middleware and read "
                    "it in the route.")
