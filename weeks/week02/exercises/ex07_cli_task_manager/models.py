"""The tasks and the rules that keep them valid. No input, output or files here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class TaskManagerError(Exception):
    """Base class for every error the task manager raises on purpose (a user's mistake)."""


class TaskNotFound(TaskManagerError):
    def __init__(self, task_id: int) -> None:
        super().__init__(f"no task with id {task_id}")
        self.task_id = task_id


class InvalidTask(TaskManagerError):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field


class StorageError(TaskManagerError):
    """The tasks file cannot be used; the message names the file."""


class Priority(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Status(StrEnum):
    TODO = "todo"
    DONE = "done"


@dataclass
class Task:
    id: int
    title: str
    priority: Priority = Priority.MEDIUM
    status: Status = Status.TODO

    def __str__(self) -> str:
        """``3 [ ] Buy milk (high)``; the box is ``[x]`` once the task is done."""
        box = "[x]" if self.status is Status.DONE else "[ ]"
        return f"{self.id} {box} {self.title} ({self.priority})"


class TaskBook:
    """All the tasks, in id order, with the operations the commands need."""

    def __init__(self, tasks: Iterable[Task] = ()) -> None:
        self._tasks = {task.id: task for task in tasks}

    @property
    def tasks(self) -> list[Task]:
        return sorted(self._tasks.values(), key=lambda task: task.id)

    def add(self, title: str, priority: Priority = Priority.MEDIUM) -> Task:
        """A new task with the next id (one more than the largest so far, or 1)."""
        title = title.strip()
        if not title:
            raise InvalidTask("title", "must not be empty")
        task = Task(max(self._tasks, default=0) + 1, title, priority)
        self._tasks[task.id] = task
        return task

    def get(self, task_id: int) -> Task:
        try:
            return self._tasks[task_id]
        except KeyError as error:
            raise TaskNotFound(task_id) from error

    def complete(self, task_id: int) -> Task:
        task = self.get(task_id)
        task.status = Status.DONE
        return task

    def delete(self, task_id: int) -> Task:
        task = self.get(task_id)
        del self._tasks[task_id]
        return task

    def with_status(self, status: Status | None) -> list[Task]:
        """The tasks with this status, or all of them for ``None``."""
        return [task for task in self.tasks if status is None or task.status is status]

    def search(self, text: str) -> list[Task]:
        """The tasks whose title contains ``text``, ignoring case."""
        needle = text.strip().casefold()
        if not needle:
            raise InvalidTask("search text", "must not be empty")
        return [task for task in self.tasks if needle in task.title.casefold()]
