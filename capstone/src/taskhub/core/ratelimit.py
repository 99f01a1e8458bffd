"""Sliding-window rate limiters: in process (the default) and in Redis (shared).

:class:`SlidingWindowLimiter` keeps its counters in the memory of one process: with several
workers or replicas each keeps its own, so the effective limit is multiplied by their number.
:class:`RedisSlidingWindowLimiter` keeps them in Redis (``TASKHUB_REDIS_URL``), shared by every
process. Both implement :class:`RateLimiter`.
"""

from __future__ import annotations

import math
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from redis import Redis


class RateLimiter(Protocol):
    """At most ``limit`` hits per key in any window of ``window`` seconds."""

    limit: int
    window: float

    def hit(self, key: str) -> int:
        """Record a hit; 0 if allowed, else the seconds to wait (refused hits are not kept)."""
        ...

    def check(self, key: str) -> int:
        """Like :meth:`hit` without recording anything."""
        ...

    def reset(self, key: str) -> None:
        """Forget every hit of ``key``."""
        ...


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
        return self._hit(key, record=True)

    def check(self, key: str) -> int:
        """Like :meth:`hit`, but only looks: 0 when a hit would be allowed now."""
        return self._hit(key, record=False)

    def _hit(self, key: str, *, record: bool) -> int:
        now = self._clock()
        with self._lock:
            hits = self._hits.get(key)
            if hits is None:
                if not record:
                    return 0
                if len(self._hits) >= self._max_keys:
                    self._evict_expired(now)
                hits = self._hits[key] = deque()
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(1, math.ceil(hits[0] + self.window - now))
            if record:
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


# KEYS[1] = the key; ARGV = now (seconds), window (seconds), limit, record (0/1), member.
# Atomic on the server: drop hits older than the window, refuse or record, keep a TTL.
_SLIDING_WINDOW_SCRIPT = """
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
    local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    return math.max(1, math.ceil(tonumber(oldest[2]) + window - now))
end
if ARGV[4] == '1' then
    redis.call('ZADD', KEYS[1], now, ARGV[5])
    redis.call('PEXPIRE', KEYS[1], math.ceil(window * 1000))
end
return 0
"""


class RedisSlidingWindowLimiter:
    """The same sliding window, kept in a Redis sorted set per key (one Lua call per hit).

    Every worker and replica sharing the Redis server shares the counters, and they survive
    restarts of the service. Keys expire with the window, so memory stays bounded.
    """

    def __init__(
        self,
        redis: Redis,
        limit: int,
        window_seconds: float,
        *,
        prefix: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.limit = limit
        self.window = window_seconds
        self._redis = redis
        self._prefix = prefix
        self._clock = clock
        self._script = redis.register_script(_SLIDING_WINDOW_SCRIPT)

    def hit(self, key: str) -> int:
        return self._run(key, record=True)

    def check(self, key: str) -> int:
        return self._run(key, record=False)

    def reset(self, key: str) -> None:
        self._redis.delete(self._prefix + key)

    def _run(self, key: str, *, record: bool) -> int:
        now = self._clock()
        args = [now, self.window, self.limit, "1" if record else "0", uuid.uuid4().hex]
        return int(self._script(keys=[self._prefix + key], args=args))
