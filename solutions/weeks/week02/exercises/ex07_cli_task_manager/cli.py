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
    # BEGIN SOLUTION: add through the book, report the new task, ask for a save
    task = book.add(args.title, Priority(args.priority))
    return [f"added task {task.id}: {task.title}"], True
    # END SOLUTION


def list_command(book: TaskBook, args: argparse.Namespace) -> tuple[list[str], bool]:
    """One line per task with ``args.status`` (all for ``None``), or ``no tasks``; no save."""
    # BEGIN SOLUTION: filter by status, one str(task) per line, a sentence when there is none
    status = Status(args.status) if args.status is not None else None
    lines = [str(task) for task in book.with_status(status)]
    return lines or ["no tasks"], False
    # END SOLUTION


def done_command(book: TaskBook, args: argparse.Namespace) -> tuple[list[str], bool]:
    """Complete task ``args.id``: ``completed task <id>: <title>``."""
    # BEGIN SOLUTION: complete through the book, report, ask for a save
    task = book.complete(args.id)
    return [f"completed task {task.id}: {task.title}"], True
    # END SOLUTION


def delete_command(book: TaskBook, args: argparse.Namespace) -> tuple[list[str], bool]:
    """Delete task ``args.id``: ``deleted task <id>: <title>``."""
    # BEGIN SOLUTION: delete through the book, report, ask for a save
    task = book.delete(args.id)
    return [f"deleted task {task.id}: {task.title}"], True
    # END SOLUTION


def search_command(book: TaskBook, args: argparse.Namespace) -> tuple[list[str], bool]:
    """The tasks whose title contains ``args.text``, or ``no tasks match '<text>'``; no save."""
    # BEGIN SOLUTION: search through the book, one line per match, a sentence when there is none
    lines = [str(task) for task in book.search(args.text)]
    return lines or [f"no tasks match {args.text!r}"], False
    # END SOLUTION


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``tasks``: a ``--file PATH`` option, then one required ``COMMAND``.

    Each sub-command stores its function as ``command`` (``set_defaults(command=...)``).
    ``ID`` arguments are integers (``type=int``), so ``tasks done two`` is a usage error (2).
    """
    # BEGIN SOLUTION: a parser with --file, required sub-parsers, one per command
    parser = argparse.ArgumentParser(prog="tasks", description="Keep a list of tasks.")
    parser.add_argument(
        "--file",
        type=Path,
        default=Path("tasks.json"),
        metavar="PATH",
        help="where the tasks are kept",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    add = commands.add_parser("add", help="add a task")
    add.add_argument("title")
    add.add_argument(
        "--priority", choices=[p.value for p in Priority], default=Priority.MEDIUM.value
    )
    add.set_defaults(command=add_command)

    listing = commands.add_parser("list", help="list the tasks")
    listing.add_argument("--status", choices=[s.value for s in Status], default=None)
    listing.set_defaults(command=list_command)

    done = commands.add_parser("done", help="mark a task as done")
    done.add_argument("id", type=int)
    done.set_defaults(command=done_command)

    delete = commands.add_parser("delete", help="delete a task")
    delete.add_argument("id", type=int)
    delete.set_defaults(command=delete_command)

    search = commands.add_parser("search", help="find tasks by title")
    search.add_argument("text")
    search.set_defaults(command=search_command)
    return parser
    # END SOLUTION


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line (``sys.argv[1:]`` when ``argv`` is None) and return the exit code.

    Load the tasks, run the command, save when it asks for it, then print its lines. A
    ``TaskManagerError`` from any of these steps prints ``error: <message>`` on stderr and
    returns 1, before anything is printed on stdout. Other exceptions are bugs: let them out.
    """
    # BEGIN SOLUTION: parse, then load / run / save inside one try that catches TaskManagerError
    args = build_parser().parse_args(argv)
    command: Command = args.command
    store = JsonTaskStore(args.file)
    try:
        book = TaskBook(store.load())
        lines, changed = command(book, args)
        if changed:
            store.save(book.tasks)
    except TaskManagerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    return 0
    # END SOLUTION
