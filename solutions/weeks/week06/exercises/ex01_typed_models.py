"""Typed SQLAlchemy 2.0 models for the tasks API: users and their tasks.

The schema the models must declare (names matter: migrations and other code rely on them):

``users``
    ``id`` integer primary key; ``email`` text of at most 320 characters, required and unique;
    ``display_name`` text of at most 100 characters, required; ``created_at`` a required
    timestamp the database fills in (``server_default=func.now()``).

``tasks``
    ``id`` integer primary key; ``owner_id`` required, a foreign key to ``users.id`` that
    deletes the user's tasks with the user (``ondelete="CASCADE"``) and is indexed; ``title``
    at most 200 characters, required, unique per owner; ``notes`` optional text; ``priority``
    a required integer from 1 to 5 inclusive (a check constraint named ``priority_range``),
    3 when not given; ``done`` a required boolean, False when not given.

Every constraint and index is named by ``NAMING_CONVENTION``, so a migration can drop it by a
name known in advance: ``pk_users``, ``uq_users_email``, ``fk_tasks_owner_id_users``,
``ck_tasks_priority_range``, ``ix_tasks_owner_id``, ...
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# BEGIN SOLUTION: name indexes, unique, check, foreign key and primary key constraints
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
# END SOLUTION


class Base(DeclarativeBase):
    """The declarative base: every model's table lives in this metadata."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class User(Base):
    """Someone who owns tasks."""

    __tablename__ = "users"

    # BEGIN SOLUTION: declare id, email, display_name and created_at as the docstring says
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    # END SOLUTION


class Task(Base):
    """A piece of work owned by one user."""

    __tablename__ = "tasks"
    # BEGIN SOLUTION: the unique (owner_id, title) pair and the priority_range check
    __table_args__ = (
        UniqueConstraint("owner_id", "title"),
        CheckConstraint("priority BETWEEN 1 AND 5", name="priority_range"),
    )
    # END SOLUTION

    # BEGIN SOLUTION: declare id, owner_id, title, notes, priority and done
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    priority: Mapped[int] = mapped_column(default=3)
    done: Mapped[bool] = mapped_column(default=False)
    # END SOLUTION
