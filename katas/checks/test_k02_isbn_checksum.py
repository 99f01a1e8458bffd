"""Checks for kata k02: check an ISBN-10 or ISBN-13."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call

SIGNATURE = "is_valid_isbn(text: str) -> bool"


def _check(learner: Learner) -> Callable[..., Any]:
    return learner.function("is_valid_isbn", signature=SIGNATURE)


def test_accepts_isbn10(learner: Learner) -> None:
    """accepts a valid ISBN-10, with or without separators"""
    is_valid_isbn = _check(learner)
    for text in ("0306406152", "0-306-40615-2", "0 306 40615 2", "1-56619-909-3"):
        expect_call(is_valid_isbn, text, returns=True,
                    help="Remove hyphens and spaces first, then multiply the ten digits by "
                         "10, 9, ..., 1: for a valid ISBN-10 the total divides by 11.")


def test_accepts_isbn10_ending_in_x(learner: Learner) -> None:
    """accepts an ISBN-10 whose check digit is X (10), in either case"""
    is_valid_isbn = _check(learner)
    for text in ("080442957X", "0-8044-2957-x"):
        expect_call(is_valid_isbn, text, returns=True,
                    help="In an ISBN-10 the last character may be 'X' or 'x', which counts "
                         "as the value 10 in the sum.")


def test_accepts_isbn13(learner: Learner) -> None:
    """accepts a valid ISBN-13, with or without separators"""
    is_valid_isbn = _check(learner)
    for text in ("9780306406157", "978-0-306-40615-7", "979-10-90636-07-1"):
        expect_call(is_valid_isbn, text, returns=True,
                    help="For ISBN-13 the weights alternate 1, 3, 1, 3, ... from the left, "
                         "and the total of a valid number divides by 10.")


def test_rejects_wrong_check_digit(learner: Learner) -> None:
    """rejects an ISBN whose check digit does not match"""
    is_valid_isbn = _check(learner)
    for text in ("0306406153", "0-306-40615-X", "9780306406158", "978-0-306-40615-0"):
        expect_call(is_valid_isbn, text, returns=False,
                    help="The right length and characters are not enough: compute the "
                         "weighted sum and check it divides by 11 (ISBN-10) or 10 (ISBN-13).")


def test_rejects_bad_length_or_characters(learner: Learner) -> None:
    """rejects the wrong length, letters, and an X anywhere but the end of an ISBN-10"""
    is_valid_isbn = _check(learner)
    for text in ("", "030640615", "03064061520", "97803064061570", "0306A06152", "X306406152",
                 "978030640615X", "0306406152²", "0306406\u066152", "0_306_40615_2"):
        expect_call(is_valid_isbn, text, returns=False,
                    help="After removing hyphens and spaces, only 10 or 13 characters can be "
                         "valid, all of them digits 0-9, except a final X in an ISBN-10. "
                         "str.isdigit() also accepts digits such as '\u0661' and '²', so compare "
                         "with '0' and '9' instead. Anything else returns False, not an error.")
