"""The command line: ``tasks [--file PATH] COMMAND ...``.

Commands, the one-line help ``tasks --help`` shows for each, and what they print on stdout
(``str(task)`` for a listed task)::

    add TITLE [--priority low|medium|high]  "add a task"          added task 1: Buy milk
    list [--status todo|done]               "list the tasks"      1 [ ] Buy milk (medium)
                                                                  or: no tasks
    done ID                                 "mark a task as done" completed task 1: Buy milk
    delete ID                               "delete a task"       deleted task 1: Buy milk
    search TEXT                             "find tasks by title" the matching tasks
                                                                  or: no tasks match 'milk'

The usage line reads ``usage: tasks [-h] [--file PATH] COMMAND ...``; the parser's description
is "Keep a list of tasks." and ``--file`` (help: "where the tasks are kept") defaults to
``tasks.json`` in the current folder. Commands that change something save the file;
``list`` and ``search`` only read it.

Exit codes: 0 on success; 1 for a ``TaskManagerError`` (an unknown id, an empty title, a corrupt
file), printed on stderr as ``error: <message>`` with nothing on stdout; 2 for a command line
argparse refuses (it prints the usage and the problem on stderr itself).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .models import Priority, Status, TaskBook, TaskManagerError
from .storage import JsonTaskStore

# A command takes the tasks and the parsed arguments, changes the tasks if it needs to, and
# returns the lines to print and whether the tasks must be saved.
Command = Callable[[TaskBook, argparse.Namespace], tuple[list[str], bool]]


def add_command(book: TaskBook, args: argparse.Namespace) -> tuple[list[str], bool]:
    """Add a task with ``args.title`` and ``args.priority``: ``added task <id>: <title>``."""
    # TODO: add through the book, report the new task, ask for a save
    raise NotImplementedError


def list_command(book: TaskBook, args: argparse.Namespace) -> tuple[list[str], bool]:
    """One line per task with ``args.status`` (all for ``None``), or ``no tasks``; no save."""
    # TODO: filter by status, one str(task) per line, a sentence when there is none
    raise NotImplementedError


def done_command(book: TaskBook, args: argparse.Namespace) -> tuple[list[str], bool]:
    """Complete task ``args.id``: ``completed task <id>: <title>``."""
    # TODO: complete through the book, report, ask for a save
    raise NotImplementedError


def delete_command(book: TaskBook, args: argparse.Namespace) -> tuple[list[str], bool]:
    """Delete task ``args.id``: ``deleted task <id>: <title>``."""
    # TODO: delete through the book, report, ask for a save
    raise NotImplementedError


def search_command(book: TaskBook, args: argparse.Namespace) -> tuple[list[str], bool]:
    """The tasks whose title contains ``args.text``, or ``no tasks match '<text>'``; no save."""
    # TODO: search through the book, one line per match, a sentence when there is none
    raise NotImplementedError


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``tasks``: a ``--file PATH`` option, then one required ``COMMAND``.

    Each sub-command stores its function as ``command`` (``set_defaults(command=...)``).
    ``ID`` arguments are integers (``type=int``), so ``tasks done two`` is a usage error (2).
    """
    # TODO: a parser with --file, required sub-parsers, one per command
    raise NotImplementedError


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line (``sys.argv[1:]`` when ``argv`` is None) and return the exit code.

    Load the tasks, run the command, save when it asks for it, then print its lines. A
    ``TaskManagerError`` from any of these steps prints ``error: <message>`` on stderr and
    returns 1, before anything is printed on stdout. Other exceptions are bugs: let them out.
    """
    # TODO: parse, then load / run / save inside one try that catches TaskManagerError
    raise NotImplementedError
