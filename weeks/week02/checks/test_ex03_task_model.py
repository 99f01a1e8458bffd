"""Checks for week02/ex03_task_model: enums, ordering, __str__ and a container class."""

from __future__ import annotations

from datetime import date
from typing import Any

from workbook.checking import (
    CheckFailure,
    Learner,
    call,
    expect_call,
    expect_equal,
    expect_raises,
    expect_true,
)

DAY = date(2026, 12, 1)
NEXT_DAY = date(2026, 12, 2)


def _task(learner: Learner, task_id: int, title: str = "Task", priority: str = "MEDIUM",
          due: date | None = None) -> Any:
    priorities = learner.cls("Priority")
    return call(learner.cls("Task"), task_id, title, priorities[priority], due=due,
                help="Task is a dataclass: Task(id, title, priority, status, due).")


def _ids(tasks: list[Any]) -> list[int]:
    return [task.id for task in tasks]


def test_priority_words(learner: Learner) -> None:
    """shows a priority as its lower-case word and reads one from text"""
    priority = learner.cls("Priority")
    for member in priority:
        expect_equal(str(member), member.name.lower(), what=f"str(Priority.{member.name})",
                     help="__str__ returns self.name.lower(): the word a user reads.")
    for text, name in (("high", "HIGH"), ("  Low ", "LOW"), ("MEDIUM", "MEDIUM")):
        expect_call(priority.from_text, text, returns=priority[name],
                    help="Strip and upper-case the text, then look the member up by name with "
                    "Priority[...].")


def test_priority_rejects_unknown_words(learner: Learner) -> None:
    """refuses an unknown priority with a ValueError that lists the choices"""
    priority = learner.cls("Priority")
    for text in ("urgent", ""):
        expect_raises(ValueError, priority.from_text, text,
                      match=f"unknown priority {text!r}; use low, medium or high",
                      help="Priority[name] raises KeyError for an unknown name: catch it and "
                      "raise the ValueError from the docstring, quoting the text with !r.")


def test_str(learner: Learner) -> None:
    """shows a task on one line, with its box, id, title and details"""
    task = _task(learner, 3, "Buy milk", "HIGH", due=DAY)
    expect_equal(str(task), "[ ] #3 Buy milk (high, due 2026-12-01)",
                 what="str(Task(3, 'Buy milk', Priority.HIGH, due=date(2026, 12, 1)))",
                 help="Build '[ ] #<id> <title> (<priority>, due <ISO date>)'; str(priority) "
                 "gives the word.")
    plain = _task(learner, 4, "Call Ana", "LOW")
    expect_equal(str(plain), "[ ] #4 Call Ana (low)", what="str() of a task without a due date",
                 help="Leave out ', due ...' when there is no due date.")
    call(plain.complete, help="complete() marks the task as done.")
    expect_equal(str(plain), "[x] #4 Call Ana (low)", what="str() of a done task",
                 help="A done task shows [x] in its box.")


def test_complete_and_overdue(learner: Learner) -> None:
    """is overdue only when still to do and due before today"""
    status = learner.cls("Status")
    task = _task(learner, 1, due=DAY)
    expect_call(task.is_overdue, NEXT_DAY, returns=True,
                help="Due on the 1st and today is the 2nd: overdue.")
    expect_call(task.is_overdue, DAY, returns=False,
                help="A task due today is not overdue yet: compare due < today.")
    expect_call(_task(learner, 2).is_overdue, NEXT_DAY, returns=False,
                help="A task without a due date is never overdue.")
    call(task.complete, help="complete() marks the task as done.")
    expect_equal(task.status, status.DONE, what="task.status after complete()",
                 help="complete() sets the status to Status.DONE.")
    expect_call(task.is_overdue, NEXT_DAY, returns=False,
                help="A done task is not overdue, whatever its date.")
    expect_equal(str(status.DONE), "done", what="str(Status.DONE)",
                 help="Status is a StrEnum: its members are their text values.")


def test_sorts_by_priority(learner: Learner) -> None:
    """sorts the most urgent first: higher priority, then the lower id"""
    tasks = [_task(learner, 1, priority="LOW"), _task(learner, 2, priority="HIGH"),
             _task(learner, 3, priority="MEDIUM"), _task(learner, 4, priority="HIGH")]
    expect_equal(_ids(sorted(tasks)), [2, 4, 3, 1],
                 what="the ids of sorted() tasks 1 LOW, 2 HIGH, 3 MEDIUM, 4 HIGH",
                 help="Higher priority first: negate the priority's value in the sort key, "
                 "then break ties by the lower id.")


def test_sorts_by_due_date(learner: Learner) -> None:
    """within a priority, the earliest due date first and undated tasks last"""
    tasks = [_task(learner, 1), _task(learner, 2, due=NEXT_DAY), _task(learner, 3, due=DAY),
             _task(learner, 4, due=DAY)]
    expect_equal(_ids(sorted(tasks)), [3, 4, 2, 1],
                 what="the ids of sorted() MEDIUM tasks: 1 undated, 2 due on the 2nd, 3 and 4 "
                 "due on the 1st", help="Put (due is None) in the key before the date: False "
                 "sorts before True, so dated tasks come first; then the date, then the id.")


def test_comparisons(learner: Learner) -> None:
    """supports <, <=, >, >= and == like a built-in type"""
    urgent = _task(learner, 1, priority="HIGH")
    later = _task(learner, 2, priority="LOW")
    twin = _task(learner, 1, priority="HIGH")
    checks = [("urgent < later", urgent < later, True), ("later < urgent", later < urgent, False),
              ("urgent <= later", urgent <= later, True), ("later > urgent", later > urgent, True),
              ("urgent >= later", urgent >= later, False), ("urgent < twin", urgent < twin, False)]
    for text, got, want in checks:
        expect_equal(got, want, what=f"{text} (urgent and twin are HIGH #1, later is LOW #2)",
                     help="'a < b' means a is more urgent than b. With @total_ordering you "
                     "write __lt__ and Python derives the others from it and __eq__.")
    expect_true(urgent == twin and urgent <= twin and urgent >= twin,
                what="two tasks with the same fields", expected="==, <= and >= all True",
                actual="not all of them", help="Equal tasks are neither less nor greater.")
    expect_equal(urgent.__lt__("a string"), NotImplemented, what="task.__lt__('a string')",
                 help="For anything that is not a Task, return NotImplemented, so Python "
                 "raises a clear TypeError for task < 'text'.")


def test_task_list_container(learner: Learner) -> None:
    """TaskList supports len(), in, [] and for"""
    task_list = call(learner.cls("TaskList"), help="TaskList() takes no arguments.")
    expect_equal(len(task_list), 0, what="len(TaskList())", help="An empty list has 0 tasks.")
    expect_equal(list(task_list), [], what="list(TaskList())",
                 help="Iterating an empty TaskList yields nothing.")
    first, second = _task(learner, 7, "B"), _task(learner, 2, "A")
    call(task_list.add, first, help="add stores a task under its id.")
    call(task_list.add, second, help="add stores a task under its id.")
    expect_equal(len(task_list), 2, what="len() after adding two tasks",
                 help="__len__ returns the number of stored tasks.")
    expect_true(7 in task_list and 3 not in task_list, what="7 in tasks / 3 in tasks",
                expected="True / False", actual=f"{7 in task_list} / {3 in task_list}",
                help="__contains__ tests an id against the stored ids.")
    expect_true(task_list[2] is second, what="tasks[2]", expected="the task with id 2",
                actual="another object", help="__getitem__ looks a task up by its id.")
    expect_equal(_ids(list(task_list)), [7, 2], what="the ids in a for loop over the TaskList",
                 help="Iterate in the order the tasks were added (a dict keeps that order).")
    expect_raises(KeyError, task_list.__getitem__, 3,
                  help="An unknown id raises KeyError, as a dict does.")


def test_task_list_refuses_duplicate_ids(learner: Learner) -> None:
    """refuses a second task with an id already present"""
    task_list = call(learner.cls("TaskList"), help="TaskList() takes no arguments.")
    original = _task(learner, 5, "First")
    call(task_list.add, original, help="add stores a task under its id.")
    expect_raises(ValueError, task_list.add, _task(learner, 5, "Second"), match="5",
                  help="Check the id before storing: raise ValueError naming the id.")
    try:
        kept = task_list[5]
    except KeyError:
        raise CheckFailure("tasks[5] raised KeyError after adding task 5",
                           expected="the task with id 5", actual="KeyError",
                           help="add must store the task under task.id.") from None
    expect_true(kept is original and len(task_list) == 1, what="the TaskList after a refused add",
                expected="still only the first task 5", actual=f"{len(task_list)} task(s), "
                f"tasks[5] titled {kept.title!r}",
                help="A refused add changes nothing.")
