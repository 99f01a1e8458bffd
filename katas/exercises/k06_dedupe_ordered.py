"""Kata k06: remove duplicates and keep the order.

An import endpoint receives a list of sign-ups, and the same person often appears twice. The
first occurrence wins and the order must stay as it was (it is the order people signed up),
so ``list(set(items))`` will not do: a set forgets the order, and it cannot even hold dicts.

Write ``dedupe(items, key=None)``. It returns a new list with the items of ``items`` in their
original order, keeping only the first item of each group of duplicates.

- ``items`` is any iterable (a list, a tuple, a generator); it is read only once and a list is
  never modified.
- Without ``key``, two items are duplicates when they are equal. The items are hashable.
- With ``key``, a function, two items are duplicates when ``key(item)`` gives equal values.
  The items themselves may be unhashable (dicts), but the key values are hashable. The result
  holds the original items, not the key values.
- An empty iterable gives ``[]``.

Examples::

    >>> dedupe([3, 1, 3, 2, 1])
    [3, 1, 2]
    >>> dedupe(["Ann@x.io", "bob@x.io", "ann@X.IO"], key=str.lower)
    ['Ann@x.io', 'bob@x.io']
    >>> dedupe([{"id": 7, "v": 1}, {"id": 7, "v": 2}], key=lambda row: row["id"])
    [{'id': 7, 'v': 1}]
"""

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

T = TypeVar("T")


def dedupe(items: Iterable[T], key: Callable[[T], Hashable] | None = None) -> list[T]:
    """Return the items in order, keeping the first of each group of duplicates."""
    # TODO: remember the keys you have already seen in a set as you go
    raise NotImplementedError
