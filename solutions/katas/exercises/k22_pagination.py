"""Kata k22: pagination maths.

``GET /tasks?page=3&per_page=20`` needs a little arithmetic before the query runs: which rows
to skip, how many pages there are, whether there is a next page. Getting it wrong by one shows
the same task on two pages, or hides the last one.

Write ``paginate(total, page, per_page)``. ``total`` is how many items match the filter (0 or
more), ``page`` is the page asked for (counting from 1) and ``per_page`` the page size (1 to
100). It returns a ``Page`` with:

- ``total_pages``: the number of pages needed for ``total`` items (0 when there are none);
- ``offset``: how many items come before this page (the SQL ``OFFSET``);
- ``count``: how many items this page shows (fewer than ``per_page`` on the last page);
- ``has_previous`` and ``has_next``: whether there is a page before and after this one.

Page 1 always exists, even with no items (an empty first page). A page after the last one, a
page below 1, a negative ``total`` or a ``per_page`` outside 1 to 100 raise ``ValueError`` with
a message naming the parameter (``"page 4 is past the last page, 3"``, ``"per_page must be from
1 to 100, got 0"``).

Example::

    >>> paginate(total=45, page=3, per_page=20)
    Page(page=3, per_page=20, total=45, total_pages=3, offset=40, count=5, has_previous=True,
    has_next=False)
"""

from dataclasses import dataclass

MAX_PER_PAGE = 100


@dataclass(frozen=True)
class Page:
    page: int
    per_page: int
    total: int
    total_pages: int
    offset: int
    count: int
    has_previous: bool
    has_next: bool


def paginate(total: int, page: int, per_page: int) -> Page:
    """Work out the offset, size and neighbours of one page of ``total`` items."""
    # BEGIN SOLUTION: validate the three numbers, then compute pages with ceiling division
    if total < 0:
        raise ValueError(f"total must be 0 or more, got {total}")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise ValueError(f"per_page must be from 1 to {MAX_PER_PAGE}, got {per_page}")
    if page < 1:
        raise ValueError(f"page must be 1 or more, got {page}")
    total_pages = -(-total // per_page)
    if page > max(total_pages, 1):
        raise ValueError(f"page {page} is past the last page, {total_pages}")
    offset = (page - 1) * per_page
    return Page(
        page=page,
        per_page=per_page,
        total=total,
        total_pages=total_pages,
        offset=offset,
        count=min(per_page, total - offset),
        has_previous=page > 1,
        has_next=page < total_pages,
    )
    # END SOLUTION
