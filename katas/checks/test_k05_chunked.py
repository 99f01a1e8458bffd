"""Checks for kata k05: split a list into batches."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call, expect_equal, expect_raises, expect_true, show

SIGNATURE = "chunked(items: Sequence[T], size: int) -> list[list[T]]"


def _chunked(learner: Learner) -> Callable[..., Any]:
    return learner.function("chunked", signature=SIGNATURE)


def test_splits_evenly(learner: Learner) -> None:
    """splits a list whose length is a multiple of size into equal chunks"""
    chunked = _chunked(learner)
    expect_call(chunked, [1, 2, 3, 4, 5, 6], 2, returns=[[1, 2], [3, 4], [5, 6]],
                help="Each chunk holds `size` consecutive items, in their original order.")
    expect_call(chunked, [1, 2, 3], 1, returns=[[1], [2], [3]],
                help="With size 1 every item gets a chunk of its own.")


def test_last_chunk_is_shorter(learner: Learner) -> None:
    """puts the leftover items in a shorter last chunk, and never adds an empty one"""
    chunked = _chunked(learner)
    expect_call(chunked, ["a", "b", "c", "d", "e"], 2, returns=[["a", "b"], ["c", "d"], ["e"]],
                help="Five items in chunks of 2 make three chunks; the last holds the one "
                     "item left over. Slicing past the end of a list is allowed.")
    expect_call(chunked, ["a", "b", "c"], 5, returns=[["a", "b", "c"]],
                help="When size is larger than the list, everything fits in a single chunk.")


def test_empty_input(learner: Learner) -> None:
    """returns an empty list for an empty sequence"""
    chunked = _chunked(learner)
    expect_call(chunked, [], 3, returns=[],
                help="No items means no chunks at all: [] rather than [[]].")


def test_rejects_size_below_one(learner: Learner) -> None:
    """raises ValueError mentioning size when size is 0 or negative"""
    chunked = _chunked(learner)
    for size in (0, -2):
        expect_raises(ValueError, chunked, [1, 2, 3], size, match="size",
                      help="A size below 1 can never make progress (range() with a step of 0 "
                           "raises its own confusing error). Check it first and raise a "
                           "ValueError that names the argument and the value.")


def test_accepts_any_sequence(learner: Learner) -> None:
    """accepts a tuple or a range and always returns lists"""
    chunked = _chunked(learner)
    expect_call(chunked, ("a", "b", "c"), 2, returns=[["a", "b"], ["c"]],
                help="Slicing a tuple gives a tuple; wrap each slice in list() so every chunk "
                     "is a list whatever the input was.")
    expect_call(chunked, range(1, 6), 3, returns=[[1, 2, 3], [4, 5]],
                help="A range is a sequence too: it supports len() and slicing, and each "
                     "slice becomes a list.")


def test_does_not_mutate_or_share(learner: Learner) -> None:
    """leaves the input list alone and returns chunks that are new lists"""
    chunked = _chunked(learner)
    rows = [1, 2, 3, 4, 5]
    result = expect_call(chunked, rows, 10, returns=[[1, 2, 3, 4, 5]],
                         help="All five items fit in one chunk of up to 10.")
    expect_equal(rows, [1, 2, 3, 4, 5], what="the list passed to chunked(rows, 10) afterwards",
                 help="Read the input without changing it (no pop() or del on items).")
    first = result[0] if isinstance(result, list) and result else None
    expect_true(first is not None and first is not rows,
                what="the first chunk of chunked(rows, 10), where rows = [1, 2, 3, 4, 5]",
                expected="a new list holding the same items",
                actual="the very list that was passed in" if first is rows else show(result),
                help="If the caller later appends to a chunk, their original list must not "
                     "change. A slice or list(...) makes a copy.")
