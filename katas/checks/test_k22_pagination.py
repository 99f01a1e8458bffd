"""Checks for kata k22: pagination maths."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, call, expect_equal, expect_raises

FIELDS = ("total_pages", "offset", "count", "has_previous", "has_next")


def _paginate(learner: Learner) -> Callable[..., Any]:
    return learner.function("paginate", signature="paginate(total: int, page: int, "
                                                  "per_page: int) -> Page")


def _expect_page(learner: Learner, total: int, page: int, per_page: int,
                 expected: tuple[Any, ...], help: str) -> None:
    result = call(_paginate(learner), total, page, per_page, help=help)
    got = tuple(getattr(result, name, None) for name in FIELDS)
    expect_equal(got, expected,
                 what=f"paginate(total={total}, page={page}, per_page={per_page}) as "
                      f"({', '.join(FIELDS)})",
                 help=help)
    expect_equal((result.page, result.per_page, result.total), (page, per_page, total),
                 what="(page, per_page, total) of the Page",
                 help="The Page also carries the three numbers it was computed from.")


def test_middle_page(learner: Learner) -> None:
    """computes a page in the middle"""
    _expect_page(learner, 45, 2, 20, (3, 20, 20, True, True),
                 help="45 items at 20 per page make 3 pages; page 2 skips the 20 items of "
                      "page 1 and has pages on both sides.")


def test_first_and_last_page(learner: Learner) -> None:
    """computes the first page and a short last page"""
    _expect_page(learner, 45, 1, 20, (3, 0, 20, False, True),
                 help="Page 1 skips nothing and has no previous page.")
    _expect_page(learner, 45, 3, 20, (3, 40, 5, True, False),
                 help="The last page shows only what is left: 45 - 40 = 5 items, and has no "
                      "next page.")


def test_exact_multiple(learner: Learner) -> None:
    """does not add an empty page when the total is an exact multiple"""
    _expect_page(learner, 40, 2, 20, (2, 20, 20, True, False),
                 help="40 items at 20 per page are exactly 2 full pages: round up only when "
                      "there is a remainder (ceiling division).")
    _expect_page(learner, 41, 3, 20, (3, 40, 1, True, False),
                 help="One item more than 2 full pages needs a third page with 1 item.")


def test_no_items(learner: Learner) -> None:
    """returns an empty first page when there are no items"""
    _expect_page(learner, 0, 1, 20, (0, 0, 0, False, False),
                 help="With no items there are 0 pages, but page 1 still exists and is empty, "
                      "so a list endpoint can answer 200 with an empty list.")


def test_per_page_bounds(learner: Learner) -> None:
    """accepts per_page 1 and 100 exactly"""
    _expect_page(learner, 3, 3, 1, (3, 2, 1, True, False),
                 help="per_page=1 is allowed: one item per page.")
    _expect_page(learner, 250, 3, 100, (3, 200, 50, True, False),
                 help="per_page=100 is allowed: the limit is inclusive.")


def test_refuses_bad_parameters(learner: Learner) -> None:
    """refuses per_page outside 1-100, a page below 1 and a negative total, naming the parameter"""
    paginate = _paginate(learner)
    for total, page, per_page, name in ((45, 1, 0, "per_page"), (45, 1, 101, "per_page"),
                                        (45, 0, 20, "page"), (45, -1, 20, "page"),
                                        (-1, 1, 20, "total")):
        expect_raises(ValueError, paginate, total, page, per_page, match=name,
                      help="Validate each parameter on its inclusive bounds and name it in the "
                           "message, so the API can say which query parameter is wrong.")


def test_refuses_page_past_the_end(learner: Learner) -> None:
    """refuses a page after the last one"""
    paginate = _paginate(learner)
    expect_raises(ValueError, paginate, 45, 4, 20, match="page 4",
                  help="45 items at 20 per page make 3 pages: page 4 does not exist. Say "
                       "which page was asked for, e.g. 'page 4 is past the last page, 3'.")
    expect_raises(ValueError, paginate, 0, 2, 20, match="page 2",
                  help="With no items only page 1 exists.")
