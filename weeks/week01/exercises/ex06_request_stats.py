"""Numbers from an API's access log, with comprehensions and dictionaries.

Each request is a small dict, as a log shipper might hand it over::

    {"user": "ana", "method": "GET", "path": "/orders", "status": 200, "ms": 31.5}

Comprehensions, ``dict.get``, ``dict.setdefault`` and ``collections.Counter`` are the tools
for this exercise; each function fits in a few lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

Request = Mapping[str, Any]


def count_by_status(requests: Iterable[Request]) -> dict[int, int]:
    """Return how many requests ended with each status code, e.g. ``{200: 3, 404: 1}``."""
    # TODO: count the status codes (Counter does it in one line)
    raise NotImplementedError


def paths_by_user(requests: Iterable[Request]) -> dict[str, list[str]]:
    """Group the paths each user visited, in the order of their first visit, without repeats."""
    # TODO: build a dict of lists with setdefault, skipping paths already listed
    raise NotImplementedError


def users_by_role(roles_of_user: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Invert ``{"ana": ["admin", "staff"], ...}`` into ``{"admin": ["ana", ...], ...}``.

    Each role's users are sorted alphabetically. A user without roles does not appear, and a
    role listed twice for the same user counts once.
    """
    # TODO: walk every (user, role) pair into a dict of sets, then sort each set
    raise NotImplementedError


def average_ms_by_path(requests: Iterable[Request]) -> dict[str, float]:
    """Return the mean response time of each path, rounded to one decimal place."""
    # TODO: add up totals and counts per path with dict.get, then divide
    raise NotImplementedError


def error_rate(requests: Iterable[Request]) -> float:
    """Return the share of requests with a status of 500 or more, between 0.0 and 1.0.

    No requests at all means no errors: 0.0.
    """
    # TODO: count all requests and server errors, guarding against division by zero
    raise NotImplementedError
