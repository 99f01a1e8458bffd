"""Checks for kata k13: a bounded LRU cache."""

from typing import Any

from workbook.checking import Learner, call, expect_call, expect_equal, expect_raises, expect_true


def _cache(learner: Learner, capacity: int) -> Any:
    cls = learner.cls("LRUCache", signature="LRUCache(capacity: int)")
    return call(cls, capacity, help="LRUCache(capacity) must accept any capacity of 1 or more.")


def _contents(cache: Any, keys: str) -> dict[str, bool]:
    return {key: key in cache for key in keys}


def test_stores_and_reads(learner: Learner) -> None:
    """stores values and reads them back, with a default for a missing key"""
    cache = _cache(learner, 3)
    expect_call(cache.put, "sku-1", 990, returns=None,
                help="put returns None while the cache is not over its capacity.")
    expect_call(cache.put, "sku-2", 1250, returns=None,
                help="put returns None while the cache is not over its capacity.")
    expect_call(cache.get, "sku-1", returns=990, help="get returns the value stored by put.")
    expect_call(cache.get, "sku-9", returns=None,
                help="A key that was never stored gives the default, None unless one is given.")
    expect_call(cache.get, "sku-9", "missing", returns="missing",
                help="The second argument of get is the value to return for a missing key.")
    expect_call(len, cache, returns=2, help="len(cache) counts the entries stored.")


def test_replaces_value(learner: Learner) -> None:
    """replaces the value of a key that is stored again, without growing"""
    cache = _cache(learner, 2)
    call(cache.put, "a", 1, help="put stores a value.")
    expect_call(cache.put, "a", 2, returns=None,
                help="Storing an existing key again replaces its value; nothing is evicted.")
    expect_call(cache.get, "a", returns=2, help="The newer value replaces the older one.")
    expect_call(len, cache, returns=1, help="A replaced key is still one entry.")


def test_evicts_least_recently_put(learner: Learner) -> None:
    """evicts the oldest entry once the capacity is exceeded, and returns its key"""
    cache = _cache(learner, 2)
    call(cache.put, "a", 1, help="put stores a value.")
    expect_call(cache.put, "b", 2, returns=None,
                help="Exactly at capacity (2 entries in a cache of 2) nothing is evicted yet.")
    expect_call(cache.put, "c", 3, returns="a",
                help="The third entry takes a cache of 2 over its capacity: the least recently "
                     "used entry goes, and put returns its key.")
    expect_equal(_contents(cache, "abc"), {"a": False, "b": True, "c": True},
                 what="which keys are in the cache after put a, b, c with capacity 2",
                 help="Only the evicted entry disappears; the cache keeps capacity entries.")
    expect_call(len, cache, returns=2, help="After an eviction the cache is exactly full.")


def test_get_refreshes(learner: Learner) -> None:
    """counts a get as a use, so the entry read survives the next eviction"""
    cache = _cache(learner, 2)
    call(cache.put, "a", 1, help="put stores a value.")
    call(cache.put, "b", 2, help="put stores a value.")
    expect_call(cache.get, "a", returns=1, help="get returns the value stored by put.")
    expect_call(cache.put, "c", 3, returns="b",
                help="Reading 'a' made it the most recently used, so 'b' is now the least "
                     "recently used one: move an entry to the recent end on every hit.")
    expect_call(cache.get, "a", returns=1, help="'a' was used recently, so it must still be there.")


def test_put_refreshes(learner: Learner) -> None:
    """counts replacing a value as a use"""
    cache = _cache(learner, 2)
    call(cache.put, "a", 1, help="put stores a value.")
    call(cache.put, "b", 2, help="put stores a value.")
    call(cache.put, "a", 10, help="put replaces a value.")
    expect_call(cache.put, "c", 3, returns="b",
                help="Storing 'a' again made it the most recently used; assigning to an "
                     "existing key of a dict does not move it, so move it yourself.")


def test_contains_does_not_refresh(learner: Learner) -> None:
    """answers 'in' without counting it as a use"""
    cache = _cache(learner, 2)
    call(cache.put, "a", 1, help="put stores a value.")
    call(cache.put, "b", 2, help="put stores a value.")
    expect_true("a" in cache, what="'a' in cache", expected="True", actual="False",
                help="__contains__ says whether the key is stored.")
    expect_true("z" not in cache, what="'z' in cache", expected="False", actual="True",
                help="A key never stored is not in the cache.")
    expect_call(cache.put, "c", 3, returns="a",
                help="Asking whether a key is in the cache is not a use of it: 'a' is still the "
                     "least recently used entry.")


def test_capacity_one(learner: Learner) -> None:
    """works with a capacity of 1"""
    cache = _cache(learner, 1)
    expect_call(cache.put, "a", 1, returns=None, help="One entry fits in a cache of 1.")
    expect_call(cache.put, "b", 2, returns="a",
                help="In a cache of 1, every new key evicts the previous one.")
    expect_call(cache.get, "b", returns=2, help="The newest entry is the one kept.")


def test_refuses_bad_capacity(learner: Learner) -> None:
    """refuses a capacity below 1, naming it"""
    cls = learner.cls("LRUCache", signature="LRUCache(capacity: int)")
    for capacity in (0, -3):
        expect_raises(ValueError, cls, capacity, match=str(capacity),
                      help="A cache that can hold nothing is a configuration mistake: raise "
                           "ValueError and show the capacity you were given.")
