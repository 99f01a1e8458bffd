"""Checks for week11/ex01_job_queue: publish after commit, handle once, retry, dead-letter.

The checks run on a real ``redis-server`` when one is installed, else on fakeredis; each check's
name says which. The database is a SQLite file, so a second connection (an "observer") sees
only what the learner's connection has committed: every Redis command ``complete_task`` sends
is stamped with what the observer saw at that moment.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from redis import Redis

from workbook.checking import (
    CheckFailure,
    Learner,
    call,
    expect_equal,
    expect_raises,
    expect_true,
    show,
)
from workbook.checking_redis import (
    RedisService,
    describe_keys,
    names_backend,
    redis_fixtures,
)
from workbook.checking_sql import connect_sqlite

QUEUE = "taskhub:events:task-completed"
PROCESSED = "taskhub:events:processed"
DEAD_LETTER = "taskhub:events:dead-letter"

SEED = """
INSERT INTO tasks (id, owner_id, title, status) VALUES
    (1, 7, 'Write the release notes', 'todo'),
    (2, 7, 'Rotate the API keys', 'todo'),
    (3, 8, 'Book the venue', 'done'),
    (4, 8, 'Review the budget', 'doing');
"""
READ_ONLY_ACTIVITY = """
CREATE TRIGGER activity_is_read_only BEFORE INSERT ON activity WHEN NEW.task_id = 2
BEGIN SELECT RAISE(ABORT, 'the activity log refused the row'); END;
"""


service, redis = redis_fixtures()


class Database:
    """The learner's connection and an observer's, on one SQLite file."""

    def __init__(self, path: Path, schema: str) -> None:
        setup = sqlite3.connect(path, isolation_level=None)
        setup.execute("PRAGMA journal_mode = WAL")
        setup.executescript(schema + SEED + READ_ONLY_ACTIVITY)
        setup.close()
        self.connection = connect_sqlite(path)
        self.observer = sqlite3.connect(path, isolation_level=None)

    def status(self, task_id: int) -> str | None:
        row = self.observer.execute("SELECT status FROM tasks WHERE id = ?", (task_id,)).fetchone()
        return None if row is None else str(row[0])

    def activity(self) -> list[tuple[int, str]]:
        return [
            (int(task_id), str(kind))
            for task_id, kind in self.observer.execute(
                "SELECT task_id, kind FROM activity ORDER BY id"
            )
        ]

    def close(self) -> None:
        self.connection.close()
        self.observer.close()


@pytest.fixture
def database(learner: Learner, tmp_path: Path) -> Iterator[Database]:
    schema = learner.attribute("SCHEMA", kind="constant")
    opened = Database(tmp_path / "taskhub.db", str(schema))
    yield opened
    opened.close()


class ObservedRedis:
    """The Redis client, noting each command with the status the observer saw at that moment."""

    def __init__(self, client: Redis, database: Database, task_id: int) -> None:
        self._client = client
        self._database = database
        self._task_id = task_id
        self.commands: list[tuple[str, str | None]] = []

    def __getattr__(self, name: str) -> Any:
        target = getattr(self._client, name)
        if not callable(target):
            return target

        def observed(*args: Any, **kwargs: Any) -> Any:
            self.commands.append((name, self._database.status(self._task_id)))
            return target(*args, **kwargs)

        return observed


def queued(redis: Redis, key: str = QUEUE) -> list[dict[str, Any]]:
    """The JSON objects of a list, oldest (the right end) first."""
    return [json.loads(item) for item in reversed(redis.lrange(key, 0, -1))]


def event(event_id: str, task_id: int = 1, owner_id: int = 7, attempts: int = 0) -> dict[str, Any]:
    return {
        "type": "task.completed",
        "event_id": event_id,
        "task_id": task_id,
        "owner_id": owner_id,
        "attempts": attempts,
    }


def publish(redis: Redis, *event_ids: str) -> None:
    for number, event_id in enumerate(event_ids, start=1):
        redis.lpush(QUEUE, json.dumps(event(event_id, task_id=number)))


class Recorder:
    """A handler that records each event it gets and fails when ``fails(event)`` says so."""

    def __init__(self, fails: Callable[[Any], bool] = lambda _event: False) -> None:
        self.fails = fails
        self.calls: list[tuple[str, int]] = []

    def __call__(self, received: Any) -> None:
        self.calls.append((received.event_id, received.attempts))
        if self.fails(received):
            raise RuntimeError("smtp is down")


def event_fields(result: Any, sent: str) -> tuple[Any, ...]:
    """(event_id, task_id, owner_id, attempts) of what complete_task returned."""
    names = ("event_id", "task_id", "owner_id", "attempts")
    if not all(hasattr(result, name) for name in names):
        raise CheckFailure(
            f"{sent} returned {show(result)}, expected a TaskCompleted",
            expected="a TaskCompleted (event_id, task_id, owner_id, attempts)",
            actual=f"{type(result).__name__}: {show(result)}",
            help="Return the TaskCompleted you published.",
        )
    return tuple(getattr(result, name) for name in names)


def make_worker(learner: Learner, redis: Redis, handler: Recorder, **options: Any) -> Any:
    worker_class = learner.cls("Worker")
    return call(
        worker_class, redis, handler, **options, help="Keep Worker(redis, handler, max_attempts=3)."
    )


def drain(worker: Any, redis: Redis, what: str) -> list[str]:
    outcomes = call(
        worker.drain,
        help="drain() calls run_once until it returns None; a handler's error must not escape.",
    )
    expect_true(
        redis.llen(QUEUE) == 0,
        what=f"after {what}, the queue",
        expected="empty (drain runs until run_once returns None)",
        actual=describe_keys(redis),
        help="run_once must take the event off the queue (RPOP) every time, whatever happens.",
    )
    return list(outcomes)


# -- publishing ---------------------------------------------------------------------------------


@names_backend
def test_publishes_after_commit(learner: Learner, database: Database, redis: Redis) -> None:
    """publishes the event only after the transaction has committed"""
    complete_task = learner.function("complete_task")
    observed = ObservedRedis(redis, database, 1)
    sent = "complete_task(connection, redis, 1, event_id='e1')"
    result = call(
        complete_task,
        database.connection,
        observed,
        1,
        event_id="e1",
        help="Commit the two writes, then LPUSH the event onto QUEUE.",
    )
    expect_equal(
        database.status(1),
        "done",
        what=f"after {sent}, another connection read the status",
        help="Set status = 'done' and commit: another connection sees only committed rows.",
    )
    expect_equal(
        database.activity(),
        [(1, "completed")],
        what=f"after {sent}, the activity table held (task_id, kind)",
        help="Insert one activity row (task_id, 'completed') in the same transaction.",
    )
    expect_equal(
        queued(redis),
        [event("e1")],
        what=f"after {sent}, the queue held",
        help="LPUSH one event.to_json() onto QUEUE, with the task's owner_id from the database.",
    )
    early = [name for name, status in observed.commands if status != "done"]
    expect_true(
        not early,
        what=f"during {sent}, Redis was sent {', '.join(early)} while the task was not yet "
        "committed as done",
        expected="no Redis command before the commit",
        actual="; ".join(
            f"{name} sent while another connection read the status {status!r}"
            for name, status in observed.commands
        ),
        help="Publish after the 'with connection:' block has ended: a worker could otherwise "
        "act on a completion that is rolled back.",
    )
    expect_equal(
        event_fields(result, sent),
        ("e1", 1, 7, 0),
        what=f"{sent} returned an event with (event_id, task_id, owner_id, attempts)",
        help="Return the TaskCompleted you published.",
    )


@names_backend
def test_a_task_in_progress_completes(learner: Learner, database: Database, redis: Redis) -> None:
    """completes a task in progress and gives each event a new id"""
    complete_task = learner.function("complete_task")
    first = call(
        complete_task,
        database.connection,
        redis,
        4,
        help="Only a task already done is refused; 'doing' can become 'done'.",
    )
    second = call(
        complete_task,
        database.connection,
        redis,
        1,
        help="Only a task already done is refused; 'todo' can become 'done'.",
    )
    ids = [
        event_fields(first, "complete_task(connection, redis, 4)")[0],
        event_fields(second, "complete_task(connection, redis, 1)")[0],
    ]
    expect_true(
        all(isinstance(i, str) and re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)
        and ids[0] != ids[1],
        what="complete_task(connection, redis, 4) then (..., 1) without event_id gave the ids",
        expected="two different uuid4().hex strings",
        actual=show(ids),
        help="Without an event_id, make a new one with uuid.uuid4().hex for each event.",
    )
    expect_equal(
        queued(redis),
        [event(ids[0], 4, 8), event(ids[1], 1, 7)],
        what="after completing tasks 4 and 1, the queue held (oldest first)",
        help="Each completion pushes its own event with LPUSH, so the oldest is at the right.",
    )


@names_backend
def test_a_failed_transaction_publishes_nothing(
    learner: Learner, database: Database, redis: Redis
) -> None:
    """a failed transaction rolls back both writes and publishes nothing"""
    complete_task = learner.function("complete_task")
    expect_raises(
        sqlite3.Error,
        complete_task,
        database.connection,
        redis,
        2,
        match="activity log",
        help="Let the database's error propagate after the rollback; do not swallow it.",
    )
    sent = "complete_task(connection, redis, 2) failed on the activity insert"
    expect_equal(
        database.status(2),
        "todo",
        what=f"{sent}; afterwards the task's status was",
        help="Both writes belong to one transaction: 'with connection:' rolls back the UPDATE "
        "when the INSERT fails.",
    )
    expect_true(
        not database.connection.in_transaction,
        what=f"{sent}; afterwards your connection",
        expected="no open transaction (rolled back)",
        actual="still inside the transaction, holding the uncommitted UPDATE",
        help="Roll back on failure ('with connection:' does it), or the next commit saves it.",
    )
    expect_equal(
        queued(redis),
        [],
        what=f"{sent}; afterwards the queue held",
        help="Publish only after the commit succeeded: nothing happened, so announce nothing.",
    )


@names_backend
def test_refuses_unknown_or_done(learner: Learner, database: Database, redis: Redis) -> None:
    """refuses an unknown task and one already done, publishing nothing"""
    complete_task = learner.function("complete_task")
    expect_raises(
        LookupError,
        complete_task,
        database.connection,
        redis,
        99,
        match="task 99 does not exist",
        help="Read the task first; no row means LookupError('task 99 does not exist').",
    )
    expect_raises(
        ValueError,
        complete_task,
        database.connection,
        redis,
        3,
        match="task 3 is already done",
        help="A task already done raises ValueError('task 3 is already done').",
    )
    expect_equal(
        queued(redis),
        [],
        what="after refusing tasks 99 and 3, the queue held",
        help="A refused completion publishes nothing.",
    )
    expect_equal(
        database.activity(),
        [],
        what="after refusing tasks 99 and 3, the activity table held",
        help="A refused completion writes nothing.",
    )


# -- the worker ---------------------------------------------------------------------------------


@names_backend
def test_handles_oldest_first(learner: Learner, redis: Redis) -> None:
    """handles each event once, oldest first, and stops on an empty queue"""
    handler = Recorder()
    worker = make_worker(learner, redis, handler)
    expect_equal(
        call(worker.run_once, help="RPOP returns None on an empty list: return None then."),
        None,
        what="worker.run_once() on an empty queue returned",
        help="No event: return None without calling the handler.",
    )
    publish(redis, "e1", "e2", "e3")
    outcomes = drain(worker, redis, "three events were published and worker.drain()")
    expect_equal(
        outcomes,
        ["processed"] * 3,
        what="worker.drain() over three good events returned",
        help="A handler that returns means 'processed'.",
    )
    expect_equal(
        handler.calls,
        [("e1", 0), ("e2", 0), ("e3", 0)],
        what="the handler received (event_id, attempts)",
        help="LPUSH adds on the left, so take from the right (RPOP) to get the oldest first.",
    )


@names_backend
def test_skips_a_duplicate(learner: Learner, service: RedisService, redis: Redis) -> None:
    """handles an event delivered twice only once, even after a restart"""
    handler = Recorder()
    worker = make_worker(learner, redis, handler)
    redis.lpush(QUEUE, json.dumps(event("e1")), json.dumps(event("e1")))
    outcomes = drain(worker, redis, "event e1 was delivered twice and worker.drain()")
    expect_equal(
        (outcomes, handler.calls),
        (["processed", "duplicate"], [("e1", 0)]),
        what="the same event twice gave (outcomes, handler calls)",
        help="Remember a handled event_id in the PROCESSED set and skip it next time.",
    )
    restarted = make_worker(learner, service.new_client(), handler)
    redis.lpush(QUEUE, json.dumps(event("e1")))
    expect_equal(
        call(restarted.run_once, help="Keep the handled ids in Redis, not in the Worker."),
        "duplicate",
        what="a new Worker (as after a restart) given e1 again returned",
        help="The PROCESSED set lives in Redis, so a restarted worker still knows e1 was done.",
    )
    expect_equal(
        handler.calls,
        [("e1", 0)],
        what="after the restart, the handler had been called with",
        help="A duplicate never reaches the handler.",
    )


@names_backend
def test_retries_behind_the_others(learner: Learner, redis: Redis) -> None:
    """retries a failed event behind the waiting ones, then handles it once"""
    handler = Recorder(fails=lambda e: e.event_id == "e1" and e.attempts == 0)
    worker = make_worker(learner, redis, handler)
    publish(redis, "e1", "e2")
    outcomes = drain(worker, redis, "e1 failed once and worker.drain()")
    expect_equal(
        outcomes,
        ["retried", "processed", "processed"],
        what="worker.drain() with e1 failing on its first attempt returned",
        help="A failure with attempts left is 'retried'; the retry then succeeds.",
    )
    expect_equal(
        handler.calls,
        [("e1", 0), ("e2", 0), ("e1", 1)],
        what="the handler received (event_id, attempts)",
        help="Push the retry back with LPUSH (behind e2) and attempts one higher.",
    )
    expect_equal(
        queued(redis, DEAD_LETTER),
        [],
        what="after a successful retry, the dead-letter list held",
        help="Only an event that fails every attempt is dead-lettered.",
    )
    redis.lpush(QUEUE, json.dumps(event("e1")))
    expect_equal(
        call(worker.run_once, help="Add the id to PROCESSED once the handler has returned."),
        "duplicate",
        what="after e1's successful retry, e1 delivered again gave",
        help="Mark the event processed when its retry succeeds, not when it first fails.",
    )


@names_backend
def test_dead_letters(learner: Learner, redis: Redis) -> None:
    """dead-letters an event that fails every attempt (max_attempts 1 and 3)"""
    for max_attempts in (1, 3):
        redis.flushall()
        dead_letter_after(learner, redis, max_attempts)


def dead_letter_after(learner: Learner, redis: Redis, max_attempts: int) -> None:
    handler = Recorder(fails=lambda e: True)
    worker = make_worker(learner, redis, handler, max_attempts=max_attempts)
    publish(redis, "e1")
    what = f"Worker(..., max_attempts={max_attempts}) with a handler that always fails"
    outcomes = drain(worker, redis, what)
    expect_equal(
        outcomes,
        ["retried"] * (max_attempts - 1) + ["dead-lettered"],
        what=f"{what}: drain() returned",
        help="Count this attempt too: with max_attempts=3 the third failure is the last.",
    )
    expect_equal(
        handler.calls,
        [("e1", n) for n in range(max_attempts)],
        what=f"{what}: the handler received (event_id, attempts)",
        help="Each retry carries attempts one higher than the attempt that failed.",
    )
    expect_equal(
        queued(redis, DEAD_LETTER),
        [{"event": event("e1", attempts=max_attempts), "error": "smtp is down"}],
        what=f"{what}: the dead-letter list held",
        help="Push {'event': <the event with attempts counted>, 'error': str(error)} onto "
        "DEAD_LETTER.",
    )
    handler.fails = lambda e: False
    redis.lpush(QUEUE, json.dumps(event("e1")))
    expect_equal(
        call(worker.run_once, help="A dead-lettered event was never handled."),
        "processed",
        what=f"{what}: e1 published again once the handler works returned",
        help="Do not add a failed event to PROCESSED: it was never handled.",
    )
