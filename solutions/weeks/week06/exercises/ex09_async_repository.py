"""An async task repository: the same queries as a synchronous one, awaited.

The repository takes an ``AsyncSession`` (SQLite through aiosqlite, PostgreSQL through
psycopg's async driver: ``postgresql+psycopg://``), returns models and never commits: the
caller owns the transaction. Every database call is awaited, so the event loop serves other
requests while the database works.

In async code a lazy load cannot happen: reading a relationship that was not loaded would
need I/O inside a plain attribute access, where nothing can be awaited. The models say so
with ``lazy="raise"`` (a clear ``InvalidRequestError`` instead of SQLAlchemy's
``MissingGreenlet``), and the repository loads what it returns: every task comes with its
tags, through ``selectinload`` (one extra statement for the whole page, whatever its size).

Listings are ordered by priority, highest first, then by id, and paginated by keyset: a page
is the ``limit`` tasks after a cursor, the ``(priority, id)`` of the last task of the
previous page (``AsyncTaskRepository.cursor(task)``).
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, String, Table, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload

MAX_LIMIT = 100


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

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    done: Mapped[bool] = mapped_column(default=False)
    priority: Mapped[int] = mapped_column(default=3)
    # BEGIN SOLUTION: tags: through task_tags, ordered by name, and never lazy-loaded
    tags: Mapped[list[Tag]] = relationship(
        secondary=task_tags, order_by=Tag.name, lazy="raise"
    )
    # END SOLUTION


Cursor = tuple[int, int]


class AsyncTaskRepository:
    """Queries for tasks, awaited on the async session it is given."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @staticmethod
    def cursor(task: Task) -> Cursor:
        """The cursor that follows ``task`` in a listing: its ``(priority, id)``."""
        return (task.priority, task.id)

    async def get(self, task_id: int) -> Task | None:
        """The task ``task_id`` with its tags loaded, or None."""
        # BEGIN SOLUTION: select the task by id with selectinload(Task.tags), one or none
        stmt = select(Task).where(Task.id == task_id).options(selectinload(Task.tags))
        return (await self.session.scalars(stmt)).one_or_none()
        # END SOLUTION

    async def add(self, task: Task) -> Task:
        """Add ``task`` (and the tags it carries) and flush, so it gets its id; do not commit."""
        # BEGIN SOLUTION: add, await the flush, return the task
        self.session.add(task)
        await self.session.flush()
        return task
        # END SOLUTION

    async def list_for_owner(
        self,
        owner_id: int,
        *,
        done: bool | None = None,
        tag: str | None = None,
        after: Cursor | None = None,
        limit: int = 20,
    ) -> list[Task]:
        """One page of ``owner_id``'s tasks with their tags, highest priority first, then by id.

        ``done`` keeps only tasks done (True) or not done (False); ``tag`` keeps the tasks
        that carry the tag of that name (None or an empty name keeps every task); ``after``
        starts after that cursor; ``limit`` is 1 to 100 inclusive, otherwise
        ``ValueError("limit must be between 1 and 100")``. The page's tags come in one more
        statement, however many tasks it holds.
        """
        # BEGIN SOLUTION: check limit; a WHERE per filter, keyset, ORDER BY, LIMIT, selectinload
        if not 1 <= limit <= MAX_LIMIT:
            raise ValueError(f"limit must be between 1 and {MAX_LIMIT}")
        stmt = select(Task).where(Task.owner_id == owner_id)
        if done is not None:
            stmt = stmt.where(Task.done == done)
        if tag:
            stmt = stmt.where(Task.tags.any(Tag.name == tag))
        if after is not None:
            priority, task_id = after
            stmt = stmt.where(
                or_(Task.priority < priority, and_(Task.priority == priority, Task.id > task_id))
            )
        stmt = (
            stmt.order_by(Task.priority.desc(), Task.id)
            .limit(limit)
            .options(selectinload(Task.tags))
        )
        return list(await self.session.scalars(stmt))
        # END SOLUTION
