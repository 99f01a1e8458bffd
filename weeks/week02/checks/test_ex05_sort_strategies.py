"""Checks for week02/ex05_sort_strategies: strategies behind a Protocol, swapped at run time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from workbook.checking import Learner, call, expect_equal, expect_raises, expect_true


def _tasks(learner: Learner) -> list[Any]:
    task = learner.cls("Task")
    return [
        task(1, "write report", 2, date(2026, 12, 5)),
        task(2, "Answer email", 3, None),
        task(3, "book flights", 1, date(2026, 12, 1)),
        task(4, "answer email", 3, date(2026, 12, 5)),
        task(5, "Call Ana", 2, None),
    ]


def _sorted_ids(learner: Learner, class_name: str) -> list[int]:
    strategy = call(learner.cls(class_name), help=f"{class_name}() takes no arguments.")
    tasks = _tasks(learner)
    before = list(tasks)
    result = call(strategy.sort, tasks, help="sort(tasks) returns a new, sorted list.")
    expect_equal([task.id for task in tasks], [task.id for task in before],
                 what=f"the ids in the list given to {class_name}().sort, afterwards",
                 help="Return a new list with sorted(); list.sort() would reorder the caller's "
                 "list behind its back.")
    expect_true(isinstance(result, list), what=f"{class_name}().sort(tasks)",
                expected="a list", actual=type(result).__name__,
                help="sorted() returns a list; return it.")
    return [task.id for task in result]


def test_by_priority(learner: Learner) -> None:
    """ByPriority puts the highest priority first and breaks ties by id"""
    expect_equal(_sorted_ids(learner, "ByPriority"), [2, 4, 1, 5, 3],
                 what="ids after ByPriority().sort() of priorities 2, 3, 1, 3, 2",
                 help="Key on (-task.priority, task.id): the minus puts 3 before 1.")


def test_by_due_date(learner: Learner) -> None:
    """ByDueDate puts the earliest date first and undated tasks last, ties by id"""
    expect_equal(_sorted_ids(learner, "ByDueDate"), [3, 1, 4, 2, 5],
                 what="ids after ByDueDate().sort() (3 due Dec 1, 1 and 4 due Dec 5, 2 and 5 "
                 "undated)", help="Key on (task.due is None, task.due or date.min, task.id): "
                 "False sorts before True, so dated tasks come first.")


def test_by_title(learner: Learner) -> None:
    """ByTitle sorts alphabetically ignoring case, ties by id"""
    expect_equal(_sorted_ids(learner, "ByTitle"), [2, 4, 3, 5, 1],
                 what="ids after ByTitle().sort() of 'write report', 'Answer email', "
                 "'book flights', 'answer email', 'Call Ana'",
                 help="Key on (task.title.casefold(), task.id): without casefold every capital "
                 "letter sorts before every lower-case one.")


def test_empty_and_generator(learner: Learner) -> None:
    """every strategy sorts an empty input and a one-pass iterable"""
    for name in ("ByPriority", "ByDueDate", "ByTitle"):
        strategy = call(learner.cls(name), help=f"{name}() takes no arguments.")
        expect_equal(call(strategy.sort, [], help="Sorting nothing gives []."), [],
                     what=f"{name}().sort([])", help="sorted([]) is [].")
        tasks = _tasks(learner)
        once = (task for task in tasks)
        result = call(strategy.sort, once, help="sort accepts any iterable of tasks.")
        expect_equal(len(result), 5, what=f"len({name}().sort(<a generator of 5 tasks>))",
                     help="Go over the tasks only once: sorted(tasks, key=...) does.")


def test_names_and_lookup(learner: Learner) -> None:
    """finds each strategy by its name"""
    strategy_for = learner.function("strategy_for")
    for name, class_name in (("priority", "ByPriority"), ("due", "ByDueDate"),
                             ("title", "ByTitle")):
        found = call(strategy_for, name, help="Search STRATEGIES for the one with that name.")
        expect_true(isinstance(found, learner.cls(class_name)), what=f"strategy_for({name!r})",
                    expected=f"a {class_name}", actual=type(found).__name__,
                    help="Compare each strategy's name attribute with the name asked for.")


def test_unknown_name(learner: Learner) -> None:
    """refuses an unknown name, listing the choices in alphabetical order"""
    strategy_for = learner.function("strategy_for")
    for name in ("size", "Priority", ""):
        expect_raises(ValueError, strategy_for, name,
                      match=f"unknown sort {name!r}; choose due, priority or title",
                      help="After the loop, raise ValueError with the sorted names: all but the "
                      "last joined with ', ', then ' or ' and the last. Names are exact: "
                      "'Priority' is not 'priority'.")


class _NewestFirst:
    """A strategy the board has never heard of: no base class, only the right shape."""

    name = "newest"

    def sort(self, tasks: Iterable[Any]) -> list[Any]:
        return sorted(tasks, key=lambda task: -task.id)


def test_board_swaps_strategies(learner: Learner) -> None:
    """the board asks whatever strategy it holds, and a new one takes effect at once"""
    board_class = learner.cls("TaskBoard")
    board = call(board_class, _tasks(learner), call(learner.cls("ByPriority"), help="ByPriority()"),
                 help="TaskBoard(tasks, strategy) keeps both.")
    expect_equal(call(board.titles, help="titles() lists the titles in order."),
                 ["Answer email", "answer email", "write report", "Call Ana", "book flights"],
                 what="board.titles() with ByPriority",
                 help="ordered() returns self.strategy.sort(self._tasks); titles() maps it.")
    board.strategy = _NewestFirst()
    expect_equal([t.id for t in call(board.ordered, help="ordered() asks the strategy.")],
                 [5, 4, 3, 2, 1], what="board.ordered() after board.strategy = <a strategy "
                 "sorting by id, newest first>",
                 help="Do not test the strategy's name or type: any object with a sort method "
                 "fits the SortStrategy protocol.")
    board.strategy = call(learner.cls("ByTitle"), help="ByTitle()")
    task = learner.cls("Task")
    board.add(task(6, "a first task", 1, None))
    expect_equal(call(board.titles, help="titles() lists the titles in order.")[0],
                 "a first task", what="the first title after swapping to ByTitle and adding "
                 "'a first task'", help="Sort every time ordered() is called; do not keep an "
                 "order computed earlier.")
