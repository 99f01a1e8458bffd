"""Checks for week01/ex01_functions_and_scopes: closures, defaults and keyword-only arguments."""

from __future__ import annotations

import pytest

from workbook.checking import Learner, expect_call, expect_equal, expect_raises, expect_true


def test_id_generator_counts_up(learner: Learner) -> None:
    """hands out request ids that count up from 1"""
    make_id_generator = learner.function(
        "make_id_generator", signature="make_id_generator(prefix: str, *, start: int = 1)"
    )
    next_id = make_id_generator("req")
    expect_true(callable(next_id), what="called make_id_generator('req')",
                expected="a function you can call to get the next id",
                actual=f"it returned {next_id!r}",
                help="Define an inner function, then return it (without calling it).")
    for expected in ("req-0001", "req-0002", "req-0003"):
        expect_call(next_id, returns=expected,
                    help="Keep the counter in make_id_generator and update it from the inner "
                    "function; format the number with four digits (f'{n:04d}').")


def test_id_generators_are_independent(learner: Learner) -> None:
    """keeps a separate counter for each generator"""
    make_id_generator = learner.function("make_id_generator")
    requests = make_id_generator("req")
    jobs = make_id_generator("job")
    requests()
    requests()
    expect_call(jobs, returns="job-0001",
                help="Each call of make_id_generator must create its own counter; a module-level "
                "(global) counter would be shared by every generator.")
    expect_call(requests, returns="req-0003",
                help="A generator's counter must not move when another generator is used.")


def test_id_generator_custom_start(learner: Learner) -> None:
    """starts counting from a custom number"""
    make_id_generator = learner.function("make_id_generator")
    next_id = make_id_generator("order", start=41)
    expect_call(next_id, returns="order-0041", help="The first id uses the start number itself.")
    expect_call(next_id, returns="order-0042", help="After the first id, add one each time.")
    big = make_id_generator("evt", start=123456)
    expect_call(big, returns="evt-123456",
                help="Four digits is the minimum width; longer numbers are written in full.")


def test_with_header_fresh_dict(learner: Learner) -> None:
    """returns a fresh dict on every call without headers"""
    with_header = learner.function("with_header")
    first = expect_call(with_header, "X-Request-Id", "req-0001",
                        returns={"X-Request-Id": "req-0001"},
                        help="Without headers, the result holds just the one header.")
    second = expect_call(with_header, "Accept", "application/json",
                         returns={"Accept": "application/json"},
                         help="A default of headers={} is created once and shared by every call, "
                         "so headers from earlier calls leak in. Default to None and create the "
                         "dict inside the function.")
    expect_true(first is not second, what="called with_header twice without headers",
                expected="two different dict objects", actual="the same dict both times",
                help="Create a new dict inside the function on every call.")


def test_with_header_leaves_argument_alone(learner: Learner) -> None:
    """does not change the headers dict passed in"""
    with_header = learner.function("with_header")
    original = {"Accept": "application/json"}
    expect_call(with_header, "Authorization", "Bearer abc", original,
                returns={"Accept": "application/json", "Authorization": "Bearer abc"},
                help="Copy the headers you are given, then add the new one to the copy.")
    expect_equal(original, {"Accept": "application/json"},
                 what="after with_header('Authorization', 'Bearer abc', headers), headers",
                 help="The caller's dict must not change: build the result in a copy "
                 "(dict(headers) or headers.copy()).")
    expect_call(with_header, "Accept", "text/html", original,
                returns={"Accept": "text/html"},
                help="Setting a header that already exists replaces its value.")


def test_paginate_pages(learner: Learner) -> None:
    """returns the right slice for each page"""
    paginate = learner.function(
        "paginate", signature="paginate(items, *, page: int = 1, per_page: int = 10)"
    )
    users = [f"user{n}" for n in range(1, 26)]
    expect_call(paginate, users, returns=users[:10],
                help="The defaults are page=1 and per_page=10: the first ten items.")
    expect_call(paginate, users, page=2, per_page=10, returns=users[10:20],
                help="Page 2 starts after the items of page 1: at index (page - 1) * per_page.")
    expect_call(paginate, users, page=3, per_page=10, returns=users[20:],
                help="The last page may be shorter than per_page.")
    expect_call(paginate, users, page=4, per_page=10, returns=[],
                help="A page past the end is an empty list, not an error (slicing never fails).")
    expect_call(paginate, ("a", "b", "c"), page=2, per_page=2, returns=["c"],
                help="Return a list even when the items are a tuple: wrap the slice in list().")


def test_paginate_rejects_bad_numbers(learner: Learner) -> None:
    """rejects page 0 and per_page outside 1-100 with ValueError"""
    paginate = learner.function("paginate")
    items = list(range(50))
    expect_raises(ValueError, paginate, items, page=0, match="page",
                  help="Pages are numbered from 1; raise ValueError naming 'page' for anything "
                  "smaller.")
    expect_raises(ValueError, paginate, items, page=-3, match="page",
                  help="Negative pages are invalid too.")
    expect_raises(ValueError, paginate, items, per_page=0, match="per_page",
                  help="A page must hold at least one item; name 'per_page' in the message.")
    expect_raises(ValueError, paginate, items, per_page=101, match="per_page",
                  help="Cap per_page at MAX_PER_PAGE (100) so one request cannot ask for "
                  "everything.")
    expect_call(paginate, items, per_page=100, returns=items,
                help="per_page=100 is the largest allowed value, and it is allowed.")
    expect_call(paginate, items, page=3, per_page=1, returns=[2],
                help="per_page=1 is the smallest allowed value: one item per page. Both ends "
                "of 1-100 are inclusive (1 <= per_page <= MAX_PER_PAGE).")


@pytest.mark.requires("test_paginate_pages")
def test_paginate_keyword_only(learner: Learner) -> None:
    """only accepts page and per_page as keywords"""
    paginate = learner.function("paginate")
    try:
        result = paginate(["a", "b", "c"], 2, 1)
    except TypeError:
        return
    expect_true(False, what="called paginate(['a', 'b', 'c'], 2, 1)",
                expected="TypeError: page and per_page can only be passed by keyword",
                actual=f"it returned {result!r}",
                help="Put a bare * in the parameter list before page: every parameter after it "
                "must be named at the call site.")
