"""Checks for week13/ex01_python_review: the Python rules behind classic interview questions."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from workbook.checking import Learner, call, expect_call, expect_equal, expect_raises, expect_true


def test_add_tag_fresh_list(learner: Learner) -> None:
    """gives every call without tags its own new list"""
    add_tag = learner.function("add_tag",
                               signature="add_tag(tag: str, tags: list[str] | None = None)")
    first = expect_call(add_tag, "urgent", returns=["urgent"],
                        help="Without tags, the result holds only the new tag.")
    expect_call(add_tag, "backend", returns=["backend"],
                help="A default of tags=[] is made once and shared by every call, so the tag of "
                "the first call leaks into the second. Default to None and make the list inside.")
    expect_equal(first, ["urgent"], what="the list returned by the first call, after a second call",
                 help="Each call must build its own list.")


def test_add_tag_leaves_argument_alone(learner: Learner) -> None:
    """adds to a copy of the tags passed in"""
    add_tag = learner.function("add_tag")
    original = ["docs"]
    expect_call(add_tag, "urgent", original, returns=["docs", "urgent"],
                help="The given tags come first, then the new one.")
    expect_equal(original, ["docs"], what="the caller's list after add_tag('urgent', tags)",
                 help="Copy the list (list(tags)) before appending; the caller's list must not "
                 "change.")


def test_multipliers_bind_each_factor(learner: Learner) -> None:
    """makes one multiplier per factor, each keeping its own factor"""
    make_multipliers = learner.function("make_multipliers")
    multipliers = call(make_multipliers, [1, 2, 3],
                       help="make_multipliers returns a list of functions.")
    expect_true(isinstance(multipliers, list) and len(multipliers) == 3,
                what="called make_multipliers([1, 2, 3])", expected="a list of 3 functions",
                actual=f"got {multipliers!r}", help="Return one function per factor, in order.")
    results = [call(m, 10, help="Each multiplier takes one number.") for m in multipliers]
    expect_equal(results, [10, 20, 30], what="[m(10) for m in make_multipliers([1, 2, 3])]",
                 help="A lambda made in a loop reads the loop variable when it is called, so every "
                 "function sees the last factor. Bind the factor when the function is made.")
    expect_call(make_multipliers, [], returns=[], help="No factors, no functions.")


def test_batches_split_in_order(learner: Learner) -> None:
    """splits items into batches, the last one shorter"""
    batches = learner.function("batches", signature="batches(items: Iterable[T], size: int)")
    for items, size, expected in [
        (range(7), 3, [[0, 1, 2], [3, 4, 5], [6]]),
        (range(6), 3, [[0, 1, 2], [3, 4, 5]]),
        (range(3), 1, [[0], [1], [2]]),
        ([], 2, []),
    ]:
        got = list(call(batches, items, size, help="batches returns an iterator of lists."))
        expect_equal(got, expected, what=f"list(batches({list(items)!r}, {size}))",
                     help="Yield a batch as soon as it holds size items; yield what is left "
                     "at the end only when it is not empty.")


def test_batches_are_lazy(learner: Learner) -> None:
    """reads an endless iterator lazily"""
    batches = learner.function("batches")
    stream = call(batches, itertools.count(), 2, help="batches must be a generator.")
    first = call(next, stream, help="Use yield: a function that builds a whole list first never "
                 "ends on an endless iterator.")
    expect_equal(first, [0, 1], what="next(batches(itertools.count(), 2))",
                 help="The first batch holds the first two items.")
    expect_equal(call(next, stream, help="Keep reading where the last batch ended."), [2, 3],
                 what="the second next() on the same generator",
                 help="The generator continues where it stopped.")


def test_batches_refuse_bad_size(learner: Learner) -> None:
    """refuses a batch size below 1"""
    batches = learner.function("batches")
    for size in (0, -2):
        expect_raises(ValueError, lambda size=size: next(iter(batches([1, 2], size))),
                      match="size must be at least 1",
                      help="Check size before reading any item and raise "
                      "ValueError('size must be at least 1').")


def test_emails_by_id(learner: Learner) -> None:
    """maps active users' ids to lower-case emails"""
    emails_by_id = learner.function("emails_by_id")
    users = [
        {"id": 1, "email": "Ana@Example.com", "active": True},
        {"id": 2, "email": "bruno@example.com", "active": False},
        {"id": 3, "email": "CHLOE@example.org"},
    ]
    expect_call(emails_by_id, users, returns={1: "ana@example.com", 3: "chloe@example.org"},
                help="Key by id, lower-case the email, and skip a user whose 'active' is False; "
                "a user without 'active' counts as active (user.get('active', True)).")
    expect_call(emails_by_id, [], returns={}, help="No users, an empty dict.")


def test_email_domains(learner: Learner) -> None:
    """collects the distinct domains in lower case"""
    email_domains = learner.function("email_domains")
    expect_call(email_domains, ["ana@Example.com", "bruno@example.com", "ops@mail@corp.io"],
                returns={"example.com", "corp.io"},
                help="Take what follows the last '@' (rsplit('@', 1)), lower-case it, and use a "
                "set comprehension so duplicates collapse.")
    expect_call(email_domains, [], returns=set(), help="No emails, an empty set.")


class _EqualsEverything:
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return "EqualsEverything()"


def test_count_none_uses_identity(learner: Learner) -> None:
    """counts None by identity, not by truthiness or =="""
    count_none = learner.function("count_none")
    expect_call(count_none, [None, 0, "", False, [], None], returns=2,
                help="0, '', False and [] are falsy but they are not None: test 'value is None'.")
    expect_call(count_none, [_EqualsEverything(), None], returns=1,
                help="An object can claim to equal None with __eq__; 'is None' cannot be fooled.")
    expect_call(count_none, [], returns=0, help="No values, no None.")


def _tasks(learner: Learner) -> tuple[type[Any], list[Any]]:
    task = learner.cls("Task")
    items = [
        task("Write docs", 2, date(2026, 5, 3)),
        task("Fix login", 1, None),
        task("Deploy", 1, date(2026, 5, 2)),
        task("Archive logs", 2, None),
        task("Backup", 1, date(2026, 5, 2)),
        task("Answer ticket", 2, date(2026, 5, 1)),
    ]
    return task, items


def test_sort_tasks(learner: Learner) -> None:
    """sorts by priority, then due date (none last), then title"""
    sort_tasks = learner.function("sort_tasks")
    _, items = _tasks(learner)
    before = list(items)
    result = call(sort_tasks, items, help="sort_tasks returns a new sorted list.")
    titles = [task.title for task in result]
    expect_equal(titles, ["Backup", "Deploy", "Fix login", "Answer ticket", "Write docs",
                          "Archive logs"],
                 what="the titles returned by sort_tasks",
                 help="Use a key tuple: (priority, due date with None placed after every date, "
                 "title). Tuples compare item by item.")
    expect_equal(items, before, what="the list passed to sort_tasks afterwards",
                 help="Use sorted(), which returns a new list, not list.sort().")


class _Clock:
    def __init__(self, *readings: float) -> None:
        self.readings = list(readings)

    def __call__(self) -> float:
        return self.readings.pop(0)


def test_timed_measures_block(learner: Learner) -> None:
    """measures the with block with the clock it is given"""
    timed = learner.function("timed")
    manager = call(timed, _Clock(10.0, 12.5), help="timed(clock) returns a context manager.")
    with manager as timing:
        expect_equal(timing.seconds, None, what="timing.seconds inside the block",
                     help="seconds is set only when the block ends.")
    expect_equal(timing.seconds, 2.5, what="timing.seconds after a block from 10.0 to 12.5",
                 help="Read the clock before the yield and after it; seconds is the difference.")


def test_timed_survives_errors(learner: Learner) -> None:
    """still measures a block that raises, and lets the error through"""
    timed = learner.function("timed")
    manager = call(timed, _Clock(1.0, 4.0), help="timed(clock) returns a context manager.")
    passed_through = False
    try:
        with manager as timing:
            raise KeyError("task 7")
    except KeyError:
        passed_through = True
    expect_true(passed_through, what="a with timed(clock) block that raised KeyError",
                expected="the KeyError to reach the caller", actual="the error was swallowed",
                help="Do not catch the exception in timed: try/finally records the time and lets "
                "the error go on.")
    expect_equal(timing.seconds, 3.0, what="timing.seconds after a block that raised KeyError",
                 help="Wrap the yield in try/finally so the time is recorded when the block "
                 "raises; do not catch the exception.")


def test_count_calls_counts(learner: Learner) -> None:
    """counts calls and passes arguments and results through"""
    count_calls = learner.function("count_calls")

    def greet(name: str, *, punctuation: str = "!") -> str:
        return f"hello {name}{punctuation}"

    wrapped = call(count_calls, greet, help="count_calls returns the wrapper function.")
    expect_equal(getattr(wrapped, "calls", "missing"), 0, what="wrapper.calls before any call",
                 help="Set wrapper.calls = 0 before returning the wrapper.")
    expect_call(wrapped, "ana", returns="hello ana!",
                help="Return what the wrapped function returns.")
    expect_call(wrapped, "bo", punctuation="?", returns="hello bo?",
                help="Pass *args and **kwargs through to the wrapped function.")
    expect_equal(wrapped.calls, 2, what="wrapper.calls after two calls",
                 help="Add one to wrapper.calls on every call.")

    def fail() -> None:
        raise ValueError("boom")

    failing = count_calls(fail)
    expect_raises(ValueError, failing, match="boom",
                  help="Let the wrapped function's exception through.")
    expect_equal(failing.calls, 1, what="wrapper.calls after a call that raised",
                 help="Count the call before calling the wrapped function.")


def test_count_calls_keeps_name(learner: Learner) -> None:
    """keeps the wrapped function's name and docstring"""
    count_calls = learner.function("count_calls")

    def list_tasks() -> list[str]:
        """Return every task title."""
        return []

    wrapped = call(count_calls, list_tasks, help="count_calls returns the wrapper function.")
    expect_equal((wrapped.__name__, wrapped.__doc__), ("list_tasks", "Return every task title."),
                 what="(wrapper.__name__, wrapper.__doc__)",
                 help="Decorate the inner wrapper with @functools.wraps(func); without it, logs "
                 "and tracebacks name every decorated function 'wrapper'.")
