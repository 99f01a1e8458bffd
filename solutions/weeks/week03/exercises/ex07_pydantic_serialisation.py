"""What the tasks API sends back: a read model with controlled serialisation.

Inside Python the code uses snake_case names, aware datetimes and enums. On the wire the API
promises camelCase keys, dates in ISO 8601, timestamps in UTC ending in ``Z``, and never an
internal field. Define ``TaskRead`` (a Pydantic v2 model) so that:

* it is frozen, reads snake_case names, camelCase aliases (``dueOn``) and attributes of an
  object such as an ORM row (``from_attributes``);
* its fields are ``id: int``, ``title: str``, ``status: Status``, ``tags: list[str]``
  (default empty), ``due_on: date | None = None``, ``created_at: AwareDatetime``,
  ``updated_at: AwareDatetime | None = None`` and ``internal_notes: str = ""``, which is never
  serialised (``Field(exclude=True)``); a naive datetime is refused;
* two computed fields appear in every dump: ``is_done`` (the status is ``DONE``) and ``url``
  (``"/v1/tasks/<id>"``);
* in JSON mode only, ``created_at`` and ``updated_at`` are written in UTC, to the whole second,
  with a ``Z``: ``"2026-03-01T09:30:00Z"`` (in Python mode they stay datetimes).

Then write the three functions below, which the routes call.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, computed_field, field_serializer
from pydantic.alias_generators import to_camel


class Status(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"


# BEGIN SOLUTION: define TaskRead as the module docstring describes
class TaskRead(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, from_attributes=True, frozen=True
    )

    id: int
    title: str
    status: Status
    tags: list[str] = Field(default_factory=list)
    due_on: date | None = None
    created_at: AwareDatetime
    updated_at: AwareDatetime | None = None
    internal_notes: str = Field(default="", exclude=True)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def is_done(self) -> bool:
        return self.status is Status.DONE

    @computed_field  # type: ignore[prop-decorator]
    @property
    def url(self) -> str:
        return f"/v1/tasks/{self.id}"

    @field_serializer("created_at", "updated_at", when_used="json")
    def utc_z(self, moment: datetime | None) -> str | None:
        if moment is None:
            return None
        text = moment.astimezone(UTC).replace(microsecond=0).isoformat()
        return text.replace("+00:00", "Z")
# STUB: # TODO: define TaskRead as the module docstring describes, then delete the line below.
# STUB: raise NotImplementedError("define TaskRead in ex07_pydantic_serialisation")
# END SOLUTION


def to_payload(task: TaskRead) -> dict[str, Any]:
    """The JSON-ready dict the API sends for one task: camelCase keys, JSON types only."""
    # BEGIN SOLUTION: dump in JSON mode with the aliases
    return task.model_dump(mode="json", by_alias=True)
    # END SOLUTION


def to_summary(task: TaskRead) -> dict[str, Any]:
    """The short form used in lists and notifications: only ``id``, ``title`` and ``status``.

    Same conventions as ``to_payload`` (JSON types, camelCase), but nothing else, not even
    the computed fields.
    """
    # BEGIN SOLUTION: dump in JSON mode, including only three fields
    return task.model_dump(mode="json", by_alias=True, include={"id", "title", "status"})
    # END SOLUTION


def page_json(tasks: Sequence[TaskRead], *, total: int, next_url: str | None) -> str:
    """The body of ``GET /v1/tasks`` as JSON text: ``{"items": [...], "total": N, "next": URL}``.

    ``items`` holds ``to_payload`` of each task in order; ``next`` is ``null`` on the last
    page. The text is compact (no spaces after ``,`` or ``:``) and keeps non-ASCII characters
    as they are, like ``model_dump_json``.
    """
    # BEGIN SOLUTION: build the envelope from the payloads and write it compactly
    body = {"items": [to_payload(task) for task in tasks], "total": total, "next": next_url}
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    # END SOLUTION
