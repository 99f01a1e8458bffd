"""Kata k28: retry with exponential backoff, jitter and a cap.

A payment provider times out now and then. Retrying at once, in a tight loop, hammers a service
that is already struggling, and a thousand clients that all retry after exactly one second hit
it again all together. So each retry waits longer than the one before (exponential backoff),
never more than a cap, and a random part of that (full jitter) spreads the clients out. The
same loop retries a database transaction that PostgreSQL aborted with a serialization failure.

Randomness and sleeping are injected, so that a test can choose the random numbers and record
the sleeps instead of waiting for them.

Write two functions:

``backoff_delay(attempt, *, base, cap, random)``
    The wait before retry number ``attempt`` (1 for the first retry): the ceiling
    ``min(cap, base * 2 ** (attempt - 1))`` multiplied by ``random()``, a function returning a
    float in ``[0, 1)``. It works for any attempt, even ``attempt=5000``, where ``2 ** 4999``
    is too big to turn into a float. ``attempt`` below 1 raises ``ValueError`` with a message
    that shows it.

``retry(operation, *, attempts, sleep, random, base=0.5, cap=30.0)``
    Call ``operation()`` and return its result. When it raises ``ConnectionError`` or
    ``TimeoutError``, wait ``sleep(backoff_delay(n, ...))`` and try again (``n`` counts the
    retries from 1), making at most ``attempts`` calls in all; after the last one, let the
    exception propagate. Any other exception propagates at once, without a retry. ``attempts``
    below 1 raises ``ValueError`` with a message that shows it.

Example (``random`` always returns 0.5)::

    >>> [backoff_delay(n, base=1.0, cap=5.0, random=lambda: 0.5) for n in (1, 2, 3, 4)]
    [0.5, 1.0, 2.0, 2.5]
"""

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
RETRYABLE = (ConnectionError, TimeoutError)


def backoff_delay(attempt: int, *, base: float, cap: float, random: Callable[[], float]) -> float:
    """A random wait between 0 and the capped exponential ceiling for this attempt."""
    # BEGIN SOLUTION: validate, compute the capped ceiling without overflowing, apply jitter
    if attempt < 1:
        raise ValueError(f"attempt must be 1 or more, got {attempt}")
    try:
        ceiling = min(cap, base * 2.0 ** (attempt - 1))
    except OverflowError:  # 2 ** (attempt - 1) is past any float, so past the cap too
        ceiling = cap
    return ceiling * random()
    # END SOLUTION


def retry(
    operation: Callable[[], T],
    *,
    attempts: int,
    sleep: Callable[[float], object],
    random: Callable[[], float],
    base: float = 0.5,
    cap: float = 30.0,
) -> T:
    """Call ``operation`` up to ``attempts`` times, backing off after retryable errors."""
    # BEGIN SOLUTION: loop over the attempts; sleep between them, re-raise after the last
    if attempts < 1:
        raise ValueError(f"attempts must be 1 or more, got {attempts}")
    for retry_number in range(1, attempts):
        try:
            return operation()
        except RETRYABLE:
            sleep(backoff_delay(retry_number, base=base, cap=cap, random=random))
    return operation()
    # END SOLUTION
