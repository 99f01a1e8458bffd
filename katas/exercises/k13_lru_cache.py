"""Kata k13: a bounded LRU cache.

An API calls a slow pricing service, and the same few products are asked for again and again.
A cache keeps recent answers in memory, but memory is not free: the cache holds at most
``capacity`` entries, and when it is full the entry used least recently goes.

Write the class ``LRUCache``:

``LRUCache(capacity)``
    ``capacity`` is the maximum number of entries, at least 1; otherwise raise ``ValueError``
    with a message that shows the capacity given.

``get(key, default=None)``
    The value stored under ``key``, or ``default`` when there is none. Reading an entry counts
    as using it: it becomes the most recently used.

``put(key, value)``
    Store ``value`` under ``key`` (replacing any older value), which makes it the most recently
    used. When that takes the cache over its capacity, remove the least recently used entry and
    return its key; otherwise return ``None``.

``len(cache)`` and ``key in cache``
    The number of entries, and whether a key is stored. Neither counts as using an entry.

Example::

    >>> cache = LRUCache(2)
    >>> cache.put("a", 1), cache.put("b", 2)
    (None, None)
    >>> cache.get("a")        # "a" is now the most recently used, "b" the least
    1
    >>> cache.put("c", 3)     # over capacity: "b" goes
    'b'
    >>> "b" in cache, len(cache)
    (False, 2)
"""

from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LRUCache(Generic[K, V]):
    """A mapping that keeps at most ``capacity`` entries, dropping the least recently used."""

    def __init__(self, capacity: int) -> None:
        # TODO: validate the capacity, then keep the entries in an OrderedDict
        raise NotImplementedError

    def get(self, key: K, default: V | None = None) -> V | None:
        """Return the value for ``key`` (or ``default``) and mark the entry as just used."""
        # TODO: look the key up; a hit moves the entry to the most recent end
        raise NotImplementedError

    def put(self, key: K, value: V) -> K | None:
        """Store ``value`` under ``key``; return the key evicted to make room, if any."""
        # TODO: store and mark as used, then evict from the least recent end
        raise NotImplementedError

    def __len__(self) -> int:
        # TODO: the number of entries
        raise NotImplementedError

    def __contains__(self, key: object) -> bool:
        # TODO: membership, without changing the order
        raise NotImplementedError
