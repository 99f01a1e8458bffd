"""Task-completed events on a Redis list, and a worker that handles each one once.

Completing a task is a database transaction: the task's status becomes ``done`` and an
activity row records it. Only once that transaction has committed is a ``TaskCompleted``
event pushed onto the Redis list ``QUEUE``. Publishing earlier would let a worker act on a
completion that a rollback then undoes; a failed transaction publishes nothing.

A worker takes events from the other end of the list (first in, first out) and calls a
handler, such as "e-mail the task's owner". Redis delivers at least once, so the same event
can arrive twice; the worker remembers the ids it has handled in the Redis set ``PROCESSED``
and skips a repeat. A handler that raises is retried: the event goes back on the queue with
one more attempt counted, behind the events already waiting, until ``max_attempts`` attempts
have failed. Then it is moved to the dead-letter list ``DEAD_LETTER`` for a person to look at.

The Redis client is created with ``decode_responses=True``, so it returns ``str``.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Literal

from redis import Redis

QUEUE = "taskhub:events:task-completed"
PROCESSED = "taskhub:events:processed"
DEAD_LETTER = "taskhub:events:dead-letter"
MAX_ATTEMPTS = 3

SCHEMA = """
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done'))
);
CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    kind TEXT NOT NULL
);
"""

Outcome = Literal["processed", "duplicate", "retried", "dead-lettered"]
Handler = Callable[["TaskCompleted"], None]


@dataclass(frozen=True)
class TaskCompleted:
    """The event: task ``task_id`` of user ``owner_id`` was completed.

    ``attempts`` counts the failed attempts to handle it so far (0 when first published).
    """

    event_id: str
    task_id: int
    owner_id: int
    attempts: int = 0

    def to_json(self) -> str:
        return json.dumps({"type": "task.completed", **asdict(self)})

    @classmethod
    def from_json(cls, text: str) -> TaskCompleted:
        data = json.loads(text)
        return cls(data["event_id"], data["task_id"], data["owner_id"], data.get("attempts", 0))


def complete_task(
    connection: sqlite3.Connection, redis: Redis, task_id: int, *, event_id: str | None = None
) -> TaskCompleted:
    """Mark the task done, record a ``'completed'`` activity row, commit, then publish.

    Both writes are one transaction: if either fails, both are rolled back and the error is
    raised again. The event (``event_id``, or a new ``uuid4().hex``) is pushed with ``LPUSH``
    onto ``QUEUE`` only after the commit; no Redis command is sent before it.

    Raises ``LookupError("task 7 does not exist")`` for an unknown task and
    ``ValueError("task 7 is already done")`` for a task already done; neither publishes.
    """
    # TODO: read the task, write both rows in one transaction, then LPUSH the event
    raise NotImplementedError


class Worker:
    """Takes events from ``QUEUE`` and hands each one to ``handler`` exactly once."""

    def __init__(self, redis: Redis, handler: Handler, *, max_attempts: int = MAX_ATTEMPTS) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.redis = redis
        self.handler = handler
        self.max_attempts = max_attempts

    def run_once(self) -> Outcome | None:
        """Handle the oldest event of ``QUEUE`` (``RPOP``); None when the queue is empty.

        - an event whose id is in ``PROCESSED`` is dropped: ``"duplicate"``;
        - the handler returns: the id is added to ``PROCESSED``: ``"processed"``;
        - the handler raises and fewer than ``max_attempts`` attempts have failed, counting
          this one: the event, with ``attempts`` one higher, is pushed back with ``LPUSH``
          (behind the waiting events): ``"retried"``;
        - the handler raised on the last allowed attempt: ``{"event": <the event's JSON
          object, attempts included>, "error": str(error)}`` is pushed onto ``DEAD_LETTER``
          with ``LPUSH``: ``"dead-lettered"``.
        """
        # TODO: pop, skip a processed id, call the handler, then retry or dead-letter
        raise NotImplementedError

    def drain(self) -> list[Outcome]:
        """Run until the queue is empty; the outcome of each event taken, in order."""
        outcomes: list[Outcome] = []
        while (outcome := self.run_once()) is not None:
            outcomes.append(outcome)
        return outcomes
