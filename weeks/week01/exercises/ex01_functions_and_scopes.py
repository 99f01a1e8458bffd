"""Small helpers from a web service that show how Python functions keep (or share) state.

Three pieces, each about one idea:

* ``make_id_generator`` returns a closure that remembers a counter between calls (``nonlocal``).
* ``with_header`` must not fall into the mutable-default-argument trap.
* ``paginate`` takes ``page`` and ``per_page`` as keyword-only arguments, so a call site always
  says which number is which.

Try it in a REPL::

    >>> next_id = make_id_generator("req")
    >>> next_id(), next_id()
    ('req-0001', 'req-0002')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

MAX_PER_PAGE = 100


def make_id_generator(prefix: str, *, start: int = 1) -> Callable[[], str]:
    """Return a function that hands out ids ``"<prefix>-0001"``, ``"<prefix>-0002"``, ...

    The number starts at ``start``, grows by one on every call and is padded to at least four
    digits. Each generator has its own counter: two generators never affect each other.
    """
    # TODO: keep the counter in the enclosing function and update it with nonlocal
    raise NotImplementedError


def with_header(name: str, value: str, headers: dict[str, str] | None = None) -> dict[str, str]:
    """Return a new headers dict: a copy of ``headers`` (if any) with ``name`` set to ``value``.

    The dict passed in is never modified, and two calls never share the same dict. (A default
    of ``headers={}`` would break the second promise: the default is created once, when the
    function is defined, and every call would add to the same dict.)
    """
    # TODO: start from a fresh dict on every call, copying headers when one is given
    raise NotImplementedError


def paginate(items: Sequence[T], *, page: int = 1, per_page: int = 10) -> list[T]:
    """Return the items of one page (pages are numbered from 1) as a list.

    A page past the end is an empty list. Raise ``ValueError`` when ``page`` is below 1 or
    ``per_page`` is not between 1 and ``MAX_PER_PAGE``; the message names the bad argument.
    """
    # TODO: validate both arguments, then slice from (page - 1) * per_page
    raise NotImplementedError
