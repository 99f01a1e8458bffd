"""Checks for week08/ex05_rate_limiter: a token bucket on a fake clock, 429 and Retry-After."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from workbook.asgi_client import InThreadClient
from workbook.checking import Learner, call, expect_call, expect_equal
from workbook.checking_app import Api, learner_app


class FakeClock:
    """A clock the check moves by hand: nothing sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def takes(bucket: Any, count: int, *, what: str, help: str) -> list[float]:
    return [call(bucket.take, help=help) for _ in range(count)]


def test_bucket_capacity(learner: Learner) -> None:
    """lets exactly capacity attempts through, then says how long to wait"""
    clock = FakeClock()
    bucket = learner.cls("TokenBucket")(3, 0.5, clock)
    help = ("A bucket starts full: each take() removes one token and returns 0.0 while at "
            "least one token is left.")
    expect_equal(takes(bucket, 3, what="take", help=help), [0.0, 0.0, 0.0],
                 what="three take() on a full bucket of capacity 3", help=help)
    expect_call(bucket.take, returns=2.0,
                help="With no token left and 0.5 tokens per second, the next token is 2 "
                "seconds away: return (1 - tokens) / refill_per_second.")


def test_bucket_refill(learner: Learner) -> None:
    """refills with time, never above capacity, and a refused attempt takes nothing"""
    clock = FakeClock()
    bucket = learner.cls("TokenBucket")(3, 0.5, clock)
    takes(bucket, 3, what="take", help="A full bucket of 3 gives 3 tokens.")
    clock.now += 1.5
    expect_call(bucket.take, returns=0.5,
                help="After 1.5 s at 0.5 tokens per second the bucket holds 0.75 token: "
                "refuse, and the missing 0.25 token takes 0.5 s.")
    clock.now += 0.5
    expect_call(bucket.take, returns=0.0,
                help="Exactly 2 s after emptying, one whole token is back and must be given "
                "(tokens >= 1); a refused attempt must not have taken anything.")
    clock.now += 1000
    expect_equal(takes(bucket, 4, what="take", help="Refill from the elapsed time."),
                 [0.0, 0.0, 0.0, 2.0], what="four take() after a long idle time",
                 help="Tokens never pile up above the capacity: cap them with min(capacity, "
                 "...).")


def test_limiter_keys(learner: Learner) -> None:
    """keeps one bucket per key"""
    clock = FakeClock()
    limiter = learner.cls("RateLimiter")(2, 0.5, clock)
    help = "Each key gets its own bucket, created full the first time the key is seen."
    expect_equal([call(limiter.take, "a", help=help) for _ in range(3)], [0.0, 0.0, 2.0],
                 what="take('a') three times with capacity 2", help=help)
    expect_call(limiter.take, "b", returns=0.0,
                help="Another key's bucket is still full: key 'a' running dry is not "
                "key 'b''s problem.")
    expect_call(limiter.take, "a", returns=2.0,
                help="Keep the bucket in self.buckets: the same key must find the same bucket.")


def test_login_key_and_retry_after(learner: Learner) -> None:
    """keys by client and user name, and rounds Retry-After up"""
    login_key = learner.function("login_key")
    expect_call(login_key, "10.0.0.1", " Ada ", returns="login:10.0.0.1:ada",
                help="Strip and lower-case the user name, so 'Ada' and 'ada ' share a bucket.")
    retry_after = learner.function("retry_after")
    for wait, expected in ((0.2, "1"), (2.0, "2"), (2.01, "3"), (12.0, "12")):
        expect_call(retry_after, wait, returns=expected,
                    help="Retry-After is whole seconds, rounded up (math.ceil), so a client "
                    "that waits that long finds a token.")


@contextmanager
def login_api(learner: Learner, host: str, limiter: Any) -> Iterator[Api]:
    app = learner_app(learner)
    app.dependency_overrides[learner.function("get_limiter")] = lambda: limiter
    try:
        with InThreadClient(app, client=(host, 50000)) as client:
            yield Api(client, app)
    finally:
        app.dependency_overrides.clear()


ADA = {"username": "ada", "password": "correct horse battery staple"}
GUESS = {"username": "ada", "password": "123456"}


def test_login_429(learner: Learner) -> None:
    """answers 429 with Retry-After once a client has used its attempts"""
    clock = FakeClock()
    limiter = learner.cls("RateLimiter")(3, 0.5, clock)
    help = ("In login, take from limiter with login_key(host, username) before checking the "
            "password, and raise HTTPException(429, 'Too many login attempts', headers="
            "{'Retry-After': retry_after(wait)}) when the wait is above 0.")
    with login_api(learner, "198.51.100.7", limiter) as api:
        for _ in range(3):
            api.post("/login", json=GUESS, expect=401, help="The first 3 wrong guesses are "
                     "answered 401: they are within the limit.")
        answer = api.post("/login", json=ADA, expect=429, help=help)
        answer.expect_json({"detail": "Too many login attempts"}, help=help)
        answer.expect_header("retry-after", "2", help="Send how long to wait as Retry-After.")
        clock.now += 1.5
        api.post("/login", json=ADA, expect=429, help="Half a token is not a token: any wait "
                 "above 0 is a 429.").expect_header(
            "retry-after", "1", help="A wait of 0.5 s is sent as Retry-After: 1 (rounded up).")
        clock.now += 0.5
        api.post("/login", json=ADA, expect=200,
                 help="Once the wait is over, the next attempt goes through.")


def test_attacker_cannot_lock_out(learner: Learner) -> None:
    """does not lock the real user out when an attacker floods their name"""
    clock = FakeClock()
    limiter = learner.cls("RateLimiter")(3, 0.5, clock)
    with login_api(learner, "203.0.113.66", limiter) as attacker:
        for _ in range(3):
            attacker.post("/login", json=GUESS, expect=401,
                          help="The attacker's first guesses are within the limit.")
        attacker.post("/login", json=GUESS, expect=429,
                      help="The attacker's own bucket is empty now.")
    with login_api(learner, "192.0.2.10", limiter) as ada:
        ada.post("/login", json=ADA, expect=200,
                 help="Key the bucket by client address and user name: a bucket keyed by "
                 "user name alone lets anyone lock Ada out by guessing her password.")
