"""The records of a background-job queue, written as dataclasses.

A worker pulls jobs from a queue: the lowest priority number runs first and, between equal
priorities, the oldest job first. Each job carries a retry policy, a value object that never
changes once created.

Replace each placeholder class with a dataclass. Keep the class names, the field names and
their order: the rest of the service creates these objects with keyword arguments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_PRIORITY = 9


# TODO: make RetryPolicy a frozen dataclass (the decorator goes right above "class").
class RetryPolicy:
    """How often a failing job is retried, and how long to wait between attempts.

    Fields: ``max_attempts: int = 3`` and ``backoff_seconds: float = 1.0``. Frozen: a policy
    never changes after creation, so it can be shared and used as a dict key. A
    ``max_attempts`` below 1 or a negative ``backoff_seconds`` raises ``ValueError`` naming
    the field.
    """

    # TODO: declare the two fields with their defaults, validate them in __post_init__,
    # and delete this placeholder __init__ (the dataclass writes the real one).
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise NotImplementedError


# TODO: make Job a dataclass whose instances can be sorted (order=...).
class Job:
    """A unit of work waiting in the queue.

    Fields, in this order: ``priority: int`` (0 runs first, up to ``MAX_PRIORITY``),
    ``created_at: float`` (a Unix timestamp), ``name: str``, then
    ``payload: dict[str, str]`` (default: a new empty dict), ``tags: list[str]`` (default: a
    new empty list) and ``retry: RetryPolicy`` (default: ``RetryPolicy()``).

    Sorting jobs orders them by priority, then created_at, then name; payload, tags and
    retry take no part in comparisons. ``__post_init__`` strips spaces around the name and
    rejects an empty name, or a priority outside 0..MAX_PRIORITY, with ``ValueError``.
    """

    # TODO: declare the six fields (mutable defaults need field(default_factory=...)),
    # keep payload, tags and retry out of comparisons, validate in __post_init__, and
    # delete this placeholder __init__.
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise NotImplementedError


def next_job(jobs: list[Job]) -> Job | None:
    """Return the job the worker should run next, or None when the queue is empty."""
    # TODO: jobs compare by priority then age, so the smallest one runs next
    raise NotImplementedError
