"""Shared fixtures: a migrated database, per-test transaction rollback, an HTTP client.

SQLite is used unless ``TASKHUB_TEST_DATABASE_URL`` names another database (PostgreSQL in
CI). With ``TASKHUB_REQUIRE_POSTGRES=1`` (or ``--require-postgres``) a missing or unreachable
PostgreSQL fails the run instead of silently falling back.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, MetaData, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from taskhub.core.config import Settings
from taskhub.core.database import create_db_engine
from taskhub.core.migrations import upgrade
from taskhub.main import create_app, install_state
from taskhub.users.models import UserRole
from tests.helpers import Account, Api

TEST_DATABASE_URL_ENV = "TASKHUB_TEST_DATABASE_URL"
REQUIRE_POSTGRES_ENV = "TASKHUB_REQUIRE_POSTGRES"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--require-postgres",
        action="store_true",
        help="fail (rather than skip) when PostgreSQL is not configured or not reachable",
    )


def _require_postgres(config: pytest.Config) -> bool:
    return bool(config.getoption("--require-postgres")) or os.environ.get(
        REQUIRE_POSTGRES_ENV, ""
    ) in ("1", "true", "yes")


def _reset_database(url: str) -> None:
    """Drop every table of a (possibly dirty) test database, Alembic's own included."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            metadata = MetaData()
            metadata.reflect(conn)
            metadata.drop_all(conn)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get(TEST_DATABASE_URL_ENV)
    require_postgres = _require_postgres(request.config)
    if not url:
        if require_postgres:
            pytest.fail(f"{REQUIRE_POSTGRES_ENV} is set but {TEST_DATABASE_URL_ENV} is not")
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'taskhub-test.db'}"
    elif require_postgres and not url.startswith("postgresql"):
        pytest.fail(f"{TEST_DATABASE_URL_ENV} must name a PostgreSQL database, not {url!r}")
    try:
        _reset_database(url)
    except OperationalError as exc:
        message = f"test database {url!r} is not reachable: {exc.orig}"
        if require_postgres:
            pytest.fail(message)
        pytest.skip(message)
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def is_postgres(database_url: str) -> bool:
    return database_url.startswith("postgresql")


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_db_engine(make_settings(database_url))
    yield engine
    engine.dispose()


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "environment": "test",
        "database_url": database_url,
        # Cheap hashing keeps the suite fast; production uses the argon2 defaults.
        "argon2_time_cost": 1,
        "argon2_memory_cost_kib": 8,
        "argon2_parallelism": 1,
        "login_rate_limit_per_ip": 10_000,
        "login_rate_limit_per_account": 10_000,
        "register_rate_limit_per_ip": 10_000,
        # Replays are reuse at once; test_concurrency.py covers the grace window.
        "refresh_reuse_grace_seconds": 0,
        "log_json": True,
    }
    values.update(overrides)
    return Settings.model_validate(values)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    """A connection inside a transaction that is rolled back after the test."""
    with engine.connect() as conn:
        transaction = conn.begin()
        try:
            yield conn
        finally:
            transaction.rollback()


@pytest.fixture
def db_session(connection: Connection) -> Iterator[Session]:
    """A session for arranging data directly; its commits become savepoint releases."""
    with Session(
        bind=connection,
        join_transaction_mode="create_savepoint",
        expire_on_commit=False,
        autoflush=False,
    ) as session:
        yield session


def build_app(settings: Settings, connection: Connection) -> FastAPI:
    """The real application, its sessions bound to the test's connection."""
    app = create_app(settings)
    bind_sessions(app, connection)
    return app


def bind_sessions(app: FastAPI, connection: Connection) -> None:
    """Make each request of ``app`` use a savepoint on ``connection`` (rolled back later).

    The application's own session dependency still runs, so its one commit per request
    becomes a savepoint release.
    """
    app.state.session_factory = app.state.read_session_factory = sessionmaker(
        bind=connection,
        join_transaction_mode="create_savepoint",
        expire_on_commit=False,
        autoflush=False,
    )


@pytest.fixture(scope="session")
def shared_app(database_url: str) -> FastAPI:
    """One application for the tests that use the default settings.

    FastAPI prepares an application's routes on its first request, about 30 ms of work that
    most tests would otherwise repeat; :func:`app` starts this one afresh for each test.
    """
    return create_app(make_settings(database_url))


@pytest.fixture
def app(settings: Settings, connection: Connection, shared_app: FastAPI) -> Iterator[FastAPI]:
    """The application of one test: fresh state, sessions bound to the test's connection."""
    install_state(shared_app, settings)
    bind_sessions(shared_app, connection)
    yield shared_app
    shared_app.dependency_overrides.clear()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def api(client: TestClient, db_session: Session, app: FastAPI) -> Api:
    return Api(client, db_session, app)


@pytest.fixture
def sqlite_path(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'scratch.db'}"


def count_rows(connection: Connection, table: str) -> int:
    return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


@pytest.fixture
def admin(api: Api) -> Account:
    return api.account(role=UserRole.ADMIN)
