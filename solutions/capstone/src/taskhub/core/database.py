"""Engine, sessions, the declarative base and the column types shared by all models."""

from __future__ import annotations

import asyncio
import enum
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Connection, DateTime, Dialect, Enum, MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator

from taskhub.core.config import Settings
from taskhub.core.errors import AppError, ServiceUnavailableError

# Deterministic constraint names, so that Alembic can drop and alter them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every ORM model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always returned timezone-aware.

    PostgreSQL keeps the offset (``timestamptz``); SQLite has no timezone support, so values are
    normalised to UTC before they are written and tagged as UTC when they are read.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not accepted; use an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


#: Execution option that makes SQLite start the transaction with BEGIN IMMEDIATE.
SQLITE_IMMEDIATE = "taskhub_sqlite_immediate"
#: HTTP methods that only read; every other request may write.
READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    """Make SQLite behave: foreign keys on, SQLAlchemy owns the transactions, writers queue.

    The standard library driver starts transactions lazily on its own, which breaks
    SAVEPOINTs; the recipe from the SQLAlchemy SQLite dialect documentation hands that job
    back to SQLAlchemy. A writing request begins with ``BEGIN IMMEDIATE``: it takes the write
    lock up front and waits (``busy_timeout``) for another writer to finish, instead of
    failing with "database is locked" when a read lock cannot be upgraded half-way.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(SQLITE_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_db_engine(settings: Settings) -> Engine:
    """Build the engine for ``settings.database_url``.

    PostgreSQL: one pooled connection per worker thread, a bounded wait when they are all
    busy (``TimeoutError``, answered with 503), and connections recycled by age rather than
    pinged before every request.
    """
    if settings.is_sqlite:
        engine = create_engine(
            settings.database_url,
            echo=settings.database_echo,
            connect_args={"check_same_thread": False},
        )
        _configure_sqlite(engine, settings.sqlite_busy_timeout_ms)
        return engine
    return create_engine(
        settings.database_url,
        echo=settings.database_echo,
        pool_size=settings.database_connections,
        max_overflow=0,
        pool_timeout=settings.db_pool_timeout_seconds,
        pool_recycle=settings.db_pool_recycle_seconds,
    )


def create_session_factory(engine: Engine | Connection) -> sessionmaker[Session]:
    """A session factory whose objects stay usable after commit (responses read them).

    With an engine, its sessions are for writing requests: on SQLite their transaction starts
    with ``BEGIN IMMEDIATE`` (see :func:`_configure_sqlite`).
    """
    if isinstance(engine, Engine):
        engine = engine.execution_options(**{SQLITE_IMMEDIATE: True})
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)


def create_read_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for requests that only read (GET, HEAD, OPTIONS).

    On PostgreSQL they run in autocommit mode: no ``BEGIN`` and ``COMMIT`` round trips around
    one or two SELECTs. (Each statement then sees its own snapshot; a page and its total can
    disagree by a concurrent insert, which a list can tolerate.) SQLite keeps transactions.
    """
    if engine.dialect.name == "postgresql":
        engine = engine.execution_options(isolation_level="AUTOCOMMIT")
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)


@asynccontextmanager
async def database_slot(request: Request) -> AsyncIterator[None]:
    """Wait (boundedly) for one of the ``db_pool_size`` slots; a 503 when none frees up.

    FastAPI runs the sync parts of one request in several thread-pool hops, and a request
    keeps its connection between them. Without this gate, more requests than connections
    would occupy every thread waiting for a connection while the requests that hold one wait
    for a thread: a stall until the pool times out. Waiting here costs no thread.
    """
    slots: asyncio.Semaphore = request.app.state.database_slots
    settings: Settings = request.app.state.settings
    if not slots.locked():
        await slots.acquire()  # a slot is free: taken at once, no timer to arm and cancel
    else:
        try:
            await asyncio.wait_for(slots.acquire(), timeout=settings.db_pool_timeout_seconds)
        except TimeoutError:
            raise ServiceUnavailableError("The service is overloaded; try again shortly.") from None
    try:
        yield
    finally:
        slots.release()


def _end_session(session: Session, *, commit: bool) -> None:
    try:
        if commit:
            session.commit()
    finally:
        session.close()


async def get_session(request: Request) -> AsyncIterator[Session]:
    """FastAPI dependency: one session and one transaction per request.

    Services only flush; the request commits here once, after the endpoint returned and
    before the response is sent (``scope="function"`` below). An exception rolls everything
    back, unless it is an :class:`AppError` whose ``keep_changes`` says the writes are its
    outcome. Reading requests use ``read_session_factory`` (autocommit on PostgreSQL) and are
    only closed, with no I/O, right here: committing them would change nothing and cost as
    much again (about a tenth of a list request's time under load). A writing request's
    commit is database I/O and goes to the thread pool, like the endpoint itself.
    """
    writes = request.method not in READ_ONLY_METHODS
    state = request.app.state
    factory: sessionmaker[Session] = state.session_factory if writes else state.read_session_factory

    async def end(*, commit: bool) -> None:
        if writes:
            await run_in_threadpool(_end_session, session, commit=commit)
        else:
            session.close()  # a read has nothing to commit: closing hands the connection back

    async with database_slot(request):
        session = factory()
        try:
            yield session
        except AppError as exc:
            await end(commit=exc.keep_changes)
            raise
        except BaseException:
            await end(commit=False)
            raise
        await end(commit=True)


DbSession = Annotated[Session, Depends(get_session, scope="function")]


def string_enum(enum_type: type[enum.Enum], name: str) -> Enum:
    """A portable enum column: stored as its values in a VARCHAR with a CHECK constraint.

    Non-native on purpose, so SQLite and PostgreSQL get the same schema and adding a value is
    an ordinary migration rather than an ``ALTER TYPE``.
    """
    return Enum(
        enum_type,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [member.value for member in members],
    )
