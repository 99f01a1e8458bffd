"""Kata k19: a token bucket with an injected clock.

An API lets each client make short bursts of requests, but not more than a steady rate over
time. A token bucket does exactly that: the bucket holds at most ``capacity`` tokens, it gains
``refill_rate`` tokens per second, and each request spends one (or more) tokens.

Time comes from the ``clock`` argument, a function that returns the current time in seconds
(``time.monotonic`` in production). Tests pass a fake clock they can move forward by hand, so
no test has to sleep.

Write the class ``TokenBucket``:

``TokenBucket(capacity, refill_rate, clock)``
    ``capacity`` and ``refill_rate`` must be greater than 0 (``ValueError`` otherwise, with a
    message that shows both). The bucket starts full.

``available()``
    How many tokens there are now (a float): the tokens left at the last update plus
    ``refill_rate`` for every second since, never more than ``capacity``.

``try_acquire(tokens=1)``
    If at least ``tokens`` tokens are available, spend them and return ``True``; otherwise
    spend nothing and return ``False``. Asking for fewer than 1 token, or for more than
    ``capacity`` (a request that could never succeed), raises ``ValueError`` with a message
    that shows the number asked for.

Example (``clock.now`` is the fake time)::

    >>> bucket = TokenBucket(capacity=2, refill_rate=0.5, clock=clock)
    >>> bucket.try_acquire(), bucket.try_acquire(), bucket.try_acquire()
    (True, True, False)
    >>> clock.now += 2          # 2 s at 0.5 tokens/s: one token back
    >>> bucket.try_acquire()
    True
"""

from collections.abc import Callable


class TokenBucket:
    """Allows bursts of up to ``capacity`` and ``refill_rate`` tokens per second on average."""

    def __init__(self, capacity: float, refill_rate: float, clock: Callable[[], float]) -> None:
        # TODO: validate, then remember a full bucket and the time it was full
        raise NotImplementedError

    def available(self) -> float:
        """The tokens available now, refilled for the time since the last update."""
        # TODO: add the refill for the elapsed time, capped, and move the update time
        raise NotImplementedError

    def try_acquire(self, tokens: float = 1) -> bool:
        """Spend ``tokens`` if there are enough; report whether they were spent."""
        # TODO: refuse impossible requests, then spend only when there are enough
        raise NotImplementedError
