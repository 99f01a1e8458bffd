"""Checks for week13/ex04_live_coding: classic warm-ups and the edge cases an interviewer tries."""

from __future__ import annotations

from workbook.checking import Learner, expect_call, expect_raises


def test_two_sum_finds_pairs(learner: Learner) -> None:
    """finds the indices of two numbers that add up to the target"""
    two_sum = learner.function("two_sum", signature="two_sum(numbers, target)")
    for numbers, target, expected in [
        ([2, 7, 11, 15], 9, (0, 1)),
        ([3, 2, 4], 6, (1, 2)),
        ([3, 3], 6, (0, 1)),
        ([-4, 10, 1, 8], 4, (0, 3)),
        ([0, 5, 0], 0, (0, 2)),
    ]:
        expect_call(two_sum, numbers, target, returns=expected,
                    help="For each index j, look up target - numbers[j] among the values seen "
                    "before j; an element must not pair with itself ([3, 2, 4], 6 is not (0, 0)).")


def test_two_sum_prefers_earliest(learner: Learner) -> None:
    """returns the pair that completes first, with the earliest partner"""
    two_sum = learner.function("two_sum")
    expect_call(two_sum, [2, 2, 4], 6, returns=(0, 2),
                help="Remember the first index of each value: a later duplicate must not "
                "replace it (dict.setdefault, or test 'not in' before storing).")
    expect_call(two_sum, [1, 5, 1, 5], 6, returns=(0, 1),
                help="Stop at the first j that completes a pair.")


def test_two_sum_no_pair(learner: Learner) -> None:
    """returns None when no two numbers add up"""
    two_sum = learner.function("two_sum")
    for numbers, target in [([1, 2, 3], 7), ([5], 10), ([], 0)]:
        expect_call(two_sum, numbers, target, returns=None,
                    help="After the loop, return None; one number cannot be used twice.")


def test_balanced(learner: Learner) -> None:
    """accepts properly nested brackets"""
    is_balanced = learner.function("is_balanced", signature="is_balanced(text: str) -> bool")
    for text in ("", "no brackets here", "()", "([]{})", "{[()()]}", "f(x[0], {'a': 1})"):
        expect_call(is_balanced, text, returns=True,
                    help="Push every opener on a stack and pop it at its closer; other "
                    "characters are ignored and an empty text is balanced.")


def test_unbalanced(learner: Learner) -> None:
    """refuses brackets that are unclosed, unopened or crossed"""
    is_balanced = learner.function("is_balanced")
    for text, why in [
        ("(", "an opener left on the stack at the end means unbalanced"),
        ("())", "a closer with an empty stack means unbalanced (check before you pop)"),
        (")(", "a closer before its opener is unbalanced"),
        ("([)]", "the closer must match the most recent opener, not any opener"),
        ("{]", "each closer has exactly one matching opener"),
        ("[[]", "count is not enough: an opener is left over"),
    ]:
        expect_call(is_balanced, text, returns=False, help=why[0].upper() + why[1:] + ".")


def test_top_k_words(learner: Learner) -> None:
    """returns the most frequent words, ties alphabetical"""
    top_k_words = learner.function("top_k_words", signature="top_k_words(text: str, k: int)")
    text = "Deploy the API. deploy the worker; the API is up! Worker up, deploy done."
    expect_call(top_k_words, text, 3, returns=["deploy", "the", "api"],
                help="Lower-case the text, find runs of a-z, count them with Counter, and sort "
                "by (-count, word) so ties come out alphabetically.")
    expect_call(top_k_words, text, 5, returns=["deploy", "the", "api", "up", "worker"],
                help="Return exactly k words when there are at least k distinct ones.")
    expect_call(top_k_words, "b a c b", 10, returns=["b", "a", "c"],
                help="With fewer than k distinct words, return all of them.")


def test_top_k_edges(learner: Learner) -> None:
    """handles k of zero, no words, and a negative k"""
    top_k_words = learner.function("top_k_words")
    expect_call(top_k_words, "some words here", 0, returns=[],
                help="k = 0 asks for no words; it is not an error.")
    expect_call(top_k_words, "", 3, returns=[], help="An empty text has no words.")
    expect_call(top_k_words, "42 ... !!!", 2, returns=[],
                help="Digits and punctuation are not words.")
    expect_raises(ValueError, top_k_words, "a b", -1, match="k must not be negative",
                  help="Refuse k below 0 with ValueError('k must not be negative').")


def test_merge_sorted(learner: Learner) -> None:
    """merges two sorted logs into one"""
    merge_sorted = learner.function("merge_sorted", signature="merge_sorted(left, right)")
    left = [(1.0, "api started"), (4.0, "GET /tasks"), (9.0, "api stopped")]
    right = [(2.0, "worker started"), (3.0, "job 1 done"), (5.0, "job 2 done")]
    expect_call(merge_sorted, left, right,
                returns=[left[0], right[0], right[1], left[1], right[2], left[2]],
                help="Compare the times at the two indices, take the earlier entry, move that "
                "index on; when one list runs out, append the rest of the other.")
    expect_call(merge_sorted, right, [], returns=right, help="Merging with nothing gives a copy.")
    expect_call(merge_sorted, [], left, returns=left,
                help="When left is empty, the result is all of right.")
    expect_call(merge_sorted, [], [], returns=[], help="Two empty logs merge into an empty one.")


def test_merge_sorted_is_stable(learner: Learner) -> None:
    """keeps the left entry first on equal times"""
    merge_sorted = learner.function("merge_sorted")
    left = [(1.0, "a"), (4.0, "d")]
    right = [(1.0, "b"), (4.0, "e"), (4.0, "f")]
    expect_call(merge_sorted, left, right,
                returns=[(1.0, "a"), (1.0, "b"), (4.0, "d"), (4.0, "e"), (4.0, "f")],
                help="On a tie take from left: move to right only when its time is strictly "
                "earlier. Compare the times only, not the whole pairs.")
    expect_call(merge_sorted, [(2.0, "z")], [(2.0, "a")], returns=[(2.0, "z"), (2.0, "a")],
                help="Equal times keep left first even when its message sorts later.")


def test_peak_requests(learner: Learner) -> None:
    """finds the busiest minute of requests"""
    peak = learner.function("peak_requests_per_minute",
                            signature="peak_requests_per_minute(timestamps, window=60.0)")
    expect_call(peak, [0.0, 10.0, 20.0, 70.0, 75.0, 79.5, 100.0, 125.0], returns=5,
                help="Slide a window over the sorted times: move its start on while the "
                "newest time minus the start's time is at least the window.")
    expect_call(peak, [130.0, 5.0, 100.0, 6.0, 120.0], returns=3,
                help="Sort the timestamps first: they can come in any order.")
    expect_call(peak, [42.0], returns=1, help="One request is a peak of 1.")
    expect_call(peak, [], returns=0, help="No requests, a peak of 0.")
    expect_call(peak, [1.0, 1.0, 1.0], returns=3, help="Requests at the same second all count.")


def test_peak_window_edge(learner: Learner) -> None:
    """never puts requests a full window apart in the same window"""
    peak = learner.function("peak_requests_per_minute")
    expect_call(peak, [0.0, 60.0, 120.0], returns=1,
                help="A window holds t <= time < t + 60: a request exactly 60 s later starts "
                "the next minute, so use >= when you drop old requests.")
    expect_call(peak, [0.0, 59.5, 119.0], returns=2,
                help="59.5 s apart is still inside one minute.")
    expect_call(peak, [0.0, 5.0, 10.0, 15.0], 10.0, returns=2,
                help="Use the window given, not a fixed 60.")
