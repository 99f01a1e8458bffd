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
        # BEGIN SOLUTION: the member's name in lower case
        return self.name.lower()
        # END SOLUTION

    @classmethod
    def from_text(cls, text: str) -> Priority:
        """The member for a word such as ``"high"``, ignoring case and surrounding spaces.

        Anything else raises ``ValueError("unknown priority 'urgent'; use low, medium or high")``
        (quoting the text as received).
        """
        # BEGIN SOLUTION: look the normalised word up by name, translating the KeyError
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown priority {text!r}; use low, medium or high") from None
        # END SOLUTION


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
        # BEGIN SOLUTION: change the status
        self.status = Status.DONE
        # END SOLUTION

    def is_overdue(self, today: date) -> bool:
        """True when the task is not done and its due date is before ``today``."""
        # BEGIN SOLUTION: a due date strictly before today, on a task still to do
        return self.status is Status.TODO and self.due is not None and self.due < today
        # END SOLUTION

    def __lt__(self, other: object) -> bool:
        """Urgency order: priority (high first), due date (earliest, undated last), then id."""
        # BEGIN SOLUTION: compare sort keys, or return NotImplemented for other types
        if not isinstance(other, Task):
            return NotImplemented
        return self._sort_key() < other._sort_key()
        # END SOLUTION

    def _sort_key(self) -> tuple[int, bool, date, int]:
        """A tuple that sorts in urgency order (tuples compare item by item)."""
        # BEGIN SOLUTION: negate the priority, put "no due date" after any date, end with the id
        return (-self.priority.value, self.due is None, self.due or date.min, self.id)
        # END SOLUTION

    def __str__(self) -> str:
        """One line for a terminal: ``[ ] #3 Buy milk (high, due 2026-12-01)``.

        The box is ``[x]`` for a done task; ``, due ...`` appears only when there is a due date.
        """
        # BEGIN SOLUTION: build the box, the id, the title and the details in brackets
        box = "[x]" if self.status is Status.DONE else "[ ]"
        details = str(self.priority)
        if self.due is not None:
            details += f", due {self.due.isoformat()}"
        return f"{box} #{self.id} {self.title} ({details})"
        # END SOLUTION


class TaskList:
    """Tasks by id: ``len(tasks)``, ``3 in tasks`` (an id), ``tasks[3]`` and ``for task in tasks``.

    Iteration follows the order the tasks were added.
    """

    def __init__(self) -> None:
        self._tasks: dict[int, Task] = {}

    def add(self, task: Task) -> None:
        """Add a task; an id already present raises ``ValueError`` naming that id."""
        # BEGIN SOLUTION: refuse a duplicate id, then store the task under its id
        if task.id in self._tasks:
            raise ValueError(f"a task with id {task.id} already exists")
        self._tasks[task.id] = task
        # END SOLUTION

    def __len__(self) -> int:
        # BEGIN SOLUTION: how many tasks there are
        return len(self._tasks)
        # END SOLUTION

    def __contains__(self, task_id: object) -> bool:
        # BEGIN SOLUTION: membership by id
        return task_id in self._tasks
        # END SOLUTION

    def __getitem__(self, task_id: int) -> Task:
        """The task with this id; an unknown id raises ``KeyError(task_id)``."""
        # BEGIN SOLUTION: look the id up (a dict already raises KeyError with the key)
        return self._tasks[task_id]
        # END SOLUTION

    def __iter__(self) -> Iterator[Task]:
        # BEGIN SOLUTION: iterate over the tasks in the order they were added
        return iter(self._tasks.values())
        # END SOLUTION
