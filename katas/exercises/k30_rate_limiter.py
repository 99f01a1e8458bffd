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
        # TODO: validate, then keep a queue of attempt times per client
        raise NotImplementedError

    def hit(self, key: str) -> bool:
        """Record an attempt by ``key`` if the limit allows it; return whether it did."""
        # TODO: forget expired attempts, then compare the count with the limit
        raise NotImplementedError

    def retry_after(self, key: str) -> float:
        """Seconds until ``key`` may make another attempt (0.0 if it may now)."""
        # TODO: zero under the limit, otherwise when the oldest attempt expires
        raise NotImplementedError

    # Optional: a helper that drops the attempts older than the window goes here.
