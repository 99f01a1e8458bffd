"""Login rate limiting: per client IP and per account, 429 with Retry-After."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection

from taskhub.core.config import Settings
from taskhub.core.ratelimit import SlidingWindowLimiter
from tests.conftest import build_app
from tests.helpers import DEFAULT_PASSWORD, Api


@pytest.fixture
def strict_api(settings: Settings, connection: Connection, api: Api) -> Api:
    strict = settings.model_copy(
        update={"login_rate_limit_per_ip": 6, "login_rate_limit_per_account": 3}
    )
    app = build_app(strict, connection)
    return Api(TestClient(app), api.session, app)


def test_per_account_limit(strict_api: Api) -> None:
    account = strict_api.account()  # one successful login, which resets the account counter
    for _ in range(3):
        assert strict_api.login(account.email, "wrong password").status_code == 401
    blocked = strict_api.login(account.email, DEFAULT_PASSWORD)
    assert blocked.status_code == 429
    assert blocked.headers["content-type"] == "application/problem+json"
    assert 1 <= int(blocked.headers["retry-after"]) <= 60
    assert blocked.json()["type"] == "urn:taskhub:problem:rate-limited"
    # Other accounts from the same address are not locked out by it.
    other = strict_api.client.post(
        "/auth/register", json={"email": "other@example.com", "password": DEFAULT_PASSWORD}
    )
    assert other.status_code == 201
    assert strict_api.login("other@example.com").status_code == 200


def test_per_ip_limit(strict_api: Api) -> None:
    statuses = [strict_api.login(f"nobody{i}@example.com", "x" * 8).status_code for i in range(7)]
    assert statuses[:6] == [401] * 6
    assert statuses[6] == 429


def test_successful_login_resets_the_account_counter(strict_api: Api) -> None:
    account = strict_api.account()
    for _ in range(2):
        strict_api.login(account.email, "wrong password")
    assert strict_api.login(account.email).status_code == 200
    for _ in range(2):
        assert strict_api.login(account.email, "wrong password").status_code == 401


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_sliding_window() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(2, 10, clock=clock)
    assert limiter.hit("k") == 0
    clock.now += 4
    assert limiter.hit("k") == 0
    assert limiter.hit("k") == 6  # the first hit leaves the window in 6 s
    clock.now += 6
    assert limiter.hit("k") == 0
    assert limiter.hit("other") == 0
    limiter.reset("k")
    assert limiter.hit("k") == 0


def test_limiter_memory_is_bounded() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(1, 10, clock=clock, max_keys=10)
    for i in range(10):
        limiter.hit(f"old{i}")
    clock.now += 11
    limiter.hit("fresh")  # stale keys are evicted
    assert len(limiter._hits) == 1
    for i in range(20):
        limiter.hit(f"live{i}")  # full of live keys: the oldest are dropped
    assert len(limiter._hits) <= 10
