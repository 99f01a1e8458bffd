"""Kata k16: merge booked time slots.

A meeting-room service stores bookings as ``(start, end)`` pairs of minutes since midnight,
half-open: ``(540, 600)`` is 09:00 up to, but not including, 10:00. To show when a room is busy
it merges the bookings into the fewest slots that cover the same minutes.

Write ``merge_intervals(intervals)``:

- ``intervals`` is any iterable of ``(start, end)`` tuples of ints, in any order; each must have
  ``start < end``, otherwise raise ``ValueError`` with a message that shows the bad pair.
- Slots that overlap are merged, and so are slots that touch (``(540, 600)`` and ``(600, 660)``
  become ``(540, 660)``: the room is busy without a break).
- The result is a new list of tuples sorted by start; an empty input gives ``[]``. The input is
  never modified.

Example::

    >>> merge_intervals([(600, 660), (540, 600), (700, 720), (710, 715)])
    [(540, 660), (700, 720)]
"""

from collections.abc import Iterable

Interval = tuple[int, int]


def merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    """Return the fewest sorted intervals that cover the same points as ``intervals``."""
    # TODO: validate, sort by start, then extend the last slot or start a new one
    raise NotImplementedError
