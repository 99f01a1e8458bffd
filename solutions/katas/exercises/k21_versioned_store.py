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
        # BEGIN SOLUTION: the latest version, and per key the versions and values written
        self.version = 0
        self._versions: dict[str, list[int]] = {}
        self._values: dict[str, list[str | None]] = {}
        # END SOLUTION

    def put(self, key: str, value: str) -> int:
        """Write ``value`` under ``key``; return the new version."""
        # BEGIN SOLUTION: record the value with the next version
        return self._write(key, value)
        # END SOLUTION

    def delete(self, key: str) -> int:
        """Delete ``key`` (KeyError if it has no value); return the new version."""
        # BEGIN SOLUTION: refuse a key without a value, then record a tombstone (None)
        self.get(key)
        return self._write(key, None)
        # END SOLUTION

    def get(self, key: str, version: int | None = None) -> str:
        """The value of ``key`` at ``version`` (default: now)."""
        # BEGIN SOLUTION: validate the version, then find the last write at or before it
        if version is None:
            version = self.version
        elif not 1 <= version <= self.version:
            raise ValueError(f"version must be from 1 to {self.version}, got {version}")
        position = bisect.bisect_right(self._versions.get(key, []), version)
        value = self._values[key][position - 1] if position else None
        if value is None:
            raise KeyError(key)
        return value
        # END SOLUTION

    # BEGIN SOLUTION
    def _write(self, key: str, value: str | None) -> int:
        self.version += 1
        self._versions.setdefault(key, []).append(self.version)
        self._values.setdefault(key, []).append(value)
        return self.version
    # STUB: # Optional: a helper that put and delete share goes here.
    # END SOLUTION
