"""Checks for kata k01: validate a username."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call

SIGNATURE = "is_valid_username(name: str) -> bool"


def _check(learner: Learner) -> Callable[..., Any]:
    return learner.function("is_valid_username", signature=SIGNATURE)


def test_accepts_typical_usernames(learner: Learner) -> None:
    """accepts ordinary usernames made of letters, digits and single underscores"""
    is_valid_username = _check(learner)
    for name in ("ann", "ann_lee", "user42", "a1_b2_c3"):
        expect_call(is_valid_username, name, returns=True,
                    help="Lowercase letters, digits and single underscores are all allowed, "
                         "as long as the name starts with a letter.")


def test_length_limits(learner: Learner) -> None:
    """accepts 3 to 20 characters and rejects anything shorter or longer"""
    is_valid_username = _check(learner)
    for name, valid in (("ab", False), ("abc", True), ("a" * 20, True), ("a" * 21, False)):
        expect_call(is_valid_username, name, returns=valid,
                    help="Both limits are included: 3 and 20 characters are fine, 2 and 21 are "
                         "not. Check the comparison operators at each end.")


def test_accepts_the_ends_of_each_range(learner: Learner) -> None:
    """accepts the first and last letter and digit: a, z, 0 and 9"""
    is_valid_username = _check(learner)
    for name in ("zoe", "a09", "z_9", "amy_0z"):
        expect_call(is_valid_username, name, returns=True,
                    help="The ranges a-z and 0-9 include both ends: compare with <= on each side "
                         "('a' <= char <= 'z'), or write the class [a-z0-9_] in a regular "
                         "expression.")


def test_rejects_names_not_starting_with_a_letter(learner: Learner) -> None:
    """rejects a name that starts with a digit or an underscore"""
    is_valid_username = _check(learner)
    for name in ("42user", "_ann", "9_lives"):
        expect_call(is_valid_username, name, returns=False,
                    help="Look at the first character on its own: it must be a letter a-z, "
                         "even though digits and underscores are fine later on.")


def test_rejects_other_characters(learner: Learner) -> None:
    """rejects uppercase, spaces, punctuation and non-ASCII characters"""
    is_valid_username = _check(learner)
    for name in ("Ann", "ann lee", " ann", "ann-lee", "ann.lee", "ann_lee\n", "josé", "user²",
                 "user٤", "ann{", "ann`", "ann/", "ann:", "{ann"):
        expect_call(is_valid_username, name, returns=False,
                    help="Only a-z, 0-9 and _ are allowed. Careful: str.isalnum() and "
                         "str.isdigit() say yes to letters like 'é' and digits like '²', and "
                         "in a regular expression '$' also matches before a final newline "
                         "(re.fullmatch does not).")


def test_rejects_misplaced_underscores(learner: Learner) -> None:
    """rejects two underscores in a row and a trailing underscore"""
    is_valid_username = _check(learner)
    for name in ("ann__lee", "ann_", "ann___"):
        expect_call(is_valid_username, name, returns=False,
                    help="An underscore must sit between two letters or digits: never twice "
                         "in a row, never at the end.")


def test_rejects_empty_string(learner: Learner) -> None:
    """returns False for an empty string instead of raising"""
    is_valid_username = _check(learner)
    expect_call(is_valid_username, "", returns=False,
                help="An empty name is simply invalid. If you read name[0], make sure the "
                     "length check runs first so an empty string never gets that far.")
