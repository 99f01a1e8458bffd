"""Page through the tasks collection: read ``page``/``per_page`` and build a ``Link`` header.

``GET /v1/tasks?status=todo&page=2&per_page=20`` answers one page of tasks. The body holds the
tasks; the ``Link`` header (RFC 8288) tells the client where the other pages are, so it never
builds URLs itself::

    Link: <https://api.example.com/v1/tasks?status=todo&page=1&per_page=20>; rel="first",
          <https://api.example.com/v1/tasks?status=todo&page=1&per_page=20>; rel="prev",
          <https://api.example.com/v1/tasks?status=todo&page=3&per_page=20>; rel="next",
          <https://api.example.com/v1/tasks?status=todo&page=5&per_page=20>; rel="last"

(on one line, with ``, `` between the links).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class PageRequest:
    """Which page the client asked for. ``offset`` is where it starts in the whole list."""

    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def parse_pagination(query: Mapping[str, str]) -> PageRequest:
    """Read ``page`` (default 1) and ``per_page`` (default ``DEFAULT_PER_PAGE``) from a query.

    Both are whole numbers written with ASCII digits only (no sign, no spaces, no decimals);
    ``page`` is at least 1 and ``per_page`` from 1 to ``MAX_PER_PAGE`` inclusive. Other
    parameters are ignored. A bad value raises ``ValueError`` with one of these messages,
    which the API returns to the client as they are:

    * ``"page must be a whole number, got 'abc'"`` (the value quoted as received)
    * ``"page must be at least 1, got 0"``
    * ``"per_page must be a whole number, got '2.5'"``
    * ``"per_page must be between 1 and 100, got 101"``
    """
    # BEGIN SOLUTION: read each parameter with its default, check it is digits, then its range
    def whole_number(name: str, default: int) -> int:
        text = query.get(name)
        if text is None:
            return default
        if not (text.isascii() and text.isdigit()):
            raise ValueError(f"{name} must be a whole number, got {text!r}")
        return int(text)

    page = whole_number("page", 1)
    per_page = whole_number("per_page", DEFAULT_PER_PAGE)
    if page < 1:
        raise ValueError(f"page must be at least 1, got {page}")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise ValueError(f"per_page must be between 1 and {MAX_PER_PAGE}, got {per_page}")
    return PageRequest(page, per_page)
    # END SOLUTION


def last_page(total: int, per_page: int) -> int:
    """The number of the last page: ``ceil(total / per_page)``, and 1 for an empty list."""
    # BEGIN SOLUTION: round the division up without floats, and never return 0
    return max(1, -(-total // per_page))
    # END SOLUTION


def link_header(base_url: str, query: Mapping[str, str], request: PageRequest, total: int) -> str:
    """The ``Link`` header for ``request`` over a collection of ``total`` items.

    Each link is ``<URL>; rel="NAME"``, joined with ``", "`` in the order first, prev, next,
    last. ``first`` (page 1) and ``last`` (``last_page``) are always present; ``prev`` only
    when ``page > 1`` (pointing at ``page - 1``, or at the last page when the client is
    already past it); ``next`` only when ``page`` is before the last page. Each URL is
    ``base_url + "?" + query``, where the query keeps every other parameter of ``query`` in
    its order, drops the old ``page``/``per_page`` and ends with ``page=N&per_page=M``,
    encoded with ``urllib.parse.urlencode`` (so ``q=blue mug`` becomes ``q=blue+mug``).
    """
    # BEGIN SOLUTION: build one URL per page number, then join the links that apply
    kept = [(k, v) for k, v in query.items() if k not in ("page", "per_page")]

    def url(page: int) -> str:
        params = [*kept, ("page", str(page)), ("per_page", str(request.per_page))]
        return f"{base_url}?{urlencode(params)}"

    last = last_page(total, request.per_page)
    links = [(url(1), "first")]
    if request.page > 1:
        links.append((url(min(request.page - 1, last)), "prev"))
    if request.page < last:
        links.append((url(request.page + 1), "next"))
    links.append((url(last), "last"))
    return ", ".join(f'<{target}>; rel="{rel}"' for target, rel in links)
    # END SOLUTION
