"""Request, response and query models of the task and tag endpoints."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from taskhub.core.fields import (
    NO_NUL_NOT_BLANK_PATTERN,
    NO_NUL_PATTERN,
    IsoDate,
    omittable_not_null,
)
from taskhub.tasks.models import Priority, TaskStatus

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
#: Deep offsets make the database skip rows one by one; past this, use the cursor.
MAX_OFFSET = 10_000
MAX_TAGS_PER_TASK = 20

Title = Annotated[str, Field(min_length=1, max_length=200, pattern=NO_NUL_PATTERN)]
Description = Annotated[str, Field(max_length=5000, pattern=NO_NUL_PATTERN)]
TagName = Annotated[str, Field(min_length=1, max_length=50, pattern=NO_NUL_NOT_BLANK_PATTERN)]
TagIds = Annotated[list[uuid.UUID], Field(max_length=MAX_TAGS_PER_TASK)]


class InputModel(BaseModel):
    """Request bodies refuse unknown fields: sending ``owner_id`` or ``id`` is a 422."""

    model_config = ConfigDict(extra="forbid")


class TagCreate(InputModel):
    name: TagName


class TagRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str


class TaskCreate(InputModel):
    title: Title
    description: Description | None = None
    priority: Priority = Priority.MEDIUM
    due_date: IsoDate | None = None
    tag_ids: TagIds = Field(default_factory=list)


class TaskUpdate(InputModel):
    """``PATCH /tasks/{id}``: only the fields present are changed; ``null`` clears."""

    title: Annotated[Title | None, Field(json_schema_extra=omittable_not_null)] = None
    description: Description | None = None
    status: Annotated[TaskStatus | None, Field(json_schema_extra=omittable_not_null)] = None
    priority: Annotated[Priority | None, Field(json_schema_extra=omittable_not_null)] = None
    due_date: IsoDate | None = None
    tag_ids: Annotated[TagIds | None, Field(json_schema_extra=omittable_not_null)] = None

    @model_validator(mode="after")
    def _required_fields_are_not_null(self) -> TaskUpdate:
        for name in ("title", "status", "priority", "tag_ids"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class TaskRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    description: str | None
    status: TaskStatus
    priority: Priority
    due_date: date | None
    tags: list[TagRead]
    version: int = Field(description="Incremented on every change; the ETag carries it.")
    created_at: datetime
    updated_at: datetime


class SortField(enum.StrEnum):
    CREATED_AT = "created_at"
    UPDATED_AT = "updated_at"
    DUE_DATE = "due_date"
    PRIORITY = "priority"
    TITLE = "title"


class SortOrder(enum.StrEnum):
    ASC = "asc"
    DESC = "desc"


class TaskQuery(BaseModel):
    """Filters, sorting and pagination of ``GET /tasks``."""

    model_config = ConfigDict(extra="forbid")

    status: TaskStatus | None = None
    priority: Priority | None = None
    tag: uuid.UUID | None = Field(default=None, description="Only tasks carrying this tag.")
    due_before: IsoDate | None = Field(default=None, description="Due on or before this date.")
    due_after: IsoDate | None = Field(default=None, description="Due on or after this date.")
    q: str | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        pattern=NO_NUL_PATTERN,
        description="Text in title or description.",
    )
    sort: SortField = SortField.CREATED_AT
    order: SortOrder = SortOrder.DESC
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
    offset: int | None = Field(
        default=None,
        ge=0,
        le=MAX_OFFSET,
        description="Offset pagination (returns total); with a cursor, rows skipped after it.",
    )
    cursor: str | None = Field(
        default=None,
        max_length=512,
        pattern=r"^[A-Za-z0-9_-]*$",
        description="Keyset pagination: the next_cursor of the previous page (400 otherwise).",
    )
