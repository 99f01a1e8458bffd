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
        # TODO: sorted() with a key that puts high priorities first, then the id
        raise NotImplementedError


class ByDueDate:
    """Earliest due date first, tasks without a due date last; equal dates by id."""

    name = "due"

    def sort(self, tasks: Iterable[Task]) -> list[Task]:
        # TODO: a key of (no due date?, the date, the id)
        raise NotImplementedError


class ByTitle:
    """Alphabetical by title, ignoring case (``str.casefold``); equal titles by id."""

    name = "title"

    def sort(self, tasks: Iterable[Task]) -> list[Task]:
        # TODO: a key of (the case-folded title, the id)
        raise NotImplementedError


STRATEGIES: tuple[SortStrategy, ...] = (ByPriority(), ByDueDate(), ByTitle())


def strategy_for(name: str) -> SortStrategy:
    """The strategy in ``STRATEGIES`` whose ``name`` is ``name``.

    An unknown name raises ``ValueError("unknown sort 'size'; choose due, priority or title")``:
    the names are listed in alphabetical order.
    """
    # TODO: search STRATEGIES by name; build the message from the sorted names
    raise NotImplementedError


class TaskBoard:
    """The tasks of a board, shown in the order its current ``strategy`` decides."""

    def __init__(self, tasks: Iterable[Task], strategy: SortStrategy) -> None:
        self._tasks = list(tasks)
        self.strategy = strategy

    def add(self, task: Task) -> None:
        self._tasks.append(task)

    def ordered(self) -> list[Task]:
        """The tasks in the current strategy's order (ask the strategy; no ``if`` on its name)."""
        # TODO: delegate to the strategy
        raise NotImplementedError

    def titles(self) -> list[str]:
        """The titles, in the current strategy's order."""
        # TODO: the titles of ordered()
        raise NotImplementedError
