"""Day 85: the Python questions an interviewer asks, each answered with a small function.

Every function is a few lines long; the point is the language rule behind it, which you
should be able to explain out loud:

* ``add_tag``: a default value is created once, so a mutable default is shared by every call.
* ``make_multipliers``: a closure reads a loop variable when it runs, not when it is made.
* ``batches``: a generator produces values on demand and can consume an endless iterator.
* ``emails_by_id`` and ``email_domains``: dict and set comprehensions.
* ``count_none``: ``is`` compares identity, ``==`` asks the object (and can be fooled).
* ``sort_tasks``: ``sorted`` with a key tuple, several orders at once.
* ``timed``: a context manager whose cleanup runs even when the block raises.
* ``count_calls``: a decorator that keeps the wrapped function's name and docstring.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


def add_tag(tag: str, tags: list[str] | None = None) -> list[str]:
    """Return a new list: the ``tags`` given (or none) followed by ``tag``.

    The caller's list is never changed, and two calls without ``tags`` never share a list.
    """
    # BEGIN SOLUTION: default to None and build a new list on every call
    result = [] if tags is None else list(tags)
    result.append(tag)
    return result
    # END SOLUTION


def make_multipliers(factors: Iterable[int]) -> list[Callable[[int], int]]:
    """Return one function per factor; the function for ``f`` returns ``value * f``.

    ``[m(10) for m in make_multipliers([1, 2, 3])]`` is ``[10, 20, 30]``.
    """
    # BEGIN SOLUTION: bind each factor when its function is made (a default or a factory)
    def multiplier(factor: int) -> Callable[[int], int]:
        def multiply(value: int) -> int:
            return value * factor

        return multiply

    return [multiplier(factor) for factor in factors]
    # END SOLUTION


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield lists of ``size`` items in order; the last one may be shorter.

    It reads ``items`` lazily, so it works on an endless iterator, and it yields nothing for
    no items. ``size`` below 1 raises ``ValueError("size must be at least 1")`` on the first
    ``next()``.
    """
    # BEGIN SOLUTION: collect into a list, yield it when it is full, yield the rest at the end
    if size < 1:
        raise ValueError("size must be at least 1")
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
    # END SOLUTION


def emails_by_id(users: Iterable[dict[str, Any]]) -> dict[int, str]:
    """Map each user's ``"id"`` to their ``"email"`` in lower case, skipping inactive users.

    A user is inactive when ``"active"`` is ``False``; a user without the key is active.
    """
    # BEGIN SOLUTION: one dict comprehension with a condition
    return {user["id"]: user["email"].lower() for user in users if user.get("active", True)}
    # END SOLUTION


def email_domains(emails: Iterable[str]) -> set[str]:
    """The distinct domains of ``emails``, in lower case.

    ``"Ana@Example.com"`` has the domain ``"example.com"``.
    """
    # BEGIN SOLUTION: one set comprehension; the domain is what follows the last "@"
    return {email.rsplit("@", 1)[1].lower() for email in emails}
    # END SOLUTION


def count_none(values: Iterable[object]) -> int:
    """How many of ``values`` are ``None`` itself (``0``, ``""`` and ``False`` are not)."""
    # BEGIN SOLUTION: test identity with "is None", never truthiness or ==
    return sum(1 for value in values if value is None)
    # END SOLUTION


@dataclass(frozen=True)
class Task:
    title: str
    priority: int  # 1 is the most urgent
    due: date | None = None


def sort_tasks(tasks: Iterable[Task]) -> list[Task]:
    """The tasks by priority (1 first), then by due date (earliest first, no date last),
    then by title. The input is left as it is.
    """
    # BEGIN SOLUTION: sorted() with a key that returns a tuple
    return sorted(tasks, key=lambda task: (task.priority, task.due or date.max, task.title))
    # END SOLUTION


@dataclass
class Timing:
    """Filled in by ``timed`` when its block ends: the seconds it took."""

    seconds: float | None = None


@contextmanager
def timed(clock: Callable[[], float] = time.perf_counter) -> Iterator[Timing]:
    """Measure the ``with`` block: ``timing.seconds`` is set when the block ends, even when
    it raises (the exception still propagates)::

        with timed() as timing:
            handle_request()
        print(timing.seconds)
    """
    # BEGIN SOLUTION: read the clock, yield the Timing, set seconds in a finally block
    timing = Timing()
    started = clock()
    try:
        yield timing
    finally:
        timing.seconds = clock() - started
    # END SOLUTION


def count_calls(func: F) -> F:
    """Decorate ``func`` so that ``wrapper.calls`` counts its calls (starting at 0).

    The wrapper passes every argument through, returns the result, and keeps ``func``'s
    ``__name__`` and ``__doc__``. A call that raises is counted too.
    """
    # BEGIN SOLUTION: an inner wrapper decorated with functools.wraps(func)
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wrapper.calls += 1  # type: ignore[attr-defined]
        return func(*args, **kwargs)

    wrapper.calls = 0  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]
    # END SOLUTION
