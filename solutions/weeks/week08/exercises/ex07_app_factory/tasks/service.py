"""The rules of the tasks domain; no FastAPI here."""

from __future__ import annotations

from pydantic import BaseModel


class Task(BaseModel):
    id: int
    title: str


class TaskLimitReached(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"Task limit of {limit} reached")


class TaskService:
    """Tasks in memory, at most ``max_tasks`` of them."""

    def __init__(self, max_tasks: int) -> None:
        self.max_tasks = max_tasks
        self.tasks: list[Task] = []

    def add(self, title: str) -> Task:
        """A new task, or ``TaskLimitReached`` once ``max_tasks`` tasks exist."""
        # BEGIN SOLUTION: refuse when the limit is reached, otherwise number and keep the task
        if len(self.tasks) >= self.max_tasks:
            raise TaskLimitReached(self.max_tasks)
        task = Task(id=len(self.tasks) + 1, title=title)
        self.tasks.append(task)
        return task
        # END SOLUTION

    def all(self) -> list[Task]:
        return list(self.tasks)
