"""Keep the tasks in a versioned JSON file, written atomically (see week 02, ex06)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .models import Priority, Status, StorageError, Task

SCHEMA_VERSION = 1


class JsonTaskStore:
    """``{"version": 1, "tasks": [...]}`` in one file. A missing file means no tasks yet."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[Task]:
        """The stored tasks; raises ``StorageError`` naming the file, and never writes."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as error:
            raise StorageError(f"cannot read {self.path}: {error.strerror}") from error
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise StorageError(f"{self.path} is not valid JSON: {error}") from error
        if not isinstance(data, dict) or not isinstance(data.get("tasks"), list):
            raise StorageError(f"{self.path} is not a tasks file (expected version and tasks)")
        if data.get("version") != SCHEMA_VERSION:
            raise StorageError(
                f"{self.path} uses schema version {data.get('version')!r}; "
                f"this program reads version {SCHEMA_VERSION}"
            )
        try:
            return [_task_from_row(row) for row in data["tasks"]]
        except (KeyError, TypeError, ValueError) as error:
            raise StorageError(f"{self.path} has a broken task row: {error!r}") from error

    def save(self, tasks: list[Task]) -> None:
        """Write to ``<name>.tmp`` beside the file, then move it over the file (atomic)."""
        document = {"version": SCHEMA_VERSION, "tasks": [_task_to_row(task) for task in tasks]}
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            with temporary.open("w", encoding="utf-8") as file:
                json.dump(document, file, indent=2)
                file.write("\n")
            temporary.replace(self.path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise


def _task_to_row(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "title": task.title,
        "priority": task.priority.value,
        "status": task.status.value,
    }


def _task_from_row(row: dict[str, Any]) -> Task:
    return Task(row["id"], row["title"], Priority(row["priority"]), Status(row["status"]))
