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
        # TODO: one UPDATE incrementing version and setting updated_at for those tasks
        raise NotImplementedError

    def get_for_owner(self, owner_id: uuid.UUID, task_id: uuid.UUID) -> Task | None:
        """The task if it exists *and* belongs to ``owner_id``, with its tags (one statement)."""
        # TODO: select by id AND owner_id, joining the owner's tags in the same query
        raise NotImplementedError

    def _filtered(self, owner_id: uuid.UUID, query: TaskQuery) -> Select[Task]:
        # TODO: start from the owner's tasks and add one WHERE clause per filter
        raise NotImplementedError

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
        # TODO: filter, apply the keyset and the offset, order by (sort, id), limit
        raise NotImplementedError

    def count_for_owner(self, owner_id: uuid.UUID, query: TaskQuery) -> int:
        # TODO: count the rows the same filters match
        raise NotImplementedError


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
        # TODO: the owner's tags ordered by name
        raise NotImplementedError

    def count_for_owner(self, owner_id: uuid.UUID) -> int:
        # TODO: count the owner's tags
        raise NotImplementedError

    def get_for_owner(self, owner_id: uuid.UUID, tag_id: uuid.UUID) -> Tag | None:
        # TODO: select by id AND owner_id
        raise NotImplementedError

    def get_by_name(self, owner_id: uuid.UUID, name: str) -> Tag | None:
        # TODO: select the owner's tag with this exact name
        raise NotImplementedError

    def get_many_for_owner(self, owner_id: uuid.UUID, tag_ids: Sequence[uuid.UUID]) -> list[Tag]:
        # TODO: select the owner's tags among tag_ids (others are simply absent)
        raise NotImplementedError
