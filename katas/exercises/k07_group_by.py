"""Kata k07: group records by a field.

A reporting endpoint loads orders from the database as dicts and needs them grouped, for
example by status, to build ``{"paid": [...], "refunded": [...]}``.

Write ``group_by(records, field)``. It returns a plain ``dict`` that maps each value of
``record[field]`` to the list of records that have that value.

- ``records`` is any iterable of dicts (a list, a generator); it is read only once and never
  modified. The lists hold the records themselves, not copies.
- Groups appear in the order their first record appears, and inside a group records keep
  their original order.
- No records gives ``{}``.
- A record without ``field`` is an error: raise ``ValueError`` with a message that names the
  field and the position of the record (counting from 0).
- The result is a plain ``dict``: looking up a value that no record has raises ``KeyError``,
  it does not create an empty group.

Example::

    >>> orders = [
    ...     {"id": 1, "status": "paid"},
    ...     {"id": 2, "status": "refunded"},
    ...     {"id": 3, "status": "paid"},
    ... ]
    >>> group_by(orders, "status")
    {'paid': [{'id': 1, 'status': 'paid'}, {'id': 3, 'status': 'paid'}],
     'refunded': [{'id': 2, 'status': 'refunded'}]}
"""

from collections.abc import Hashable, Iterable
from typing import Any

Record = dict[str, Any]


def group_by(records: Iterable[Record], field: str) -> dict[Hashable, list[Record]]:
    """Group ``records`` by the value of ``field``, keeping first-seen order."""
    # TODO: walk the records once and append each one to the list for its value
    raise NotImplementedError
