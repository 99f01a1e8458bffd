"""The errors of the task manager: one base class, a subclass per kind of failure, and chaining.

The command-line front end catches ``TaskManagerError`` once, at its boundary, and prints
``error_report(error)``. Everything else (a ``TypeError`` from a bug) is not a
``TaskManagerError`` and is left to crash loudly with its traceback.

    TaskManagerError
    ├── TaskNotFound    (also a LookupError)
    ├── InvalidTask     (also a ValueError)
    └── StorageError
"""

from __future__ import annotations

import json
from typing import Any


class TaskManagerError(Exception):
    """Base class for every error the task manager raises on purpose."""


class TaskNotFound(TaskManagerError, LookupError):
    """No task has this id. Attribute: ``task_id``. Message: ``no task with id 7``."""

    def __init__(self, task_id: int) -> None:
        # TODO: build the message and store the id
        raise NotImplementedError


class InvalidTask(TaskManagerError, ValueError):
    """A field holds a value the task manager refuses. Attributes: ``field`` and ``reason``.

    Message: ``<field>: <reason>``, for example ``id: must be at least 1, got 0``.
    """

    def __init__(self, field: str, reason: str) -> None:
        # TODO: build the message from both parts and store them
        raise NotImplementedError


class StorageError(TaskManagerError):
    """The tasks could not be read or written. Attributes: ``source`` and ``reason``.

    Message: ``cannot use <source>: <reason>``, for example
    ``cannot use tasks.json: not valid JSON (line 1, column 2)``.
    """

    def __init__(self, source: str, reason: str) -> None:
        # TODO: build the message from both parts and store them
        raise NotImplementedError


def parse_task_id(text: str) -> int:
    """The task id in ``text`` (spaces around it are fine).

    Text that is not a whole number raises ``InvalidTask("id", "expected a whole number, got
    '<text>'")`` chained from the ``ValueError`` of ``int()``; a number below 1 raises
    ``InvalidTask("id", "must be at least 1, got <number>")``.
    """
    # TODO: convert inside try/except ValueError, re-raise with from, then check >= 1
    raise NotImplementedError


def find_title(titles: dict[int, str], task_id: int) -> str:
    """The title of the task ``task_id``; an unknown id raises ``TaskNotFound`` chained from the
    ``KeyError`` of the lookup."""
    # TODO: look the id up and translate the KeyError
    raise NotImplementedError


def parse_rows(text: str, source: str) -> list[dict[str, Any]]:
    """The list of task rows in the JSON ``text`` read from ``source`` (a file name).

    Invalid JSON raises ``StorageError(source, "not valid JSON (line L, column C)")`` chained
    from the ``json.JSONDecodeError`` (which has ``lineno`` and ``colno``). Valid JSON that is
    not a list raises ``StorageError(source, "expected a list of tasks, got <type name>")``.
    """
    # TODO: json.loads inside try/except, re-raise with from, then check the type
    raise NotImplementedError


def error_report(error: BaseException) -> str:
    """The lines a user reads: ``error: <message>``, then one ``  caused by: <Type>: <message>``
    line for each exception in the ``__cause__`` chain, outermost first.

    ``error: cannot use tasks.json: not valid JSON (line 1, column 1)`` followed by
    ``  caused by: JSONDecodeError: Expecting value: line 1 column 1 (char 0)``; the lines are
    joined with ``"\\n"``.
    """
    # TODO: start with the error's line, then follow __cause__ until it is None
    raise NotImplementedError
