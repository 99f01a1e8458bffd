"""The repository (queries) and the service (rules and the transaction) of the tasks API."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import Task

T = TypeVar("T")


class TaskNotFound(Exception):
    """No task has this id."""


class DuplicateTask(Exception):
    """Another task already has this title."""


class TaskRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, task_id: int) -> Task | None:
        return self.session.get(Task, task_id)

    def list(self, *, done: bool | None = None) -> list[Task]:
        stmt = select(Task).order_by(Task.id)
        if done is not None:
            stmt = stmt.where(Task.done == done)
        return list(self.session.scalars(stmt))

    def add(self, task: Task) -> Task:
        self.session.add(task)
        self.session.flush()
        return task

    def delete(self, task: Task) -> None:
        self.session.delete(task)
        self.session.flush()


class TaskService:
    """Use cases on tasks; each one commits, or rolls back and raises."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.tasks = TaskRepository(session)

    def get(self, task_id: int) -> Task:
        task = self.tasks.get(task_id)
        if task is None:
            raise TaskNotFound(f"task {task_id} not found")
        return task

    def list(self, *, done: bool | None = None) -> list[Task]:
        return self.tasks.list(done=done)

    def create(self, title: str) -> Task:
        return self._commit(lambda: self.tasks.add(Task(title=title, done=False)), title)

    def update(self, task_id: int, *, title: str | None, done: bool | None) -> Task:
        def change() -> Task:
            task = self.get(task_id)
            if title is not None:
                task.title = title
            if done is not None:
                task.done = done
            self.session.flush()
            return task

        return self._commit(change, title or "")

    def delete(self, task_id: int) -> None:
        self._commit(lambda: self.tasks.delete(self.get(task_id)), "")

    def _commit(self, work: Callable[[], T], title: str) -> T:
        try:
            result = work()
            self.session.commit()
        except IntegrityError:
            self.session.rollback()
            raise DuplicateTask(f"a task titled {title!r} already exists") from None
        except BaseException:
            self.session.rollback()
            raise
        return result
