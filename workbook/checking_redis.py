"""Check vocabulary for services on Redis: a real server when one is installed, else fakeredis.

A checker opens one service per checker module and gives each check an empty database; one
line at the top of the checker makes the two fixtures (``service`` and ``redis``)::

    service, redis = redis_fixtures()

``redis_service()`` starts ``redis-server`` from ``PATH`` on a free loopback port, in a
temporary directory and without persistence, waits until it answers ``PING`` and stops it
afterwards. Without ``redis-server`` it runs on ``fakeredis`` (in memory, same commands),
unless ``WORKBOOK_REQUIRE_REDIS=1`` is set (CI sets it), which makes the check fail with a
clear message instead. Decorate a check with ``@names_backend`` to append the backend it ran
on to its name in the report: ``retries a failing event (redis-server)``.

``describe_keys`` shows what a database holds (for messages) and ``expect_ttl`` checks a key's
time to live without waiting for it to expire.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

import pytest
import redis

from workbook.checking import CheckFailure, show

REQUIRE_VARIABLE = "WORKBOOK_REQUIRE_REDIS"
REDIS_SERVER, FAKEREDIS = "redis-server", "fakeredis"
STARTUP_SECONDS = 5.0
_SHOWN_KEYS = 8
_Test = TypeVar("_Test", bound=Callable[..., Any])


def redis_server_path() -> str | None:
    """Where ``redis-server`` is on ``PATH``, or None when it is not installed."""
    return shutil.which(REDIS_SERVER)


def redis_required() -> bool:
    """Whether ``WORKBOOK_REQUIRE_REDIS`` forbids the fakeredis fallback."""
    return os.environ.get(REQUIRE_VARIABLE, "").strip().lower() in ("1", "true", "yes")


def backend_name() -> str:
    """The backend the checks run on here: ``redis-server``, or ``fakeredis`` without one."""
    return REDIS_SERVER if redis_server_path() or redis_required() else FAKEREDIS


def names_backend(test: _Test) -> _Test:
    """Append the backend to a check's name: ``caches per user (redis-server)``."""
    doc = (test.__doc__ or test.__name__.removeprefix("test_").replace("_", " ")).strip()
    first, _, rest = doc.partition("\n")
    test.__doc__ = f"{first} ({backend_name()})" + (f"\n{rest}" if rest else "")
    return test


@dataclass
class RedisService:
    """One Redis for a checker module: a real server or a fakeredis server, and a client."""

    backend: str
    version: str
    client: redis.Redis
    _connect: Callable[[], redis.Redis]

    def fresh(self) -> redis.Redis:
        """The client, on a database emptied for the next check."""
        self.client.flushall()
        return self.client

    def new_client(self) -> redis.Redis:
        """Another connection to the same data, as a second process would open."""
        return self._connect()


@contextmanager
def redis_service(*, decode_responses: bool = True) -> Iterator[RedisService]:
    """A Redis for the checks (see the module docstring), stopped and removed afterwards."""
    path = redis_server_path()
    if path is None and redis_required():
        raise CheckFailure(
            f"{REQUIRE_VARIABLE}=1 asks for a real Redis, but {REDIS_SERVER} is not on PATH",
            expected=f"{REDIS_SERVER} installed (PATH={os.environ.get('PATH', '')})",
            actual=f"no {REDIS_SERVER} found",
            help=f"Install Redis (apt install redis-server, brew install redis), or unset "
            f"{REQUIRE_VARIABLE} to run the checks on fakeredis.",
        )
    if path is None:
        with _fake_service(decode_responses) as service:
            yield service
        return
    with tempfile.TemporaryDirectory(prefix="workbook-redis-") as directory:
        process, port = _start_server(path, Path(directory))
        try:

            def connect() -> redis.Redis:
                return redis.Redis(
                    host="127.0.0.1",
                    port=port,
                    decode_responses=decode_responses,
                    socket_timeout=STARTUP_SECONDS,
                )

            client = connect()
            version = str(client.info("server").get("redis_version", "?"))
            try:
                yield RedisService(REDIS_SERVER, version, client, connect)
            finally:
                client.close()
        finally:
            _stop(process)


def redis_fixtures(*, decode_responses: bool = True) -> tuple[Any, Any]:
    """The fixtures ``service`` (one Redis for the checker module) and ``redis`` (a client on
    an emptied database, for each check): ``service, redis = redis_fixtures()``."""

    @pytest.fixture(scope="module", name="service")
    def module_service() -> Iterator[RedisService]:
        with redis_service(decode_responses=decode_responses) as running:
            yield running

    @pytest.fixture(name="redis")
    def fresh_client(service: RedisService) -> redis.Redis:
        return service.fresh()

    return module_service, fresh_client


@contextmanager
def _fake_service(decode_responses: bool) -> Iterator[RedisService]:
    import fakeredis

    server = fakeredis.FakeServer()

    def connect() -> redis.Redis:
        return fakeredis.FakeRedis(server=server, decode_responses=decode_responses)

    client = connect()
    try:
        yield RedisService(FAKEREDIS, metadata.version("fakeredis"), client, connect)
    finally:
        client.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_server(path: str, directory: Path) -> tuple[subprocess.Popen[bytes], int]:
    """Start ``redis-server`` on a free port; retry when another process took the port first."""
    log = directory / "redis.log"
    for _attempt in range(3):
        port = _free_port()
        command = [path, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no", "--dir", str(directory), "--daemonize", "no"]
        with log.open("wb") as output:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                cwd=directory,
            )
        if _wait_for_ping(process, port):
            return process, port
        _stop(process)
        if "Address already in use" not in log.read_text(encoding="utf-8", errors="replace"):
            break
    tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
    raise CheckFailure(
        f"{REDIS_SERVER} did not start on 127.0.0.1 within {STARTUP_SECONDS:g} s",
        expected=f"{REDIS_SERVER} answering PING",
        actual="\n".join(tail) or "no output",
        help=f"Run '{path} --port 6399' by hand to see why; unset {REQUIRE_VARIABLE} and "
        "hide redis-server from PATH to check on fakeredis meanwhile.",
    )


def _wait_for_ping(process: subprocess.Popen[bytes], port: int) -> bool:
    deadline = time.monotonic() + STARTUP_SECONDS
    probe = redis.Redis(host="127.0.0.1", port=port, socket_timeout=0.5)
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                return False
            try:
                if probe.ping():
                    return True
            except redis.RedisError:
                pass
            time.sleep(0.01)
        return False
    finally:
        probe.close()


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# -- what a database holds ----------------------------------------------------------------------


def describe_key(client: redis.Redis, key: str) -> str:
    """``stats:1 (string '{"todo": 1}', expires in 60 s)``: one key as a message shows it."""
    kind = _text(client.type(key))
    if kind == "none":
        return f"{key} (missing)"
    if kind == "string":
        value = show(client.get(key))
    elif kind == "list":
        value = show(client.lrange(key, 0, -1))
    elif kind == "set":
        value = show(sorted(client.smembers(key)))
    elif kind == "hash":
        value = show(client.hgetall(key))
    elif kind == "zset":
        value = show(client.zrange(key, 0, -1, withscores=True))
    else:
        value = f"{client.xlen(key)} entries" if kind == "stream" else ""
    ttl = int(client.pttl(key))
    expiry = f", expires in {ttl / 1000:g} s" if ttl >= 0 else ""
    return f"{key} ({kind} {value}{expiry})".replace(" )", ")").replace(" ,", ",")


def describe_keys(client: redis.Redis) -> str:
    """Every key of the database (the first few) with its type, value and expiry."""
    keys = sorted(_text(key) for key in client.scan_iter(count=100))
    if not keys:
        return "the database is empty"
    shown = [describe_key(client, key) for key in keys[:_SHOWN_KEYS]]
    if len(keys) > _SHOWN_KEYS:
        shown.append(f"... and {len(keys) - _SHOWN_KEYS} more")
    return "keys: " + "; ".join(shown)


def expect_ttl(client: redis.Redis, key: str, seconds: float, *, what: str, help: str) -> None:
    """Fail unless ``key`` exists and expires in ``seconds`` (less at most one second spent).

    Reads ``PTTL`` instead of waiting: a key set with ``EX 60`` a moment ago has between
    59 and 60 seconds left; ``EX 59`` or ``EX 61`` (or no expiry) is told apart at once.
    """
    left = int(client.pttl(key))
    wanted = f"{key} expiring in {seconds:g} s"
    if left == -2:
        actual = f"no key {key}; {describe_keys(client)}"
    elif left == -1:
        actual = f"{key} with no expiry"
    elif not seconds * 1000 - 1000 < left <= seconds * 1000:
        actual = f"{key} expiring in {left / 1000:g} s"
    else:
        return
    raise CheckFailure(
        f"{what}: {actual}, expected {wanted}", expected=wanted, actual=actual, help=help
    )


def _text(value: object) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
