"""Day 89: live-coding warm-ups, the kind of problem a technical interview opens with.

Each function has a suggested time box. Practise the way the interview runs: restate the
problem, name the edge cases, say your plan, write the simple correct version, try it on one
example out loud, and only then make it faster. Use a clock.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

PAIRS = {")": "(", "]": "[", "}": "{"}


def two_sum(numbers: Sequence[int], target: int) -> tuple[int, int] | None:
    """Time box: 10 minutes. The indices ``(i, j)``, ``i < j``, of two numbers adding up to
    ``target``, or ``None`` when no two do.

    When several pairs work, return the one whose ``j`` is smallest, and for that ``j`` the
    smallest ``i``: ``two_sum([2, 2, 4], 6)`` is ``(0, 2)``. One pass with a dict, O(n).
    """
    # TODO: remember the first index of every value seen; look up target - value
    raise NotImplementedError


def is_balanced(text: str) -> bool:
    """Time box: 10 minutes. Whether every bracket in ``text`` (``()``, ``[]``, ``{}``) is
    closed by the matching one in the right order; other characters do not matter, and a
    text without brackets is balanced.
    """
    # TODO: push openers on a stack; a closer must match the top
    raise NotImplementedError


def top_k_words(text: str, k: int) -> list[str]:
    """Time box: 15 minutes. The ``k`` most frequent words of ``text``, most frequent first,
    ties in alphabetical order.

    A word is a run of letters a-z, compared in lower case (``"Deploy"`` and ``"deploy"`` are
    the same word). Fewer than ``k`` distinct words gives all of them; ``k`` below 0 raises
    ``ValueError("k must not be negative")``.
    """
    # TODO: count with Counter, sort by (-count, word), slice
    raise NotImplementedError


def merge_sorted(
    left: Sequence[tuple[float, str]], right: Sequence[tuple[float, str]]
) -> list[tuple[float, str]]:
    """Time box: 10 minutes. Merge two servers' logs, each a list of ``(time, message)``
    pairs sorted by time, into one list sorted by time.

    On equal times the entry from ``left`` comes first (the merge is stable). Work in
    O(n + m) with two indices, without ``sorted``::

        merge_sorted([(1, "a"), (4, "d")], [(2, "b"), (4, "e")])
        # [(1, "a"), (2, "b"), (4, "d"), (4, "e")]
    """
    # TODO: take the earlier head each time (left on a tie), then append the rest
    raise NotImplementedError


def peak_requests_per_minute(timestamps: Sequence[float], window: float = 60.0) -> int:
    """Time box: 15 minutes. The most requests that fall in any ``window`` seconds.

    ``timestamps`` are request times in seconds, in any order. A window starting at ``t``
    holds the requests at ``t <= time < t + window``: two requests exactly 60 s apart are
    never in the same minute. No requests gives 0.
    """
    # TODO: sort, then slide a start index so that times[end] - times[start] < window
    raise NotImplementedError
