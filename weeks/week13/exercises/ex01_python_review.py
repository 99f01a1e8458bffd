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
    # TODO: default to None and build a new list on every call
    raise NotImplementedError


def make_multipliers(factors: Iterable[int]) -> list[Callable[[int], int]]:
    """Return one function per factor; the function for ``f`` returns ``value * f``.

    ``[m(10) for m in make_multipliers([1, 2, 3])]`` is ``[10, 20, 30]``.
    """
    # TODO: bind each factor when its function is made (a default or a factory)
    raise NotImplementedError


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield lists of ``size`` items in order; the last one may be shorter.

    It reads ``items`` lazily, so it works on an endless iterator, and it yields nothing for
    no items. ``size`` below 1 raises ``ValueError("size must be at least 1")`` on the first
    ``next()``.
    """
    # TODO: collect into a list, yield it when it is full, yield the rest at the end
    raise NotImplementedError


def emails_by_id(users: Iterable[dict[str, Any]]) -> dict[int, str]:
    """Map each user's ``"id"`` to their ``"email"`` in lower case, skipping inactive users.

    A user is inactive when ``"active"`` is ``False``; a user without the key is active.
    """
    # TODO: one dict comprehension with a condition
    raise NotImplementedError


def email_domains(emails: Iterable[str]) -> set[str]:
    """The distinct domains of ``emails``, in lower case.

    ``"Ana@Example.com"`` has the domain ``"example.com"``.
    """
    # TODO: one set comprehension; the domain is what follows the last "@"
    raise NotImplementedError


def count_none(values: Iterable[object]) -> int:
    """How many of ``values`` are ``None`` itself (``0``, ``""`` and ``False`` are not)."""
    # TODO: test identity with "is None", never truthiness or ==
    raise NotImplementedError


@dataclass(frozen=True)
class Task:
    title: str
    priority: int  # 1 is the most urgent
    due: date | None = None


def sort_tasks(tasks: Iterable[Task]) -> list[Task]:
    """The tasks by priority (1 first), then by due date (earliest first, no date last),
    then by title. The input is left as it is.
    """
    # TODO: sorted() with a key that returns a tuple
    raise NotImplementedError


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
    # TODO: read the clock, yield the Timing, set seconds in a finally block
    raise NotImplementedError


def count_calls(func: F) -> F:
    """Decorate ``func`` so that ``wrapper.calls`` counts its calls (starting at 0).

    The wrapper passes every argument through, returns the result, and keeps ``func``'s
    ``__name__`` and ``__doc__``. A call that raises is counted too.
    """
    # TODO: an inner wrapper decorated with functools.wraps(func)
    raise NotImplementedError
