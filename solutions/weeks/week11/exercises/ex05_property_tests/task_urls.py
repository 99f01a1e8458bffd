"""The pieces of TaskHub's public task pages: slugs, task paths and page arithmetic.

A shared task has a readable address such as ``/tasks/42-write-the-report``: the id, then a
slug made from the title. Only the id counts when a path is read back, so an old link still
finds its task after the title has changed. Lists are cut into numbered pages of at most 100.

This module is finished and correct. Do not change it: your tests are graded against it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

MAX_SLUG_LENGTH = 50
MAX_PER_PAGE = 100
_TASK_PATH = re.compile(r"/tasks/([1-9][0-9]*)(?:-[^/]+)?")  # any slug: old links keep working


def slugify(title: str) -> str:
    """The title as lowercase ASCII words joined by single hyphens, at most 50 characters.

    Accents are dropped ("Café" gives "cafe"), every run of other characters becomes one
    hyphen, and the slug never starts or ends with a hyphen (a long one is cut, then trimmed).
    A title with no ASCII letter or digit gives "".
    """
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:MAX_SLUG_LENGTH].rstrip("-")


def task_path(task_id: int, title: str) -> str:
    """``/tasks/<id>-<slug>``, or ``/tasks/<id>`` when the slug is empty.

    Ids start at 1: a smaller one raises ``ValueError("a task id starts at 1, got 0")``.
    """
    if task_id < 1:
        raise ValueError(f"a task id starts at 1, got {task_id}")
    slug = slugify(title)
    return f"/tasks/{task_id}-{slug}" if slug else f"/tasks/{task_id}"


def parse_task_path(path: str) -> int:
    """The id in ``/tasks/<id>`` or ``/tasks/<id>-<any slug>``; ValueError for anything else."""
    match = _TASK_PATH.fullmatch(path)
    if match is None:
        raise ValueError(f"not a task path: {path!r}")
    return int(match.group(1))


def page_count(total: int, per_page: int) -> int:
    """How many pages ``total`` items fill, ``per_page`` at a time (0 items: 0 pages)."""
    _check_per_page(per_page)
    return -(-total // per_page)


def paginate(items: Sequence[T], page: int, per_page: int) -> list[T]:
    """The items on page ``page`` (counted from 1); a page past the last one is empty.

    ``per_page`` must be 1 to 100, or ``ValueError("per_page must be 1 to 100, got 0")`` is
    raised (``page_count`` checks it the same way); ``page`` must be at least 1, or
    ``ValueError("page starts at 1, got 0")`` is raised.
    """
    _check_per_page(per_page)
    if page < 1:
        raise ValueError(f"page starts at 1, got {page}")
    start = (page - 1) * per_page
    return list(items[start : start + per_page])


def _check_per_page(per_page: int) -> None:
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise ValueError(f"per_page must be 1 to {MAX_PER_PAGE}, got {per_page}")
