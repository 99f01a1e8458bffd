"""Queries on ``tasks`` and ``tags``. Every query is scoped to one owner."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select, tuple_, update
from sqlalchemy.orm import Session, joinedload

from taskhub.tasks.models import Tag, Task, task_tags
from taskhub.tasks.schemas import SortField, SortOrder, TaskQuery

#: Tasks without a due date sort after every dated task, on every database.
NO_DUE_DATE = date(9999, 12, 31)


def sort_expression(field: SortField) -> ColumnElement[Any]:
    """The SQL expression a whitelisted sort field orders by (never NULL)."""
    expressions: dict[SortField, ColumnElement[Any]] = {
        SortField.CREATED_AT: Task.created_at.expression,
        SortField.UPDATED_AT: Task.updated_at.expression,
        SortField.DUE_DATE: func.coalesce(Task.due_date, literal(NO_DUE_DATE, Task.due_date.type)),
        SortField.PRIORITY: Task.priority.expression,
        SortField.TITLE: Task.title.expression,
    }
    return expressions[field]


def sort_value(task: Task, field: SortField) -> Any:
    """The value of ``sort_expression(field)`` for a loaded task (to build a cursor)."""
    if field is SortField.DUE_DATE:
        return task.due_date or NO_DUE_DATE
    return getattr(task, field.value)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class TaskRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, task: Task) -> Task:
        self.session.add(task)
        self.session.flush()
        return task

    def delete(self, task: Task) -> None:
        self.session.delete(task)
        self.session.flush()

    def flush(self) -> None:
        """Send pending changes (and the version check) to the database."""
        self.session.flush()

    def touch_tagged_with(self, owner_id: uuid.UUID, tag_id: uuid.UUID, now: datetime) -> None:
        """Move on the version (the ETag) of every task of the owner that carries the tag."""
        # BEGIN SOLUTION: one UPDATE incrementing version and setting updated_at for those tasks
        tagged = select(task_tags.c.task_id).where(task_tags.c.tag_id == tag_id)
        self.session.execute(
            update(Task)
            .where(Task.owner_id == owner_id, Task.id.in_(tagged))
            .values(version=Task.version + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        # END SOLUTION

    def get_for_owner(self, owner_id: uuid.UUID, task_id: uuid.UUID) -> Task | None:
        """The task if it exists *and* belongs to ``owner_id``, with its tags (one statement)."""
        # BEGIN SOLUTION: select by id AND owner_id, joining the owner's tags in the same query
        return (
            self.session.scalars(
                select(Task)
                .where(Task.id == task_id, Task.owner_id == owner_id)
                .options(joinedload(Task.tags.and_(Tag.owner_id == owner_id)))
            )
            .unique()
            .one_or_none()
        )
        # END SOLUTION

    def _filtered(self, owner_id: uuid.UUID, query: TaskQuery) -> Select[Task]:
        # BEGIN SOLUTION: start from the owner's tasks and add one WHERE clause per filter
        stmt = select(Task).where(Task.owner_id == owner_id)
        if query.status is not None:
            stmt = stmt.where(Task.status == query.status)
        if query.priority is not None:
            stmt = stmt.where(Task.priority == int(query.priority))
        if query.tag is not None:
            stmt = stmt.where(
                Task.id.in_(select(task_tags.c.task_id).where(task_tags.c.tag_id == query.tag))
            )
        if query.due_before is not None:
            stmt = stmt.where(Task.due_date <= query.due_before)
        if query.due_after is not None:
            stmt = stmt.where(Task.due_date >= query.due_after)
        if query.q:
            pattern = f"%{_escape_like(query.q)}%"
            stmt = stmt.where(
                or_(
                    Task.title.ilike(pattern, escape="\\"),
                    Task.description.ilike(pattern, escape="\\"),
                )
            )
        return stmt
        # END SOLUTION

    def list_for_owner(
        self,
        owner_id: uuid.UUID,
        query: TaskQuery,
        *,
        after: tuple[Any, uuid.UUID] | None = None,
    ) -> Sequence[Task]:
        """One page of the owner's tasks with their tags, in one statement whatever the size.

        ``after`` is the keyset position ``(sort value, id)`` of the last row already seen;
        an offset, if any, skips rows after it.
        """
        # BEGIN SOLUTION: filter, apply the keyset and the offset, order by (sort, id), limit
        # Joined, not selectin: SQLAlchemy limits the page in a subquery and joins its tags,
        # one round trip instead of two. Scoping the join to the owner lets PostgreSQL use the
        # (owner_id, name) index instead of hash-joining a sequential scan of every tag.
        tags = joinedload(Task.tags.and_(Tag.owner_id == owner_id))
        stmt = self._filtered(owner_id, query).options(tags)
        key = sort_expression(query.sort)
        descending = query.order is SortOrder.DESC
        if after is not None:
            position = tuple_(key, Task.id)
            bound = tuple_(literal(after[0], key.type), literal(after[1], Task.id.type))
            stmt = stmt.where(position < bound if descending else position > bound)
        if query.offset:
            stmt = stmt.offset(query.offset)
        if descending:
            stmt = stmt.order_by(key.desc(), Task.id.desc())
        else:
            stmt = stmt.order_by(key.asc(), Task.id.asc())
        return self.session.scalars(stmt.limit(query.limit)).unique().all()
        # END SOLUTION

    def count_for_owner(self, owner_id: uuid.UUID, query: TaskQuery) -> int:
        # BEGIN SOLUTION: count the rows the same filters match
        subquery = self._filtered(owner_id, query).subquery()
        return self.session.scalar(select(func.count()).select_from(subquery)) or 0
        # END SOLUTION


class TagRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, tag: Tag) -> Tag:
        self.session.add(tag)
        self.session.flush()
        return tag

    def delete(self, tag: Tag) -> None:
        self.session.delete(tag)
        self.session.flush()

    def list_for_owner(self, owner_id: uuid.UUID) -> Sequence[Tag]:
        # BEGIN SOLUTION: the owner's tags ordered by name
        return self.session.scalars(
            select(Tag).where(Tag.owner_id == owner_id).order_by(Tag.name, Tag.id)
        ).all()
        # END SOLUTION

    def count_for_owner(self, owner_id: uuid.UUID) -> int:
        # BEGIN SOLUTION: count the owner's tags
        return (
            self.session.scalar(
                select(func.count()).select_from(Tag).where(Tag.owner_id == owner_id)
            )
            or 0
        )
        # END SOLUTION

    def get_for_owner(self, owner_id: uuid.UUID, tag_id: uuid.UUID) -> Tag | None:
        # BEGIN SOLUTION: select by id AND owner_id
        return self.session.scalars(
            select(Tag).where(Tag.id == tag_id, Tag.owner_id == owner_id)
        ).one_or_none()
        # END SOLUTION

    def get_by_name(self, owner_id: uuid.UUID, name: str) -> Tag | None:
        # BEGIN SOLUTION: select the owner's tag with this exact name
        return self.session.scalars(
            select(Tag).where(Tag.owner_id == owner_id, Tag.name == name)
        ).one_or_none()
        # END SOLUTION

    def get_many_for_owner(self, owner_id: uuid.UUID, tag_ids: Sequence[uuid.UUID]) -> list[Tag]:
        # BEGIN SOLUTION: select the owner's tags among tag_ids (others are simply absent)
        if not tag_ids:
            return []
        return list(
            self.session.scalars(
                select(Tag).where(Tag.owner_id == owner_id, Tag.id.in_(set(tag_ids)))
            ).all()
        )
        # END SOLUTION
