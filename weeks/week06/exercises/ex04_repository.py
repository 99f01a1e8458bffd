"""A task repository: the only code that builds queries for tasks.

The repository takes a ``Session``, returns models and never commits: the caller (a service,
a request) owns the transaction. ``add`` and ``delete`` flush, so an id is assigned and a
constraint that refuses the row refuses it now, but a rollback still undoes them.

Listings are ordered by priority, highest first, then by id, and paginated by keyset: a page
is the ``limit`` tasks that come after a cursor, the ``(priority, id)`` of the last task of the
previous page (``TaskRepository.cursor(task)``). Unlike ``OFFSET``, a keyset page costs the
same at page 1 and page 1000, and a task added meanwhile does not shift the pages.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, and_, or_, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

MAX_LIMIT = 100


class Base(DeclarativeBase):
    """The declarative base of this exercise's models."""


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)


class Task(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    done: Mapped[bool] = mapped_column(default=False)
    priority: Mapped[int] = mapped_column(default=3)


Cursor = tuple[int, int]


class TaskRepository:
    """Queries for tasks, on the session it is given."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @staticmethod
    def cursor(task: Task) -> Cursor:
        """The cursor that follows ``task`` in a listing: its ``(priority, id)``."""
        return (task.priority, task.id)

    def get(self, task_id: int) -> Task | None:
        """The task ``task_id``, or None."""
        # TODO: one lookup by primary key
        raise NotImplementedError

    def add(self, task: Task) -> Task:
        """Add ``task`` and flush (it gets its id); do not commit."""
        # TODO: add, flush, return the task
        raise NotImplementedError

    def delete(self, task: Task) -> None:
        """Delete ``task`` and flush; do not commit."""
        # TODO: delete and flush
        raise NotImplementedError

    def list_for_owner(
        self,
        owner_id: int,
        *,
        done: bool | None = None,
        search: str | None = None,
        after: Cursor | None = None,
        limit: int = 20,
    ) -> list[Task]:
        """One page of ``owner_id``'s tasks, highest priority first, then by id.

        ``done`` keeps only tasks done (True) or not done (False); ``search`` keeps titles
        that contain it, ignoring case; ``after`` starts after that cursor; ``limit`` is 1 to
        100 inclusive, otherwise ``ValueError("limit must be between 1 and 100")``.
        """
        # TODO: check limit; a WHERE per filter, the keyset condition, ORDER BY, LIMIT
        raise NotImplementedError
