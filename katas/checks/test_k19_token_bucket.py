"""Checks for kata k19: a token bucket with an injected clock."""

from typing import Any

from workbook.checking import Learner, call, expect_call, expect_raises, expect_true


class FakeClock:
    """A clock the check moves by hand: ``clock()`` returns ``clock.now``."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _bucket(learner: Learner, capacity: float, rate: float) -> tuple[Any, FakeClock]:
    clock = FakeClock()
    cls = learner.cls("TokenBucket", signature="TokenBucket(capacity, refill_rate, clock)")
    bucket = call(cls, capacity, rate, clock,
                  help="TokenBucket(capacity, refill_rate, clock) takes the clock as a function.")
    return bucket, clock


def _available(bucket: Any, expected: float, when: str, help: str) -> None:
    got = call(bucket.available, help="available() returns a number of tokens.")
    expect_true(isinstance(got, int | float) and abs(got - expected) < 1e-9,
                what=f"available() {when}", expected=repr(float(expected)), actual=repr(got),
                help=help)


def test_starts_full(learner: Learner) -> None:
    """starts full and allows a burst of exactly capacity requests"""
    bucket, _ = _bucket(learner, 3, 1.0)
    _available(bucket, 3.0, "on a new bucket", "A new bucket starts full.")
    for number in (1, 2, 3):
        expect_call(bucket.try_acquire, returns=True,
                    help=f"Request {number} of a burst of 3 fits in a full bucket of 3 tokens.")
    expect_call(bucket.try_acquire, returns=False,
                help="The fourth request finds the bucket empty: return False.")
    _available(bucket, 0.0, "after spending every token", "Three tokens spent out of three.")


def test_refills_over_time(learner: Learner) -> None:
    """refills refill_rate tokens per second of the injected clock"""
    bucket, clock = _bucket(learner, 2, 0.5)
    call(bucket.try_acquire, help="The first request fits.")
    call(bucket.try_acquire, help="The second request fits.")
    clock.now += 1
    _available(bucket, 0.5, "1 s after emptying a bucket refilling 0.5 tokens/s",
               "Add (now - time of the last update) * refill_rate, using the clock you were "
               "given, never time.time().")
    expect_call(bucket.try_acquire, returns=False, help="Half a token is not enough for one.")
    clock.now += 1
    expect_call(bucket.try_acquire, returns=True,
                help="After 2 s at 0.5 tokens/s there is exactly one token: enough for one "
                     "request (compare with >=, not >).")
    _available(bucket, 0.0, "right after spending the refilled token",
               "Spending a token right after a refill leaves nothing; count the elapsed time "
               "only once, from the last update.")


def test_caps_at_capacity(learner: Learner) -> None:
    """never holds more than capacity, however long it waits"""
    bucket, clock = _bucket(learner, 2, 1.0)
    call(bucket.try_acquire, help="The first request fits.")
    clock.now += 3600
    _available(bucket, 2.0, "an hour after spending one token of 2",
               "The refill stops at the capacity: use min(capacity, tokens + refill).")
    for _ in range(2):
        expect_call(bucket.try_acquire, returns=True, help="A full bucket of 2 allows 2.")
    expect_call(bucket.try_acquire, returns=False,
                help="Waiting a long time gives at most capacity tokens, not more.")


def test_multiple_tokens(learner: Learner) -> None:
    """spends several tokens at once, and nothing when there are not enough"""
    bucket, _ = _bucket(learner, 5, 1.0)
    expect_call(bucket.try_acquire, 3, returns=True, help="3 of 5 tokens are available.")
    expect_call(bucket.try_acquire, 3, returns=False, help="Only 2 tokens are left, 3 are asked.")
    _available(bucket, 2.0, "after a refused request for 3 of 2 tokens",
               "A refused request spends nothing.")
    expect_call(bucket.try_acquire, 2, returns=True,
                help="Exactly the tokens left may be spent.")


def test_validates(learner: Learner) -> None:
    """refuses bad settings and requests that could never succeed"""
    cls = learner.cls("TokenBucket")
    for capacity, rate, shown in ((0, 1.5, "0"), (5, 0, "0"), (-3, 1.5, "-3"),
                                  (5, -0.25, "-0.25")):
        expect_raises(ValueError, cls, capacity, rate, FakeClock(), match=shown,
                      help="capacity and refill_rate must both be greater than 0; show the "
                           "values you got in the message.")
    small, _ = _bucket(learner, 1, 0.25)
    expect_call(small.try_acquire, returns=True,
                help="A capacity of 1 and a refill rate below 1 are valid settings.")
    bucket, _ = _bucket(learner, 5, 1.0)
    for tokens in (0, 0.5, 6):
        expect_raises(ValueError, bucket.try_acquire, tokens, match=str(tokens),
                      help="Asking for fewer than 1 token, or for more than the capacity, is a "
                           "mistake by the caller: raise ValueError instead of returning False.")
    expect_call(bucket.try_acquire, 5, returns=True,
                help="Asking for exactly the capacity is allowed when the bucket is full.")
