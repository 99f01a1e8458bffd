"""Checks for week11/ex02_cache_aside: hits, misses, one key per user, TTL and invalidation.

The checks run on a real ``redis-server`` when one is installed, else on fakeredis; each check's
name says which. The loader is the repository's ``stats_for`` behind a counter, so a hit is
proven by the loader not being called. Expiry is checked by reading the key's ``PTTL`` and by
expiring the key early (``PEXPIRE``), never by waiting a whole TTL.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from redis import Redis

from workbook.checking import Learner, call, expect_equal, expect_raises, expect_true, show
from workbook.checking_redis import (
    describe_key,
    describe_keys,
    expect_ttl,
    names_backend,
    redis_fixtures,
)

PREFIX = "taskhub:stats:user:"


service, redis = redis_fixtures()


class CountingLoader:
    """The repository's ``stats_for``, counting who asked."""

    def __init__(self, repository: Any) -> None:
        self.repository = repository
        self.calls: list[int] = []

    def __call__(self, user_id: int) -> Any:
        self.calls.append(user_id)
        return self.repository.stats_for(user_id)


class Setup:
    """A repository with tasks for users 1 and 2, the learner's cache and service."""

    def __init__(self, learner: Learner, redis: Any, ttl_seconds: int | None = None) -> None:
        self.repository = learner.cls("TaskRepository")()
        for owner, title in ((1, "Write the docs"), (1, "Fix the login"), (2, "Plan the sprint")):
            self.repository.add(owner, title)
        self.loader = CountingLoader(self.repository)
        options = {} if ttl_seconds is None else {"ttl_seconds": ttl_seconds}
        self.cache = call(
            learner.cls("StatsCache"),
            redis,
            self.loader,
            **options,
            help="Keep StatsCache(redis, load, *, ttl_seconds=60) and store the three values.",
        )
        self.service = learner.cls("TaskService")(self.repository, self.cache)

    def get(self, user_id: int, *, help: str) -> Any:
        return call(self.cache.get, user_id, help=help)


def stats(todo: int = 0, doing: int = 0, done: int = 0) -> dict[str, int]:
    return {"todo": todo, "doing": doing, "done": done}


@names_backend
def test_a_miss_loads_and_stores(learner: Learner, redis: Redis) -> None:
    """a miss calls the loader once and stores the stats under the user's key"""
    setup = Setup(learner, redis)
    result = setup.get(1, help="On a miss, call self.load(user_id) and return what it gives.")
    expect_equal(
        (result, setup.loader.calls),
        (stats(todo=2), [1]),
        what="cache.get(1) on an empty cache gave (stats, loader calls)",
        help="An empty cache is a miss: call the loader once, with the user's id.",
    )
    key = f"{PREFIX}1"
    stored = redis.get(key)
    expect_true(
        stored is not None and json.loads(stored) == stats(todo=2),
        what="after cache.get(1), Redis held",
        expected=f"{key} holding the stats as JSON",
        actual=describe_keys(redis),
        help="SET the key from key_for(user_id) to json.dumps(stats) with ex=self.ttl_seconds.",
    )
    expect_ttl(
        redis,
        key,
        60,
        what="after cache.get(1) with the default TTL",
        help="Pass ex=self.ttl_seconds to SET, so the entry expires by itself.",
    )


@names_backend
def test_a_hit_skips_the_loader(learner: Learner, redis: Redis) -> None:
    """a hit returns the cached stats without calling the loader"""
    setup = Setup(learner, redis)
    first = setup.get(1, help="On a miss, load, store and return the stats.")
    again = setup.get(1, help="On a hit, return json.loads of the cached text.")
    expect_equal(
        (again, setup.loader.calls),
        (first, [1]),
        what="cache.get(1) twice gave (second result, loader calls)",
        help="GET the key first; when it holds a value, decode it and return it: no load.",
    )
    cached = {"todo": 9, "doing": 0, "done": 0}
    redis.set(f"{PREFIX}2", json.dumps(cached), ex=60)
    expect_equal(
        (setup.get(2, help="Return the cached value on a hit."), setup.loader.calls),
        (cached, [1]),
        what=f"with {PREFIX}2 already holding {json.dumps(cached)}, cache.get(2) gave "
        "(stats, loader calls)",
        help="A hit returns what Redis holds, even if the database would now say otherwise.",
    )
    empty = json.dumps({})
    redis.set(f"{PREFIX}3", empty, ex=60)
    expect_equal(
        (setup.get(3, help="An empty JSON object is still a cached value."), setup.loader.calls),
        ({}, [1]),
        what=f"with {PREFIX}3 holding {empty}, cache.get(3) gave (stats, loader calls)",
        help="Test the GET result with 'is not None': a cached empty object is a hit too.",
    )
    redis.pexpire(f"{PREFIX}1", 5000)
    setup.get(1, help="A hit returns the cached stats.")
    left = int(redis.pttl(f"{PREFIX}1"))
    expect_true(
        0 < left <= 5000,
        what=f"{PREFIX}1 had 5 s to live, then cache.get(1) hit it; afterwards",
        expected="at most 5 s left (a hit does not renew the entry)",
        actual=describe_key(redis, f"{PREFIX}1"),
        help="Write to Redis only on a miss; a hit must not SET the key (or its TTL) again.",
    )


@names_backend
def test_one_key_per_user(learner: Learner, redis: Redis) -> None:
    """each user gets their own entry and never sees another user's stats"""
    setup = Setup(learner, redis)
    one = setup.get(1, help="Load user 1's stats.")
    two = setup.get(2, help="Load user 2's stats under user 2's own key.")
    expect_equal(
        (one, two, setup.loader.calls),
        (stats(todo=2), stats(todo=1), [1, 2]),
        what="cache.get(1) then cache.get(2) gave (stats 1, stats 2, loader calls)",
        help="The key must hold the user id (key_for): one shared key serves user 1's numbers "
        "to user 2.",
    )
    keys = sorted(redis.scan_iter(match=f"{PREFIX}*"))
    expect_equal(
        keys,
        [f"{PREFIX}1", f"{PREFIX}2"],
        what="after cache.get(1) and cache.get(2), the keys in Redis were",
        help=f"key_for(user_id) is {PREFIX!r} followed by the id, nothing else.",
    )
    expect_equal(
        (setup.get(1, help="A hit."), setup.get(2, help="A hit."), setup.loader.calls),
        (stats(todo=2), stats(todo=1), [1, 2]),
        what="both again gave (stats 1, stats 2, loader calls)",
        help="Each user's hit reads that user's key only.",
    )


@names_backend
def test_writes_invalidate(learner: Learner, redis: Redis) -> None:
    """every write deletes its owner's entry, after the write, and no one else's"""
    watched = WatchedRedis(redis)
    setup = Setup(learner, watched)
    watched.observe = lambda: setup.repository.stats_for(1)
    writes = (
        ("service.create(1, 'Ship it')", lambda: setup.service.create(1, "Ship it"), stats(todo=3)),
        (
            "service.set_status(1, 1, 'done')",
            lambda: setup.service.set_status(1, 1, "done"),
            stats(todo=2, done=1),
        ),
        ("service.delete(1, 2)", lambda: setup.service.delete(1, 2), stats(todo=1, done=1)),
    )
    returned: tuple[Callable[[Any], bool], ...] = (
        lambda task: (task.id, task.owner_id, task.title, task.status) == (4, 1, "Ship it", "todo"),
        lambda task: (task.id, task.owner_id, task.status) == (1, 1, "done"),
        lambda task: task is None,
    )
    setup.get(2, help="Load user 2's stats.")
    for (described, write, fresh), looks_right in zip(writes, returned, strict=True):
        setup.get(1, help="Load user 1's stats.")
        watched.deletions.clear()
        result = call(write, help=f"{described} writes, then calls self.cache.invalidate(1).")
        expect_true(
            looks_right(result),
            what=f"{described} returned",
            expected="the Task the repository call returned (None for delete)",
            actual=show(result),
            help="Return what the repository call returned (the created or updated Task); "
            "delete returns None.",
        )
        expect_true(
            redis.exists(f"{PREFIX}1") == 0,
            what=f"after {described}, user 1's entry",
            expected="deleted",
            actual=describe_key(redis, f"{PREFIX}1"),
            help="Every write calls self.cache.invalidate(user_id), which DELs the key.",
        )
        expect_true(
            all(seen == fresh for seen in watched.deletions),
            what=f"during {described}, when the key was deleted, the repository's stats were "
            f"{show(watched.deletions)}",
            expected=f"the stats after the write, {fresh}",
            actual=show(watched.deletions),
            help="Write first, then invalidate: a read between an early delete and the write "
            "would cache the old numbers again.",
        )
        expect_equal(
            setup.get(1, help="After a write, the next get is a miss."),
            fresh,
            what=f"after {described}, cache.get(1) returned",
            help="After the invalidation the next get loads the new numbers.",
        )
        expect_true(
            redis.exists(f"{PREFIX}2") == 1,
            what=f"after {described} (a write of user 1), user 2's entry",
            expected="still cached",
            actual=describe_keys(redis),
            help="Invalidate the writer's own key only (key_for(user_id)).",
        )


class WatchedRedis:
    """The Redis client, noting the repository's stats for user 1 whenever a key is deleted."""

    def __init__(self, client: Redis) -> None:
        self._client = client
        self.observe: Callable[[], Any] = dict
        self.deletions: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        target = getattr(self._client, name)
        if name not in ("delete", "unlink", "expire", "pexpire", "getdel"):
            return target

        def watched(*args: Any, **kwargs: Any) -> Any:
            self.deletions.append(self.observe())
            return target(*args, **kwargs)

        return watched


@names_backend
def test_refuses_writes_to_others(learner: Learner, redis: Redis) -> None:
    """a write to someone else's task is refused and leaves every entry cached"""
    setup = Setup(learner, redis)
    setup.get(1, help="Load user 1's stats.")
    setup.get(2, help="Load user 2's stats.")
    expect_raises(
        LookupError,
        setup.service.set_status,
        2,
        1,
        "done",
        match="task 1 not found",
        help="Call self.owned(user_id, task_id) before writing.",
    )
    expect_raises(
        LookupError,
        setup.service.delete,
        2,
        1,
        match="task 1 not found",
        help="Call self.owned(user_id, task_id) before deleting.",
    )
    expect_equal(
        sorted(redis.scan_iter(match=f"{PREFIX}*")),
        [f"{PREFIX}1", f"{PREFIX}2"],
        what="after the refused writes, the cached entries were",
        help="Nothing was written, so nothing needs invalidating.",
    )


@names_backend
def test_expires_after_the_ttl(learner: Learner, redis: Redis) -> None:
    """an entry expires after its TTL (1 s and 86400 s) and is then loaded again"""
    for ttl in (1, 86_400):
        redis.flushall()
        setup = Setup(learner, redis, ttl_seconds=ttl)
        setup.get(1, help="Load and store user 1's stats.")
        expect_ttl(
            redis,
            f"{PREFIX}1",
            ttl,
            what=f"StatsCache(..., ttl_seconds={ttl}).get(1) stored",
            help="SET the key with ex=self.ttl_seconds.",
        )
    redis.pexpire(f"{PREFIX}1", 1)
    deadline = time.monotonic() + 1
    while redis.exists(f"{PREFIX}1") and time.monotonic() < deadline:
        time.sleep(0.005)
    expect_equal(
        (setup.get(1, help="An expired entry is a miss."), setup.loader.calls),
        (stats(todo=2), [1, 1]),
        what="after the entry of user 1 expired, cache.get(1) gave (stats, loader calls)",
        help="Redis removes an expired key by itself; GET then returns None, which is a miss.",
    )


@names_backend
def test_refuses_a_ttl_out_of_range(learner: Learner, redis: Redis) -> None:
    """refuses a TTL below 1 second or above a day"""
    cache_class = learner.cls("StatsCache")
    for ttl in (0, 86_401, -5):
        expect_raises(
            ValueError,
            cache_class,
            redis,
            dict,
            ttl_seconds=ttl,
            match="ttl_seconds must be between 1 and 86400",
            help="Check 1 <= ttl_seconds <= MAX_TTL_SECONDS in __init__; both ends are allowed.",
        )
