"""Kata k26: the difference between two JSON documents.

An audit log records what an update changed, not the whole record twice: "``/status`` went from
``todo`` to ``done``, ``/tags/1`` was added". Working that out means walking two parsed JSON
documents side by side.

Write ``json_diff(old, new)``. Both are parsed JSON values (dicts, lists, strings, numbers,
booleans, ``None``). It returns a list of ``Change(op, path, old, new)``:

- ``path`` is a JSON Pointer (RFC 6901): ``""`` for the whole document, ``"/status"``,
  ``"/tags/1"``; in a key, ``~`` is written ``~0`` and ``/`` is written ``~1``.
- Two dicts are compared key by key: a key only in ``old`` is ``"removed"`` (``new`` is
  ``None``), a key only in ``new`` is ``"added"`` (``old`` is ``None``), a key in both is
  compared in turn. The changes follow ``old``'s key order, then the added keys in ``new``'s
  order.
- Two lists are compared position by position; extra positions at the end are ``"removed"``
  or ``"added"``.
- Any other pair of values that differ is one ``"changed"``. Values of different types always
  differ: ``1`` and ``True``, ``1`` and ``1.0``, a dict and a list.
- Equal documents give ``[]``.

Example::

    >>> json_diff({"status": "todo", "tags": ["a"]}, {"status": "done", "tags": ["a", "b"]})
    [Change(op='changed', path='/status', old='todo', new='done'),
     Change(op='added', path='/tags/1', old=None, new='b')]
"""

from typing import Any, NamedTuple


class Change(NamedTuple):
    op: str
    path: str
    old: Any
    new: Any


def json_diff(old: Any, new: Any) -> list[Change]:
    """The changes that turn ``old`` into ``new``, with JSON Pointer paths."""
    # BEGIN SOLUTION: walk both documents together, recursing into dicts and lists
    changes: list[Change] = []
    _diff(old, new, "", changes)
    return changes
    # END SOLUTION


# BEGIN SOLUTION
def _diff(old: Any, new: Any, path: str, changes: list[Change]) -> None:
    if type(old) is not type(new):
        changes.append(Change("changed", path, old, new))
    elif isinstance(old, dict):
        for key, value in old.items():
            child = f"{path}/{_escape(key)}"
            if key in new:
                _diff(value, new[key], child, changes)
            else:
                changes.append(Change("removed", child, value, None))
        for key, value in new.items():
            if key not in old:
                changes.append(Change("added", f"{path}/{_escape(key)}", None, value))
    elif isinstance(old, list):
        for index in range(max(len(old), len(new))):
            child = f"{path}/{index}"
            if index >= len(new):
                changes.append(Change("removed", child, old[index], None))
            elif index >= len(old):
                changes.append(Change("added", child, None, new[index]))
            else:
                _diff(old[index], new[index], child, changes)
    elif old != new:
        changes.append(Change("changed", path, old, new))


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")
# STUB: # Optional: a recursive helper that also receives the current path goes here.
# END SOLUTION
