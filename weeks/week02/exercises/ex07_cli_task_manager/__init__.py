"""A command-line task manager that keeps its tasks in a JSON file.

Run it from ``weeks/week02/exercises/`` with ``python -m ex07_cli_task_manager add "Buy milk"``.
``models`` holds the tasks and their rules, ``storage`` the JSON file, and ``cli`` (the part you
write) turns a command line into calls to both, output and an exit code.
"""

from .cli import main

__all__ = ["main"]
