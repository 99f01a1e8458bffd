"""Checks for week02/ex04_error_hierarchy: one base class, subclasses with data, chaining."""

from __future__ import annotations

import json
from typing import Any

from workbook.checking import (
    CheckFailure,
    Learner,
    call,
    describe_exception,
    expect_call,
    expect_equal,
    expect_raises,
    expect_true,
)


def _make(learner: Learner, name: str, *args: Any) -> BaseException:
    error: BaseException = call(learner.cls(name), *args,
                                help="In __init__, call super().__init__(message) and store each "
                                "argument on self.")
    return error


def _cause_of(error: BaseException, call_text: str, cause_type: type[BaseException]) -> None:
    cause = error.__cause__
    expect_true(isinstance(cause, cause_type), what=f"the __cause__ of what {call_text} raised",
                expected=f"the original {cause_type.__name__}",
                actual=describe_exception(cause) if cause is not None else "None",
                help="Write 'raise ... from error' in the except block, so the traceback shows "
                "both errors, linked on purpose.")


def test_hierarchy(learner: Learner) -> None:
    """every error derives from TaskManagerError and the built-in error it resembles"""
    base = learner.cls("TaskManagerError")
    parents = {"TaskNotFound": LookupError, "InvalidTask": ValueError, "StorageError": None}
    for name, builtin in parents.items():
        cls = learner.cls(name)
        expect_true(issubclass(cls, base), what=name, expected="a subclass of TaskManagerError",
                    actual=f"bases {[b.__name__ for b in cls.__bases__]}",
                    help="One except TaskManagerError at the boundary must catch every error "
                    "the task manager raises on purpose.")
        if builtin is not None:
            expect_true(issubclass(cls, builtin), what=name,
                        expected=f"also a {builtin.__name__}",
                        actual=f"bases {[b.__name__ for b in cls.__bases__]}",
                        help="List both bases: class X(TaskManagerError, <built-in error>).")
    error = _make(learner, "TaskNotFound", 7)
    expect_equal((str(error), getattr(error, "task_id", None)), ("no task with id 7", 7),
                 what="(str(), .task_id) of TaskNotFound(7)",
                 help="Pass 'no task with id 7' to super().__init__ and store the id.")


def test_errors_carry_their_parts(learner: Learner) -> None:
    """InvalidTask and StorageError keep their parts and build their messages"""
    invalid = _make(learner, "InvalidTask", "title", "must not be empty")
    expect_equal((str(invalid), getattr(invalid, "field", None), getattr(invalid, "reason", None)),
                 ("title: must not be empty", "title", "must not be empty"),
                 what="(str(), .field, .reason) of InvalidTask('title', 'must not be empty')",
                 help="The message is '<field>: <reason>'; store both parts too.")
    storage = _make(learner, "StorageError", "tasks.json", "disk full")
    expect_equal((str(storage), getattr(storage, "source", None),
                  getattr(storage, "reason", None)),
                 ("cannot use tasks.json: disk full", "tasks.json", "disk full"),
                 what="(str(), .source, .reason) of StorageError('tasks.json', 'disk full')",
                 help="The message is 'cannot use <source>: <reason>'; store both parts too.")


def test_parse_task_id(learner: Learner) -> None:
    """parses an id of 1 or more, spaces allowed"""
    parse = learner.function("parse_task_id")
    expect_call(parse, "1", returns=1, help="1 is the smallest valid id.")
    expect_call(parse, " 42 ", returns=42, help="int() already ignores spaces around a number.")


def test_parse_task_id_refuses_text(learner: Learner) -> None:
    """refuses text that is not a number with InvalidTask chained from the ValueError"""
    parse = learner.function("parse_task_id")
    invalid = learner.cls("InvalidTask")
    for text in ("two", ""):
        error = expect_raises(invalid, parse, text,
                              match=f"id: expected a whole number, got {text!r}",
                              help="Catch the ValueError of int() and raise InvalidTask('id', "
                              "...) with the message the docstring gives.")
        _cause_of(error, f"parse_task_id({text!r})", ValueError)


def test_parse_task_id_refuses_small_numbers(learner: Learner) -> None:
    """refuses 0 and negative ids, naming the number"""
    parse = learner.function("parse_task_id")
    invalid = learner.cls("InvalidTask")
    for text, number in (("0", 0), ("-3", -3)):
        expect_raises(invalid, parse, text, match=f"id: must be at least 1, got {number}",
                      help="After the conversion, refuse numbers below 1 with "
                      "InvalidTask('id', 'must be at least 1, got <number>').")


def test_find_title(learner: Learner) -> None:
    """finds a title, or raises TaskNotFound chained from the KeyError"""
    find = learner.function("find_title")
    not_found = learner.cls("TaskNotFound")
    titles = {1: "Buy milk", 2: "Call Ana"}
    expect_call(find, titles, 2, returns="Call Ana", help="Look the id up in the dict.")
    error = expect_raises(not_found, find, titles, 3, match="no task with id 3",
                          help="Catch the KeyError of the lookup and raise TaskNotFound(task_id).")
    _cause_of(error, "find_title(titles, 3)", KeyError)


def test_parse_rows(learner: Learner) -> None:
    """reads a JSON list of rows, the empty list included"""
    parse = learner.function("parse_rows")
    expect_call(parse, '[{"id": 1, "title": "Buy milk"}]', "tasks.json",
                returns=[{"id": 1, "title": "Buy milk"}], help="json.loads the text.")
    expect_call(parse, "[]", "tasks.json", returns=[], help="An empty list is a valid file.")


def test_parse_rows_refuses_bad_json(learner: Learner) -> None:
    """turns invalid JSON into a StorageError naming the source and position, chained"""
    parse = learner.function("parse_rows")
    storage = learner.cls("StorageError")
    cases = [("", "line 1, column 1"), ('[{"id": 1,\n  oops}]', "line 2, column 3")]
    for text, where in cases:
        error = expect_raises(storage, parse, text, "backup.json",
                              match=f"cannot use backup.json: not valid JSON ({where})",
                              help="Catch json.JSONDecodeError and raise StorageError(source, "
                              "f'not valid JSON (line {error.lineno}, column {error.colno})').")
        _cause_of(error, f"parse_rows({text!r}, 'backup.json')", json.JSONDecodeError)


def test_parse_rows_refuses_other_json(learner: Learner) -> None:
    """refuses JSON that is not a list, naming what it is"""
    parse = learner.function("parse_rows")
    storage = learner.cls("StorageError")
    for text, kind in (('{"tasks": []}', "dict"), ("3", "int")):
        expect_raises(storage, parse, text, "tasks.json",
                      match=f"cannot use tasks.json: expected a list of tasks, got {kind}",
                      help="After json.loads, check isinstance(data, list) and name "
                      "type(data).__name__ in the message.")


def test_error_report(learner: Learner) -> None:
    """reports an error with every cause in its chain, outermost first"""
    report = learner.function("error_report")
    storage = learner.cls("StorageError")
    expect_call(report, storage("tasks.json", "disk full"),
                returns="error: cannot use tasks.json: disk full",
                help="An error without a cause is one line: 'error: ' and its message.")
    try:
        try:
            try:
                row: dict[str, int] = {}
                row["id"]
            except KeyError as key_error:
                raise ValueError("row 3 has no id") from key_error
        except ValueError as value_error:
            raise storage("tasks.json", "broken row") from value_error
    except storage as chained:
        error = chained
    expected = ("error: cannot use tasks.json: broken row\n"
                "  caused by: ValueError: row 3 has no id\n"
                "  caused by: KeyError: 'id'")
    got = call(report, error, help="Follow __cause__ until it is None.")
    if got != expected:
        raise CheckFailure(
            "called error_report() on StorageError <- ValueError <- KeyError, got:\n"
            f"        {got!r}",
            expected=repr(expected), actual=repr(got),
            help="One line for the error, then '  caused by: <Type>: <message>' for each "
            "__cause__, moving to cause.__cause__ each time; join the lines with newlines.")


def test_error_report_ignores_context(learner: Learner) -> None:
    """follows only causes set with from, not errors that merely happened before"""
    report = learner.function("error_report")
    invalid = learner.cls("InvalidTask")
    try:
        try:
            int("x")
        except ValueError:
            raise invalid("id", "bad") from None
    except invalid as error:
        expect_call(report, error, returns="error: id: bad",
                    help="Use __cause__ (set by 'from'), not __context__: 'from None' means "
                    "the earlier error is not part of the story.")
