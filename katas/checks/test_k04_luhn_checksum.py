"""Checks for kata k04: the Luhn checksum."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call, expect_raises


def _valid(learner: Learner) -> Callable[..., Any]:
    return learner.function("is_luhn_valid", signature="is_luhn_valid(number: str) -> bool")


def _check_digit(learner: Learner) -> Callable[..., Any]:
    return learner.function("luhn_check_digit", signature="luhn_check_digit(payload: str) -> str")


def test_accepts_valid_numbers(learner: Learner) -> None:
    """accepts valid numbers, with or without spaces between groups"""
    is_luhn_valid = _valid(learner)
    for number in ("79927398713", "4539 3195 0343 6467", "4111111111111111", "0000 0000"):
        expect_call(is_luhn_valid, number, returns=True,
                    help="Remove the spaces, then from the rightmost digit double every second "
                         "digit moving left. For '79927398713' the total is 70.")


def test_subtracts_nine_after_doubling(learner: Learner) -> None:
    """subtracts 9 when a doubled digit is above 9"""
    is_luhn_valid = _valid(learner)
    for number, valid in (("91", True), ("59", True), ("18", True), ("99", False)):
        expect_call(is_luhn_valid, number, returns=valid,
                    help="In '91' the 9 is doubled to 18, which counts as 18 - 9 = 9; with the "
                         "1 that makes 10. Are you doubling the right digits, counted from the "
                         "right?")


def test_rejects_typos(learner: Learner) -> None:
    """rejects a number with a wrong digit or two swapped digits"""
    is_luhn_valid = _valid(learner)
    for number in ("79927398710", "79927398731", "4539 3195 0343 6476", "4111111111111112"):
        expect_call(is_luhn_valid, number, returns=False,
                    help="A valid number's Luhn sum is a multiple of 10; these numbers each "
                         "have one typo, so their sums are not.")


def test_rejects_short_or_non_digit_input(learner: Learner) -> None:
    """returns False for fewer than two digits or characters other than digits and spaces"""
    is_luhn_valid = _valid(learner)
    for number in ("", " ", "0", "7992-7398-713", "7992739871a", "79927398713²"):
        expect_call(is_luhn_valid, number, returns=False,
                    help="Once the spaces are gone, at least two characters must remain and "
                         "every one must be a digit 0-9; otherwise return False, do not raise.")


def test_check_digit(learner: Learner) -> None:
    """computes the check digit that completes a payload"""
    luhn_check_digit = _check_digit(learner)
    for payload, digit in (("7992739871", "3"), ("453931950343646", "7"), ("411111111111111", "1"),
                           ("0", "0"), ("1", "8")):
        expect_call(luhn_check_digit, payload, returns=digit,
                    help="The check digit is the one (as a string, '0' to '9') that makes "
                         "payload + digit valid. Work out the sum with a 0 in its place, then "
                         "see how far that sum is from the next multiple of 10.")


def test_check_digit_rejects_bad_payload(learner: Learner) -> None:
    """raises ValueError naming the payload when it is empty or not all digits"""
    luhn_check_digit = _check_digit(learner)
    for payload in ("", "12a4", "1234 5678"):
        expect_raises(ValueError, luhn_check_digit, payload, match=payload or None,
                      help="Validate the payload before computing anything, and quote it in "
                           "the message (an f-string with {payload!r} does that).")
