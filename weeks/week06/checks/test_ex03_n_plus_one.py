"""Checks for week06/ex03_n_plus_one: the listings return the right lines, and the number of
SQL statements they run (counted with an event listener) does not grow with the rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Engine, MetaData, insert

from workbook.checking import Learner, expect_equal
from workbook.checking_orm import (
    StatementLog,
    count_statements,
    engine_label,
    expect_fixed_statements,
    learner_metadata,
    new_session,
    orm_engines,
    run_learner,
)
from workbook.checking_sql import names_engines

USERS = [
    {"id": 1, "email": "bruno@example.com"},
    {"id": 2, "email": "ana@example.com"},
    {"id": 3, "email": "chloe@example.com"},  # owns no task
]
TAGS = [{"id": 1, "name": "docs"}, {"id": 2, "name": "api"}, {"id": 3, "name": "urgent"}]


def _seed(engine: Engine, metadata: MetaData, tasks: int) -> None:
    """``tasks`` tasks alternating between users 1 and 2; every third one is done; tags vary."""
    rows = [{"id": i, "title": f"Task {i}", "done": i % 3 == 0, "owner_id": 1 + i % 2}
            for i in range(1, tasks + 1)]
    links = [{"task_id": i, "tag_id": tag} for i in range(1, tasks + 1)
             for tag in (1, 2, 3)[: i % 4]]
    with engine.begin() as connection:
        connection.execute(insert(metadata.tables["users"]), USERS)
        connection.execute(insert(metadata.tables["tags"]), TAGS)
        if rows:
            connection.execute(insert(metadata.tables["tasks"]), rows)
        if links:
            connection.execute(insert(metadata.tables["task_tags"]), links)


def _databases(learner: Learner, tasks: int) -> Iterator[Engine]:
    metadata = learner_metadata(learner)
    for _name, engine in orm_engines():
        metadata.create_all(engine)
        _seed(engine, metadata, tasks)
        yield engine


def _run(
    engine: Engine, func: Callable[..., Any], name: str, tasks: int
) -> tuple[Any, StatementLog]:
    """Call ``func(session)`` on a fresh session, counting the statements it runs."""
    with new_session(engine) as session, count_statements(engine) as log:
        result = run_learner(func, session, what=f"called {name}(session) with {tasks} tasks",
                             help="Build the statement with select() and run it on the "
                             "session it is given.")
    return result, log


def _lines(result: Any) -> list[tuple[Any, ...]]:
    return [(line.title, line.owner_email, line.tags) for line in result]


@names_engines
def test_report_lines(learner: Learner) -> None:
    """lists every task with its owner's email and sorted tag names"""
    task_report = learner.function("task_report")
    for engine in _databases(learner, 4):
        result, _log = _run(engine, task_report, "task_report", 4)
        expect_equal(_lines(result), [
            ("Task 1", "ana@example.com", ["docs"]),
            ("Task 2", "bruno@example.com", ["api", "docs"]),
            ("Task 3", "ana@example.com", ["api", "docs", "urgent"]),
            ("Task 4", "bruno@example.com", []),
        ], what="task_report(session) with 4 tasks, as (title, owner_email, tags)",
            help="Keep the slow version's output: tasks by id, tags sorted A-Z, [] for none.")


@names_engines
def test_report_empty(learner: Learner) -> None:
    """returns an empty report when there are no tasks"""
    task_report = learner.function("task_report")
    for engine in _databases(learner, 0):
        result, _log = _run(engine, task_report, "task_report", 0)
        expect_equal(_lines(result), [], what="task_report(session) with no tasks",
                     help="No tasks means no lines.")


@names_engines
def test_report_statements(learner: Learner) -> None:
    """runs the same few statements for 3 tasks as for 12 (no N+1)"""
    task_report = learner.function("task_report")
    logs: dict[int, dict[str, StatementLog]] = {}
    for size in (3, 12):
        for engine in _databases(learner, size):
            _result, log = _run(engine, task_report, "task_report", size)
            logs.setdefault(size, {})[engine_label(engine)] = log
    for label in logs[3]:
        expect_fixed_statements({size: logs[size][label] for size in logs},
                                what=f"task_report(session) on {label}", rows="tasks", most=3,
                                help="Each task.owner and task.tags is a lazy load: ask for "
                                "them in the query with .options(joinedload(...), "
                                "selectinload(...)).")


@names_engines
def test_open_counts(learner: Learner) -> None:
    """counts each user's open tasks, listing a user with none as 0"""
    open_task_counts = learner.function("open_task_counts")
    for engine in _databases(learner, 7):
        result, _log = _run(engine, open_task_counts, "open_task_counts", 7)
        expect_equal([tuple(row) for row in result], [
            ("ana@example.com", 3), ("bruno@example.com", 2), ("chloe@example.com", 0)],
            what="open_task_counts(session) with 7 tasks (tasks 3 and 6 done)",
            help="Count only tasks not done, keep users without one (an outer join), "
            "and order by email.")


@names_engines
def test_open_counts_statements(learner: Learner) -> None:
    """counts open tasks in one statement for 3 tasks as for 12"""
    open_task_counts = learner.function("open_task_counts")
    logs: dict[int, dict[str, StatementLog]] = {}
    for size in (3, 12):
        for engine in _databases(learner, size):
            _result, log = _run(engine, open_task_counts, "open_task_counts", size)
            logs.setdefault(size, {})[engine_label(engine)] = log
    for label in logs[3]:
        expect_fixed_statements({size: logs[size][label] for size in logs},
                                what=f"open_task_counts(session) on {label}", rows="tasks",
                                most=1, help="Let the database count: select the email and "
                                "func.count(Task.id) with an outer join and GROUP BY.")
