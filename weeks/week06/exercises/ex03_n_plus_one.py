"""Fix an N+1: two listings that must run a fixed number of SQL statements.

``task_report_slow`` below is how the report was first written. It is correct, but each
``task.owner`` and ``task.tags`` it touches is a lazy load, so it runs one query for the
tasks plus one or two more for every task (the N+1 problem). Rewrite the two listings so the
number of statements no longer depends on the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Column, ForeignKey, Integer, String, Table, false, func, select
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    joinedload,
    mapped_column,
    relationship,
    selectinload,
)


class Base(DeclarativeBase):
    """The declarative base of this exercise's models."""


task_tags = Table(
    "task_tags",
    Base.metadata,
    Column("task_id", ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    tasks: Mapped[list[Task]] = relationship(back_populates="owner")


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)


class Task(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    done: Mapped[bool] = mapped_column(default=False)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    owner: Mapped[User] = relationship(back_populates="tasks")
    tags: Mapped[list[Tag]] = relationship(secondary=task_tags)


@dataclass(frozen=True)
class TaskLine:
    """One line of the report."""

    title: str
    owner_email: str
    tags: list[str]


def task_report_slow(session: Session) -> list[TaskLine]:
    """The report as first written: correct, and one or two extra queries per task."""
    tasks = session.scalars(select(Task).order_by(Task.id))
    return [
        TaskLine(task.title, task.owner.email, sorted(tag.name for tag in task.tags))
        for task in tasks
    ]


def task_report(session: Session) -> list[TaskLine]:
    """Every task, ordered by id, with its owner's email and its tag names sorted A-Z.

    Returns the same lines as ``task_report_slow`` in a fixed number of statements (at most
    three), however many tasks, owners and tags there are.
    """
    # TODO: load the owners and the tags with the tasks, then build the lines
    raise NotImplementedError


def open_task_counts(session: Session) -> list[tuple[str, int]]:
    """``(email, number of tasks not done)`` for every user, ordered by email.

    A user with no open task is listed with 0. One statement, whatever the number of users:
    let the database count (an outer join and GROUP BY) instead of loading ``user.tasks``.
    """
    # TODO: one query: users outer-joined to their open tasks, grouped and counted
    raise NotImplementedError
