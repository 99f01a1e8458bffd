"""Alembic's environment: how ``alembic upgrade`` reaches the database.

A program (a test, the workbook's checks) may hand over an open connection and the models'
metadata in ``config.attributes``; from the command line, the URL in ``alembic.ini`` is used
and the metadata comes from the package one folder up.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

from alembic import context
from sqlalchemy import Connection, engine_from_config, pool

config = context.config


def _target_metadata() -> Any:
    given = config.attributes.get("target_metadata")
    if given is not None:
        return given
    package = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(package.parent))
    return importlib.import_module(package.name).Base.metadata


def _run(connection: Connection) -> None:
    # render_as_batch: SQLite cannot ALTER most things, so batch operations copy the table.
    context.configure(
        connection=connection, target_metadata=_target_metadata(), render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as connection:
        _run(connection)


run_migrations_online()
