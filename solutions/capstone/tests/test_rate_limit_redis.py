"""The Redis-backed limiter, against a real ``redis-server`` started on a free loopback port.

Skipped when ``redis-server`` is not installed, unless ``TASKHUB_REQUIRE_REDIS`` or
``WORKBOOK_REQUIRE_REDIS`` is set (CI sets the latter), in which case that is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from redis import Redis
from sqlalchemy import Connection

from taskhub.core.config import Settings
from taskhub.core.ratelimit import RedisSlidingWindowLimiter
from taskhub.main import create_limiters
from tests.conftest import build_app
from tests.helpers import DEFAULT_PASSWORD, Api

REQUIRE_REDIS_ENVS = ("TASKHUB_REQUIRE_REDIS", "WORKBOOK_REQUIRE_REDIS")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )
    if binary is None:
        if any(os.environ.get(name, "") not in ("", "0") for name in REQUIRE_REDIS_ENVS):
            pytest.fail("redis-server is required (TASKHUB/WORKBOOK_REQUIRE_REDIS) but missing")
        pytest.skip("redis-server is not installed")
    port = _free_port()
    workdir = tmp_path_factory.mktemp("redis")
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", str(workdir)]
    server = subprocess.Popen(  # noqa: S603 (our own command line, no shell)
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = Redis.from_url(url)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except Exception:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.05)
        client.close()
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def redis(redis_url: str) -> Iterator[Redis]:
    client = Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.close()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_limit_window_and_retry_after(redis: Redis) -> None:
    clock = FakeClock()
    limiter = RedisSlidingWindowLimiter(redis, 3, 60, prefix="t:", clock=clock)
    assert [limiter.hit("k") for _ in range(3)] == [0, 0, 0]
    assert limiter.hit("k") == 60
    clock.now += 59.5
    assert limiter.hit("k") == 1  # the oldest hit leaves the window in half a second
    assert limiter.hit("other") == 0  # keys are independent
    clock.now += 0.5
    assert limiter.hit("k") == 0


def test_check_does_not_record_and_reset_forgets(redis: Redis) -> None:
    limiter = RedisSlidingWindowLimiter(redis, 2, 60, prefix="t:", clock=FakeClock())
    assert [limiter.check("k") for _ in range(5)] == [0] * 5
    limiter.hit("k")
    limiter.hit("k")
    assert limiter.check("k") > 0
    limiter.reset("k")
    assert limiter.check("k") == 0


def test_keys_expire_with_the_window(redis: Redis) -> None:
    limiter = RedisSlidingWindowLimiter(redis, 2, 30, prefix="t:")
    limiter.hit("k")
    assert 0 < redis.pttl("t:k") <= 30_000


def test_the_limit_is_shared_by_every_process(
    redis_url: str, redis: Redis, settings: Settings, connection: Connection, api: Api
) -> None:
    """Two application instances (two workers) count the same failed logins."""
    shared = settings.model_copy(update={"redis_url": redis_url, "login_rate_limit_per_account": 4})
    first, second = build_app(shared, connection), build_app(shared, connection)
    account = api.account()
    wrong = {"username": account.email, "password": "wrong password"}
    with TestClient(first) as one, TestClient(second) as two:
        statuses = [client.post("/auth/token", data=wrong).status_code for client in (one, two)]
        statuses += [client.post("/auth/token", data=wrong).status_code for client in (one, two)]
        assert statuses == [401, 401, 401, 401]
        blocked = two.post(
            "/auth/token", data={"username": account.email, "password": DEFAULT_PASSWORD}
        )
        assert blocked.status_code == 429
        assert int(blocked.headers["retry-after"]) >= 1


def test_in_process_limiters_are_the_default(settings: Settings) -> None:
    limiters = create_limiters(settings)
    assert type(limiters.per_ip).__name__ == "SlidingWindowLimiter"
    assert (
        type(
            create_limiters(
                settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
            ).per_ip
        )
        is RedisSlidingWindowLimiter
    )
