"""Relationships: a user's tasks (one-to-many) and tasks' tags (many-to-many).

* ``User.tasks`` and ``Task.owner`` are the two sides of one relationship
  (``back_populates``): setting ``task.owner = user`` puts the task in ``user.tasks``. A
  user's tasks are saved with the user and deleted with it, and a task removed from
  ``user.tasks`` is deleted (``cascade="all, delete-orphan"``).
* ``Task.tags`` and ``Tag.tasks`` go through the association table ``task_tags`` (primary
  key ``(task_id, tag_id)``, both foreign keys ``ON DELETE CASCADE``). Deleting a task
  removes its links, never the tags.
* Every relationship is ``lazy="raise"``: touching one that was not loaded by the query
  raises instead of quietly running one more query. Queries say what they need with loader
  options, as ``load_user`` does.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, String, Table, select
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    selectinload,
)


class Base(DeclarativeBase):
    """The declarative base of this exercise's models."""


# TODO: the association table task_tags: (task_id, tag_id), both cascading deletes
raise NotImplementedError


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    # TODO: tasks: the user's tasks, saved and deleted with the user, lazy="raise"
    raise NotImplementedError


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    # TODO: tasks: the tasks with this tag, through task_tags, lazy="raise"
    raise NotImplementedError


class Task(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # TODO: owner (the other side of User.tasks) and tags (through task_tags)
    raise NotImplementedError


def load_user(session: Session, user_id: int) -> User | None:
    """The user ``user_id`` with its tasks and their tags loaded (None if there is none).

    A fixed number of statements, however many tasks and tags the user has.
    """
    # TODO: select the user with selectinload for tasks, then for their tags
    raise NotImplementedError
