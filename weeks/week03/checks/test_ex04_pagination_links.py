"""Checks for week03/ex04_pagination_links: page parameters and RFC 8288 Link headers."""

from __future__ import annotations

import re
from typing import Any

from workbook.checking import (
    CheckFailure,
    Learner,
    call,
    expect_call,
    expect_equal,
    expect_raises,
    show,
)

BASE = "/v1/tasks"
LINK = re.compile(r'<([^>]*)>; rel="([a-z]+)"')


def page_request(learner: Learner, page: int, per_page: int) -> Any:
    return learner.cls("PageRequest")(page, per_page)


def parse(learner: Learner, query: dict[str, str], help: str) -> tuple[int, int]:
    parse_pagination = learner.function("parse_pagination",
                                        signature="parse_pagination(query)")
    result = call(parse_pagination, query, help=help)
    return (result.page, result.per_page)


def test_defaults(learner: Learner) -> None:
    """uses page 1 and 20 per page when the query says nothing"""
    expect_equal(parse(learner, {}, help="An empty query is valid."), (1, 20),
                 what="parse_pagination({}) as (page, per_page)",
                 help="Missing parameters take their defaults: page 1, DEFAULT_PER_PAGE.")
    expect_equal(parse(learner, {"status": "todo", "page": "3"}, help="Valid query."), (3, 20),
                 what="parse_pagination({'status': 'todo', 'page': '3'}) as (page, per_page)",
                 help="Other parameters are not yours to check; read page, default per_page.")


def test_bounds_allowed(learner: Learner) -> None:
    """accepts page 1 and per_page from 1 to 100 inclusive"""
    for query, expected in (({"page": "1", "per_page": "1"}, (1, 1)),
                            ({"per_page": "100"}, (1, 100)),
                            ({"page": "250", "per_page": "99"}, (250, 99)),
                            ({"page": "007"}, (7, 20))):
        expect_equal(parse(learner, query, help="These values are on or inside the bounds."),
                     expected, what=f"parse_pagination({show(query)}) as (page, per_page)",
                     help="page >= 1 and 1 <= per_page <= MAX_PER_PAGE: the bounds themselves "
                     "are allowed.")


def refuse(learner: Learner, query: dict[str, str], message: str, help: str) -> None:
    parse_pagination = learner.function("parse_pagination")
    expect_raises(ValueError, parse_pagination, query, match=message, help=help)


def test_refuses_out_of_range(learner: Learner) -> None:
    """refuses page 0 and per_page 0 or 101 with the documented messages"""
    refuse(learner, {"page": "0"}, "page must be at least 1, got 0",
           help="Pages are numbered from 1.")
    refuse(learner, {"per_page": "0"}, "per_page must be between 1 and 100, got 0",
           help="A page holds at least one item.")
    refuse(learner, {"per_page": "101"}, "per_page must be between 1 and 100, got 101",
           help="Cap per_page at MAX_PER_PAGE so one request cannot ask for everything.")


def test_refuses_non_numbers(learner: Learner) -> None:
    """refuses values that are not plain whole numbers, quoting them"""
    for name, value in (("page", "abc"), ("page", "-1"), ("page", ""), ("page", " 2"),
                        ("page", "+2"), ("per_page", "2.5"), ("per_page", "\u0663")):
        refuse(learner, {name: value}, f"{name} must be a whole number, got {value!r}",
               help="Only ASCII digits make a whole number here: int() also accepts '-1', "
               "' 2', '+2' and other digits, so check the text (isascii and isdigit) first.")


def test_last_page(learner: Learner) -> None:
    """counts the pages, rounding up, with at least one page"""
    last_page = learner.function("last_page", signature="last_page(total: int, per_page: int)")
    for total, per_page, expected in ((0, 20, 1), (1, 20, 1), (20, 20, 1), (21, 20, 2),
                                      (100, 20, 5), (101, 20, 6), (7, 1, 7)):
        expect_call(last_page, total, per_page, returns=expected,
                    help="Round up: 21 items at 20 a page need 2 pages; an empty list still "
                    "has page 1 (an empty one). Use integer arithmetic, not floats.")


def links_of(learner: Learner, query: dict[str, str], page: int, per_page: int,
             total: int) -> list[tuple[str, str]]:
    link_header = learner.function("link_header",
                                   signature="link_header(base_url, query, request, total)")
    request = page_request(learner, page, per_page)
    header = call(link_header, BASE, query, request, total,
                  help="Building the header must not fail.")
    links = [(rel, url) for url, rel in LINK.findall(header)]
    rebuilt = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links)
    if rebuilt != header:
        raise CheckFailure(
            f"link_header({BASE!r}, {show(query)}, PageRequest({page}, {per_page}), {total}) "
            f"returned {header!r}, which is not a list of links",
            expected='<URL>; rel="first", <URL>; rel="last" (joined with ", ")',
            actual=repr(header),
            help='Write each link as <URL>; rel="name" with the quotes, and join them with ", ".',
        )
    return links


def expect_links(learner: Learner, query: dict[str, str], page: int, per_page: int,
                 total: int, expected: list[tuple[str, str]], help: str) -> None:
    expect_equal(links_of(learner, query, page, per_page, total), expected,
                 what=f"link_header({BASE!r}, {show(query)}, PageRequest({page}, {per_page}), "
                 f"{total}) as (rel, URL)", help=help)


def url(page: int, per_page: int = 20, prefix: str = "") -> str:
    return f"{BASE}?{prefix}page={page}&per_page={per_page}"


def test_middle_page(learner: Learner) -> None:
    """links first, prev, next and last from a middle page"""
    expect_links(learner, {}, 2, 20, 100,
                 [("first", url(1)), ("prev", url(1)), ("next", url(3)), ("last", url(5))],
                 help="From page 2 of 5: first is 1, prev 1, next 3, last 5, in that order.")


def test_first_page(learner: Learner) -> None:
    """has no prev link on the first page"""
    expect_links(learner, {}, 1, 20, 41,
                 [("first", url(1)), ("next", url(2)), ("last", url(3))],
                 help="Page 1 has nothing before it: leave prev out (41 items make 3 pages).")


def test_last_page_links(learner: Learner) -> None:
    """has no next link on the last page"""
    expect_links(learner, {}, 3, 20, 60,
                 [("first", url(1)), ("prev", url(2)), ("last", url(3))],
                 help="60 items at 20 a page end on page 3: leave next out there.")


def test_single_page(learner: Learner) -> None:
    """links only first and last when everything fits on one page"""
    expect_links(learner, {}, 1, 10, 10, [("first", url(1, 10)), ("last", url(1, 10))],
                 help="Ten items at ten a page is one page: no prev, no next.")
    expect_links(learner, {}, 1, 10, 0, [("first", url(1, 10)), ("last", url(1, 10))],
                 help="An empty collection still has page 1.")


def test_past_the_end(learner: Learner) -> None:
    """points prev at the last page when the client is past it"""
    expect_links(learner, {}, 9, 20, 50,
                 [("first", url(1)), ("prev", url(3)), ("last", url(3))],
                 help="Page 9 of a 3-page list: prev goes to page 3 (the last real page), and "
                 "there is no next.")


def test_keeps_other_parameters(learner: Learner) -> None:
    """keeps the other query parameters and encodes them"""
    query = {"status": "todo", "page": "2", "q": "blue mug", "per_page": "5", "tag": "a&b"}
    prefix = "status=todo&q=blue+mug&tag=a%26b&"
    expect_links(learner, query, 2, 5, 15,
                 [("first", url(1, 5, prefix)), ("prev", url(1, 5, prefix)),
                  ("next", url(3, 5, prefix)), ("last", url(3, 5, prefix))],
                 help="Keep every other parameter in its order, drop the old page and per_page, "
                 "append the new ones, and encode with urlencode (a space is '+', '&' is %26).")
