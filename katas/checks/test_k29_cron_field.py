"""Checks for kata k29: parse one field of a cron expression."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call, expect_raises


def _parse(learner: Learner) -> Callable[..., Any]:
    return learner.function("parse_cron_field", signature="parse_cron_field(field: str, "
                            "minimum: int, maximum: int) -> list[int]")


def test_star_and_single(learner: Learner) -> None:
    """parses *, a single value and the bounds themselves"""
    parse = _parse(learner)
    expect_call(parse, "*", 0, 6, returns=[0, 1, 2, 3, 4, 5, 6],
                help="'*' is every value from minimum to maximum, both included.")
    expect_call(parse, "*", 1, 3, returns=[1, 2, 3], help="'*' starts at minimum, not at 0.")
    for field, expected in (("5", [5]), ("0", [0]), ("59", [59])):
        expect_call(parse, field, 0, 59, returns=expected,
                    help="A single number selects that value; minimum and maximum themselves "
                         "are allowed.")


def test_ranges(learner: Learner) -> None:
    """parses A-B ranges, both ends included"""
    parse = _parse(learner)
    expect_call(parse, "9-17", 0, 23, returns=list(range(9, 18)),
                help="'9-17' includes 17: use range(start, end + 1).")
    expect_call(parse, "4-4", 0, 23, returns=[4], help="A range may start and end on one value.")
    expect_call(parse, "0-23", 0, 23, returns=list(range(24)),
                help="A range from minimum to maximum is allowed.")


def test_steps(learner: Learner) -> None:
    """parses steps on *, ranges and single values"""
    parse = _parse(learner)
    for field, low, high, expected in (("*/15", 0, 59, [0, 15, 30, 45]),
                                       ("*/1", 1, 3, [1, 2, 3]),
                                       ("10-30/10", 0, 59, [10, 20, 30]),
                                       ("1-10/4", 0, 59, [1, 5, 9]),
                                       ("5/20", 0, 59, [5, 25, 45]),
                                       ("*/2", 1, 7, [1, 3, 5, 7])):
        expect_call(parse, field, low, high, returns=expected,
                    help="A step S keeps every S-th value starting at the first value of the "
                         "span (range(start, end + 1, step)); 'N/S' runs from N to maximum.")


def test_lists(learner: Learner) -> None:
    """joins comma-separated parts, sorted and without repeats"""
    parse = _parse(learner)
    expect_call(parse, "1-5,0", 0, 6, returns=[0, 1, 2, 3, 4, 5],
                help="Parse each comma-separated part and return all the values sorted.")
    expect_call(parse, "30,*/15,0", 0, 59, returns=[0, 15, 30, 45],
                help="Values selected by several parts appear once: collect them in a set.")


def test_refuses_out_of_range(learner: Learner) -> None:
    """refuses values one past either bound, quoting the field"""
    parse = _parse(learner)
    for field, low, high in (("60", 0, 59), ("0", 1, 12), ("13", 1, 12), ("0-7", 0, 6),
                             ("1,2,32", 1, 31), ("32/2", 1, 31)):
        expect_raises(ValueError, parse, field, low, high, match=repr(field),
                      help=f"Every value must be within {low}-{high}, bounds included; quote "
                           "the whole field in the message ({field!r}).")


def test_refuses_bad_syntax(learner: Learner) -> None:
    """refuses reversed ranges, zero steps, empty parts and other text, quoting the field"""
    parse = _parse(learner)
    for field in ("17-9", "*/0", "1,,2", "", "a", "1-", "-5", "1-5/", " 5", "+5", "²",
                  "5-10-15", "*/x"):
        expect_raises(ValueError, parse, field, 0, 59, match=repr(field),
                      help="Numbers are ASCII digits only, a range's start is at most its end, "
                           "a step is at least 1 and no part is empty; int() alone accepts "
                           "' 5' and '+5', so check the characters first.")
