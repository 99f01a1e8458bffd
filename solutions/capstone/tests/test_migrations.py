"""Migrations: a full round trip, and models that match the migrated schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect

from taskhub.core.migrations import downgrade, upgrade
from taskhub.models import Base

TABLES = {"users", "refresh_tokens", "tags", "tasks", "task_tags"}


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(database_url: str, engine: Engine) -> None:
    """Runs on the test database itself (it is empty between tests) and ends at head."""
    engine.dispose()  # no pooled connection may hold a lock while tables are dropped
    assert _tables(database_url) == TABLES
    downgrade(database_url, "base")
    assert _tables(database_url) == set()
    upgrade(database_url, "head")
    assert _tables(database_url) == TABLES


def test_upgrade_on_a_fresh_sqlite_file(sqlite_path: str) -> None:
    upgrade(sqlite_path)
    assert _tables(sqlite_path) == TABLES
    downgrade(sqlite_path)
    assert _tables(sqlite_path) == set()


def test_models_match_migrations(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
