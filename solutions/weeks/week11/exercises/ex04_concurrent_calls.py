"""Load a task's dashboard panels from several services at once, within a time budget.

TaskHub's task page shows panels that come from other services: the assignee's profile, the
activity feed, the attachments. Each lookup waits on the network, so calling them one after
the other makes the page as slow as all of them added up. Started together, the page waits
only as long as the slowest one.

``load_panels`` takes the lookups as coroutine functions (``async def`` with no arguments), so
the caller decides what each one does and the tests can pass fakes. Three rules:

- A lookup that is too slow is given up: after ``timeout`` seconds it is cancelled and its
  panel is ``None`` (the page shows "unavailable"), and the other lookups carry on.
- A lookup that fails is a bug or an outage that the caller must hear about: every other
  lookup still running is cancelled and ``load_panels`` raises ``UpstreamError`` naming the
  failed panel, with the original exception as its ``__cause__``.
- No more than ``max_in_flight`` lookups run at the same time, so one page cannot flood a
  service. A lookup's timeout starts when it starts, not while it waits for a free slot.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import TypeVar

T = TypeVar("T")

Lookup = Callable[[], Awaitable[T]]


class UpstreamError(Exception):
    """A panel's lookup failed; ``panel`` names it and ``__cause__`` is the original error."""

    def __init__(self, panel: str, error: Exception) -> None:
        super().__init__(f"the {panel} panel failed: {error!r}")
        self.panel = panel


async def load_panels(
    lookups: Mapping[str, Lookup[T]],
    *,
    timeout: float,
    max_in_flight: int | None = None,
) -> dict[str, T | None]:
    """Run every lookup concurrently and return the panels, by name, in ``lookups``' order.

    A panel whose lookup takes longer than ``timeout`` seconds is ``None``. If a lookup raises
    an exception, the lookups still running are cancelled and ``UpstreamError(name, error)``
    is raised from it (``raise ... from error``); when several fail, the first to fail is
    reported. ``max_in_flight`` (None: no limit) caps how many lookups run at once and must be
    at least 1, or ``ValueError("max_in_flight must be at least 1, got 0")`` is raised before
    any lookup starts.
    """
    # BEGIN SOLUTION: check the limit, then run each lookup in a TaskGroup under its own timeout
    if max_in_flight is not None and max_in_flight < 1:
        raise ValueError(f"max_in_flight must be at least 1, got {max_in_flight}")
    slots = asyncio.Semaphore(max_in_flight or len(lookups))

    async def load(name: str, lookup: Lookup[T]) -> T | None:
        async with slots:  # the timeout starts once a slot is free
            try:
                async with asyncio.timeout(timeout):
                    return await lookup()
            except TimeoutError:
                return None
            except Exception as error:
                raise UpstreamError(name, error) from error

    try:
        async with asyncio.TaskGroup() as group:  # a failure cancels the tasks still running
            tasks = {name: group.create_task(load(name, call)) for name, call in lookups.items()}
    except* UpstreamError as failures:
        first = failures.exceptions[0]  # the first lookup to fail
        raise first from first.__cause__
    return {name: task.result() for name, task in tasks.items()}
    # END SOLUTION
