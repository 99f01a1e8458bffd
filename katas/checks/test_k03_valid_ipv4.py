"""Checks for kata k03: validate an IPv4 address."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call

SIGNATURE = "is_valid_ipv4(address: str) -> bool"


def _check(learner: Learner) -> Callable[..., Any]:
    return learner.function("is_valid_ipv4", signature=SIGNATURE)


def test_accepts_ordinary_addresses(learner: Learner) -> None:
    """accepts ordinary addresses, including 0.0.0.0 and 255.255.255.255"""
    is_valid_ipv4 = _check(learner)
    for address in ("192.168.1.10", "10.0.0.1", "8.8.8.8", "0.0.0.0", "255.255.255.255"):
        expect_call(is_valid_ipv4, address, returns=True,
                    help="Four numbers from 0 to 255 separated by dots are valid, and both "
                         "0 and 255 are inside the range.")


def test_rejects_octet_above_255(learner: Learner) -> None:
    """rejects a part above 255"""
    is_valid_ipv4 = _check(learner)
    for address in ("256.1.1.1", "1.2.3.999", "1.2.3.1000"):
        expect_call(is_valid_ipv4, address, returns=False,
                    help="Convert each part to a number and check it is at most 255.")


def test_rejects_wrong_number_of_parts(learner: Learner) -> None:
    """rejects three or five parts and empty parts between dots"""
    is_valid_ipv4 = _check(learner)
    for address in ("10.0.0", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3", "...", ""):
        expect_call(is_valid_ipv4, address, returns=False,
                    help="Splitting on '.' must give exactly four parts, and none of them "
                         "may be empty.")


def test_rejects_leading_zeros(learner: Learner) -> None:
    """rejects a part with a leading zero but accepts a lone 0"""
    is_valid_ipv4 = _check(learner)
    for address, valid in (("10.01.0.1", False), ("010.0.0.1", False), ("1.2.3.00", False),
                           ("10.0.0.10", True)):
        expect_call(is_valid_ipv4, address, returns=valid,
                    help="A part of more than one character must not start with '0'; the "
                         "single character '0' is fine.")


def test_rejects_signs_spaces_and_other_digits(learner: Learner) -> None:
    """rejects signs, spaces, a trailing newline and digits from other scripts"""
    is_valid_ipv4 = _check(learner)
    for address in ("1.2.3.+4", "1.2.3.-4", "1.2. 3.4", " 1.2.3.4", "1.2.3.4\n", "1.2.3.٤",
                    "1.2.3.²", "a.b.c.d", "0x7f.0.0.1"):
        expect_call(is_valid_ipv4, address, returns=False,
                    help="int() forgives a lot: int(' 3'), int('+4') and int('٤') all work. "
                         "Check that every character of a part is one of '0' to '9' before "
                         "converting it.")
