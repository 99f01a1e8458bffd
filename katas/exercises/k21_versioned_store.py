"""Kata k21: a versioned key-value store.

An audit requirement says: "show what the settings were when that invoice was sent". A
versioned store never overwrites: every write gets the next version number (one counter for the
whole store, starting at 1), and a read can ask for the value as it was at any version.

Write the class ``VersionedStore``:

``put(key, value)``
    Store ``value`` under ``key`` and return the new version number (1, 2, 3, ...).

``delete(key)``
    Remove ``key`` and return the new version number (deleting also makes a version). Raise
    ``KeyError`` if the key has no value at the moment.

``get(key, version=None)``
    The value of ``key`` as it was just after ``version`` was written (the latest write of that
    key at or before ``version``); without ``version``, the current value. Raise ``KeyError``
    when the key had no value then (never written yet, or deleted). A ``version`` below 1 or
    above the latest version raises ``ValueError`` with a message that shows it.

Example::

    >>> store = VersionedStore()
    >>> store.put("currency", "EUR"), store.put("vat", "21"), store.put("currency", "USD")
    (1, 2, 3)
    >>> store.get("currency"), store.get("currency", version=2)
    ('USD', 'EUR')
"""

import bisect


class VersionedStore:
    """A key-value store that keeps every version of every key."""

    def __init__(self) -> None:
        # TODO: the latest version, and per key the versions and values written
        raise NotImplementedError

    def put(self, key: str, value: str) -> int:
        """Write ``value`` under ``key``; return the new version."""
        # TODO: record the value with the next version
        raise NotImplementedError

    def delete(self, key: str) -> int:
        """Delete ``key`` (KeyError if it has no value); return the new version."""
        # TODO: refuse a key without a value, then record a tombstone (None)
        raise NotImplementedError

    def get(self, key: str, version: int | None = None) -> str:
        """The value of ``key`` at ``version`` (default: now)."""
        # TODO: validate the version, then find the last write at or before it
        raise NotImplementedError

    # Optional: a helper that put and delete share goes here.
