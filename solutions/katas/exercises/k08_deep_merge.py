"""Kata k08: merge nested settings.

A service reads its settings from built-in defaults, then a file for the environment, then
overrides. Each layer only mentions what it changes, and the layers are nested dicts::

    >>> defaults = {"db": {"host": "localhost", "port": 5432}, "debug": False}
    >>> production = {"db": {"host": "db.internal"}}

A plain ``{**defaults, **production}`` replaces the whole ``"db"`` dict and loses the port.

Write ``deep_merge(base, override)``. It returns a new dict with every key of both arguments:

- a key in only one of them keeps that value;
- a key in both, where both values are dicts, gets the deep merge of the two dicts (at any
  depth);
- a key in both, where at least one of the values is not a dict, gets the value from
  ``override`` (lists are replaced, not joined; ``None`` is an ordinary value).

Neither argument is modified, and the result shares no dict or list with them: changing the
result later (``merged["db"]["port"] = 6543``) must not change ``base`` or ``override``.

Example::

    >>> deep_merge(defaults, production)
    {'db': {'host': 'db.internal', 'port': 5432}, 'debug': False}
"""

import copy
from typing import Any

Settings = dict[str, Any]


def deep_merge(base: Settings, override: Settings) -> Settings:
    """Return ``base`` updated by ``override``, merging nested dicts at every depth."""
    # BEGIN SOLUTION: start from a deep copy of base, then walk override key by key
    merged = copy.deepcopy(base)
    for key, value in override.items():
        current = merged.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            merged[key] = deep_merge(current, value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged
    # END SOLUTION
