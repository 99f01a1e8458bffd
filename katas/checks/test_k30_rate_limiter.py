"""Checks for kata k30: a sliding-window rate limiter."""

from typing import Any

from workbook.checking import Learner, call, expect_call, expect_raises, expect_true


class FakeClock:
    """A clock the check moves by hand: ``clock()`` returns ``clock.now``."""

    def __init__(self, now: float = 500.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _limiter(learner: Learner, limit: int, window: float) -> tuple[Any, FakeClock]:
    clock = FakeClock()
    cls = learner.cls("SlidingWindowLimiter", signature="SlidingWindowLimiter(limit, window, "
                                                         "clock)")
    limiter = call(cls, limit, window, clock,
                   help="SlidingWindowLimiter(limit, window, clock) takes the clock as a "
                        "function.")
    return limiter, clock


def _retry_after(limiter: Any, expected: float, when: str, help: str) -> None:
    got = call(limiter.retry_after, "ann", help="retry_after(key) returns a number of seconds.")
    expect_true(isinstance(got, float) and abs(got - expected) < 1e-9,
                what=f"retry_after('ann') {when}", expected=repr(float(expected)),
                actual=repr(got), help=help)


def test_allows_up_to_limit(learner: Learner) -> None:
    """allows exactly limit attempts in a window"""
    limiter, _ = _limiter(learner, 3, 60)
    for number in (1, 2, 3):
        expect_call(limiter.hit, "ann", returns=True,
                    help=f"Attempt {number} of a limit of 3 is allowed.")
    expect_call(limiter.hit, "ann", returns=False,
                help="The fourth attempt within the window goes over the limit of 3.")


def test_keys_are_separate(learner: Learner) -> None:
    """counts each client separately"""
    limiter, _ = _limiter(learner, 1, 60)
    expect_call(limiter.hit, "ann", returns=True, help="ann's first attempt is allowed.")
    expect_call(limiter.hit, "bob", returns=True,
                help="bob has made no attempt yet: keep one count per key.")
    expect_call(limiter.hit, "ann", returns=False, help="ann has used her one attempt.")


def test_window_slides(learner: Learner) -> None:
    """forgets an attempt exactly window seconds later"""
    limiter, clock = _limiter(learner, 2, 60)
    call(limiter.hit, "ann", help="First attempt at t=500.")
    clock.now += 30
    call(limiter.hit, "ann", help="Second attempt at t=530.")
    clock.now += 29.5
    expect_call(limiter.hit, "ann", returns=False,
                help="At t=559.5 both attempts (at 500 and 530) are less than 60 s old.")
    clock.now += 0.5
    expect_call(limiter.hit, "ann", returns=True,
                help="At t=560 the attempt from t=500 is exactly 60 s old and no longer "
                     "counts: drop attempts with now - t >= window.")
    expect_call(limiter.hit, "ann", returns=False,
                help="Now the attempts at 530 and 560 count: the limit of 2 is reached again.")


def test_refused_attempts_not_recorded(learner: Learner) -> None:
    """does not record refused attempts"""
    limiter, clock = _limiter(learner, 1, 10)
    call(limiter.hit, "ann", help="First attempt at t=500.")
    clock.now += 5
    expect_call(limiter.hit, "ann", returns=False, help="At t=505 the limit of 1 is reached.")
    clock.now += 5
    expect_call(limiter.hit, "ann", returns=True,
                help="At t=510 the allowed attempt from t=500 has expired; the refused one at "
                     "505 was never recorded, so it does not count.")


def test_retry_after(learner: Learner) -> None:
    """says how long until the next attempt is allowed"""
    limiter, clock = _limiter(learner, 2, 60)
    _retry_after(limiter, 0.0, "before any attempt", "Under the limit the answer is 0.0.")
    call(limiter.hit, "ann", help="First attempt at t=500.")
    _retry_after(limiter, 0.0, "after 1 of 2 attempts", "Under the limit the answer is 0.0.")
    clock.now += 20
    call(limiter.hit, "ann", help="Second attempt at t=520.")
    clock.now += 25
    _retry_after(limiter, 15.0, "at t=545 after attempts at 500 and 520",
                 "The oldest attempt that counts (t=500) stops counting at 500 + 60 = 560, "
                 "15 s from now.")
    clock.now += 15
    _retry_after(limiter, 0.0, "at t=560", "At t=560 the attempt from t=500 no longer counts.")


def test_validates(learner: Learner) -> None:
    """refuses a limit below 1 and a window that is not positive"""
    cls = learner.cls("SlidingWindowLimiter")
    for limit, window, shown in ((0, 60, "0"), (-1, 60, "-1"), (5, 0, "0"), (5, -2.5, "-2.5")):
        expect_raises(ValueError, cls, limit, window, FakeClock(), match=shown,
                      help="limit must be at least 1 and window greater than 0; show the "
                           "values you got in the message.")
    limiter, _ = _limiter(learner, 1, 0.5)
    expect_call(limiter.hit, "ann", returns=True,
                help="limit=1 and a window of half a second are valid.")
