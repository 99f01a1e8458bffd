"""Checks for week11/ex04_concurrent_calls: lookups overlap, time out alone and cancel together.

Concurrency is measured with a counter of lookups in flight, not with a stopwatch: fake lookups
record when they start, finish or see CancelledError, so a check reads what really happened on
the event loop however fast or slow the machine is.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

from workbook.checking import (
    CheckFailure,
    Learner,
    describe_call,
    describe_exception,
    expect_equal,
    expect_raises,
    expect_true,
    origin,
    show,
)


@dataclass
class Board:
    """What the fake lookups of one call did: how many ran at once, which were cancelled."""

    in_flight: int = 0
    most_in_flight: int = 0
    started: list[str] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)
    # what was true the moment load_panels returned or raised (asyncio.run cancels leftovers later)
    running_at_end: int = 0
    cancelled_at_end: list[str] = field(default_factory=list)

    def run(self, awaitable: Awaitable[Any]) -> Any:
        """Run ``awaitable`` to the end on a new event loop, noting what was still running."""

        async def main() -> Any:
            try:
                return await awaitable
            finally:
                self.running_at_end = self.in_flight
                self.cancelled_at_end = sorted(self.cancelled)

        return asyncio.run(main())


@dataclass
class FakeLookup:
    """A lookup that waits ``seconds`` on the event loop, then returns ``value`` or raises."""

    board: Board
    name: str
    seconds: float
    value: Any = None
    error: Exception | None = None
    error_when_cancelled: Exception | None = None  # a client that fails while it closes

    async def __call__(self) -> Any:
        board = self.board
        board.started.append(self.name)
        board.in_flight += 1
        board.most_in_flight = max(board.most_in_flight, board.in_flight)
        try:
            await asyncio.sleep(self.seconds)
        except asyncio.CancelledError:
            board.cancelled.append(self.name)
            if self.error_when_cancelled is not None:
                raise self.error_when_cancelled from None
            raise
        finally:
            board.in_flight -= 1
        if self.error is not None:
            raise self.error
        board.finished.append(self.name)
        return self.value

    def __repr__(self) -> str:
        outcome = f"raises {self.error!r}" if self.error else f"returns {self.value!r}"
        return f"<lookup that {outcome} after {self.seconds:g} s>"


def lookups(board: Board, **specs: tuple[float, Any]) -> dict[str, FakeLookup]:
    """``name=(seconds, value)``, where a value that is an exception is raised instead."""
    made = {}
    for name, (seconds, value) in specs.items():
        if isinstance(value, Exception):
            made[name] = FakeLookup(board, name, seconds, error=value)
        else:
            made[name] = FakeLookup(board, name, seconds, value=value)
    return made


def load(
    learner: Learner, board: Board, calls: Mapping[str, FakeLookup], *, help: str, **options: Any
) -> Any:
    """Run the learner's load_panels to the end and return its result (it must not raise)."""
    load_panels = learner.function("load_panels")
    call = describe_call("load_panels", (dict(calls),), options)
    try:
        panels = board.run(load_panels(calls, **options))
    except NotImplementedError:
        raise
    except Exception as error:
        where = origin(error)
        raise CheckFailure(
            f"awaited {call}, it raised {describe_exception(error)}, expected the panels"
            + (f"\n  raised {where}" if where else ""),
            expected="a dict of panels",
            actual=f"raised {describe_exception(error)}",
            help=help,
        ) from error
    expect_true(
        board.running_at_end == 0,
        what=f"lookups still running when {call} returned",
        expected="none",
        actual=str(board.running_at_end),
        help="Wait for every lookup before returning: the TaskGroup's 'async with' "
        "block only ends when all its tasks have.",
    )
    return panels


def test_lookups_run_together(learner: Learner) -> None:
    """starts every lookup at once and returns the panels in the order asked"""
    board = Board()
    calls = lookups(
        board,
        profile=(0.08, {"name": "Ada"}),
        feed=(0.06, ["created"]),
        files=(0.04, []),
        labels=(0.02, ["urgent"]),
    )
    panels = load(
        learner,
        board,
        calls,
        timeout=1.0,
        help="Every lookup should finish well inside its timeout; none may fail.",
    )
    expect_equal(
        panels,
        {"profile": {"name": "Ada"}, "feed": ["created"], "files": [], "labels": ["urgent"]},
        what="awaited load_panels with four lookups that all answer in time",
        help="Return a dict with one entry per lookup: its name and what it returned.",
    )
    expect_equal(
        list(panels),
        ["profile", "feed", "files", "labels"],
        what="the order of the panels (the lookups finish in reverse order)",
        help="Build the result from the lookups' order, not from the order they "
        "finish in: keep the tasks by name and read each one's result at the end.",
    )
    expect_true(
        board.most_in_flight == 4,
        what="lookups in flight at the same time",
        expected="4 (all of them)",
        actual=str(board.most_in_flight),
        help="Awaiting each lookup in turn runs them one after the other. Start them "
        "all as tasks in an asyncio.TaskGroup, then let the group wait for them.",
    )


def test_no_lookups(learner: Learner) -> None:
    """returns no panels when given no lookups"""
    panels = load(
        learner,
        Board(),
        {},
        timeout=1.0,
        help="With nothing to look up there is nothing to wait for.",
    )
    expect_equal(
        panels,
        {},
        what="awaited load_panels({}, timeout=1.0)",
        help="An empty mapping of lookups gives an empty dict of panels.",
    )


def test_slow_lookup_gives_none(learner: Learner) -> None:
    """gives up a slow lookup after the timeout and keeps the others"""
    board = Board()
    calls = lookups(board, profile=(0.01, "Ada"), feed=(2.0, ["created"]), files=(0.02, ["a.pdf"]))
    panels = load(
        learner,
        board,
        calls,
        timeout=0.1,
        help="A lookup that outlives its timeout is not an error: its panel is None.",
    )
    expect_equal(
        panels,
        {"profile": "Ada", "feed": None, "files": ["a.pdf"]},
        what="awaited load_panels with a feed lookup of 2 s and timeout=0.1",
        help="Wrap each lookup in its own 'async with asyncio.timeout(timeout)', catch "
        "the TimeoutError it raises and use None for that panel only.",
    )
    expect_true(
        board.cancelled_at_end == ["feed"],
        what="lookups that saw CancelledError",
        expected="['feed']",
        actual=show(board.cancelled_at_end),
        help="asyncio.timeout cancels the slow lookup when the time is up; a lookup "
        "that is left running (or awaited to the end) was never timed out.",
    )


def test_failure_cancels_the_rest(learner: Learner) -> None:
    """a failing lookup cancels the others and raises UpstreamError naming its panel"""
    upstream_error = learner.attribute("UpstreamError", kind="class")
    load_panels = learner.function("load_panels")
    board = Board()
    refused = ConnectionError("connection refused")
    calls = lookups(board, profile=(2.0, "Ada"), feed=(0.02, refused), files=(2.0, []))
    call = describe_call("load_panels", (calls,), {"timeout": 5.0})
    try:
        board.run(load_panels(calls, timeout=5.0))
    except NotImplementedError:
        raise
    except upstream_error as error:
        expect_true(
            getattr(error, "panel", None) == "feed",
            what="UpstreamError.panel",
            expected="'feed'",
            actual=show(getattr(error, "panel", None)),
            help="Raise UpstreamError(name, error) with the name of the failed lookup.",
        )
        expect_true(
            "feed" in str(error),
            what="the UpstreamError's message",
            expected="a message naming the feed panel",
            actual=show(str(error)),
            help="Build the error with UpstreamError(name, error) as given.",
        )
        expect_true(
            error.__cause__ is refused,
            what="the UpstreamError's __cause__",
            expected=f"the lookup's own {refused!r}",
            actual=show(error.__cause__),
            help="Chain the original: 'raise UpstreamError(name, error) from error', "
            "and re-raise that same UpstreamError out of the TaskGroup.",
        )
    except BaseExceptionGroup as group:
        raise CheckFailure(
            f"awaited {call}, it raised {describe_exception(group)}, expected UpstreamError",
            expected="UpstreamError('the feed panel failed: ...')",
            actual=f"an exception group: {show(list(group.exceptions))}",
            help="A TaskGroup wraps its tasks' errors in an ExceptionGroup; catch it with "
            "'except* UpstreamError as failures' and raise the first one of "
            "failures.exceptions.",
        ) from None
    except Exception as error:
        raise CheckFailure(
            f"awaited {call}, it raised {describe_exception(error)}, expected UpstreamError",
            expected="UpstreamError('the feed panel failed: ...')",
            actual=describe_exception(error),
            help="Catch the lookup's exception where the lookup is awaited and raise "
            "UpstreamError(name, error) from it.",
        ) from error
    else:
        raise CheckFailure(
            f"awaited {call}, it returned instead of raising UpstreamError",
            expected="UpstreamError('the feed panel failed: ...')",
            actual="a result",
            help="Only a timeout gives a None panel; any other exception from a lookup must "
            "reach the caller as UpstreamError.",
        )
    expect_true(
        board.cancelled_at_end == ["files", "profile"] and board.running_at_end == 0,
        what="when UpstreamError reached the caller, the other lookups",
        expected="both cancelled (they saw CancelledError) and stopped",
        actual=f"cancelled: {show(board.cancelled_at_end)}, still running: {board.running_at_end}",
        help="asyncio.gather raises the first error but leaves the other lookups running; "
        "a TaskGroup cancels them and waits until they have stopped.",
    )


def test_limit_in_flight(learner: Learner) -> None:
    """runs at most max_in_flight lookups at the same time"""
    board = Board()
    calls = lookups(board, **{f"panel{n}": (0.03, n) for n in range(5)})
    panels = load(
        learner,
        board,
        calls,
        timeout=1.0,
        max_in_flight=2,
        help="A limit makes lookups wait for a free slot; it never drops one.",
    )
    expect_equal(
        panels,
        {f"panel{n}": n for n in range(5)},
        what="awaited load_panels with five lookups and max_in_flight=2",
        help="Every lookup still runs; the limit only makes some wait their turn.",
    )
    expect_true(
        board.most_in_flight == 2,
        what="lookups in flight at the same time",
        expected="2 (the limit, never more, and not fewer)",
        actual=str(board.most_in_flight),
        help="Share one asyncio.Semaphore(max_in_flight) between the lookups and hold "
        "it ('async with') while each one runs.",
    )


def test_timeout_starts_with_the_lookup(learner: Learner) -> None:
    """starts a lookup's timeout when it starts, not while it waits for a slot"""
    board = Board()
    calls = lookups(board, first=(0.04, 1), second=(0.04, 2), third=(0.04, 3))
    panels = load(
        learner,
        board,
        calls,
        timeout=0.1,
        max_in_flight=1,
        help="Each lookup takes 0.04 s, well inside its own 0.1 s.",
    )
    expect_equal(
        panels,
        {"first": 1, "second": 2, "third": 3},
        what="awaited three lookups of 0.04 s each with timeout=0.1 and max_in_flight=1",
        help="The third lookup starts after 0.08 s and is done by 0.12 s: open the "
        "asyncio.timeout inside the semaphore, per lookup, not around the whole group.",
    )
    expect_true(
        board.most_in_flight == 1,
        what="lookups in flight at the same time",
        expected="1",
        actual=str(board.most_in_flight),
        help="max_in_flight=1 allows one lookup at a time.",
    )


def test_limit_must_be_positive(learner: Learner) -> None:
    """refuses a max_in_flight below 1 before starting any lookup"""
    load_panels = learner.function("load_panels")
    for limit in (0, -1):
        board = Board()
        calls = lookups(board, profile=(0.01, "Ada"))

        def run(limit: int = limit, calls: dict[str, FakeLookup] = calls) -> Any:
            return asyncio.run(load_panels(calls, timeout=1.0, max_in_flight=limit))

        run.__qualname__ = f"load_panels({{'profile': ...}}, timeout=1.0, max_in_flight={limit})"
        expect_raises(
            ValueError,
            run,
            match=f"max_in_flight must be at least 1, got {limit}",
            help="Check the limit first and raise ValueError with the message the "
            "docstring gives; a limit of 0 would let no lookup ever run.",
        )
        expect_true(
            board.started == [],
            what="lookups started before the ValueError",
            expected="none",
            actual=show(board.started),
            help="Validate max_in_flight before creating any task.",
        )


@pytest.mark.requires("test_failure_cancels_the_rest")
def test_first_failure_wins(learner: Learner) -> None:
    """reports the first lookup to fail when another fails while being cancelled"""
    upstream_error = learner.attribute("UpstreamError", kind="class")
    load_panels = learner.function("load_panels")
    board = Board()
    calls = {
        "profile": FakeLookup(board, "profile", 0.02, error=ConnectionError("refused")),
        "feed": FakeLookup(board, "feed", 2.0, error_when_cancelled=OSError("socket closed")),
    }

    def run() -> Any:
        return asyncio.run(load_panels(calls, timeout=5.0))

    run.__qualname__ = (
        "load_panels({'profile': <fails after 0.02 s>, 'feed': <fails when "
        "cancelled>}, timeout=5.0)"
    )
    error = expect_raises(
        upstream_error,
        run,
        help="When the profile lookup fails, the feed is "
        "cancelled and fails too while it closes; the caller must still hear "
        "about the profile.",
    )
    expect_true(
        getattr(error, "panel", None) == "profile",
        what="UpstreamError.panel",
        expected="'profile' (the first lookup to fail)",
        actual=show(getattr(error, "panel", None)),
        help="The ExceptionGroup lists the failures in the order they happened: raise "
        "the first of failures.exceptions, not the last.",
    )


@pytest.mark.parametrize("limit", [None, 1])
def test_bounds_of_the_limit(learner: Learner, limit: int | None) -> None:
    """accepts max_in_flight=1 and no limit at all"""
    board = Board()
    calls = lookups(board, profile=(0.01, "Ada"), feed=(0.01, []))
    panels = load(
        learner,
        board,
        calls,
        timeout=1.0,
        max_in_flight=limit,
        help="1 is the smallest valid limit, and None means no limit.",
    )
    expect_equal(
        panels,
        {"profile": "Ada", "feed": []},
        what=f"awaited two quick lookups with max_in_flight={limit}",
        help="Both lookups answer in time, so both panels are filled.",
    )
    expect_true(
        board.most_in_flight == (1 if limit == 1 else 2),
        what="lookups in flight at the same time",
        expected=str(1 if limit == 1 else 2),
        actual=str(board.most_in_flight),
        help="None means no limit: every lookup starts at once.",
    )
