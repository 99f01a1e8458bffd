"""Checks for week11/stage01_own_tests: your own suite passes, and every test rolls back."""

from __future__ import annotations

import pytest
from sqlalchemy import MetaData, create_engine, func, select

from workbook.checking import CheckFailure, Learner, NotStarted
from workbook.taskhub_checks import SuiteRun, run_own_suite, shown_project, suite_tail

SUITE_TIMEOUT = 280  # seconds; the stage's own limit is 300


def passing_suite(learner: Learner) -> SuiteRun:
    """The run of the learner's suite, or the failure that says why it did not pass."""
    run = run_own_suite(learner, timeout=SUITE_TIMEOUT)
    shown = shown_project(learner)
    if run.returncode is None:
        raise CheckFailure(
            f"your test suite ({run.command}) ran longer than {SUITE_TIMEOUT} seconds",
            expected=f"a suite that finishes within {SUITE_TIMEOUT} seconds",
            actual="still running, stopped",
            help="Look for a test waiting on a network service, or a fixture that rebuilds "
            "the database for every test instead of rolling back a transaction.",
        )
    if run.returncode == 5:
        raise NotStarted(
            f"your test suite in {shown}/tests has no tests yet",
            help="Write tests named after behaviours (test_another_users_task_is_404, ...) "
            "in files named test_*.py, using the client and api fixtures of tests/conftest.py.",
        )
    if run.returncode != 0:
        raise CheckFailure(
            f"your test suite ({run.command}) failed with exit status {run.returncode}; its "
            f"last lines:\n{suite_tail(run.output)}",
            expected="every test passing",
            actual=f"exit status {run.returncode}",
            help="Run 'uv run pytest -x' in the project folder to see the first failure with "
            "its traceback; the suite must pass on SQLite without any other service.",
        )
    return run


def test_own_suite_passes(learner: Learner) -> None:
    """passes your own test suite on SQLite"""
    passing_suite(learner)


@pytest.mark.requires("test_own_suite_passes")
def test_suite_rolls_back(learner: Learner) -> None:
    """leaves the test database as empty as it found it (every test rolls back)"""
    run = passing_suite(learner)
    if not run.database.exists():
        raise CheckFailure(
            "your test suite passed but never opened the database named by "
            "TASKHUB_TEST_DATABASE_URL",
            expected=f"the tests to use {run.database.name}, the database the check named",
            actual="no such database file after the run",
            help="Keep the database_url fixture of tests/conftest.py: it reads "
            "TASKHUB_TEST_DATABASE_URL, which is also how CI points the suite at PostgreSQL.",
        )
    engine = create_engine(f"sqlite:///{run.database}")
    try:
        with engine.connect() as connection:
            metadata = MetaData()
            metadata.reflect(connection)
            left = {
                table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in metadata.sorted_tables
                if table.name != "alembic_version"
            }
    finally:
        engine.dispose()
    dirty = {name: count for name, count in left.items() if count}
    if dirty:
        rows = ", ".join(f"{count} in {name}" for name, count in sorted(dirty.items()))
        raise CheckFailure(
            f"after your test suite, the test database still holds rows: {rows}",
            expected="empty tables: each test's writes rolled back when it ends",
            actual=rows,
            help="A test that commits through its own Session or engine escapes the rollback. "
            "Use the session and client fixtures of tests/conftest.py: they join one "
            "transaction per test (join_transaction_mode='create_savepoint') and roll it back.",
        )
