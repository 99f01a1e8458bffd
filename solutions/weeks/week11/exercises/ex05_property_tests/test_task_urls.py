"""Property-based tests for task_urls.py.

Run them with:  pytest weeks/week11/exercises/ex05_property_tests

Each test states a rule that holds for every input, and Hypothesis looks for an input that
breaks it: ``@given(strategy, ...)`` calls the test many times with generated values, and
``@example(...)`` adds a case that is always tried (put the edges there). The rules to test
are in task_urls.py's docstrings. Write each test so that it would fail if the code broke its
rule: the grader runs your tests on copies of task_urls.py with planted bugs.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from .task_urls import (
    MAX_SLUG_LENGTH,
    page_count,
    paginate,
    parse_task_path,
    slugify,
    task_path,
)

# The same generated inputs on every run, so two runs of the same tests give the same verdict.
settings.register_profile(
    "repeatable", derandomize=True, database=None, deadline=None, max_examples=50
)
settings.load_profile("repeatable")

SLUG = re.compile(r"(?=.{1,50}\Z)[a-z0-9]+(?:-[a-z0-9]+)*")  # 1 to 50 characters: words, hyphens

# Strategies to build your tests from (combine them, or write your own). The edges of a range
# (an id of exactly 1, a page size of exactly 100) are mixed in on purpose.
TITLES = st.text(st.characters(codec="utf-8") | st.sampled_from("aZ9 -_.!é"), max_size=80)
WORDS = st.lists(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), min_size=1, max_size=5)
TASK_IDS = st.just(1) | st.integers(min_value=2)
IDS_BELOW_1 = st.just(0) | st.integers(max_value=-1)
ITEMS = st.lists(st.integers())
PAGE_SIZES = st.sampled_from([1, 100]) | st.integers(min_value=2, max_value=99)
PAGES = st.integers(min_value=1)


# BEGIN SOLUTION: decorate the test with @given (and @example for a title cut on a hyphen)
@given(TITLES)
@example("x" * (MAX_SLUG_LENGTH - 1) + " y")
def test_slug_shape(title: str) -> None:
# STUB: # TODO: generate the inputs with @given(...) and take them as parameters
# STUB: def test_slug_shape() -> None:
# END SOLUTION
    """Any title gives "" or lowercase ASCII words joined by single hyphens, at most 50 long."""
    # BEGIN SOLUTION: assert the slug's shape and its length
    slug = slugify(title)
    assert slug == "" or SLUG.fullmatch(slug), slug
    # END SOLUTION


# BEGIN SOLUTION: decorate the test with @given
@given(WORDS)
@example(["x" * MAX_SLUG_LENGTH])
def test_slug_keeps_simple_words(words: list[str]) -> None:
# STUB: # TODO: generate the inputs with @given(...) and take them as parameters
# STUB: def test_slug_keeps_simple_words() -> None:
# END SOLUTION
    """Lowercase words and digits separated by spaces come out joined by hyphens, if they fit."""
    # BEGIN SOLUTION: build the title from the words and compare the slug
    assert slugify(" ".join(words)) == "-".join(words)
    # END SOLUTION


# BEGIN SOLUTION: decorate the test with @given
@given(TASK_IDS, TITLES)
def test_task_path_round_trip(task_id: int, title: str) -> None:
# STUB: # TODO: generate the inputs with @given(...) and take them as parameters
# STUB: def test_task_path_round_trip() -> None:
# END SOLUTION
    """Reading back the path of any task with any title gives the task's id."""
    # BEGIN SOLUTION: make the path, read it back
    assert parse_task_path(task_path(task_id, title)) == task_id
    # END SOLUTION


# BEGIN SOLUTION: decorate the test with @given
@given(IDS_BELOW_1, TITLES)
def test_task_path_refuses_ids_below_1(task_id: int, title: str) -> None:
# STUB: # TODO: generate the inputs with @given(...) and take them as parameters
# STUB: def test_task_path_refuses_ids_below_1() -> None:
# END SOLUTION
    """A task id of 0 or below is refused with ValueError."""
    # BEGIN SOLUTION: expect the ValueError
    with pytest.raises(ValueError, match="starts at 1"):
        task_path(task_id, title)
    # END SOLUTION


# BEGIN SOLUTION: decorate the test with @given
@given(ITEMS, PAGE_SIZES)
def test_pages_cover_the_items(items: list[int], per_page: int) -> None:
# STUB: # TODO: generate the inputs with @given(...) and take them as parameters
# STUB: def test_pages_cover_the_items() -> None:
# END SOLUTION
    """Pages 1 to page_count hold every item once, in order, none empty or over per_page."""
    # BEGIN SOLUTION: read every page and check what they hold together
    last = page_count(len(items), per_page)
    pages = [paginate(items, page, per_page) for page in range(1, last + 1)]
    assert [item for page in pages for item in page] == items
    assert all(1 <= len(page) <= per_page for page in pages)
    # END SOLUTION


# BEGIN SOLUTION: decorate the test with @given
@given(PAGE_SIZES, PAGES)
def test_page_size_bounds(per_page: int, page: int) -> None:
# STUB: # TODO: generate the inputs with @given(...) and take them as parameters
# STUB: def test_page_size_bounds() -> None:
# END SOLUTION
    """per_page may be 1 to 100 and page 1 or more; 0, 101 and a page of 0 are ValueError."""
    # BEGIN SOLUTION: call both functions inside the bounds, then just outside them
    assert paginate([], page, per_page) == []
    for wrong in (0, 101):
        with pytest.raises(ValueError, match="per_page must be 1 to"):
            paginate([], page, wrong)
    with pytest.raises(ValueError, match="page starts at 1"):
        paginate([], 0, per_page)
    # END SOLUTION
