"""Sorting strategies the task board can swap at run time (the Strategy pattern).

A strategy is any object with a ``name`` and a ``sort`` method: it matches the ``SortStrategy``
protocol by its shape, without inheriting from anything. The board holds one strategy and asks
it for the order; changing the order means handing the board another object, not adding an
``if`` to the board. Every strategy returns a new list (the input is left as it was) and
breaks ties by the lower id, so the order is always the same for the same tasks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True)
class Task:
    """The fields the strategies sort on. ``priority`` goes from 1 (low) to 3 (high)."""

    id: int
    title: str
    priority: int = 2
    due: date | None = None


class SortStrategy(Protocol):
    """Anything with a ``name`` and a ``sort(tasks) -> list[Task]`` method."""

    name: str

    def sort(self, tasks: Iterable[Task]) -> list[Task]: ...


class ByPriority:
    """Highest priority first; equal priorities by id."""

    name = "priority"

    def sort(self, tasks: Iterable[Task]) -> list[Task]:
        # BEGIN SOLUTION: sorted() with a key that puts high priorities first, then the id
        return sorted(tasks, key=lambda task: (-task.priority, task.id))
        # END SOLUTION


class ByDueDate:
    """Earliest due date first, tasks without a due date last; equal dates by id."""

    name = "due"

    def sort(self, tasks: Iterable[Task]) -> list[Task]:
        # BEGIN SOLUTION: a key of (no due date?, the date, the id)
        return sorted(tasks, key=lambda task: (task.due is None, task.due or date.min, task.id))
        # END SOLUTION


class ByTitle:
    """Alphabetical by title, ignoring case (``str.casefold``); equal titles by id."""

    name = "title"

    def sort(self, tasks: Iterable[Task]) -> list[Task]:
        # BEGIN SOLUTION: a key of (the case-folded title, the id)
        return sorted(tasks, key=lambda task: (task.title.casefold(), task.id))
        # END SOLUTION


STRATEGIES: tuple[SortStrategy, ...] = (ByPriority(), ByDueDate(), ByTitle())


def strategy_for(name: str) -> SortStrategy:
    """The strategy in ``STRATEGIES`` whose ``name`` is ``name``.

    An unknown name raises ``ValueError("unknown sort 'size'; choose due, priority or title")``:
    the names are listed in alphabetical order.
    """
    # BEGIN SOLUTION: search STRATEGIES by name; build the message from the sorted names
    for strategy in STRATEGIES:
        if strategy.name == name:
            return strategy
    names = sorted(strategy.name for strategy in STRATEGIES)
    choices = ", ".join(names[:-1]) + " or " + names[-1]
    raise ValueError(f"unknown sort {name!r}; choose {choices}")
    # END SOLUTION


class TaskBoard:
    """The tasks of a board, shown in the order its current ``strategy`` decides."""

    def __init__(self, tasks: Iterable[Task], strategy: SortStrategy) -> None:
        self._tasks = list(tasks)
        self.strategy = strategy

    def add(self, task: Task) -> None:
        self._tasks.append(task)

    def ordered(self) -> list[Task]:
        """The tasks in the current strategy's order (ask the strategy; no ``if`` on its name)."""
        # BEGIN SOLUTION: delegate to the strategy
        return self.strategy.sort(self._tasks)
        # END SOLUTION

    def titles(self) -> list[str]:
        """The titles, in the current strategy's order."""
        # BEGIN SOLUTION: the titles of ordered()
        return [task.title for task in self.ordered()]
        # END SOLUTION
