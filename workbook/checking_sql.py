"""Check vocabulary for SQL exercises: fresh databases, the learner's queries, rows and plans.

A SQL exercise keeps each query in a string constant of the learner's module. The checks:

* read it with ``learner_sql(learner, "OPEN_TASKS")``: a ``Query`` that knows the file and line
  it came from (a constant still holding only comments is "not started");
* run it on every engine of ``engines()``: SQLite in memory always, and PostgreSQL as well when
  the environment variable ``WORKBOOK_POSTGRES_URL`` holds a libpq URL (each database there is
  a fresh schema, dropped afterwards);
* compare what it returns with ``expect_rows`` (ordered or not, with a diff of the missing and
  extra rows), prove an index with ``expect_index_search`` (``EXPLAIN QUERY PLAN`` on SQLite,
  ``EXPLAIN`` on PostgreSQL) and test constraints with ``expect_accepted``/``expect_refused``.

Every failure names the engine; a query the database cannot run names the file and the line.
Values are normalised so both engines compare alike: dates and timestamps become ISO text,
``Decimal`` becomes ``float`` and booleans become 0 and 1. Decorate a check with
``@names_engines`` to append the engines it ran on to its name in the report.
"""

from __future__ import annotations

import ast
import json
import os
import re
import sqlite3
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from workbook.checking import CheckFailure, Learner, NotStarted, show

POSTGRES_URL_VARIABLE = "WORKBOOK_POSTGRES_URL"
SQLITE, POSTGRESQL = "SQLite", "PostgreSQL"
_SHOWN_ROWS = 8

Row = tuple[Any, ...]
Params = Mapping[str, Any] | None
_Test = TypeVar("_Test", bound=Callable[..., Any])


# -- where the SQL comes from -------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """SQL text and where it came from: a learner's constant, or the checker itself."""

    text: str
    name: str = "the check's SQL"
    file: str = ""
    first_line: int = 1  # the line of ``file`` that holds the text's first line

    def where(self, line_in_text: int) -> str:
        """``exercises/ex01.py, line 27 (OPEN_TASKS)``, or just the name for the checker's SQL."""
        if not self.file:
            return self.name
        return f"{self.file}, line {self.first_line + line_in_text - 1} ({self.name})"


def as_query(sql: Query | str) -> Query:
    return sql if isinstance(sql, Query) else Query(sql)


def learner_sql(learner: Learner, name: str) -> Query:
    """The SQL held by the module-level string constant ``name`` of the learner's file.

    Raises ``NotStarted`` while the constant holds nothing but comments (the stub's state).
    """
    value = learner.attribute(name, kind="constant")
    if not isinstance(value, str):
        raise CheckFailure(
            f"{name} in {learner.display_path} should be a string of SQL, but it is "
            f"{type(value).__name__}",
            expected='a string constant, e.g. OPEN_TASKS = """SELECT ..."""',
            actual=show(value),
            help="Keep the triple quotes around the query: the check runs the text itself.",
        )
    if not strip_comments(value).strip(" \t\r\n;"):
        raise NotStarted(
            f"{name} in {learner.display_path} holds no SQL yet",
            help=f"Write the query between the triple quotes of {name}, under the question.",
        )
    return Query(value, name, learner.display_path, _constant_line(learner.path, name))


def _constant_line(path: Path, name: str) -> int:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return 1
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            assert isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None
            return node.value.lineno
    return 1


# -- reading SQL text: comments, statements, placeholders -----------------------------------------

_TOKEN = re.compile(
    r"""(?P<comment>--[^\n]*|/\*.*?(?:\*/|\Z))
      | (?P<quoted>'(?:[^']|'')*'?|"(?:[^"]|"")*"?)
      | (?P<cast>::)
      | (?P<param>:[A-Za-z_][A-Za-z0-9_]*)
      | (?P<semicolon>;)
      | (?P<percent>%)
    """,
    re.VERBOSE | re.DOTALL,
)


def strip_comments(sql: str) -> str:
    """``sql`` without its ``--`` and ``/* */`` comments (strings are left alone)."""
    return _TOKEN.sub(lambda m: " " if m.lastgroup == "comment" else m.group(0), sql)


def split_statements(sql: str) -> list[tuple[str, int]]:
    """The statements of a script with the line (1-based, in ``sql``) where each one starts.

    Semicolons inside strings, quoted names and comments do not split. Empty statements and
    statements made only of comments are left out.
    """
    statements: list[tuple[str, int]] = []
    start = 0
    for match in _TOKEN.finditer(sql):
        if match.lastgroup == "semicolon":
            _add_statement(statements, sql, start, match.start())
            start = match.end()
    _add_statement(statements, sql, start, len(sql))
    return statements


def _add_statement(found: list[tuple[str, int]], sql: str, start: int, end: int) -> None:
    text = sql[start:end]
    if not strip_comments(text).strip():
        return
    leading = len(text) - len(text.lstrip())
    found.append((text.strip(), sql.count("\n", 0, start + leading) + 1))


def to_pyformat(sql: str) -> str:
    """Rewrite ``:name`` placeholders as psycopg's ``%(name)s`` (and ``%`` as ``%%``)."""

    def replace(match: re.Match[str]) -> str:
        if match.lastgroup == "param":
            return f"%({match.group(0)[1:]})s"
        if match.lastgroup == "percent":
            return "%%"
        return match.group(0)

    return _TOKEN.sub(replace, sql)


# -- values ---------------------------------------------------------------------------------------


def normalise(value: Any) -> Any:
    """One value as both engines should compare it (see the module docstring)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, memoryview):
        return bytes(value)
    return value


@dataclass(frozen=True)
class Result:
    """What a query returned: its column names (lower case) and its normalised rows."""

    columns: tuple[str, ...]
    rows: list[Row]


# -- databases ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataSet:
    """A schema script and a seed script that load on SQLite and PostgreSQL alike."""

    schema: Path
    seed: Path

    @classmethod
    def beside(cls, checker_file: str, folder: str = "data") -> DataSet:
        """The data set of a week: ``<week>/data/schema.sql`` and ``seed.sql``."""
        base = Path(checker_file).resolve().parent.parent / folder
        return cls(base / "schema.sql", base / "seed.sql")

    def scripts(self) -> list[Query]:
        return [Query(p.read_text(encoding="utf-8"), p.name) for p in (self.schema, self.seed)]


class Database:
    """One fresh database on one engine, in autocommit mode (each statement commits)."""

    def __init__(self, engine: str, connection: Any, version: str) -> None:
        self.engine = engine
        self.connection = connection
        self.version = version

    @property
    def is_postgres(self) -> bool:
        return self.engine == POSTGRESQL

    def _execute(self, sql: str, params: Params) -> Any:
        if not params:  # psycopg leaves a query without parameters untouched (% and all)
            return self.connection.execute(sql)
        if self.is_postgres:
            return self.connection.execute(to_pyformat(sql), dict(params))
        return self.connection.execute(sql, dict(params))

    def run_script(self, script: Query | str, params: Params = None) -> None:
        """Run every statement of ``script``; a failure names its file and line."""
        query = as_query(script)
        for statement, line in split_statements(query.text):
            try:
                self._execute(statement, params)
            except Exception as error:
                if not is_database_error(error):
                    raise
                raise self.sql_failure(query, statement, line, error) from None

    def load(self, data: DataSet) -> None:
        """Load a trusted data set, each script in one round trip (a failure names the file)."""
        for script in data.scripts():
            try:
                if self.is_postgres:
                    self.connection.execute(script.text)
                else:
                    self.connection.executescript(script.text)
            except Exception as error:
                if not is_database_error(error):
                    raise
                self.run_script(script)  # again statement by statement, to name the line
                raise

    def execute(self, sql: str, params: Params = None) -> None:
        """Run one statement of the checker's own (setting up data, say)."""
        self.run_script(Query(sql), params)

    def query(self, sql: Query | str, params: Params = None) -> Result:
        """Run a single ``SELECT`` and return its columns and normalised rows."""
        query = as_query(sql)
        statements = split_statements(query.text)
        if len(statements) != 1:
            raise CheckFailure(
                f"{query.where(1)} holds {len(statements)} statements, expected one query",
                expected="one SELECT (a WITH ... SELECT counts as one)",
                actual=f"{len(statements)} statements separated by semicolons",
                help="Keep one query in each constant; end it with at most one semicolon.",
            )
        statement, line = statements[0]
        try:
            cursor = self._execute(statement, params)
            description = cursor.description
            rows = cursor.fetchall() if description is not None else []
        except Exception as error:
            if not is_database_error(error):
                raise
            raise self.sql_failure(query, statement, line, error) from None
        if description is None:
            raise CheckFailure(
                f"on {self.engine}, {query.where(line)} returned no rows at all: it is not a query",
                expected="a SELECT that returns rows",
                actual=statement.split(None, 1)[0].upper() + " ...",
                help="This constant answers a question: write a SELECT.",
            )
        columns = tuple(str(column[0]).lower() for column in description)
        return Result(columns, [tuple(normalise(v) for v in row) for row in rows])

    def scalar(self, sql: str, params: Params = None) -> Any:
        """The first value of the first row of the checker's own query."""
        rows = self.query(sql, params).rows
        return rows[0][0] if rows else None

    def plan(self, sql: Query | str, params: Params = None, *, as_json: bool = False) -> Any:
        """The query plan as text lines (PostgreSQL plans with sequential scans disabled).

        On a table of a few rows PostgreSQL rightly prefers a sequential scan; disabling it
        asks the planner whether an index *could* serve the query, which is the question.
        ``as_json`` (PostgreSQL only) returns the plan tree of ``EXPLAIN (FORMAT JSON)``.
        """
        query = as_query(sql)
        statement, line = split_statements(query.text)[0]
        if not self.is_postgres:
            prefix = "EXPLAIN QUERY PLAN "
        else:
            prefix = "EXPLAIN (FORMAT JSON) " if as_json else "EXPLAIN "
        try:
            if self.is_postgres:
                self.connection.execute("SET enable_seqscan = off")
            try:
                rows = self._execute(prefix + statement, params).fetchall()
            finally:
                if self.is_postgres:
                    self.connection.execute("RESET enable_seqscan")
        except Exception as error:
            if not is_database_error(error):
                raise
            raise self.sql_failure(query, statement, line, error) from None
        if as_json:
            document = rows[0][0]
            return (json.loads(document) if isinstance(document, str) else document)[0]["Plan"]
        return [str(row[0]) if self.is_postgres else str(row[-1]) for row in rows]

    def full_scans(self, sql: Query | str, table: str, params: Params = None) -> list[str]:
        """The steps of the plan of ``sql`` that read all of ``table`` (empty: none do).

        SQLite: a ``SCAN`` of the table (with or without an index). PostgreSQL: a ``Seq Scan``,
        or an index scan whose condition does not constrain the index's first column (which
        walks the whole index).
        """
        query = as_query(sql)
        names = {table.lower(), *_aliases(query.text, table)}
        if not self.is_postgres:
            found = []
            for line in self.plan(query, params):
                match = re.match(r"\s*SCAN (?:TABLE )?(\w+)", line)
                if match and match.group(1).lower() in names:
                    found.append(line.strip())
            return found
        return self._postgres_full_scans(self.plan(query, params, as_json=True), names, False)

    def _postgres_full_scans(self, node: dict[str, Any], names: set[str], under: bool) -> list[str]:
        found: list[str] = []
        kind = str(node.get("Node Type", ""))
        relation = str(node.get("Relation Name", "")).lower()
        alias = str(node.get("Alias", "")).lower()
        ours = relation in names or alias in names or (under and kind == "Bitmap Index Scan")
        if ours and kind == "Seq Scan":
            found.append(f"Seq Scan on {relation}")
        elif ours and kind in ("Index Scan", "Index Only Scan", "Bitmap Index Scan"):
            index = str(node.get("Index Name", ""))
            condition = str(node.get("Index Cond", ""))
            leading = self._leading_column(index)
            if not condition or (leading and not _mentions(condition, leading)):
                found.append(f"{kind} using {index} on every entry (no condition on {leading})")
        bitmap = ours and kind == "Bitmap Heap Scan"
        for child in node.get("Plans", []):
            found += self._postgres_full_scans(child, names, bitmap)
        return found

    def _leading_column(self, index: str) -> str:
        row = self.connection.execute(
            "SELECT pg_get_indexdef(to_regclass(%s), 1, true)", (index,)
        ).fetchone()
        return str(row[0]) if row and row[0] else ""

    def sql_failure(
        self, query: Query, statement: str, line: int, error: BaseException
    ) -> CheckFailure:
        """A failure that names the engine, the file and line, and the database's message."""
        text = " ".join(str(error).split())
        offset = _error_line(statement, error)
        kind = "has a syntax error" if is_syntax_error(error) else "could not be run"
        return CheckFailure(
            f"on {self.engine}, the SQL at {query.where(line + offset)} {kind}: {text}",
            expected=f"SQL that {self.engine} can run",
            actual=text,
            help="Read the line named above: a misspelt keyword, table or column, or a missing "
            "comma, is the usual cause; run the query by hand in sqlite3 or psql to see it.",
        )


def is_database_error(error: BaseException) -> bool:
    """Whether ``error`` came from the database (either engine's DB-API ``Error``)."""
    if isinstance(error, sqlite3.Error):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency of the exercises
        return False
    return isinstance(error, psycopg.Error)


def is_syntax_error(error: BaseException) -> bool:
    message = str(error).lower()
    if isinstance(error, sqlite3.Error):
        return "syntax error" in message or "incomplete input" in message
    return type(error).__name__ == "SyntaxError"


def _error_line(statement: str, error: BaseException) -> int:
    """Lines between the statement's start and the spot the error points at (0 if unknown)."""
    position = getattr(getattr(error, "diag", None), "statement_position", None)
    if position:
        return statement.count("\n", 0, int(position) - 1)
    match = re.search(r'near "([^"]+)"|no such (?:column|table|function): ([\w.]+)', str(error))
    if match is None:
        return 0
    token = match.group(1) or match.group(2) or ""
    found = re.search(re.escape(token), strip_comments(statement), re.IGNORECASE)
    return statement.count("\n", 0, found.start()) if found else 0


# -- engines --------------------------------------------------------------------------------------


def postgres_url() -> str | None:
    """The libpq URL in ``WORKBOOK_POSTGRES_URL``, or None when PostgreSQL is not configured."""
    return os.environ.get(POSTGRES_URL_VARIABLE) or None


def engine_names() -> list[str]:
    """The engines the checks run on here: SQLite, and PostgreSQL when configured."""
    return [SQLITE, POSTGRESQL] if postgres_url() else [SQLITE]


def names_engines(test: _Test) -> _Test:
    """Append the engines to a check's name: ``lists open tasks (SQLite, PostgreSQL)``."""
    doc = (test.__doc__ or test.__name__.removeprefix("test_").replace("_", " ")).strip()
    first, _, rest = doc.partition("\n")
    test.__doc__ = f"{first} ({', '.join(engine_names())})" + (f"\n{rest}" if rest else "")
    return test


@contextmanager
def fresh_database(engine: str, data: DataSet | None = None) -> Iterator[Database]:
    """A new, empty database on ``engine`` (loaded with ``data`` when given), removed after."""
    opened = _open_sqlite() if engine == SQLITE else _open_postgres()
    with opened as database:
        if data is not None:
            database.load(data)
        yield database


def databases(data: DataSet | None = None) -> Iterator[Database]:
    """A fresh database on each engine in turn; each is removed before the next one opens.

    Use it in a ``for`` loop that runs the same checks on every engine.
    """
    for engine in engine_names():
        with fresh_database(engine, data) as database:
            yield database


def create_sqlite_file(path: Path, data: DataSet | None = None, *, wal: bool = True) -> Path:
    """A SQLite database file at ``path`` (loaded with ``data``), for checks that need several
    connections to one database. ``wal`` lets readers read while a writer writes."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        if wal:
            connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = OFF")  # a throwaway file needs no fsync
        database = Database(SQLITE, connection, sqlite3.sqlite_version)
        connection.execute("PRAGMA foreign_keys = ON")
        if data is not None:
            database.load(data)
    finally:
        connection.close()
    return path


def connect_sqlite(path: Path, *, timeout: float = 1.0) -> sqlite3.Connection:
    """A connection to a SQLite file as an application opens one (Python's default
    transaction handling), with foreign keys enforced and without waiting for the disk."""
    connection = sqlite3.connect(path, timeout=timeout)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA synchronous = OFF")  # the checks' files are thrown away
    return connection


@contextmanager
def _open_sqlite() -> Iterator[Database]:
    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        yield Database(SQLITE, connection, sqlite3.sqlite_version)
    finally:
        connection.close()


@contextmanager
def _open_postgres() -> Iterator[Database]:
    import psycopg

    url = postgres_url() or ""
    try:
        connection = psycopg.connect(url, autocommit=True, connect_timeout=5)
    except psycopg.Error as error:
        raise CheckFailure(
            f"could not connect to PostgreSQL at {_hide_password(url)} "
            f"({POSTGRES_URL_VARIABLE}): {' '.join(str(error).split())}",
            expected="a PostgreSQL server that accepts the connection",
            actual="no connection",
            help=f"Start the server, or unset {POSTGRES_URL_VARIABLE} to check on SQLite only.",
        ) from None
    schema = f"workbook_{uuid.uuid4().hex[:12]}"
    try:
        connection.execute(f'CREATE SCHEMA "{schema}"')
        connection.execute(f'SET search_path TO "{schema}"')
        version = str(connection.info.server_version)
        shown = f"{int(version[:-4])}.{int(version[-4:])}" if version.isdigit() else version
        yield Database(POSTGRESQL, connection, shown)
    finally:
        try:
            connection.rollback()
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        finally:
            connection.close()


def _hide_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


# -- expectations ---------------------------------------------------------------------------------


def expect_rows(
    database: Database,
    sql: Query | str,
    expected: Sequence[Row],
    *,
    ordered: bool,
    help: str,
    columns: Sequence[str] | None = None,
    params: Params = None,
    what: str | None = None,
) -> Result:
    """Run ``sql`` and fail unless it returns ``expected`` (in that order when ``ordered``).

    ``columns``, when given, are the column names the exercise asks for (case is ignored).
    A failure shows the missing and extra rows, or the first row out of order.
    """
    query = as_query(sql)
    result = database.query(query, params)
    shown = what or _describe_query(query, params)
    if columns is not None and result.columns != tuple(c.lower() for c in columns):
        raise CheckFailure(
            f"on {database.engine}, {shown} returned the columns ({', '.join(result.columns)}), "
            f"expected ({', '.join(columns)})",
            expected=", ".join(columns),
            actual=", ".join(result.columns),
            help="Select the columns in the order the question lists them; name computed "
            "columns with AS.",
        )
    wanted = [tuple(normalise(v) for v in row) for row in expected]
    problem = row_diff(result.rows, wanted, ordered=ordered)
    if problem:
        raise CheckFailure(
            f"on {database.engine}, {shown} {problem}",
            expected=_count(len(wanted)) + (" in this order" if ordered else ""),
            actual=_count(len(result.rows)),
            help=help,
        )
    return result


def _describe_query(query: Query, params: Params) -> str:
    if not params:
        return query.name
    values = ", ".join(f"{key}={show(value)}" for key, value in params.items())
    return f"{query.name} with {values}"


def _count(rows: int) -> str:
    return f"{rows} row" + ("" if rows == 1 else "s")


def row_diff(actual: Sequence[Row], expected: Sequence[Row], *, ordered: bool) -> str:
    """An empty string when the rows match; otherwise what differs, as readable lines."""
    got, want = Counter(actual), Counter(expected)
    missing = list((want - got).elements())
    extra = list((got - want).elements())
    if missing or extra:
        lines = [f"returned {_count(len(actual))}, expected {len(expected)}:"]
        lines += _listed("missing", [r for r in expected if r in missing], missing)
        lines += _listed("extra", [r for r in actual if r in extra], extra)
        return "\n".join(lines)
    if ordered:
        for position, (row, wanted) in enumerate(zip(actual, expected, strict=True), start=1):
            if row != wanted:
                return (
                    f"returned the right rows in the wrong order: row {position} is "
                    f"{show(row)}, expected {show(wanted)}"
                )
    return ""


def _listed(label: str, in_order: list[Row], rows: list[Row]) -> list[str]:
    if not rows:
        return []
    unique = list(dict.fromkeys(in_order or rows))
    lines = [f"  {label}: {show(row)}" for row in unique[:_SHOWN_ROWS]]
    if len(unique) > _SHOWN_ROWS:
        lines.append(f"  ... and {len(unique) - _SHOWN_ROWS} more {label} rows")
    return lines


def _aliases(sql: str, table: str) -> set[str]:
    pattern = rf"\b{re.escape(table)}\s+(?:AS\s+)?([A-Za-z_]\w*)"
    keywords = {"where", "join", "left", "inner", "on", "group", "order", "limit", "set", "using"}
    return {
        alias.lower()
        for alias in re.findall(pattern, strip_comments(sql), re.IGNORECASE)
        if alias.lower() not in keywords
    }


def expect_index_search(
    database: Database,
    sql: Query | str,
    table: str,
    *,
    help: str,
    params: Params = None,
) -> list[str]:
    """Fail when the plan of ``sql`` reads the whole of ``table`` instead of using an index."""
    query = as_query(sql)
    scans = database.full_scans(query, table, params)
    if scans:
        plan = database.plan(query, params)
        shown = "\n".join(f"    {line}" for line in plan)
        raise CheckFailure(
            f"on {database.engine}, the plan of {query.name} is a full scan of {table}:\n{shown}",
            expected=f"an index search on {table}",
            actual=f"a full scan of {table} ({scans[0]})",
            help=help,
        )
    return database.plan(query, params)  # type: ignore[no-any-return]


def _mentions(condition: str, column: str) -> bool:
    if re.fullmatch(r"\w+", column):
        return re.search(rf"(?<![\w.]){re.escape(column)}\b", condition) is not None
    bare = re.compile(r"[()\s]")  # PostgreSQL brackets an expression differently in each place
    return bare.sub("", column) in bare.sub("", condition)


def refusal_kind(error: BaseException) -> str | None:
    """Which constraint refused a row: "unique", "check", "not null", "foreign key", or None."""
    name = type(error).__name__
    by_class = {
        "UniqueViolation": "unique",
        "CheckViolation": "check",
        "NotNullViolation": "not null",
        "ForeignKeyViolation": "foreign key",
    }
    if name in by_class:
        return by_class[name]
    if isinstance(error, sqlite3.IntegrityError):
        message = str(error).upper()
        for marker, kind in (
            ("UNIQUE", "unique"),
            ("CHECK", "check"),
            ("NOT NULL", "not null"),
            ("FOREIGN KEY", "foreign key"),
        ):
            if marker in message:
                return kind
        return "primary key" if "PRIMARY KEY" in message else None
    return None


def _attempt(database: Database, sql: str, params: Params) -> BaseException | None:
    try:
        database._execute(sql, params)
    except Exception as error:
        if not is_database_error(error):
            raise
        return error
    return None


def expect_accepted(database: Database, sql: str, params: Params = None, *, help: str) -> None:
    """Fail unless the database runs the checker's statement ``sql`` (a valid row is stored)."""
    error = _attempt(database, sql, params)
    if error is not None:
        text = " ".join(str(error).split())
        raise CheckFailure(
            f"on {database.engine}, {_describe_statement(sql, params)} was refused: {text}",
            expected="the row is stored",
            actual=f"refused: {text}",
            help=help,
        )


def expect_refused(
    database: Database, sql: str, params: Params = None, *, by: str, help: str
) -> None:
    """Fail unless the statement is refused, and by a constraint of the kind ``by``."""
    error = _attempt(database, sql, params)
    statement = _describe_statement(sql, params)
    if error is None:
        raise CheckFailure(
            f"on {database.engine}, {statement} was accepted; a {by} constraint should refuse it",
            expected=f"refused by a {by} constraint",
            actual="the row was stored",
            help=help,
        )
    kind = refusal_kind(error)
    if kind != by:
        text = " ".join(str(error).split())
        raise CheckFailure(
            f"on {database.engine}, {statement} was refused, but not by a {by} constraint: {text}",
            expected=f"refused by a {by} constraint",
            actual=text,
            help="Another rule refused the row first: check that the statement's other values "
            "are valid in your schema (column names and types as the exercise gives them).",
        )


def _describe_statement(sql: str, params: Params) -> str:
    flat = " ".join(sql.split())
    if params:
        flat += " with " + ", ".join(f"{k}={show(v)}" for k, v in params.items())
    return flat
