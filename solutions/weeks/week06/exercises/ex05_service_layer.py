"""A task service: the rules of the tasks domain, and the transaction around each use case.

The repositories below only build queries and flush. ``TaskService`` decides: it checks the
input, calls the repositories, turns database errors into domain errors and owns the
transaction. Each public method either commits everything it did, or rolls everything back
and raises: a failure half-way (a duplicate, a missing task, any exception) leaves the
database as it was, and the session ready for the next call.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Column, ForeignKey, String, Table, UniqueConstraint, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

MAX_TITLE = 200


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


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (UniqueConstraint("owner_id", "title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(MAX_TITLE))
    tags: Mapped[list[Tag]] = relationship(secondary=task_tags, lazy="selectin")


class TaskError(Exception):
    """A rule of the tasks domain was broken."""


class InvalidTask(TaskError):
    """The input breaks a rule (an empty or too long title)."""


class DuplicateTask(TaskError):
    """The owner already has a task with this title."""


class TaskNotFound(TaskError):
    """No task has this id."""


class TaskRepository:
    """Queries for tasks; flushes, never commits."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, task_id: int) -> Task | None:
        return self.session.get(Task, task_id)

    def add(self, task: Task) -> Task:
        self.session.add(task)
        self.session.flush()
        return task


class TagRepository:
    """Queries for tags; flushes, never commits."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get_or_create(self, name: str) -> Tag:
        tag = self.session.scalars(select(Tag).where(Tag.name == name)).one_or_none()
        if tag is None:
            tag = Tag(name=name)
            self.session.add(tag)
            self.session.flush()
        return tag


class TaskService:
    """The use cases on tasks. Each method is one transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.tasks = TaskRepository(session)
        self.tags = TagRepository(session)

    def create_task(self, owner_id: int, title: str, tags: Sequence[str] = ()) -> Task:
        """Create a task for ``owner_id`` with the given tag names (created when new), commit.

        The title is stripped and must then be 1 to 200 characters, otherwise
        ``InvalidTask("title must be 1 to 200 characters")``. A second task with the same
        title for the same owner raises ``DuplicateTask("a task titled 'Write docs' already
        exists")``. Any failure rolls back everything, tags included, and is raised.
        """
        # BEGIN SOLUTION: validate, then add the task and its tags; commit, or roll back and raise
        clean = title.strip()
        if not 1 <= len(clean) <= MAX_TITLE:
            raise InvalidTask(f"title must be 1 to {MAX_TITLE} characters")
        try:
            task = Task(owner_id=owner_id, title=clean)
            task.tags = [self.tags.get_or_create(name) for name in tags]
            self.tasks.add(task)
            self.session.commit()
        except IntegrityError:
            self.session.rollback()
            raise DuplicateTask(f"a task titled {clean!r} already exists") from None
        except BaseException:
            self.session.rollback()
            raise
        return task
        # END SOLUTION

    def reassign(self, task_ids: Sequence[int], new_owner_id: int) -> int:
        """Give every task in ``task_ids`` to ``new_owner_id``, all or none; commit.

        Returns how many tasks were moved. An unknown id raises ``TaskNotFound("task 99 not
        found")`` and moves none of them, even those before it in the list.
        """
        # BEGIN SOLUTION: move each task in turn; commit at the end, roll back on any failure
        try:
            for task_id in task_ids:
                task = self.tasks.get(task_id)
                if task is None:
                    raise TaskNotFound(f"task {task_id} not found")
                task.owner_id = new_owner_id
            self.session.commit()
        except BaseException:
            self.session.rollback()
            raise
        return len(task_ids)
        # END SOLUTION
