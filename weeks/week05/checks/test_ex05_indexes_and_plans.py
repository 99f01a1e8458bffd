"""Checks for week05/ex05_indexes_and_plans: indexes proven by the query plans.

Each check loads the practice data, runs the learner's CREATE INDEX statements and reads the
plan of one query: EXPLAIN QUERY PLAN on SQLite, EXPLAIN (with sequential scans disabled, so
the planner says whether an index could serve) on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator

from workbook.checking import Learner
from workbook.checking_sql import (
    Database,
    DataSet,
    databases,
    expect_index_search,
    expect_rows,
    learner_sql,
    names_engines,
)

DATA = DataSet.beside(__file__)
MARCH_ROWS = [
    (3, "2026-03-01 00:00:00"), (6, "2026-03-02 11:00:00"), (7, "2026-03-03 16:45:00"),
    (8, "2026-03-04 09:00:00"), (10, "2026-03-15 10:30:00"), (11, "2026-03-05 13:20:00"),
    (13, "2026-03-31 23:59:59"), (17, "2026-03-06 10:00:00"), (18, "2026-03-06 10:05:00"),
    (20, "2026-03-01 09:00:00"), (21, "2026-03-01 12:00:00"), (25, "2026-03-08 08:30:00"),
]


def _indexed(learner: Learner) -> Iterator[Database]:
    """The practice database on each engine, with the learner's indexes created."""
    indexes = learner_sql(learner, "INDEXES")
    for database in databases(DATA):
        database.run_script(indexes)
        yield database


def _given(learner: Learner, name: str) -> str:
    query = learner.attribute(name, kind="query")
    return str(query)


@names_engines
def test_tasks_by_owner_and_status(learner: Learner) -> None:
    """the task-list filter searches an index on tasks"""
    query = _given(learner, "TASKS_BY_OWNER_AND_STATUS")
    for database in _indexed(learner):
        expect_index_search(database, query, "tasks", params={"user_id": 1, "status": "todo"},
                            help="Index the columns of the WHERE clause, equality columns first: "
                            "CREATE INDEX ... ON tasks (user_id, status).")
        expect_rows(database, query, [(1, "Send invoice to Acme"), (3, "Plan sprint 7")],
                    ordered=False, params={"user_id": 1, "status": "todo"},
                    help="An index changes how rows are found, never which rows come back.")


@names_engines
def test_user_by_email(learner: Learner) -> None:
    """the case-insensitive login lookup searches an index on LOWER(email)"""
    query = _given(learner, "USER_BY_EMAIL")
    for database in _indexed(learner):
        expect_index_search(database, query, "users", params={"email": "Ana@Example.com"},
                            help="The UNIQUE index on email cannot serve LOWER(email) = ...: the "
                            "condition is on an expression, so index that expression: "
                            "CREATE INDEX ... ON users (LOWER(email)).")
        expect_rows(database, query, [(1, "ana@example.com")], ordered=True,
                    params={"email": "Ana@Example.com"},
                    help="An index changes how rows are found, never which rows come back.")


@names_engines
def test_tasks_with_tag(learner: Learner) -> None:
    """the search by tag uses an index that starts with tag_id"""
    query = _given(learner, "TASKS_WITH_TAG")
    for database in _indexed(learner):
        expect_index_search(database, query, "task_tags", params={"tag_id": 3},
                            help="The primary key (task_id, tag_id) is sorted by task_id first, "
                            "like a phone book by surname: it cannot find a tag_id. Add an index "
                            "that starts with tag_id.")
        expect_rows(database, query, [(1,), (6,), (10,), (22,)], ordered=False,
                    params={"tag_id": 3},
                    help="An index changes how rows are found, never which rows come back.")


@names_engines
def test_tasks_created_in_march(learner: Learner) -> None:
    """the rewritten March report returns the same rows"""
    query = learner_sql(learner, "TASKS_CREATED_IN_MARCH")
    for database in databases(DATA):
        expect_rows(database, query, MARCH_ROWS, ordered=True, columns=("id", "created_at"),
                    help="From '2026-03-01' included to '2026-04-01' excluded: task 13 was "
                    "created at 23:59:59 on the 31st (BETWEEN ... AND '2026-03-31' loses it) and "
                    "task 14 at midnight on 1 April.")
        database.execute("UPDATE tasks SET created_at = '2026-02-28 23:59:59' WHERE id = 3")
        expect_rows(database, query, MARCH_ROWS[1:], ordered=True,
                    what="TASKS_CREATED_IN_MARCH after task 3 moved to 28 February",
                    help="Compare created_at with the two bounds; do not list ids.")


@names_engines
def test_march_report_uses_an_index(learner: Learner) -> None:
    """the rewritten March report searches an index on created_at"""
    query = learner_sql(learner, "TASKS_CREATED_IN_MARCH")
    for database in _indexed(learner):
        expect_index_search(database, query, "tasks",
                            help="Two things are needed: an index on tasks (created_at) in "
                            "INDEXES, and a condition on the bare column (created_at >= ... AND "
                            "created_at < ...); a function around the column hides it from the "
                            "index.")
