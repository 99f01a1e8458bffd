"""Keep the tasks in a JSON file that is never left half-written.

The file holds an object with a schema version and the task rows::

    {"version": 1, "tasks": [{"id": 1, "title": "Buy milk", "done": false, "due": "2026-12-01"}]}

Dates are stored as ISO text (``"2026-12-01"``) or ``null``. Saving writes a temporary file in
the same folder and then moves it over the real one with ``os.replace``, which is atomic: a
reader (or the next run, after a crash) sees the old file or the new one, never half of one.
A file that cannot be used raises ``StorageError`` whose message names the file, and the file
is left exactly as it was, so no one loses their data to a bad edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1


class StorageError(Exception):
    """The tasks file cannot be read or written; the message names the file."""


@dataclass
class Task:
    id: int
    title: str
    done: bool = False
    due: date | None = None


def task_to_row(task: Task) -> dict[str, Any]:
    """The JSON-ready row of a task: ``{"id", "title", "done", "due"}`` with ``due`` as ISO text
    or ``None``."""
    # BEGIN SOLUTION: one key per field, the date through isoformat()
    return {
        "id": task.id,
        "title": task.title,
        "done": task.done,
        "due": task.due.isoformat() if task.due is not None else None,
    }
    # END SOLUTION


def task_from_row(row: dict[str, Any]) -> Task:
    """The task of a row written by ``task_to_row`` (``done`` and ``due`` may be missing)."""
    # BEGIN SOLUTION: read each key, parsing the date with date.fromisoformat
    due = row.get("due")
    return Task(
        id=row["id"],
        title=row["title"],
        done=row.get("done", False),
        due=date.fromisoformat(due) if due is not None else None,
    )
    # END SOLUTION


class JsonTaskStore:
    """Load and save a list of tasks in one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[Task]:
        """The tasks in the file; a file that does not exist yet means no tasks.

        Raises ``StorageError`` (chained from the original error where there is one) for:

        * text that is not JSON: ``"<path> is not valid JSON: <what json said>"``;
        * JSON that is not an object with an integer ``"version"`` and a ``"tasks"`` list:
          ``"<path> is not a tasks file (expected version and tasks)"``;
        * another version: ``"<path> uses schema version <n>; this program reads version 1"``;
        * a row that cannot be read: ``"<path> has a broken task row: <what went wrong>"``.

        It never writes: the file is left exactly as it was.
        """
        # BEGIN SOLUTION: read (a missing file is []), parse, check the shape and version, convert
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise StorageError(f"{self.path} is not valid JSON: {error}") from error
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("version"), int)
            or not isinstance(data.get("tasks"), list)
        ):
            raise StorageError(f"{self.path} is not a tasks file (expected version and tasks)")
        if data["version"] != SCHEMA_VERSION:
            raise StorageError(
                f"{self.path} uses schema version {data['version']}; "
                f"this program reads version {SCHEMA_VERSION}"
            )
        try:
            return [task_from_row(row) for row in data["tasks"]]
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            raise StorageError(f"{self.path} has a broken task row: {error!r}") from error
        # END SOLUTION

    def save(self, tasks: list[Task]) -> None:
        """Write ``{"version": SCHEMA_VERSION, "tasks": [...]}`` atomically.

        The text is ``json.dump(..., indent=2)`` followed by a newline, so people can read it.
        The JSON goes to a temporary file next to the real one (``<name>.tmp`` in the same
        folder, so the move never crosses file systems), which then replaces the real file
        with ``Path.replace`` (that is ``os.replace``). If anything fails on the way, the
        temporary file is removed, the real file is left as it was and the error propagates.
        """
        # BEGIN SOLUTION: dump into <name>.tmp, then replace; on any failure remove the temp file
        document = {"version": SCHEMA_VERSION, "tasks": [task_to_row(task) for task in tasks]}
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            with temporary.open("w", encoding="utf-8") as file:
                json.dump(document, file, indent=2)
                file.write("\n")
            temporary.replace(self.path)  # os.replace: atomic on the same file system
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        # END SOLUTION
