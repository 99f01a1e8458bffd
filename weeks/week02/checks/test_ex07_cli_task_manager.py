"""Checks for week02/ex07_cli_task_manager: the program run again and again in an empty folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.checking import Learner, expect_equal
from workbook.checking_cli import (
    Program,
    RunResult,
    expect_exit_code,
    expect_files,
    expect_in_output,
    expect_lines,
    expect_no_output,
    expect_unchanged,
    read_json_file,
)

CORRUPT = '{"version": 1, "tasks": [{"id": 1, "title": "Buy milk", '


def _tasks(learner: Learner, folder: Path) -> Program:
    main = learner.submodule("cli").function("main", signature="main(argv) -> int")
    return Program.in_process(main, name="tasks", cwd=folder)


def _ok(program: Program, *argv: str, lines: list[str], help: str) -> RunResult:
    """Run a command that must succeed and print exactly ``lines``."""
    result = program.run(*argv)
    expect_exit_code(result, 0, help=help)
    expect_no_output(result, stream="stderr",
                     help="A command that worked prints nothing on stderr: stderr is for "
                     "problems.")
    expect_lines(result, lines, help=help)
    return result


def _user_error(program: Program, *argv: str, message: str, help: str) -> RunResult:
    """Run a command that must fail with exit code 1 and ``error: <message>`` on stderr."""
    result = program.run(*argv)
    expect_exit_code(result, 1, help=help)
    expect_lines(result, [f"error: {message}"], stream="stderr", help=help)
    expect_no_output(result, stream="stdout",
                     help="Print the error on stderr (print(..., file=sys.stderr)) and nothing "
                     "on stdout, so a script that reads stdout never mistakes it for data.")
    return result


def _usage_error(program: Program, *argv: str, help: str) -> RunResult:
    result = program.run(*argv)
    expect_exit_code(result, 2, help=help)
    expect_in_output(result, "usage: tasks", stream="stderr",
                     help="argparse prints the usage on stderr and exits with 2 by itself; "
                     "do not catch its SystemExit, and keep prog='tasks'.")
    expect_no_output(result, stream="stdout", help="A usage error prints nothing on stdout.")
    return result


def test_add_then_list(learner: Learner, tmp_path: Path) -> None:
    """adds a task, then lists it in the next run"""
    tasks = _tasks(learner, tmp_path)
    _ok(tasks, "add", "Buy milk", lines=["added task 1: Buy milk"],
        help="add_command calls book.add and returns ['added task <id>: <title>'] and True, "
        "so main saves and prints it.")
    _ok(tasks, "list", lines=["1 [ ] Buy milk (medium)"],
        help="The task added by the previous run must be in tasks.json: save after a command "
        "that changes something, and list one str(task) per line.")
    document = read_json_file(tasks.run("list"), tmp_path / "tasks.json",
                              help="The store writes tasks.json in the current folder.")
    expect_equal(document.get("version") if isinstance(document, dict) else document, 1,
                 what="the 'version' in tasks.json", help="Save through JsonTaskStore.")


def test_several_runs_in_a_row(learner: Learner, tmp_path: Path) -> None:
    """keeps tasks between runs through add, done, list --status and delete"""
    tasks = _tasks(learner, tmp_path)
    _ok(tasks, "add", "Buy milk", lines=["added task 1: Buy milk"], help="Add the task.")
    _ok(tasks, "add", "Call Ana", "--priority", "high", lines=["added task 2: Call Ana"],
        help="--priority takes low, medium or high; pass Priority(args.priority) to book.add.")
    _ok(tasks, "done", "1", lines=["completed task 1: Buy milk"],
        help="done_command completes the task, returns 'completed task <id>: <title>' and "
        "asks for a save.")
    _ok(tasks, "list", lines=["1 [x] Buy milk (medium)", "2 [ ] Call Ana (high)"],
        help="Every task, in id order, one str(task) per line; task 1 was completed in the "
        "previous run, so it must have been saved.")
    _ok(tasks, "list", "--status", "todo", lines=["2 [ ] Call Ana (high)"],
        help="--status todo keeps the tasks still to do: book.with_status(Status(args.status)).")
    _ok(tasks, "list", "--status", "done", lines=["1 [x] Buy milk (medium)"],
        help="--status done keeps the completed tasks.")
    _ok(tasks, "delete", "2", lines=["deleted task 2: Call Ana"],
        help="delete_command deletes the task, returns 'deleted task <id>: <title>' and asks "
        "for a save.")
    _ok(tasks, "list", lines=["1 [x] Buy milk (medium)"],
        help="The deleted task must be gone from tasks.json.")
    _ok(tasks, "list", "--status", "todo", lines=["no tasks"],
        help="When nothing matches the filter, print 'no tasks'.")


def test_empty_folder(learner: Learner, tmp_path: Path) -> None:
    """lists and searches an empty folder without creating a file"""
    tasks = _tasks(learner, tmp_path)
    result = _ok(tasks, "list", lines=["no tasks"],
                 help="No tasks.json yet means no tasks: print 'no tasks' and exit with 0.")
    expect_files(result, tmp_path, [],
                 help="list only reads: its command returns False, so main must not save.")
    result = _ok(tasks, "search", "milk", lines=["no tasks match 'milk'"],
                 help="No match prints \"no tasks match '<text>'\" (the text with !r).")
    expect_files(result, tmp_path, [], help="search only reads: main must not save after it.")


def test_search(learner: Learner, tmp_path: Path) -> None:
    """searches titles ignoring case, without rewriting the file"""
    tasks = _tasks(learner, tmp_path)
    for number, title in enumerate(("Buy milk", "Call Ana", "Milk the budget"), start=1):
        _ok(tasks, "add", title, lines=[f"added task {number}: {title}"],
            help="Add the task.")
    before = (tmp_path / "tasks.json").read_bytes()
    result = _ok(tasks, "search", "MILK", lines=["1 [ ] Buy milk (medium)",
                                                 "3 [ ] Milk the budget (medium)"],
                 help="book.search ignores case; print one str(task) per match.")
    expect_unchanged(result, tmp_path / "tasks.json", before,
                     help="search only reads: return False so main does not save.")
    _ok(tasks, "search", "zebra", lines=["no tasks match 'zebra'"],
        help="No match prints \"no tasks match '<text>'\".")
    _user_error(tasks, "search", "  ", message="search text: must not be empty",
                help="book.search raises InvalidTask for blank text: main prints it as "
                "'error: <message>' on stderr and returns 1.")


def test_unknown_id(learner: Learner, tmp_path: Path) -> None:
    """refuses an unknown id with exit code 1 and a message on stderr, data unchanged"""
    tasks = _tasks(learner, tmp_path)
    _ok(tasks, "add", "Buy milk", lines=["added task 1: Buy milk"], help="Add the task.")
    before = (tmp_path / "tasks.json").read_bytes()
    for command in ("done", "delete"):
        result = _user_error(tasks, command, "7", message="no task with id 7",
                             help="book raises TaskNotFound: catch TaskManagerError in main, "
                             "print 'error: <message>' to sys.stderr and return 1.")
        expect_unchanged(result, tmp_path / "tasks.json", before,
                         help="A refused command must not save anything.")
    _user_error(tasks, "done", "0", message="no task with id 0",
                help="Ids start at 1, so 0 is an unknown id like any other.")


def test_empty_title(learner: Learner, tmp_path: Path) -> None:
    """refuses an empty title with exit code 1 and creates no file"""
    tasks = _tasks(learner, tmp_path)
    for title in ("", "   "):
        result = _user_error(tasks, "add", title, message="title: must not be empty",
                             help="book.add raises InvalidTask: main catches TaskManagerError "
                             "and returns 1 with the message on stderr.")
    expect_files(result, tmp_path, [], help="Nothing was added, so nothing may be saved.")


def test_usage_errors(learner: Learner, tmp_path: Path) -> None:
    """exits with 2 and the usage on stderr for a command line it cannot parse"""
    tasks = _tasks(learner, tmp_path)
    _usage_error(tasks, help="With no command at all: add_subparsers(..., required=True).")
    _usage_error(tasks, "frobnicate", help="An unknown command is a usage error.")
    _usage_error(tasks, "done", "two", help="done ID takes a whole number: type=int.")
    _usage_error(tasks, "delete", "1.5", help="delete ID takes a whole number: type=int.")
    _usage_error(tasks, "add", "Buy milk", "--priority", "urgent",
                 help="--priority takes one of low, medium, high: choices=[...].")
    _usage_error(tasks, "list", "--status", "later",
                 help="--status takes todo or done: choices=[...].")
    _usage_error(tasks, "add", help="add needs a TITLE argument.")
    result = tasks.run("list")
    expect_files(result, tmp_path, [], help="A usage error must not create the data file.")


def test_help(learner: Learner, tmp_path: Path) -> None:
    """prints a help text with every command and exits with 0"""
    tasks = _tasks(learner, tmp_path)
    result = tasks.run("--help")
    expect_exit_code(result, 0, help="argparse answers --help itself and exits with 0.")
    expect_in_output(result, "usage: tasks [-h] [--file PATH] COMMAND ...",
                     "Keep a list of tasks.", "where the tasks are kept",
                     help="Create the parser with prog='tasks' and the description; give --file "
                     "metavar='PATH' and its help text, and the sub-parsers metavar='COMMAND', "
                     "as the module docstring says.")
    expect_in_output(result, "add a task", "list the tasks", "mark a task as done",
                     "delete a task", "find tasks by title",
                     help="Give each sub-parser the help text the module docstring lists: "
                     "add_parser(name, help=...).")


def test_file_option(learner: Learner, tmp_path: Path) -> None:
    """keeps the tasks in the file --file names"""
    tasks = _tasks(learner, tmp_path)
    _ok(tasks, "--file", "work.json", "add", "Write report", lines=["added task 1: Write report"],
        help="--file goes before the command.")
    result = _ok(tasks, "--file", "work.json", "list", lines=["1 [ ] Write report (medium)"],
                 help="Build the store from args.file.")
    expect_files(result, tmp_path, ["work.json"],
                 help="With --file work.json, the tasks go to work.json and nowhere else.")
    _ok(tasks, "list", lines=["no tasks"], help="Without --file, tasks.json is used; it is empty.")


def test_corrupt_file(learner: Learner, tmp_path: Path) -> None:
    """refuses a corrupt data file with a clear error and loses nothing"""
    path = tmp_path / "tasks.json"
    path.write_text(CORRUPT, encoding="utf-8")
    tasks = _tasks(learner, tmp_path)
    for argv in (("list",), ("add", "Call Ana"), ("done", "1"), ("search", "milk")):
        result = tasks.run(*argv)
        expect_exit_code(result, 1, help="The store raises StorageError, a TaskManagerError: "
                         "catch it in main and return 1.")
        expect_in_output(result, "error:", "tasks.json", "not valid JSON", stream="stderr",
                         help="Print 'error: ' and the StorageError's message, which names the "
                         "file, on stderr.")
        expect_no_output(result, stream="stdout", help="Nothing goes to stdout on an error.")
        expect_unchanged(result, path, CORRUPT.encode(),
                         help="Load before anything else and stop at the error: the file must "
                         "stay exactly as it was, so the user can repair it.")
    expect_files(result, tmp_path, ["tasks.json"], help="No other file may be left behind.")


def test_other_schema_version(learner: Learner, tmp_path: Path) -> None:
    """refuses a data file of another schema version and leaves it as it was"""
    path = tmp_path / "tasks.json"
    content = '{"version": 2, "tasks": []}'
    path.write_text(content, encoding="utf-8")
    tasks = _tasks(learner, tmp_path)
    result = tasks.run("add", "Buy milk")
    expect_exit_code(result, 1, help="A StorageError is a TaskManagerError: return 1.")
    expect_in_output(result, "schema version 2", stream="stderr",
                     help="Print the StorageError's message on stderr.")
    expect_unchanged(result, path, content.encode(), help="A refused file is never rewritten.")


@pytest.mark.requires("test_add_then_list")
def test_runs_as_a_program(learner: Learner, tmp_path: Path) -> None:
    """runs as python -m ex07_cli_task_manager, with the same exit codes"""
    tasks = Program.python_module(learner, name="tasks", cwd=tmp_path, timeout=5)
    result = tasks.run("add", "Buy milk")
    expect_exit_code(result, 0, help="__main__.py calls sys.exit(main()): main returns 0.")
    expect_lines(result, ["added task 1: Buy milk"], help="Print the command's lines.")
    expect_lines(tasks.run("list"), ["1 [ ] Buy milk (medium)"],
                 help="A new process reads the tasks the previous one saved.")
    result = tasks.run("done", "9")
    expect_exit_code(result, 1, help="main returns 1 for a TaskManagerError; sys.exit passes "
                     "it on as the process's exit code.")
    expect_in_output(result, "error: no task with id 9", stream="stderr",
                     help="The error goes to stderr.")
    expect_exit_code(tasks.run("done"), 2, help="A missing ID is a usage error: exit code 2.")
    (tmp_path / "tasks.json").write_text(CORRUPT, encoding="utf-8")
    result = tasks.run("list")
    expect_exit_code(result, 1, help="A corrupt file is a user error (1), not a crash: a crash "
                     "would also exit with 1 but print a traceback.")
    expect_in_output(result, "tasks.json", stream="stderr", help="Name the file.")
    expect_equal(result.crash, None, what=f"{result.ran}, the traceback's last line",
                 help="Catch TaskManagerError in main instead of letting it crash the program.")
