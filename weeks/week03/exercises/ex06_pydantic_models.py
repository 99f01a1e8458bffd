"""The models that guard the edge of the tasks API: what a client may send.

FastAPI (next week) validates every request body with models like these and answers 422 with
``ValidationError.errors()`` when one is refused, so the rest of the code only ever sees clean
data. Define, with Pydantic v2:

``Daily``, ``Weekly``, ``Monthly`` and ``Recurrence``
    How a task repeats, told apart by their ``kind`` field (a discriminated union):
    ``Daily(kind="daily", every: int = 1)`` with ``every`` from 1 to 365;
    ``Weekly(kind="weekly", days: list[Weekday])`` with 1 to 7 days, duplicates removed and
    sorted Monday first; ``Monthly(kind="monthly", day: int)`` with ``day`` from 1 to 28 (every
    month has those). ``Recurrence`` is the annotated union of the three, discriminated by
    ``kind``.

``TaskCreate``
    The body of ``POST /tasks``. Unknown fields are refused and spaces around strings are
    stripped. ``title: str`` of 1 to 200 characters (after stripping);
    ``description: str = ""`` of at most 2000; ``priority: Priority = Priority.MEDIUM``;
    ``tags: list[str]`` (default empty) of at most 10, each normalised by a
    ``field_validator``: stripped, lower-cased, then 1 to 30 characters of lower-case letters,
    digits and ``-`` (otherwise ``ValueError("invalid tag: <the tag, quoted>")``), duplicates
    dropped keeping the first; ``starts_on: date | None = None`` and
    ``due_on: date | None = None``, where a ``model_validator`` refuses a due date before the
    start date with ``ValueError("due_on must not be before starts_on")``;
    ``repeat: Recurrence | None = None``.

``TaskUpdate``
    The body of ``PATCH /tasks/{id}``: the same fields and rules, all optional with a default
    of ``None`` (so ``title`` cannot be cleared, only changed). A ``model_validator`` refuses
    an empty update with ``ValueError("an update must set at least one field")``; a field sent
    as ``null`` counts as set. The date rule applies when both dates are sent.
"""

from __future__ import annotations

import re
from datetime import date
from enum import IntEnum, StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

TAG_PATTERN = re.compile(r"[a-z0-9-]{1,30}")


class Priority(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Weekday(IntEnum):
    """ISO weekday numbers: Monday is 1, Sunday is 7 (``date.isoweekday()``)."""

    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5
    SATURDAY = 6
    SUNDAY = 7


def normalise_tags(tags: list[str]) -> list[str]:
    """Strip and lower-case each tag, check it, and drop repeats keeping the first."""
    # TODO: clean each tag, refuse a bad one, keep the first of each
    raise NotImplementedError


# TODO: define Daily, Weekly, Monthly, Recurrence, TaskCreate and TaskUpdate as the
# module docstring describes, then delete the line below.
raise NotImplementedError("define the models of ex06_pydantic_models")
