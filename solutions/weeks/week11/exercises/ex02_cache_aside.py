"""Cache-aside for each user's task statistics: a TTL, one key per user, invalidated on writes.

Counting a user's tasks by status is a query worth caching: the dashboard asks for it on every
page. ``StatsCache.get`` looks in Redis first (a hit); on a miss it calls the loader, stores
the answer as JSON under the user's own key with a time to live, and returns it. Every write
to a user's tasks deletes that user's key, so the next read loads fresh numbers; the TTL
bounds how stale an entry can get if an invalidation is ever missed.

The Redis client is created with ``decode_responses=True``, so it returns ``str``.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass

from redis import Redis

KEY_PREFIX = "taskhub:stats:user:"
DEFAULT_TTL_SECONDS = 60
MAX_TTL_SECONDS = 86_400
STATUSES = ("todo", "doing", "done")

Stats = dict[str, int]
Loader = Callable[[int], Stats]


@dataclass
class Task:
    id: int
    owner_id: int
    title: str
    status: str = "todo"


class TaskRepository:
    """The tasks, in memory; ``stats_for`` is the expensive query the cache saves."""

    def __init__(self) -> None:
        self.tasks: dict[int, Task] = {}
        self._ids = itertools.count(1)

    def add(self, owner_id: int, title: str) -> Task:
        task = Task(next(self._ids), owner_id, title)
        self.tasks[task.id] = task
        return task

    def get(self, task_id: int) -> Task | None:
        return self.tasks.get(task_id)

    def set_status(self, task_id: int, status: str) -> Task:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        self.tasks[task_id].status = status
        return self.tasks[task_id]

    def delete(self, task_id: int) -> None:
        del self.tasks[task_id]

    def stats_for(self, owner_id: int) -> Stats:
        """``{"todo": 2, "doing": 0, "done": 1}``: the user's tasks counted by status."""
        counts = dict.fromkeys(STATUSES, 0)
        for task in self.tasks.values():
            if task.owner_id == owner_id:
                counts[task.status] += 1
        return counts


class StatsCache:
    """Cache-aside in front of ``load``: one Redis key per user, expiring after the TTL."""

    def __init__(
        self, redis: Redis, load: Loader, *, ttl_seconds: int = DEFAULT_TTL_SECONDS
    ) -> None:
        """Raise ``ValueError("ttl_seconds must be between 1 and 86400")`` outside that range."""
        # BEGIN SOLUTION: refuse a TTL outside 1..MAX_TTL_SECONDS, then keep the three values
        if not 1 <= ttl_seconds <= MAX_TTL_SECONDS:
            raise ValueError(f"ttl_seconds must be between 1 and {MAX_TTL_SECONDS}")
        self.redis = redis
        self.load = load
        self.ttl_seconds = ttl_seconds
        # END SOLUTION

    def key_for(self, user_id: int) -> str:
        """The user's own key: ``taskhub:stats:user:42``."""
        # BEGIN SOLUTION: the prefix followed by the user's id
        return f"{KEY_PREFIX}{user_id}"
        # END SOLUTION

    def get(self, user_id: int) -> Stats:
        """The cached stats (a hit, the loader is not called), or load, store and return them.

        A miss stores ``json.dumps(stats)`` with ``SET ... EX ttl_seconds``. A hit does not
        touch the TTL: an entry lives ``ttl_seconds`` from when it was loaded.
        """
        # BEGIN SOLUTION: GET the key; on a miss call load, SET it with EX, and return it
        key = self.key_for(user_id)
        cached = self.redis.get(key)
        if cached is not None:
            stats: Stats = json.loads(str(cached))
            return stats
        stats = self.load(user_id)
        self.redis.set(key, json.dumps(stats), ex=self.ttl_seconds)
        return stats
        # END SOLUTION

    def invalidate(self, user_id: int) -> None:
        """Forget the user's entry; the next ``get`` loads fresh stats."""
        # BEGIN SOLUTION: DEL the user's key
        self.redis.delete(self.key_for(user_id))
        # END SOLUTION


class TaskService:
    """Task writes, each followed by the invalidation of its owner's stats."""

    def __init__(self, tasks: TaskRepository, cache: StatsCache) -> None:
        self.tasks = tasks
        self.cache = cache

    def stats(self, user_id: int) -> Stats:
        return self.cache.get(user_id)

    def owned(self, user_id: int, task_id: int) -> Task:
        """The task, or ``LookupError("task 7 not found")`` if it is missing or someone else's."""
        task = self.tasks.get(task_id)
        if task is None or task.owner_id != user_id:
            raise LookupError(f"task {task_id} not found")
        return task

    def create(self, user_id: int, title: str) -> Task:
        """Add a task for ``user_id``, then invalidate that user's stats."""
        # BEGIN SOLUTION: write, then invalidate (deleting first lets a reader re-cache old data)
        task = self.tasks.add(user_id, title)
        self.cache.invalidate(user_id)
        return task
        # END SOLUTION

    def set_status(self, user_id: int, task_id: int, status: str) -> Task:
        """Change the status of the user's own task, then invalidate the user's stats."""
        # BEGIN SOLUTION: check ownership, write, then invalidate
        self.owned(user_id, task_id)
        task = self.tasks.set_status(task_id, status)
        self.cache.invalidate(user_id)
        return task
        # END SOLUTION

    def delete(self, user_id: int, task_id: int) -> None:
        """Delete the user's own task, then invalidate the user's stats."""
        # BEGIN SOLUTION: check ownership, delete, then invalidate
        self.owned(user_id, task_id)
        self.tasks.delete(task_id)
        self.cache.invalidate(user_id)
        # END SOLUTION
