"""Checks for kata k28: retry with exponential backoff, jitter and a cap."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, call, expect_call, expect_equal, expect_raises, show


def _delay(learner: Learner) -> Callable[..., Any]:
    return learner.function("backoff_delay", signature="backoff_delay(attempt: int, *, "
                            "base: float, cap: float, random: Callable[[], float]) -> float")


def _retry(learner: Learner) -> Callable[..., Any]:
    return learner.function("retry", signature="retry(operation, *, attempts, sleep, random, "
                            "base=0.5, cap=30.0)")


def half() -> float:
    """A stand-in for random.random that always returns 0.5."""
    return 0.5


def one() -> float:
    """A stand-in for random.random at (almost) its largest."""
    return 1.0


class Flaky:
    """An operation that raises the given errors in turn, then returns 'ok'."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "ok"

    def __repr__(self) -> str:
        return f"Flaky({', '.join(show(e) for e in self.errors)})"


def test_exponential_ceiling(learner: Learner) -> None:
    """doubles the ceiling at each attempt, starting from base"""
    delay = _delay(learner)
    for attempt, expected in ((1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0)):
        expect_call(delay, attempt, base=1.0, cap=100.0, random=one, returns=expected,
                    help="The ceiling is base * 2 ** (attempt - 1): the first retry waits up to "
                         "base, and each retry doubles it.")


def test_cap(learner: Learner) -> None:
    """never goes above the cap, even for a huge attempt number"""
    delay = _delay(learner)
    for attempt, expected in ((3, 4.0), (4, 5.0), (10, 5.0), (200, 5.0), (5000, 5.0)):
        expect_call(delay, attempt, base=1.0, cap=5.0, random=one, returns=expected,
                    help="The ceiling is min(cap, ...). For a huge attempt, 2 ** (attempt - 1) "
                         "times a float raises OverflowError: such a ceiling is certainly past "
                         "the cap, so use the cap itself.")
    expect_call(delay, 80, base=2.0 ** -90, cap=1.0, random=one, returns=2.0 ** -11,
                help="With a tiny base even attempt 80 stays under the cap: only fall back to "
                     "the cap when the number is truly too big for a float.")


def test_jitter(learner: Learner) -> None:
    """multiplies the ceiling by the injected random number"""
    delay = _delay(learner)
    for attempt, expected in ((1, 0.25), (2, 0.5), (3, 1.0), (5, 1.5)):
        expect_call(delay, attempt, base=0.5, cap=3.0, random=half, returns=expected,
                    help="Full jitter: multiply the capped ceiling by random(), the function "
                         "you were given (not the random module).")
    expect_call(delay, 3, base=0.5, cap=3.0, random=lambda: 0.0, returns=0.0,
                help="random() can return 0.0, and then the wait is 0.")


def test_delay_refuses_attempt_zero(learner: Learner) -> None:
    """refuses an attempt number below 1"""
    delay = _delay(learner)
    for attempt in (0, -1):
        expect_raises(ValueError, delay, attempt, base=1.0, cap=5.0, random=half,
                      match=str(attempt),
                      help="Retries are counted from 1; raise ValueError for anything smaller.")


def test_retry_success(learner: Learner) -> None:
    """returns at once when the operation succeeds, without sleeping"""
    retry = _retry(learner)
    sleeps: list[float] = []
    operation = Flaky()
    expect_call(retry, operation, attempts=3, sleep=sleeps.append, random=half, returns="ok",
                help="retry returns what the operation returns.")
    expect_equal((operation.calls, sleeps), (1, []), what="(calls, sleeps) for a first success",
                 help="A call that succeeds is not repeated and needs no sleep.")


def test_retry_after_errors(learner: Learner) -> None:
    """retries connection errors and timeouts, sleeping the backoff delay in between"""
    retry = _retry(learner)
    sleeps: list[float] = []
    operation = Flaky(ConnectionError("reset"), TimeoutError("slow"))
    expect_call(retry, operation, attempts=3, sleep=sleeps.append, random=half, base=1.0,
                cap=30.0, returns="ok",
                help="After two retryable failures the third call succeeds.")
    expect_equal((operation.calls, sleeps), (3, [0.5, 1.0]),
                 what="(calls, sleeps) for two failures then a success with base=1.0",
                 help="Before retry n, sleep backoff_delay(n, base=..., cap=..., random=...): "
                      "0.5 then 1.0 here. Do not sleep after the successful call.")


def test_retry_gives_up(learner: Learner) -> None:
    """makes exactly attempts calls, then lets the last error propagate"""
    retry = _retry(learner)
    sleeps: list[float] = []
    operation = Flaky(*(ConnectionError(f"try {n}") for n in range(1, 6)))
    expect_raises(ConnectionError, retry, operation, attempts=3, sleep=sleeps.append,
                  random=half, match="try 3",
                  help="After the last attempt, the last error propagates unchanged.")
    expect_equal((operation.calls, sleeps), (3, [0.25, 0.5]),
                 what="(calls, sleeps) for attempts=3 and an operation that always fails",
                 help="attempts=3 means 3 calls and 2 sleeps between them, none after the last.")
    single = Flaky(TimeoutError("once"))
    expect_raises(TimeoutError, retry, single, attempts=1, sleep=sleeps.append, random=half,
                  help="attempts=1 is a single call with no retry.")
    expect_equal(single.calls, 1, what="calls with attempts=1", help="One attempt is one call.")


def test_retry_other_errors(learner: Learner) -> None:
    """does not retry other errors, and refuses attempts below 1"""
    retry = _retry(learner)
    sleeps: list[float] = []
    operation = Flaky(ValueError("bad card number"))
    expect_raises(ValueError, retry, operation, attempts=5, sleep=sleeps.append, random=half,
                  help="A ValueError will fail the same way every time: let it propagate.")
    expect_equal((operation.calls, sleeps), (1, []),
                 what="(calls, sleeps) for an operation that raises ValueError",
                 help="Catch only ConnectionError and TimeoutError; anything else is not "
                      "worth a retry.")
    for attempts in (0, -2):
        expect_raises(ValueError, retry, Flaky(), attempts=attempts, sleep=sleeps.append,
                      random=half, match=str(attempts),
                      help="attempts below 1 would never call the operation: raise ValueError "
                           "showing the number.")
    expect_equal(call(retry, Flaky(), attempts=1, sleep=sleeps.append, random=half,
                      help="attempts=1 is allowed."), "ok",
                 what="retry(..., attempts=1) on an operation that works",
                 help="attempts=1 calls the operation once.")
