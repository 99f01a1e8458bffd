"""Kata k30: a sliding-window rate limiter.

A login endpoint allows each client 5 attempts per minute. A fixed window ("5 per calendar
minute") lets a client make 10 attempts in two seconds around a minute boundary; a sliding
window counts the attempts of the last 60 seconds, whenever you look.

Write the class ``SlidingWindowLimiter``. The time comes from ``clock``, a function returning
seconds (``time.monotonic`` in production, a fake clock in tests).

``SlidingWindowLimiter(limit, window, clock)``
    ``limit`` attempts (at least 1) per ``window`` seconds (more than 0); ``ValueError``
    otherwise, with a message that shows both.

``hit(key)``
    One attempt by client ``key``. An attempt made at time ``t`` counts while
    ``now - t < window``: exactly ``window`` seconds later it no longer counts. When fewer than
    ``limit`` attempts count, the attempt is allowed, recorded, and ``hit`` returns ``True``;
    otherwise it returns ``False`` and records nothing (a refused attempt does not push the
    client's wait further). Clients are counted separately.

``retry_after(key)``
    Seconds until ``hit(key)`` would be allowed: ``0.0`` when it would be allowed now,
    otherwise the time until the oldest attempt that counts stops counting.

Example (the fake clock starts at 0)::

    >>> limiter = SlidingWindowLimiter(limit=2, window=60, clock=clock)
    >>> limiter.hit("ann"), limiter.hit("ann"), limiter.hit("ann"), limiter.hit("bob")
    (True, True, False, True)
    >>> clock.now = 45; limiter.retry_after("ann")
    15.0
"""

from collections import deque
from collections.abc import Callable


class SlidingWindowLimiter:
    """Allows ``limit`` attempts per client in any ``window`` seconds."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float]) -> None:
        # BEGIN SOLUTION: validate, then keep a queue of attempt times per client
        if limit < 1 or window <= 0:
            raise ValueError(f"limit must be 1 or more and window positive, got {limit}, {window}")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._attempts: dict[str, deque[float]] = {}
        # END SOLUTION

    def hit(self, key: str) -> bool:
        """Record an attempt by ``key`` if the limit allows it; return whether it did."""
        # BEGIN SOLUTION: forget expired attempts, then compare the count with the limit
        now = self._clock()
        attempts = self._recent(key, now)
        if len(attempts) >= self.limit:
            return False
        attempts.append(now)
        return True
        # END SOLUTION

    def retry_after(self, key: str) -> float:
        """Seconds until ``key`` may make another attempt (0.0 if it may now)."""
        # BEGIN SOLUTION: zero under the limit, otherwise when the oldest attempt expires
        now = self._clock()
        attempts = self._recent(key, now)
        if len(attempts) < self.limit:
            return 0.0
        return float(attempts[0] + self.window - now)
        # END SOLUTION

    # BEGIN SOLUTION
    def _recent(self, key: str, now: float) -> deque[float]:
        attempts = self._attempts.setdefault(key, deque())
        while attempts and now - attempts[0] >= self.window:
            attempts.popleft()
        return attempts
    # STUB: # Optional: a helper that drops the attempts older than the window goes here.
    # END SOLUTION
