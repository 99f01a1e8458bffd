"""An in-process sliding-window rate limiter.

It keeps its counters in the memory of one process: with several workers or replicas each
keeps its own, so the effective limit is multiplied by their number. A shared store (Redis,
the database) is the fix when the service scales out; the interface stays the same.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable


class SlidingWindowLimiter:
    """Allow at most ``limit`` hits per key in any window of ``window_seconds``."""

    def __init__(
        self,
        limit: int,
        window_seconds: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 100_000,
    ) -> None:
        self.limit = limit
        self.window = window_seconds
        self._clock = clock
        self._max_keys = max_keys
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> int:
        """Record one hit for ``key``.

        Returns 0 when the hit is allowed, otherwise the number of seconds to wait (for a
        ``Retry-After`` header). Refused hits are not recorded.
        """
        now = self._clock()
        with self._lock:
            hits = self._hits.get(key)
            if hits is None:
                if len(self._hits) >= self._max_keys:
                    self._evict_expired(now)
                hits = self._hits[key] = deque()
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            return 0

    def reset(self, key: str) -> None:
        """Forget every hit recorded for ``key``."""
        with self._lock:
            self._hits.pop(key, None)

    def _evict_expired(self, now: float) -> None:
        stale = [
            key for key, hits in self._hits.items() if not hits or hits[-1] <= now - self.window
        ]
        for key in stale:
            del self._hits[key]
        if len(self._hits) >= self._max_keys:
            # Still full of live keys: drop the oldest rather than grow without bound.
            oldest = sorted(self._hits, key=lambda k: self._hits[k][-1])
            for key in oldest[: len(oldest) // 10 or 1]:
                del self._hits[key]
