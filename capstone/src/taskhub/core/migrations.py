"""Run Alembic migrations from Python (the demo, the tests and the container use this)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")


def alembic_config(database_url: str | None = None, connection: Connection | None = None) -> Config:
    """An Alembic configuration that needs no ``alembic.ini``."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    if database_url is not None:
        # ConfigParser treats % as interpolation; URLs may contain it (encoded passwords).
        config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(database_url), revision)
