"""The Redis vocabulary: a real redis-server when installed, fakeredis otherwise, and the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.checking import CheckFailure
from workbook.checking_redis import (
    FAKEREDIS,
    REDIS_SERVER,
    REQUIRE_VARIABLE,
    backend_name,
    describe_keys,
    expect_ttl,
    names_backend,
    redis_server_path,
    redis_service,
)

needs_redis_server = pytest.mark.skipif(
    redis_server_path() is None, reason="redis-server is not installed"
)


@pytest.fixture
def without_redis_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """redis-server hidden from PATH, and the fallback allowed."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(REQUIRE_VARIABLE, raising=False)


@needs_redis_server
def test_a_real_server_answers_without_persistence_and_stops_afterwards() -> None:
    with redis_service() as service:
        assert service.backend == REDIS_SERVER
        client = service.fresh()
        port = client.connection_pool.connection_kwargs["port"]
        assert client.ping() is True
        assert client.config_get("save") == {"save": ""}
        assert client.config_get("bind")["bind"] == "127.0.0.1"
        client.set("greeting", "hello")
        assert service.new_client().get("greeting") == "hello"
        assert service.fresh().get("greeting") is None
    import redis

    with pytest.raises(redis.ConnectionError):
        redis.Redis(host="127.0.0.1", port=port, socket_timeout=0.5).ping()


@pytest.mark.usefixtures("without_redis_server")
def test_without_redis_server_the_checks_run_on_fakeredis() -> None:
    assert backend_name() == FAKEREDIS
    with redis_service() as service:
        assert service.backend == FAKEREDIS
        client = service.fresh()
        client.lpush("jobs", "a")
        assert service.new_client().lrange("jobs", 0, -1) == ["a"]
        assert service.fresh().exists("jobs") == 0


@pytest.mark.usefixtures("without_redis_server")
def test_requiring_redis_without_redis_server_fails_clearly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(REQUIRE_VARIABLE, "1")
    assert backend_name() == REDIS_SERVER
    with pytest.raises(CheckFailure) as caught, redis_service():
        pass
    assert caught.value.message == (
        "WORKBOOK_REQUIRE_REDIS=1 asks for a real Redis, but redis-server is not on PATH"
    )
    assert "unset WORKBOOK_REQUIRE_REDIS" in (caught.value.help or "")


def test_the_check_name_says_which_backend_ran() -> None:
    def test_caches() -> None:
        """caches per user

        More text."""

    named = names_backend(test_caches)
    assert named.__doc__ is not None
    assert named.__doc__.splitlines()[0] == f"caches per user ({backend_name()})"
    assert named.__doc__.splitlines()[1] == ""


@pytest.mark.usefixtures("without_redis_server")
def test_keys_and_expiry_are_described_and_checked() -> None:
    with redis_service() as service:
        client = service.fresh()
        assert describe_keys(client) == "the database is empty"
        client.set("stats:1", '{"todo": 1}', ex=60)
        client.rpush("queue", "a", "b")
        assert describe_keys(client).startswith(
            "keys: queue (list ['a', 'b']); stats:1 (string '{\"todo\": 1}', expires in "
        )
        expect_ttl(client, "stats:1", 60, what="after get(1)", help="h")
        with pytest.raises(CheckFailure) as caught:
            expect_ttl(client, "stats:1", 59, what="after get(1)", help="h")
        assert caught.value.message.startswith("after get(1): stats:1 expiring in 59.9")
        with pytest.raises(CheckFailure) as caught:
            expect_ttl(client, "queue", 60, what="after get(1)", help="h")
        assert caught.value.actual == "queue with no expiry"
        with pytest.raises(CheckFailure) as caught:
            expect_ttl(client, "stats:2", 60, what="after get(2)", help="h")
        assert caught.value.actual is not None
        assert caught.value.actual.startswith("no key stats:2; keys: queue")
