"""Checks for kata k06: remove duplicates, keep the order."""

from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import Any

from workbook.checking import Learner, expect_call, expect_equal

SIGNATURE = "dedupe(items: Iterable[T], key: Callable[[T], Hashable] | None = None) -> list[T]"


def _dedupe(learner: Learner) -> Callable[..., Any]:
    return learner.function("dedupe", signature=SIGNATURE)


def test_keeps_first_occurrence_in_order(learner: Learner) -> None:
    """keeps the first occurrence of each item, in the original order"""
    dedupe = _dedupe(learner)
    expect_call(dedupe, [3, 1, 3, 2, 1], returns=[3, 1, 2],
                help="Walk the items in order and keep an item only the first time you see "
                     "it. list(set(...)) loses the order, so it will not do here.")
    expect_call(dedupe, ["b", "a", "b", "c", "a", "b"], returns=["b", "a", "c"],
                help="Order comes from the first time each item appears, not from sorting.")


def test_empty_and_unique_inputs(learner: Learner) -> None:
    """returns [] for no items and an equal list when nothing repeats"""
    dedupe = _dedupe(learner)
    expect_call(dedupe, [], returns=[],
                help="No items in, no items out: return an empty list.")
    expect_call(dedupe, ["x", "y", "z"], returns=["x", "y", "z"],
                help="Without duplicates every item is kept, in the same order.")


def test_key_function(learner: Learner) -> None:
    """with key, compares key(item) but returns the original items"""
    dedupe = _dedupe(learner)
    emails = ["Ann@x.io", "bob@x.io", "ann@X.IO", "BOB@x.io", "cy@x.io"]
    expect_call(dedupe, emails, key=str.lower, returns=["Ann@x.io", "bob@x.io", "cy@x.io"],
                help="Decide 'seen before?' with key(item), but put the item itself (not the "
                     "lowercased key) in the result, so 'Ann@x.io' keeps its capital A.")
    expect_call(dedupe, [1, 2, 3], key=None, returns=[1, 2, 3],
                help="key=None must behave exactly like calling dedupe without a key.")


def test_unhashable_items_with_key(learner: Learner) -> None:
    """deduplicates dict records by an id key, even though dicts are unhashable"""
    dedupe = _dedupe(learner)
    rows = [{"id": 7, "email": "a@x.io"}, {"id": 8, "email": "b@x.io"},
            {"id": 7, "email": "old@x.io"}]
    expect_call(dedupe, rows, key=itemgetter("id"),
                returns=[{"id": 7, "email": "a@x.io"}, {"id": 8, "email": "b@x.io"}],
                help="itemgetter('id') is a key function: itemgetter('id')(row) is row['id']. "
                     "A dict cannot go into a set (TypeError: unhashable type), but its key "
                     "can: store key(item) in the set of seen values, never the item.")


def test_reads_iterables_once_without_mutating(learner: Learner) -> None:
    """accepts a generator, reading it once, and never changes a list argument"""
    dedupe = _dedupe(learner)

    def signups() -> Iterator[str]:
        yield from ["ann", "bob", "ann", "cy"]

    generator = signups()
    expect_call(dedupe, generator, returns=["ann", "bob", "cy"],
                help="A generator can be read only once: loop over items a single time "
                     "(len() and indexing do not work on it).")
    items = [2, 2, 1]
    expect_call(dedupe, items, returns=[2, 1], help="The second 2 is a duplicate of the first.")
    expect_equal(items, [2, 2, 1], what="the list passed to dedupe([2, 2, 1]) afterwards",
                 help="Build a new list for the result; do not remove items from the "
                      "argument.")
