"""A token-bucket rate limiter for the login route, with 429 and ``Retry-After``.

A bucket holds at most ``capacity`` tokens and starts full. Tokens drip back at
``refill_per_second`` (never above the capacity); each attempt takes one. With an empty bucket
the attempt is refused and the caller learns how long until the next token::

    capacity 5, one token every 12 s: five attempts at t=0 pass, the sixth waits 12 s;
    at t=11.5 the wait is 0.5 s (Retry-After: 1), at t=12 one attempt passes again.

Time comes from an injected ``clock`` (``time.monotonic`` in production, a fake in tests), so
nothing ever sleeps. Buckets are keyed by client address *and* user name: an attacker who
hammers ``ada`` from their own address empties their own bucket, not the one Ada logs in with.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request, status
from pydantic import BaseModel

Clock = Callable[[], float]

LOGIN_CAPACITY = 5
LOGIN_REFILL_PER_SECOND = 1 / 12


class TokenBucket:
    """``capacity`` tokens, refilled continuously at ``refill_per_second``; starts full."""

    def __init__(self, capacity: int, refill_per_second: float, clock: Clock) -> None:
        self.capacity = capacity
        self.refill_per_second = refill_per_second
        self.clock = clock
        self.tokens = float(capacity)
        self.updated = clock()

    def take(self) -> float:
        """Take one token and return 0.0, or return the seconds until one will be there.

        First add the tokens earned since the last call (capped at the capacity). A refused
        attempt takes nothing.
        """
        # BEGIN SOLUTION: refill from the elapsed time, then take a token or compute the wait
        now = self.clock()
        earned = (now - self.updated) * self.refill_per_second
        self.tokens = min(float(self.capacity), self.tokens + earned)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.refill_per_second
        # END SOLUTION


class RateLimiter:
    """One bucket per key, created full on the key's first attempt."""

    def __init__(self, capacity: int, refill_per_second: float, clock: Clock) -> None:
        self.capacity = capacity
        self.refill_per_second = refill_per_second
        self.clock = clock
        self.buckets: dict[str, TokenBucket] = {}

    def take(self, key: str) -> float:
        """``TokenBucket.take`` on the bucket of ``key``."""
        # BEGIN SOLUTION: find or create the key's bucket and take from it
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(self.capacity, self.refill_per_second, self.clock)
            self.buckets[key] = bucket
        return bucket.take()
        # END SOLUTION


def login_key(client_host: str, username: str) -> str:
    """``"login:<client host>:<user name lower-cased and stripped>"``."""
    # BEGIN SOLUTION: combine the client's address with the normalised user name
    return f"login:{client_host}:{username.strip().lower()}"
    # END SOLUTION


def retry_after(wait: float) -> str:
    """The ``Retry-After`` value for a wait: whole seconds, rounded up (0.2 -> ``"1"``)."""
    # BEGIN SOLUTION: round up to whole seconds
    return str(math.ceil(wait))
    # END SOLUTION


app = FastAPI(title="Tasks API", version="0.8.5")
_limiter = RateLimiter(LOGIN_CAPACITY, LOGIN_REFILL_PER_SECOND, time.monotonic)


def get_limiter() -> RateLimiter:
    return _limiter


class Credentials(BaseModel):
    username: str
    password: str


PASSWORDS = {"ada": "correct horse battery staple"}


@app.post("/login")
def login(
    credentials: Credentials,
    request: Request,
    limiter: Annotated[RateLimiter, Depends(get_limiter)],
) -> dict[str, str]:
    """200 ``{"token": ...}``, 401 ``"Invalid credentials"``, or 429 when the bucket is empty.

    The limit is checked before the password, and every attempt counts. A 429 has the detail
    ``"Too many login attempts"`` and a ``Retry-After`` header.
    """
    host = request.client.host if request.client else "unknown"
    # BEGIN SOLUTION: take from the bucket of this client and user; answer 429 when refused
    wait = limiter.take(login_key(host, credentials.username))
    if wait > 0:
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, detail="Too many login attempts",
                            headers={"Retry-After": retry_after(wait)})
    # END SOLUTION
    if PASSWORDS.get(credentials.username) != credentials.password:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Invalid credentials")
    return {"token": f"token-{credentials.username}"}
