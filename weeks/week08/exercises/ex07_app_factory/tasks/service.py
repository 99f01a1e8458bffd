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
        # TODO: refuse when the limit is reached, otherwise number and keep the task
        raise NotImplementedError

    def all(self) -> list[Task]:
        return list(self.tasks)
