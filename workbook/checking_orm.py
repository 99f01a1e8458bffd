"""Check vocabulary for ORM and migration exercises: engines, statements, metadata, Alembic.

An ORM exercise gives the learner's models (a ``DeclarativeBase`` subclass and its
``metadata``), queries and Alembic migrations. The checks:

* open a fresh SQLAlchemy engine on every engine of ``engine_names()`` with ``orm_engines()``:
  SQLite in memory always, and PostgreSQL as well when ``WORKBOOK_POSTGRES_URL`` holds a libpq
  URL (the ``postgresql+psycopg`` driver, a fresh schema per engine, dropped afterwards);
* count the SQL statements a piece of code runs with ``count_statements`` (a
  ``before_cursor_execute`` listener) and prove a fixed number of them, whatever the number of
  rows, with ``expect_fixed_statements``, which names the statement that repeats (N+1);
* read tables, columns and constraints from the metadata with ``expect_table``,
  ``expect_column`` and ``expect_constraint_named``, and prove a constraint refuses a row with
  ``expect_insert_refused``;
* run the learner's Alembic migrations with ``open_migrations``: ``upgrade``, ``downgrade`` and
  ``expect_no_drift`` (autogenerate's ``compare_metadata`` between the models and the migrated
  database).

Async exercises (``AsyncSession``) use ``fresh_async_engine`` (aiosqlite, or psycopg's async
driver), ``async_seed`` and ``new_async_session`` inside a coroutine run by ``run_async`` (a
new event loop, with a time bound), call the learner's coroutines with ``await_learner``
(``await_raises`` when they must raise), and read relationships with ``loaded_attribute``,
which fails when the query did not load them (a lazy load, impossible in async code).
``count_statements`` takes an async engine too.

Every failure names the engine, what was run and what came back.
"""

from __future__ import annotations

import asyncio
import inspect
import re
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, MetaData, Table, create_engine, event, insert, text
from sqlalchemy import inspect as sqlalchemy_inspect
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from workbook.checking import (
    CheckFailure,
    Learner,
    describe_exception,
    expect_error,
    not_raised,
    origin,
    show,
)
from workbook.checking_sql import (
    POSTGRES_URL_VARIABLE,
    POSTGRESQL,
    SQLITE,
    engine_names,
    postgres_url,
    refusal_kind,
)

_T = TypeVar("_T")

__all__ = [
    "POSTGRESQL",
    "SQLITE",
    "ConnectionLog",
    "Migrations",
    "StatementLog",
    "async_seed",
    "await_learner",
    "await_raises",
    "count_statements",
    "engine_label",
    "engine_names",
    "expect_column",
    "expect_constraint_named",
    "expect_fixed_statements",
    "expect_insert_accepted",
    "expect_insert_refused",
    "expect_table",
    "fresh_async_engine",
    "fresh_engine",
    "learner_metadata",
    "loaded_attribute",
    "new_async_session",
    "new_session",
    "open_migrations",
    "orm_engines",
    "run_async",
    "run_learner",
    "seed",
    "sqlalchemy_url",
    "track_connections",
]


# -- engines ----------------------------------------------------------------------------------


def sqlalchemy_url(libpq_url: str) -> str:
    """``postgresql://u@h/db`` as SQLAlchemy spells it with the psycopg 3 driver."""
    return re.sub(r"^postgres(?:ql)?(?:\+\w+)?://", "postgresql+psycopg://", libpq_url)


@contextmanager
def fresh_engine(engine: str) -> Iterator[Engine]:
    """A SQLAlchemy engine on a new, empty database of ``engine`` (SQLite or PostgreSQL).

    SQLite is one in-memory database shared by every connection of the engine (a
    ``StaticPool``), with foreign keys enforced; PostgreSQL is a fresh schema, dropped after.
    """
    if engine == SQLITE:
        sqlite = create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
        event.listen(sqlite, "connect", _enforce_foreign_keys)
        try:
            yield sqlite
        finally:
            sqlite.dispose()
        return
    with _postgres_schema() as (url, schema):
        postgres = create_engine(url, connect_args={"options": f"-csearch_path={schema}"})
        try:
            yield postgres
        finally:
            postgres.dispose()


@contextmanager
def _postgres_schema() -> Iterator[tuple[str, str]]:
    """A new schema on the PostgreSQL server: ``(SQLAlchemy URL, schema name)``, dropped after."""
    url = sqlalchemy_url(postgres_url() or "")
    schema = f"workbook_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except SQLAlchemyError as error:
        admin.dispose()
        raise CheckFailure(
            f"could not create a schema on PostgreSQL ({POSTGRES_URL_VARIABLE}): "
            f"{' '.join(str(getattr(error, 'orig', None) or error).split())}",
            expected="a PostgreSQL server that accepts the connection",
            actual="no connection",
            help=f"Start the server, or unset {POSTGRES_URL_VARIABLE} to check on SQLite only.",
        ) from None
    try:
        yield url, schema
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _enforce_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def orm_engines() -> Iterator[tuple[str, Engine]]:
    """``(name, engine)`` for a fresh database on each engine in turn; use it in a ``for`` loop."""
    for name in engine_names():
        with fresh_engine(name) as engine:
            yield name, engine


def engine_label(engine: Engine | AsyncEngine) -> str:
    """``SQLite`` or ``PostgreSQL``: how the engine is named in a message."""
    return POSTGRESQL if engine.dialect.name == "postgresql" else SQLITE


def run_learner(func: Callable[..., Any], *args: Any, what: str, help: str, **kwargs: Any) -> Any:
    """Call learner code that must not raise; a failure says ``what`` was run and what it raised.

    Unlike ``checking.call`` the call is described by ``what`` (sessions and engines read
    badly as arguments). A stub's ``NotImplementedError`` passes through.
    """
    try:
        return func(*args, **kwargs)
    except NotImplementedError:
        raise
    except Exception as error:
        raise _raised(error, what=what, help=help) from error


def _raised(error: Exception, *, what: str, help: str) -> CheckFailure:
    """The failure for learner code that raised where it should have returned."""
    where = origin(error)
    return CheckFailure(
        f"{what}, it raised {_error_text(error)}" + (f"\n  raised {where}" if where else ""),
        expected="no exception",
        actual=f"raised {_error_text(error)}",
        help=help,
    )


def _error_text(error: BaseException) -> str:
    if isinstance(error, SQLAlchemyError):
        first = str(error).split("\n", 1)[0]
        return f"{type(error).__name__}({first!r})"
    return describe_exception(error)


# -- counting statements --------------------------------------------------------------------------


@dataclass
class StatementLog:
    """The SQL statements an engine ran while the log was open, in order."""

    statements: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.statements)

    def most_repeated(self) -> tuple[str, int] | None:
        """The statement run most often and how many times (None when nothing ran)."""
        if not self.statements:
            return None
        statement, times = Counter(self.statements).most_common(1)[0]
        return statement, times

    def listing(self, limit: int = 6) -> str:
        shown = [f"    {i}. {s}" for i, s in enumerate(self.statements[:limit], start=1)]
        if len(self.statements) > limit:
            shown.append(f"    ... and {len(self.statements) - limit} more")
        return "\n".join(shown) or "    (none)"


def _flat(statement: str) -> str:
    return " ".join(statement.split())


@contextmanager
def count_statements(engine: Engine | AsyncEngine) -> Iterator[StatementLog]:
    """Record every statement ``engine`` sends to the database inside the ``with`` block.

    An ``executemany`` (one statement, many parameter sets) counts once; the text is kept
    with its placeholders, so the same query for another row reads the same. An async
    engine's statements are counted on the engine it drives (``sync_engine``).
    """
    log = StatementLog()
    if isinstance(engine, AsyncEngine):
        engine = engine.sync_engine

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        log.statements.append(_flat(statement))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield log
    finally:
        event.remove(engine, "before_cursor_execute", record)


def expect_fixed_statements(
    logs: Mapping[int, StatementLog], *, what: str, rows: str = "rows", most: int, help: str
) -> None:
    """Fail unless the code ran the same number of statements (at most ``most``) for every size.

    ``logs`` maps a number of rows in the database to the statements the same code ran on it.
    When the count grows with the rows, the failure names the statement that repeats.
    """
    counts = {size: log.count for size, log in logs.items()}
    summary = ", ".join(f"{log.count} with {size} {rows}" for size, log in logs.items())
    largest = logs[max(logs)]
    if len(set(counts.values())) > 1:
        repeated = largest.most_repeated()
        named = (
            f"\n  the statement that repeats ({repeated[1]} times with {max(logs)} {rows}):"
            f"\n    {repeated[0]}"
            if repeated
            else ""
        )
        raise CheckFailure(
            f"{what}: the number of statements grows with the data ({summary}){named}",
            expected="the same number of statements however many rows there are",
            actual=summary,
            help=help,
        )
    if largest.count > most:
        raise CheckFailure(
            f"{what}: ran {largest.count} statements, expected at most {most}:\n"
            f"{largest.listing()}",
            expected=f"at most {most} statements",
            actual=f"{largest.count} statements",
            help=help,
        )


@dataclass
class ConnectionLog:
    """How many times connections were taken from an engine's pool and given back."""

    checked_out: int = 0
    checked_in: int = 0

    @property
    def still_open(self) -> int:
        return self.checked_out - self.checked_in


@contextmanager
def track_connections(engine: Engine) -> Iterator[ConnectionLog]:
    """Count pool checkouts and checkins on ``engine`` inside the ``with`` block.

    A session that is closed gives its connection back; ``still_open`` above zero after a
    request means a session (or connection) was left open.
    """
    log = ConnectionLog()

    def out(*_args: Any) -> None:
        log.checked_out += 1

    def back(*_args: Any) -> None:
        log.checked_in += 1

    event.listen(engine, "checkout", out)
    event.listen(engine, "checkin", back)
    try:
        yield log
    finally:
        event.remove(engine, "checkout", out)
        event.remove(engine, "checkin", back)


# -- metadata ----------------------------------------------------------------------------------


def learner_metadata(learner: Learner, base: str = "Base") -> MetaData:
    """The ``MetaData`` of the learner's declarative base class ``base``."""
    value = learner.cls(base)
    metadata = getattr(value, "metadata", None)
    if not isinstance(metadata, MetaData):
        raise CheckFailure(
            f"{base}.metadata in {learner.display_path} is not a SQLAlchemy MetaData",
            expected="class Base(DeclarativeBase)",
            actual=show(metadata),
            help=f"Make {base} a subclass of sqlalchemy.orm.DeclarativeBase.",
        )
    return metadata


def expect_table(metadata: MetaData, name: str, *, help: str) -> Table:
    """The table ``name`` of ``metadata``; fails naming the tables there are."""
    table = metadata.tables.get(name)
    if table is None:
        there = ", ".join(sorted(metadata.tables)) or "no tables"
        raise CheckFailure(
            f"the models define no table {name!r} (tables: {there})",
            expected=f"a table named {name!r}",
            actual=there,
            help=help,
        )
    return table


def expect_column(
    table: Table,
    name: str,
    *,
    python_type: type[Any] | None = None,
    nullable: bool | None = None,
    primary_key: bool | None = None,
    length: int | None = None,
    help: str,
) -> None:
    """Fail unless ``table`` has the column ``name`` with the given properties."""
    column = table.columns.get(name)
    if column is None:
        there = ", ".join(table.columns.keys())
        raise CheckFailure(
            f"table {table.name!r} has no column {name!r} (columns: {there})",
            expected=f"a column {name!r}",
            actual=there,
            help=help,
        )
    found: dict[str, object] = {}
    wanted: dict[str, object] = {}
    if python_type is not None:
        try:
            found["python type"] = column.type.python_type.__name__
        except NotImplementedError:
            found["python type"] = type(column.type).__name__
        wanted["python type"] = python_type.__name__
    if nullable is not None:
        found["nullable"], wanted["nullable"] = column.nullable, nullable
    if primary_key is not None:
        found["primary key"], wanted["primary key"] = column.primary_key, primary_key
    if length is not None:
        found["length"], wanted["length"] = getattr(column.type, "length", None), length
    wrong = [key for key in wanted if found[key] != wanted[key]]
    if wrong:
        got = ", ".join(f"{key}={show(found[key])}" for key in wrong)
        want = ", ".join(f"{key}={show(wanted[key])}" for key in wrong)
        raise CheckFailure(
            f"column {table.name}.{name} has {got}, expected {want}",
            expected=want,
            actual=got,
            help=help,
        )


def constraint_names(metadata: MetaData) -> dict[str, str]:
    """Every named constraint and index of ``metadata``: name -> ``table: kind (columns)``."""
    names: dict[str, str] = {}
    for table in metadata.tables.values():
        for constraint in table.constraints:
            kind = type(constraint).__name__.removesuffix("Constraint") or "Constraint"
            columns = ", ".join(c.name for c in getattr(constraint, "columns", ()))
            names[str(constraint.name)] = f"{table.name}: {kind} ({columns})"
        for index in table.indexes:
            columns = ", ".join(str(getattr(c, "name", c)) for c in index.expressions)
            names[str(index.name)] = f"{table.name}: Index ({columns})"
    return names


def expect_constraint_named(metadata: MetaData, name: str, *, help: str) -> None:
    """Fail unless a constraint or an index of ``metadata`` is named ``name`` exactly."""
    names = constraint_names(metadata)
    if name not in names:
        listed = "\n".join(f"    {n}  [{where}]" for n, where in sorted(names.items()))
        raise CheckFailure(
            f"no constraint or index is named {name!r}; the names the models give are:\n"
            f"{listed or '    (none)'}",
            expected=name,
            actual=", ".join(sorted(names)) or "no names",
            help=help,
        )


def _describe_row(table: str, row: Mapping[str, Any]) -> str:
    values = ", ".join(f"{k}={show(v)}" for k, v in row.items())
    return f"INSERT INTO {table} ({values})"


def seed(
    engine: Engine, metadata: MetaData, rows: Mapping[str, Sequence[Mapping[str, Any]]]
) -> None:
    """Insert the checker's rows, table by table in the order given, and commit.

    Rows give their ids explicitly; on PostgreSQL each table's id sequence is then moved past
    the largest id, so the learner's next insert gets a fresh id as it would in production.
    """
    with engine.begin() as connection:
        _insert_rows(connection, metadata, rows)


def _insert_rows(
    connection: Connection, metadata: MetaData, rows: Mapping[str, Sequence[Mapping[str, Any]]]
) -> None:
    for name, table_rows in rows.items():
        if table_rows:
            connection.execute(insert(metadata.tables[name]), [dict(r) for r in table_rows])
    if connection.dialect.name == "postgresql":
        for name in rows:
            table = metadata.tables[name]
            if "id" in table.columns and table.columns["id"].autoincrement in (True, "auto"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
                    )
                )


def expect_insert_accepted(
    engine: Engine, metadata: MetaData, table: str, row: Mapping[str, Any], *, help: str
) -> None:
    """Fail unless inserting ``row`` into ``table`` (a Core insert, committed) succeeds."""
    try:
        with engine.begin() as connection:
            connection.execute(insert(metadata.tables[table]).values(dict(row)))
    except SQLAlchemyError as error:
        text_ = " ".join(str(getattr(error, "orig", None) or error).split())
        raise CheckFailure(
            f"on {engine_label(engine)}, {_describe_row(table, row)} was refused: {text_}",
            expected="the row is stored",
            actual=f"refused: {text_}",
            help=help,
        ) from None


def expect_insert_refused(
    engine: Engine,
    metadata: MetaData,
    table: str,
    row: Mapping[str, Any],
    *,
    by: str,
    help: str,
) -> None:
    """Fail unless inserting ``row`` is refused by a constraint of the kind ``by``.

    ``by`` is one of "unique", "check", "not null", "foreign key" (see
    ``checking_sql.refusal_kind``). Nothing is stored either way.
    """
    statement = _describe_row(table, row)
    try:
        with engine.begin() as connection:
            connection.execute(insert(metadata.tables[table]).values(dict(row)))
    except IntegrityError as error:
        kind = refusal_kind(error.orig) if error.orig is not None else None
        if kind != by:
            text_ = " ".join(str(error.orig).split())
            raise CheckFailure(
                f"on {engine_label(engine)}, {statement} was refused, but not by a {by} "
                f"constraint: {text_}",
                expected=f"refused by a {by} constraint",
                actual=text_,
                help="Another rule refused the row first: check the column types and that no "
                "constraint is stricter than the exercise asks.",
            ) from None
        return
    raise CheckFailure(
        f"on {engine_label(engine)}, {statement} was accepted; a {by} constraint should refuse it",
        expected=f"refused by a {by} constraint",
        actual="the row was stored",
        help=help,
    )


# -- Alembic ----------------------------------------------------------------------------------


@dataclass
class Migrations:
    """The learner's Alembic migrations, run programmatically on one fresh database.

    Each command opens its own transaction on ``engine`` and passes the connection to the
    learner's ``env.py`` in ``config.attributes["connection"]``, with the models' metadata in
    ``config.attributes["target_metadata"]``.
    """

    folder: Path
    engine: Engine
    metadata: MetaData | None
    history: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return engine_label(self.engine)

    def _config(self, connection: Connection) -> Any:
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(self.folder))
        config.set_main_option("sqlalchemy.url", self.engine.url.render_as_string(False))
        config.attributes["connection"] = connection
        config.attributes["target_metadata"] = self.metadata
        return config

    def _run(self, command: str, revision: str, *, help: str) -> None:
        from alembic import command as commands

        step = f"alembic {command} {revision}"
        self.history.append(step)
        try:
            with self.engine.begin() as connection:
                getattr(commands, command)(self._config(connection), revision)
        except NotImplementedError:
            raise
        except Exception as error:
            where = origin(error)
            raise CheckFailure(
                f"on {self.label}, ran {' -> '.join(self.history)}: the last step raised "
                f"{_error_text(error)}" + (f"\n  raised {where}" if where else ""),
                expected=f"{step} succeeds",
                actual=f"raised {_error_text(error)}",
                help=help,
            ) from error

    def upgrade(self, revision: str = "head", *, help: str) -> None:
        """``alembic upgrade <revision>``."""
        self._run("upgrade", revision, help=help)

    def downgrade(self, revision: str = "-1", *, help: str) -> None:
        """``alembic downgrade <revision>``."""
        self._run("downgrade", revision, help=help)

    def current(self) -> str | None:
        """The revision the database is at (None before the first upgrade)."""
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def revisions(self) -> list[str]:
        """The revision ids of the folder, oldest first."""
        from alembic.config import Config
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(self.folder))
        scripts = ScriptDirectory.from_config(config)
        return [script.revision for script in reversed(list(scripts.walk_revisions()))]

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """The rows of a checker's query on the migrated database."""
        with self.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]

    def execute(self, sql: str, params: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> None:
        """Run a checker's statement (with its parameters) and commit it."""
        with self.engine.begin() as connection:
            connection.execute(text(sql), params)

    def columns(self, table: str) -> list[str]:
        """The column names of ``table`` as the database reports them now."""
        from sqlalchemy import inspect

        return [column["name"] for column in inspect(self.engine).get_columns(table)]

    def drift(self) -> list[Any]:
        """What autogenerate would change: the differences between the models and the database."""
        from alembic.autogenerate import compare_metadata
        from alembic.migration import MigrationContext

        if self.metadata is None:
            raise ValueError("drift needs the models' metadata")
        with self.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "render_as_batch": True}
            )
            return list(compare_metadata(context, self.metadata))

    def expect_no_drift(self, *, help: str) -> None:
        """Fail unless the migrated database matches the models (autogenerate finds nothing)."""
        differences = self.drift()
        if differences:
            listed = "\n".join(f"    {_describe_diff(d)}" for d in differences[:8])
            raise CheckFailure(
                f"on {self.label}, after {' -> '.join(self.history)}, the database and the "
                f"models disagree; autogenerate would write:\n{listed}",
                expected="no differences (the migrations build exactly what the models declare)",
                actual=f"{len(differences)} difference(s)",
                help=help,
            )

    def expect_accepted(self, sql: str, params: Mapping[str, Any], *, help: str) -> None:
        """Fail unless the checker's statement runs on the migrated database (a valid row)."""
        error = self._attempt(sql, params)
        if error is not None:
            text_ = " ".join(str(getattr(error, "orig", None) or error).split())
            raise CheckFailure(
                f"on {self.label}, after {' -> '.join(self.history)}, "
                f"{_describe_statement(sql, params)} was refused: {text_}",
                expected="the row is stored",
                actual=f"refused: {text_}",
                help=help,
            )

    def expect_refused(self, sql: str, params: Mapping[str, Any], *, by: str, help: str) -> None:
        """Fail unless the statement is refused by a constraint of the kind ``by``."""
        error = self._attempt(sql, params)
        statement = _describe_statement(sql, params)
        after = f"on {self.label}, after {' -> '.join(self.history)}, {statement}"
        if error is None:
            raise CheckFailure(
                f"{after} was accepted; a {by} constraint should refuse it",
                expected=f"refused by a {by} constraint",
                actual="the row was stored",
                help=help,
            )
        kind = refusal_kind(getattr(error, "orig", None) or error)
        if kind != by:
            text_ = " ".join(str(getattr(error, "orig", None) or error).split())
            raise CheckFailure(
                f"{after} was refused, but not by a {by} constraint: {text_}",
                expected=f"refused by a {by} constraint",
                actual=text_,
                help=help,
            )

    def _attempt(self, sql: str, params: Mapping[str, Any]) -> BaseException | None:
        try:
            self.execute(sql, params)
        except IntegrityError as error:
            return error
        return None

    def expect_rows(self, sql: str, expected: list[tuple[Any, ...]], *, help: str) -> None:
        """Fail unless the checker's query returns ``expected`` (in order) now."""
        actual = self.rows(sql)
        if actual != expected:
            raise CheckFailure(
                f"on {self.label}, after {' -> '.join(self.history)}, {_flat(sql)} returned "
                f"{show(actual)}, expected {show(expected)}",
                expected=show(expected),
                actual=show(actual),
                help=help,
            )


def _describe_statement(sql: str, params: Mapping[str, Any]) -> str:
    flat = _flat(sql)
    if params:
        flat += " with " + ", ".join(f"{k}={show(v)}" for k, v in params.items())
    return flat


def _describe_diff(difference: Any) -> str:
    if isinstance(difference, tuple) and difference and isinstance(difference[0], str):
        kind = difference[0]
        subject = difference[1] if len(difference) > 1 else None
        name = getattr(subject, "name", None)
        table = getattr(getattr(subject, "table", None), "name", None)
        if name is not None:
            return f"{kind} {table + '.' if table else ''}{name}"
        return f"{kind} {' '.join(str(part) for part in difference[1:4] if part is not None)}"
    if isinstance(difference, list):  # a column modification is a list of tuples
        return "; ".join(_describe_diff(item) for item in difference)
    return show(difference)


@contextmanager
def open_migrations(
    folder: Path, engine: str, metadata: MetaData | None = None
) -> Iterator[Migrations]:
    """The migrations in ``folder`` on a fresh database of ``engine``, removed afterwards."""
    with fresh_engine(engine) as sqlalchemy_engine:
        yield Migrations(folder, sqlalchemy_engine, metadata)


def new_session(engine: Engine) -> Session:
    """A session on ``engine`` that keeps objects readable after commit (for checks)."""
    return Session(engine, expire_on_commit=False)


# -- async engines and sessions ---------------------------------------------------------------


@asynccontextmanager
async def fresh_async_engine(engine: str) -> AsyncIterator[AsyncEngine]:
    """An ``AsyncEngine`` on a new, empty database of ``engine``, disposed afterwards.

    SQLite goes through aiosqlite (one shared in-memory database, foreign keys enforced),
    PostgreSQL through psycopg's async driver on a fresh schema. Open it inside the event
    loop that uses it (in the coroutine given to ``run_async``).
    """
    if engine == SQLITE:
        sqlite = create_async_engine("sqlite+aiosqlite://", poolclass=StaticPool)
        event.listen(sqlite.sync_engine, "connect", _enforce_foreign_keys)
        try:
            yield sqlite
        finally:
            await sqlite.dispose()
        return
    with _postgres_schema() as (url, schema):
        postgres = create_async_engine(url, connect_args={"options": f"-csearch_path={schema}"})
        try:
            yield postgres
        finally:
            await postgres.dispose()


async def async_seed(
    engine: AsyncEngine, metadata: MetaData, rows: Mapping[str, Sequence[Mapping[str, Any]]]
) -> None:
    """Create ``metadata``'s tables on ``engine``, then insert and commit rows as ``seed`` does."""
    async with engine.begin() as connection:
        await connection.run_sync(metadata.create_all)
        await connection.run_sync(_insert_rows, metadata, rows)


def new_async_session(engine: AsyncEngine) -> AsyncSession:
    """An async session on ``engine`` that keeps objects readable after commit (for checks)."""
    return AsyncSession(engine, expire_on_commit=False)


def run_async(
    main: Callable[[], Coroutine[Any, Any, _T]], *, what: str, timeout: float = 5.0
) -> _T:
    """Run the check's coroutine ``main()`` in a new event loop, for at most ``timeout`` seconds.

    An awaited call that never returns (a lock never released, a query waiting on another
    transaction) becomes a failure naming ``what`` was running, not a hung check.
    """

    async def bounded() -> _T:
        return await asyncio.wait_for(main(), timeout)

    try:
        return asyncio.run(bounded())
    except TimeoutError:
        raise CheckFailure(
            f"{what} did not finish within {timeout:g} s",
            expected=f"an answer within {timeout:g} s",
            actual="still waiting",
            help="Something awaited never completed: look for a session or connection held "
            "open by another task, or a transaction that was never committed or rolled back.",
        ) from None


async def await_learner(
    func: Callable[..., Any], *args: Any, what: str, help: str, **kwargs: Any
) -> Any:
    """Call and await learner code that must not raise (``run_learner`` for coroutines).

    A function that returns something other than an awaitable (a plain ``def`` where the
    exercise asks for ``async def``) fails with that said.
    """
    result = run_learner(func, *args, what=what, help=help, **kwargs)
    if not inspect.isawaitable(result):
        raise CheckFailure(
            f"{what}, it returned {show(result)} instead of an awaitable",
            expected="a coroutine (the method is declared async def)",
            actual=show(result),
            help="Declare the method with async def and await the session's calls inside it.",
        )
    try:
        return await result
    except NotImplementedError:
        raise
    except Exception as error:
        raise _raised(error, what=what, help=help) from error


def loaded_attribute(instance: object, name: str, *, what: str, help: str) -> Any:
    """The value of ``instance.name``, which the query must have loaded already.

    Reading a relationship that was not loaded is a lazy load: an error with
    ``lazy="raise"``, and in async code one that cannot happen at all. The failure says the
    query left the attribute out, instead of showing SQLAlchemy's error.
    """
    state = sqlalchemy_inspect(instance, raiseerr=False)
    if state is not None and name in getattr(state, "unloaded", ()):
        raise CheckFailure(
            f"{what}: {type(instance).__name__}.{name} was not loaded by the query, so "
            "reading it would need a lazy load",
            expected=f"{name} loaded with the query (a loader option such as selectinload)",
            actual=f"{name} not loaded",
            help=help,
        )
    return getattr(instance, name)


async def await_raises(
    error_type: type[BaseException],
    func: Callable[..., Any],
    *args: Any,
    what: str,
    help: str,
    match: str | None = None,
    **kwargs: Any,
) -> BaseException:
    """Call and await learner code that must raise ``error_type`` (``expect_raises``, awaited).

    ``match`` must appear in the message (ignoring case) when given; ``what`` names the call.
    """
    try:
        result = func(*args, **kwargs)
        if inspect.isawaitable(result):
            result = await result
    except NotImplementedError:
        raise
    except Exception as error:
        return expect_error(
            error, error_type, what=what, help=help, match=match, described=_error_text
        )
    raise not_raised(result, error_type, what=what, help=help, match=match)
