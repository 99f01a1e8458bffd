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


# BEGIN SOLUTION: make RetryPolicy a frozen dataclass
@dataclass(frozen=True)
# STUB: # TODO: make RetryPolicy a frozen dataclass (the decorator goes right above "class").
# END SOLUTION
class RetryPolicy:
    """How often a failing job is retried, and how long to wait between attempts.

    Fields: ``max_attempts: int = 3`` and ``backoff_seconds: float = 1.0``. Frozen: a policy
    never changes after creation, so it can be shared and used as a dict key. A
    ``max_attempts`` below 1 or a negative ``backoff_seconds`` raises ``ValueError`` naming
    the field.
    """

    # BEGIN SOLUTION: declare the fields and validate them in __post_init__
    max_attempts: int = 3
    backoff_seconds: float = 1.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, got {self.max_attempts}")
        if self.backoff_seconds < 0:
            raise ValueError(f"backoff_seconds must not be negative, got {self.backoff_seconds}")
    # STUB: # TODO: declare the two fields with their defaults, validate them in __post_init__,
    # STUB: # and delete this placeholder __init__ (the dataclass writes the real one).
    # STUB: def __init__(self, *args: object, **kwargs: object) -> None:
    # STUB:     raise NotImplementedError
    # END SOLUTION


# BEGIN SOLUTION: make Job an ordered dataclass
@dataclass(order=True)
# STUB: # TODO: make Job a dataclass whose instances can be sorted (order=...).
# END SOLUTION
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

    # BEGIN SOLUTION: declare the fields (default factories for the mutable ones) and validate
    priority: int
    created_at: float
    name: str
    payload: dict[str, str] = field(default_factory=dict, compare=False)
    tags: list[str] = field(default_factory=list, compare=False)
    retry: RetryPolicy = field(default_factory=RetryPolicy, compare=False)

    def __post_init__(self) -> None:
        self.name = self.name.strip()
        if not self.name:
            raise ValueError("name must not be empty")
        if not 0 <= self.priority <= MAX_PRIORITY:
            raise ValueError(f"priority must be between 0 and {MAX_PRIORITY}, got {self.priority}")
    # STUB: # TODO: declare the six fields (mutable defaults need field(default_factory=...)),
    # STUB: # keep payload, tags and retry out of comparisons, validate in __post_init__, and
    # STUB: # delete this placeholder __init__.
    # STUB: def __init__(self, *args: object, **kwargs: object) -> None:
    # STUB:     raise NotImplementedError
    # END SOLUTION


def next_job(jobs: list[Job]) -> Job | None:
    """Return the job the worker should run next, or None when the queue is empty."""
    # BEGIN SOLUTION: jobs compare by priority then age, so the smallest one runs next
    return min(jobs) if jobs else None
    # END SOLUTION
