"""Kata k05: split a list into batches.

APIs rarely accept ten thousand rows at once: a bulk-insert endpoint takes 500 rows per
request, an e-mail provider 100 recipients per call, and a listing page shows 20 items.

Write ``chunked(items, size)``. It returns a list of lists: the items in their original order,
cut into consecutive chunks of ``size`` items. The last chunk holds whatever is left, so it may
be shorter; no chunk is ever empty.

- ``items`` is any sequence (a list, a tuple, a ``range``); every chunk is a new ``list``.
- An empty sequence gives ``[]``.
- ``size`` must be at least 1: otherwise raise ``ValueError`` with a message that mentions
  ``size`` and the value received.
- ``items`` is never modified, and changing a returned chunk never changes ``items``.

Examples::

    >>> chunked([1, 2, 3, 4, 5], 2)
    [[1, 2], [3, 4], [5]]
    >>> chunked(("a", "b", "c"), 5)
    [['a', 'b', 'c']]
    >>> chunked([], 3)
    []
"""

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Sequence[T], size: int) -> list[list[T]]:
    """Split ``items`` into consecutive lists of at most ``size`` items."""
    # TODO: validate size, then take slices that start every `size` positions
    raise NotImplementedError
