"""Alembic migration environment of TaskHub."""
