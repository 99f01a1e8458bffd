"""Checks for kata k16: merge booked time slots."""

from collections.abc import Callable, Iterator
from typing import Any

from workbook.checking import Learner, expect_call, expect_equal, expect_raises, expect_true

SIGNATURE = "merge_intervals(intervals: Iterable[Interval]) -> list[Interval]"


def _merge(learner: Learner) -> Callable[..., Any]:
    return learner.function("merge_intervals", signature=SIGNATURE)


def test_sorted_disjoint(learner: Learner) -> None:
    """keeps separate slots apart, sorted by start"""
    merge = _merge(learner)
    expect_call(merge, [(700, 720), (540, 600)], returns=[(540, 600), (700, 720)],
                help="Slots with a gap between them stay separate; sort them by start.")
    expect_call(merge, [(540, 600)], returns=[(540, 600)],
                help="One slot is already merged.")
    expect_call(merge, [], returns=[], help="No bookings: no busy slots, an empty list.")


def test_merges_overlapping(learner: Learner) -> None:
    """merges overlapping slots, in any input order"""
    merge = _merge(learner)
    expect_call(merge, [(600, 700), (540, 630)], returns=[(540, 700)],
                help="(540, 630) and (600, 700) share 600-630: they become one slot from the "
                     "earliest start to the latest end.")
    expect_call(merge, [(1, 3), (8, 10), (2, 6), (15, 18), (9, 12)],
                returns=[(1, 6), (8, 12), (15, 18)],
                help="Sort by start first; then each slot either extends the last merged slot "
                     "or starts a new one.")


def test_merges_touching(learner: Learner) -> None:
    """merges slots that touch (one ends where the next starts)"""
    merge = _merge(learner)
    expect_call(merge, [(600, 660), (540, 600)], returns=[(540, 660)],
                help="The slots are half-open, so (540, 600) and (600, 660) leave no free "
                     "minute between them: merge when start <= the last end, not only <.")
    expect_call(merge, [(540, 600), (601, 660)], returns=[(540, 600), (601, 660)],
                help="Minute 600 is free between (540, 600) and (601, 660): they stay apart.")


def test_contained(learner: Learner) -> None:
    """keeps the outer end when a slot lies inside another"""
    merge = _merge(learner)
    expect_call(merge, [(700, 720), (710, 715)], returns=[(700, 720)],
                help="(710, 715) is inside (700, 720): the merged end is the larger of the "
                     "two ends, so use max().")
    expect_call(merge, [(12, 15), (1, 3), (10, 20)], returns=[(1, 3), (10, 20)],
                help="(12, 15) lies inside (10, 20), the last merged slot: compare with the end "
                     "of the last slot, merged[-1], not of the first one.")
    expect_call(merge, [(0, 100), (10, 20), (30, 40), (90, 150)], returns=[(0, 150)],
                help="A long slot can swallow several others and still be extended later.")


def test_any_iterable_and_no_mutation(learner: Learner) -> None:
    """accepts a generator and never modifies a list it is given"""
    merge = _merge(learner)
    bookings = [(600, 660), (540, 600)]
    expect_call(merge, bookings, returns=[(540, 660)],
                help="Touching slots merge.")
    expect_equal(bookings, [(600, 660), (540, 600)], what="the list after merge_intervals(list)",
                 help="list.sort() sorts the caller's list in place; sorted() makes a new one.")

    def generated() -> Iterator[tuple[int, int]]:
        yield (5, 9)
        yield (1, 4)

    expect_call(merge, generated(), returns=[(1, 4), (5, 9)],
                help="intervals can be any iterable, read only once: sorted() accepts a "
                     "generator; indexing or len() does not.")


def test_rejects_empty_or_reversed(learner: Learner) -> None:
    """rejects a slot whose start is not before its end, showing it"""
    merge = _merge(learner)
    for bad in ((600, 600), (660, 601)):
        error = expect_raises(ValueError, merge, [(540, 560), bad],
                              help="Each slot needs start < end (an empty or reversed slot is "
                                   "a bug upstream): raise ValueError.")
        expect_true(all(str(number) in str(error) for number in bad),
                    what=f"the message of the ValueError for {bad}",
                    expected=f"a message that shows {bad}", actual=repr(str(error)),
                    help="Show the bad pair in the message so the caller can find the booking.")
    expect_call(merge, [(599, 600)], returns=[(599, 600)],
                help="A one-minute slot (start one less than end) is valid.")
