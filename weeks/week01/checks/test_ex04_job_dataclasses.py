"""Checks for week01/ex04_job_dataclasses: frozen values, default factories, validation, order."""

from __future__ import annotations

import dataclasses
from typing import Any

from workbook.checking import (
    CheckFailure,
    Learner,
    describe_call,
    describe_exception,
    expect_call,
    expect_equal,
    expect_raises,
    expect_true,
)


def _make(cls: type[Any], help_text: str, **kwargs: Any) -> Any:
    """Create an instance, turning an unexpected error into a readable failure."""
    call = describe_call(cls.__name__, (), kwargs)
    try:
        return cls(**kwargs)
    except NotImplementedError:
        raise
    except Exception as error:
        raise CheckFailure(
            f"called {call}, it raised {describe_exception(error)}, expected a {cls.__name__}",
            expected=f"a {cls.__name__} object",
            actual=f"raised {describe_exception(error)}",
            help=help_text,
        ) from None


FIELDS_HELP = ("Job takes priority, created_at and name, then the optional payload, tags and "
               "retry; check the field names and their order.")


def _job(learner: Learner, priority: int, created_at: float, name: str, *,
         help_text: str = FIELDS_HELP, **extra: Any) -> Any:
    job_class = learner.cls("Job")
    return _make(job_class, help_text, priority=priority, created_at=created_at, name=name,
                 **extra)


def _sorted_names(jobs: list[Any]) -> list[str]:
    try:
        ordered = sorted(jobs)
    except TypeError as error:
        raise CheckFailure(
            f"sorted(jobs) raised {describe_exception(error)}",
            expected="jobs that can be compared with <",
            actual=describe_exception(error),
            help="A dataclass only gets <, <=, > and >= when you ask the decorator for ordering.",
        ) from None
    return [job.name for job in ordered]


def test_job_fresh_defaults(learner: Learner) -> None:
    """gives every job its own empty payload, tags and a default retry policy"""
    first = _job(learner, 1, 100.0, "send-email")
    second = _job(learner, 1, 101.0, "resize-image")
    expect_true(dataclasses.is_dataclass(learner.cls("Job")), what="Job",
                expected="a dataclass", actual="a plain class",
                help="Put @dataclass(...) on the line above 'class Job:'.")
    expect_equal(first.payload, {}, what="Job(...).payload with no payload given",
                 help="payload defaults to an empty dict.")
    first.tags.append("urgent")
    first.payload["to"] = "ana@example.com"
    expect_equal(second.tags, [],
                 what="after appending to one job's tags, another job's tags",
                 help="A mutable default must be created per object: field(default_factory=list) "
                 "calls list() for every new job instead of sharing one list.")
    expect_equal(second.payload, {},
                 what="after changing one job's payload, another job's payload",
                 help="Use field(default_factory=dict) for the payload too.")
    retry_policy = learner.cls("RetryPolicy")
    expect_equal(first.retry, _make(retry_policy, "RetryPolicy() needs defaults for its fields."),
                 what="Job(...).retry with no retry given",
                 help="retry defaults to RetryPolicy(): pass the class itself as default_factory.")


def test_job_sorting(learner: Learner) -> None:
    """sorts jobs by priority, then by age, then by name"""
    jobs = [
        _job(learner, 5, 10.0, "nightly-report"),
        _job(learner, 0, 50.0, "password-reset"),
        _job(learner, 5, 5.0, "cleanup-sessions"),
        _job(learner, 0, 50.0, "charge-card"),
        _job(learner, 9, 1.0, "rebuild-search-index"),
    ]
    expect_equal(_sorted_names(jobs),
                 ["charge-card", "password-reset", "cleanup-sessions", "nightly-report",
                  "rebuild-search-index"],
                 what="sorted(jobs) gave the names",
                 help="An ordered dataclass compares its fields in the order they are declared, "
                 "like tuples: declare priority, then created_at, then name.")


def test_job_comparison_ignores_extras(learner: Learner) -> None:
    """leaves payload, tags and retry out of comparisons"""
    retry_policy = learner.cls("RetryPolicy")
    plain = _job(learner, 2, 7.0, "send-invoice")
    busy = _job(learner, 2, 7.0, "send-invoice", payload={"order": "A-17"}, tags=["billing"],
                retry=_make(retry_policy, "RetryPolicy takes max_attempts and backoff_seconds.",
                            max_attempts=5, backoff_seconds=2.5))
    expect_true(plain == busy, what="two jobs with the same priority, created_at and name",
                expected="equal", actual="not equal",
                help="Give payload, tags and retry field(..., compare=False) so only the first "
                "three fields decide equality and order.")
    expect_true(not plain < busy and not busy < plain,
                what="two jobs that differ only in payload, tags and retry",
                expected="neither sorts before the other", actual="one sorts first",
                help="A dict cannot be compared with <, and tags should never change a job's "
                "place in the queue: keep them out of comparisons.")


def test_job_name_validation(learner: Learner) -> None:
    """strips the job name and rejects a blank one"""
    job = _job(learner, 3, 1.0, "  send-email \n")
    expect_equal(job.name, "send-email", what="Job(priority=3, created_at=1.0, "
                 "name='  send-email \\n').name",
                 help="__post_init__ runs after the generated __init__: reassign self.name to "
                 "a stripped copy there.")
    job_class = learner.cls("Job")
    for name in ("", "   "):
        expect_raises(ValueError, job_class, priority=3, created_at=1.0, name=name, match="name",
                      help="After stripping, an empty name is invalid: raise ValueError from "
                      "__post_init__ and mention 'name'.")


def test_job_priority_validation(learner: Learner) -> None:
    """rejects a priority outside 0 to 9"""
    job_class = learner.cls("Job")
    for priority in (-1, 10, 100):
        expect_raises(ValueError, job_class, priority=priority, created_at=1.0, name="sync",
                      match="priority",
                      help="Check 0 <= priority <= MAX_PRIORITY in __post_init__ and raise "
                      "ValueError mentioning 'priority'.")
    for priority in (0, 9):
        _job(learner, priority, 1.0, "sync",
             help_text="0 and MAX_PRIORITY (9) are both valid: the range includes its ends.")


def test_retry_policy_frozen(learner: Learner) -> None:
    """makes RetryPolicy immutable and usable as a dict key"""
    retry_policy = learner.cls("RetryPolicy")
    policy = _make(retry_policy, "RetryPolicy takes max_attempts and backoff_seconds.",
                   max_attempts=5, backoff_seconds=0.5)
    expect_raises(dataclasses.FrozenInstanceError, setattr, policy, "max_attempts", 50,
                  help="A frozen dataclass refuses assignments after creation: pass frozen=True "
                  "to the decorator.")
    same = _make(retry_policy, "RetryPolicy takes max_attempts and backoff_seconds.",
                 max_attempts=5, backoff_seconds=0.5)
    default = _make(retry_policy, "Both fields of RetryPolicy have defaults (3 and 1.0).")
    expect_equal((default.max_attempts, default.backoff_seconds), (3, 1.0),
                 what="RetryPolicy() has (max_attempts, backoff_seconds)",
                 help="Give the fields their defaults in the class body: max_attempts: int = 3.")
    try:
        counts = {policy: 1}
        counts[same] = counts.get(same, 0) + 1
    except TypeError as error:
        raise CheckFailure(
            f"using a RetryPolicy as a dict key raised {describe_exception(error)}",
            expected="a hashable policy", actual=describe_exception(error),
            help="frozen=True also gives the dataclass a __hash__ built from its fields.",
        ) from None
    expect_equal(counts[policy], 2, what="two equal policies used as the same dict key: count",
                 help="Equal frozen dataclasses have equal hashes, so they are the same key.")


def test_retry_policy_validation(learner: Learner) -> None:
    """rejects max_attempts below 1 and a negative backoff"""
    retry_policy = learner.cls("RetryPolicy")
    expect_raises(ValueError, retry_policy, max_attempts=0, match="max_attempts",
                  help="A job must run at least once: validate max_attempts in __post_init__ "
                  "and name the field in the message.")
    expect_raises(ValueError, retry_policy, backoff_seconds=-1.0, match="backoff_seconds",
                  help="Waiting a negative time makes no sense; name 'backoff_seconds' in the "
                  "message.")
    zero_wait = _make(retry_policy, "backoff_seconds=0 (retry at once) is allowed.",
                      max_attempts=1, backoff_seconds=0.0)
    expect_equal(zero_wait.backoff_seconds, 0.0, what="RetryPolicy(1, 0.0).backoff_seconds",
                 help="Zero is a valid backoff: reject only values below zero.")


def test_next_job(learner: Learner) -> None:
    """picks the most urgent job, or None when the queue is empty"""
    next_job = learner.function("next_job", signature="next_job(jobs: list[Job]) -> Job | None")
    urgent = _job(learner, 0, 20.0, "charge-card")
    jobs = [_job(learner, 4, 1.0, "digest-email"), urgent, _job(learner, 0, 30.0, "refund")]
    expect_call(next_job, jobs, returns=urgent,
                help="Jobs already know how to compare, so the most urgent one is the smallest.")
    expect_call(next_job, [], returns=None,
                help="An empty queue has no next job: return None instead of raising.")
