"""The tasks domain: ``service`` holds the rules, ``routes`` speaks HTTP."""

from .routes import router
from .service import TaskLimitReached, TaskService

__all__ = ["TaskLimitReached", "TaskService", "router"]
