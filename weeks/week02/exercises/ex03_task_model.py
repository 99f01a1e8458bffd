"""The task model of the task manager: enums instead of magic strings, and tasks that sort.

``sorted(tasks)`` puts the most urgent task first: higher priority first, then the earliest due
date (a task without a due date comes after every dated task of its priority), then the lowest
id. ``TaskList`` holds tasks by id and behaves like a small built-in container.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum, StrEnum
from functools import total_ordering


class Priority(Enum):
    """How urgent a task is; a larger value is more urgent."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3

    def __str__(self) -> str:
        """``str(Priority.HIGH) == "high"``: the word a user types and reads."""
        # TODO: the member's name in lower case
        raise NotImplementedError

    @classmethod
    def from_text(cls, text: str) -> Priority:
        """The member for a word such as ``"high"``, ignoring case and surrounding spaces.

        Anything else raises ``ValueError("unknown priority 'urgent'; use low, medium or high")``
        (quoting the text as received).
        """
        # TODO: look the normalised word up by name, translating the KeyError
        raise NotImplementedError


class Status(StrEnum):
    """Where a task is in its life. A StrEnum, so it is stored as its text value."""

    TODO = "todo"
    DONE = "done"


@total_ordering
@dataclass
class Task:
    """A task. ``==`` compares every field (the dataclass default); ``<`` is the urgency order."""

    id: int
    title: str
    priority: Priority = Priority.MEDIUM
    status: Status = Status.TODO
    due: date | None = None

    def complete(self) -> None:
        """Mark the task as done."""
        # TODO: change the status
        raise NotImplementedError

    def is_overdue(self, today: date) -> bool:
        """True when the task is not done and its due date is before ``today``."""
        # TODO: a due date strictly before today, on a task still to do
        raise NotImplementedError

    def __lt__(self, other: object) -> bool:
        """Urgency order: priority (high first), due date (earliest, undated last), then id."""
        # TODO: compare sort keys, or return NotImplemented for other types
        raise NotImplementedError

    def _sort_key(self) -> tuple[int, bool, date, int]:
        """A tuple that sorts in urgency order (tuples compare item by item)."""
        # TODO: negate the priority, put "no due date" after any date, end with the id
        raise NotImplementedError

    def __str__(self) -> str:
        """One line for a terminal: ``[ ] #3 Buy milk (high, due 2026-12-01)``.

        The box is ``[x]`` for a done task; ``, due ...`` appears only when there is a due date.
        """
        # TODO: build the box, the id, the title and the details in brackets
        raise NotImplementedError


class TaskList:
    """Tasks by id: ``len(tasks)``, ``3 in tasks`` (an id), ``tasks[3]`` and ``for task in tasks``.

    Iteration follows the order the tasks were added.
    """

    def __init__(self) -> None:
        self._tasks: dict[int, Task] = {}

    def add(self, task: Task) -> None:
        """Add a task; an id already present raises ``ValueError`` naming that id."""
        # TODO: refuse a duplicate id, then store the task under its id
        raise NotImplementedError

    def __len__(self) -> int:
        # TODO: how many tasks there are
        raise NotImplementedError

    def __contains__(self, task_id: object) -> bool:
        # TODO: membership by id
        raise NotImplementedError

    def __getitem__(self, task_id: int) -> Task:
        """The task with this id; an unknown id raises ``KeyError(task_id)``."""
        # TODO: look the id up (a dict already raises KeyError with the key)
        raise NotImplementedError

    def __iter__(self) -> Iterator[Task]:
        # TODO: iterate over the tasks in the order they were added
        raise NotImplementedError
