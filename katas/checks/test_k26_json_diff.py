"""Checks for kata k26: the difference between two JSON documents."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, call, expect_equal


def _diff(learner: Learner) -> Callable[..., Any]:
    return learner.function("json_diff", signature="json_diff(old: Any, new: Any) -> list[Change]")


def _expect(learner: Learner, old: Any, new: Any, expected: list[tuple[Any, ...]],
            help: str) -> None:
    result = call(_diff(learner), old, new, help=help)
    got = [tuple(change) for change in result] if isinstance(result, list) else result
    expect_equal(got, expected, what=f"json_diff({old!r}, {new!r}) as (op, path, old, new)",
                 help=help)


def test_equal_documents(learner: Learner) -> None:
    """finds no change between equal documents"""
    document = {"id": 7, "tags": ["a", {"b": None}], "done": False}
    _expect(learner, document, {"id": 7, "tags": ["a", {"b": None}], "done": False}, [],
            help="Equal documents give an empty list.")
    _expect(learner, [], [], [], help="Two empty lists are equal.")


def test_changed_values(learner: Learner) -> None:
    """reports changed values with their path"""
    _expect(learner, {"status": "todo", "id": 7}, {"status": "done", "id": 7},
            [("changed", "/status", "todo", "done")],
            help="A key in both documents with different values is one 'changed', at "
                 "'/<key>'.")
    _expect(learner, "a", "b", [("changed", "", "a", "b")],
            help="Two different values at the top level are a change at the path ''.")


def test_added_and_removed_keys(learner: Learner) -> None:
    """reports removed keys in old's order, then added keys in new's order"""
    _expect(learner, {"a": 1, "b": 2, "c": 3}, {"c": 3, "z": 26, "a": 1, "y": 25},
            [("removed", "/b", 2, None), ("added", "/z", None, 26), ("added", "/y", None, 25)],
            help="A key only in old is removed (new is None), a key only in new is added (old "
                 "is None). Walk old's keys first, then new's keys that old lacks.")


def test_nested(learner: Learner) -> None:
    """recurses into nested dicts and lists"""
    old = {"task": {"title": "Ship", "meta": {"owner": "ann", "labels": ["x"]}}}
    new = {"task": {"title": "Ship", "meta": {"owner": "bob", "labels": ["x", "y"]}}}
    _expect(learner, old, new,
            [("changed", "/task/meta/owner", "ann", "bob"),
             ("added", "/task/meta/labels/1", None, "y")],
            help="Dicts inside dicts are compared key by key; build the path as you go down "
                 "('/task/meta/owner').")


def test_lists(learner: Learner) -> None:
    """compares lists position by position"""
    _expect(learner, [1, 2, 3], [1, 5], [("changed", "/1", 2, 5), ("removed", "/2", 3, None)],
            help="Compare the positions both lists have, then the extra positions of the "
                 "longer one are removed (old longer) or added (new longer).")
    _expect(learner, {"tags": []}, {"tags": ["a", "b"]},
            [("added", "/tags/0", None, "a"), ("added", "/tags/1", None, "b")],
            help="Each extra position of a list is one change, with its index in the path.")


def test_types_differ(learner: Learner) -> None:
    """treats values of different types as changed"""
    for old, new in ((1, True), (0, False), (1, 1.0), ({}, []), ({"a": 1}, "a"), (None, 0)):
        _expect(learner, {"v": old}, {"v": new}, [("changed", "/v", old, new)],
                help="In Python True == 1 and 1 == 1.0, but in JSON they are different values; "
                     "compare the types first (type(old) is not type(new)).")


def test_escapes_keys(learner: Learner) -> None:
    """escapes ~ and / in keys as ~0 and ~1"""
    _expect(learner, {"a/b": 1, "m~n": 2, "~1": 3}, {"a/b": 2, "m~n": 3, "~1": 4},
            [("changed", "/a~1b", 1, 2), ("changed", "/m~0n", 2, 3), ("changed", "/~01", 3, 4)],
            help="RFC 6901: write '~' as '~0' and '/' as '~1', replacing '~' first (otherwise "
                 "the '~' of a '~1' you just wrote is escaped again).")
