"""Task and tag rules: ownership, status transitions, ETags and pagination."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from taskhub.core.database import utcnow
from taskhub.core.errors import (
    BadRequestError,
    ConflictError,
    InvalidTransitionError,
    NotFoundError,
    PreconditionFailedError,
)
from taskhub.core.pagination import decode_cursor, encode_cursor
from taskhub.tasks.models import Priority, Tag, Task, TaskStatus
from taskhub.tasks.repository import TagRepository, TaskRepository, sort_value
from taskhub.tasks.schemas import SortField, TagCreate, TaskCreate, TaskQuery, TaskUpdate
from taskhub.users.models import User

MAX_TAGS_PER_USER = 200

#: The workflow. Any move not listed here is refused with 409.
ALLOWED_TRANSITIONS: dict[TaskStatus, frozenset[TaskStatus]] = {
    TaskStatus.TODO: frozenset({TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED}),
    TaskStatus.IN_PROGRESS: frozenset({TaskStatus.TODO, TaskStatus.DONE, TaskStatus.CANCELLED}),
    TaskStatus.DONE: frozenset({TaskStatus.IN_PROGRESS}),
    TaskStatus.CANCELLED: frozenset({TaskStatus.TODO}),
}

TASK_NOT_FOUND = "Task not found."
TAG_NOT_FOUND = "Tag not found."
TASK_CHANGED = "The task changed since you read it; fetch it again."


@dataclass(frozen=True, slots=True)
class TaskPage:
    """One page of tasks: ``total`` only in offset mode, ``next_cursor`` when more may follow."""

    tasks: Sequence[Task]
    total: int | None
    next_cursor: str | None


def etag_for(task: Task) -> str:
    """The strong ETag of a task: its version number, quoted."""
    return f'"{task.version}"'


def if_match_satisfied(if_match: str | None, task: Task) -> bool:
    """RFC 9110 section 13.1.1: strong comparison; ``*`` matches any current representation."""
    if if_match is None:
        return True
    candidates = [part.strip() for part in if_match.split(",")]
    return "*" in candidates or etag_for(task) in candidates


def check_transition(current: TaskStatus, target: TaskStatus) -> None:
    """Raise 409 unless ``current -> target`` is an allowed move (staying put is allowed)."""
    # BEGIN SOLUTION: allow no-op moves and the moves in ALLOWED_TRANSITIONS, refuse the rest
    if target != current and target not in ALLOWED_TRANSITIONS[current]:
        raise InvalidTransitionError(
            f"A task cannot move from '{current.value}' to '{target.value}'.",
            extensions={"allowed": sorted(status.value for status in ALLOWED_TRANSITIONS[current])},
        )
    # END SOLUTION


def _parse_sort_value(field: SortField, raw: Any) -> Any:
    """The cursor's sort value, or ValueError unless the column could really hold it.

    Cursors are not signed, so the value is untrusted input: a priority outside 1-4 would
    overflow PostgreSQL's smallint, a timestamp at the calendar's edge would overflow when
    moved to UTC, and PostgreSQL refuses a NUL in a string.
    """
    if not isinstance(raw, str | int) or isinstance(raw, bool):
        raise ValueError("bad cursor value")
    if field in (SortField.CREATED_AT, SortField.UPDATED_AT):
        value = datetime.fromisoformat(str(raw))
        if value.tzinfo is None:
            raise ValueError("naive timestamp")
        return value.astimezone(UTC)  # OverflowError at the calendar's edge
    if field is SortField.DUE_DATE:
        return date.fromisoformat(str(raw))
    if field is SortField.PRIORITY:
        return int(Priority(int(raw)))
    if "\x00" in str(raw):
        raise ValueError("NUL in cursor")
    return str(raw)


class TaskService:
    """Task and tag rules. Writes are flushed; the request's session commits them."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.tasks = TaskRepository(session)
        self.tags = TagRepository(session)

    # -- tasks -----------------------------------------------------------------------------

    def create_task(self, owner: User, data: TaskCreate) -> Task:
        """Create a task owned by ``owner``."""
        # BEGIN SOLUTION: build the Task, attach the owner's tags, save it
        task = Task(
            owner_id=owner.id,
            title=data.title,
            description=data.description,
            priority=int(data.priority),
            due_date=data.due_date,
            status=TaskStatus.TODO,
        )
        task.tags = self._owned_tags(owner, data.tag_ids)
        self.tasks.add(task)
        return task
        # END SOLUTION

    def get_task(self, owner: User, task_id: uuid.UUID) -> Task:
        """The owner's task; another user's task is reported as missing (404, not 403)."""
        # BEGIN SOLUTION: fetch the task scoped to the owner, 404 when absent
        task = self.tasks.get_for_owner(owner.id, task_id)
        if task is None:
            raise NotFoundError(TASK_NOT_FOUND)
        return task
        # END SOLUTION

    def list_tasks(self, owner: User, query: TaskQuery) -> TaskPage:
        """A page of the owner's tasks, by offset or by keyset cursor (plus an offset)."""
        # BEGIN SOLUTION: decode the cursor (if any), fetch the page, build next_cursor
        after = self._decode_position(query) if query.cursor is not None else None
        tasks = self.tasks.list_for_owner(owner.id, query, after=after)
        next_cursor = None
        if len(tasks) == query.limit:
            last = tasks[-1]
            value = sort_value(last, query.sort)
            next_cursor = encode_cursor(
                {
                    "s": query.sort.value,
                    "o": query.order.value,
                    "v": value if isinstance(value, int | str) else value.isoformat(),
                    "id": str(last.id),
                }
            )
        offset = query.offset or 0
        if after is not None:
            total = None  # keyset pages carry no total
        elif len(tasks) < query.limit and (tasks or offset == 0):
            total = offset + len(tasks)  # a page that is not full ends the list: no count needed
        else:
            total = self.tasks.count_for_owner(owner.id, query)
        return TaskPage(tasks, total, next_cursor)
        # END SOLUTION

    def update_task(
        self, owner: User, task_id: uuid.UUID, data: TaskUpdate, *, if_match: str | None
    ) -> Task:
        """Apply a partial update, honouring ``If-Match`` and the status workflow."""
        # BEGIN SOLUTION: 404 if not owned, 412 on a stale ETag, check the transition, apply, save
        task = self.get_task(owner, task_id)
        if not if_match_satisfied(if_match, task):
            raise PreconditionFailedError(TASK_CHANGED)
        changes = data.model_dump(exclude_unset=True)
        if "status" in changes:
            check_transition(task.status, changes["status"])
            task.status = changes["status"]
        if "tag_ids" in changes:
            task.tags = self._owned_tags(owner, changes["tag_ids"])
        for field in ("title", "description", "due_date"):
            if field in changes:
                setattr(task, field, changes[field])
        if "priority" in changes:
            task.priority = int(changes["priority"])
        task.updated_at = utcnow()  # always write the row, so the version moves on
        try:
            self.tasks.flush()
        except StaleDataError as exc:  # a concurrent writer got there first
            raise PreconditionFailedError(TASK_CHANGED) from exc
        return task
        # END SOLUTION

    def delete_task(self, owner: User, task_id: uuid.UUID) -> None:
        # BEGIN SOLUTION: fetch the owner's task (404 otherwise) and delete it
        task = self.get_task(owner, task_id)
        self.tasks.delete(task)
        # END SOLUTION

    # -- tags ------------------------------------------------------------------------------

    def list_tags(self, owner: User) -> Sequence[Tag]:
        # BEGIN SOLUTION: the owner's tags
        return self.tags.list_for_owner(owner.id)
        # END SOLUTION

    def create_tag(self, owner: User, data: TagCreate) -> Tag:
        """Create a tag; names are unique per user (409 on a duplicate)."""
        # BEGIN SOLUTION: refuse duplicates and users over MAX_TAGS_PER_USER, then save
        if self.tags.get_by_name(owner.id, data.name) is not None:
            raise ConflictError(f"You already have a tag named '{data.name}'.")
        if self.tags.count_for_owner(owner.id) >= MAX_TAGS_PER_USER:
            raise ConflictError(f"A user can have at most {MAX_TAGS_PER_USER} tags.")
        tag = Tag(owner_id=owner.id, name=data.name)
        try:
            self.tags.add(tag)
        except IntegrityError as exc:  # a concurrent request created the same name
            raise ConflictError(f"You already have a tag named '{data.name}'.") from exc
        return tag
        # END SOLUTION

    def delete_tag(self, owner: User, tag_id: uuid.UUID) -> None:
        """Delete a tag. The tasks that carried it change, so their versions (ETags) move on."""
        # BEGIN SOLUTION: fetch the owner's tag (404 otherwise), bump its tasks, delete it
        tag = self.tags.get_for_owner(owner.id, tag_id)
        if tag is None:
            raise NotFoundError(TAG_NOT_FOUND)
        self.tasks.touch_tagged_with(owner.id, tag.id, utcnow())
        self.tags.delete(tag)
        # END SOLUTION

    # -- helpers ---------------------------------------------------------------------------

    def _owned_tags(self, owner: User, tag_ids: Sequence[uuid.UUID]) -> list[Tag]:
        """The owner's tags with these ids; 404 if any is unknown or someone else's."""
        tags = self.tags.get_many_for_owner(owner.id, tag_ids)
        if len(tags) != len(set(tag_ids)):
            raise NotFoundError(TAG_NOT_FOUND)
        return sorted(tags, key=lambda tag: tag.name)

    def _decode_position(self, query: TaskQuery) -> tuple[Any, uuid.UUID]:
        payload = decode_cursor(query.cursor or "")
        if payload.get("s") != query.sort.value or payload.get("o") != query.order.value:
            raise BadRequestError("The cursor was made for another sort; keep sort and order.")
        try:
            return _parse_sort_value(query.sort, payload.get("v")), uuid.UUID(str(payload["id"]))
        except (KeyError, ValueError, OverflowError) as exc:
            raise BadRequestError("The cursor is malformed.") from exc
