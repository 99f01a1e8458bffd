"""Kata k12: turn an access-log line into typed fields.

An API writes one line per request. To find slow endpoints you parse those lines back into
values you can sort and add up::

    2024-05-01T12:30:45Z INFO GET /tasks?page=2 200 12.5ms

Write ``parse_log_line(line)``. The line has exactly six fields separated by whitespace
(surrounding whitespace and the trailing newline are ignored). It returns a ``LogEntry`` dict
(defined below):

- ``timestamp``: an ISO 8601 date and time (fractions of a second allowed) with a time zone
  (``Z`` or an offset such as ``+02:00``), returned as a timezone-aware ``datetime``. A
  timestamp without a time zone is rejected: nobody can tell when it happened;
- ``level``: one of ``DEBUG``, ``INFO``, ``WARNING``, ``ERROR``, ``CRITICAL`` in any case,
  returned in uppercase (``"warning"`` gives ``"WARNING"``);
- ``method`` and ``path``: strings, kept as written;
- ``status``: an ``int`` from 100 to 599;
- ``duration_ms``: a number followed by ``ms``, returned as a ``float`` even when written
  without a decimal point (``"3ms"`` gives ``3.0``); it cannot be negative, and it must be
  a finite number (``"infms"`` and ``"nanms"`` are refused).

A line that breaks any rule raises ``ValueError`` with a message naming the field that is
wrong (``"fields"`` for the wrong number of fields, ``"timestamp"``, ``"level"``,
``"status"`` or ``"duration"``) and quoting the bad value.

Example::

    >>> parse_log_line("2024-05-01T12:30:45Z INFO GET /tasks 200 12.5ms\\n")
    {'timestamp': datetime.datetime(2024, 5, 1, 12, 30, 45, tzinfo=datetime.timezone.utc),
     'level': 'INFO', 'method': 'GET', 'path': '/tasks', 'status': 200, 'duration_ms': 12.5}
"""

from datetime import datetime
from typing import TypedDict

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class LogEntry(TypedDict):
    """One parsed access-log line."""

    timestamp: datetime
    level: str
    method: str
    path: str
    status: int
    duration_ms: float


def parse_log_line(line: str) -> LogEntry:
    """Parse ``TIMESTAMP LEVEL METHOD PATH STATUS DURATIONms`` into typed fields."""
    # TODO: split into six fields, then convert and check each one in turn
    raise NotImplementedError
