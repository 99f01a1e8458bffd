"""Checks for week11/ex05_property_tests: the learner's Hypothesis tests catch planted bugs.

The learner's test file runs with pytest in a child process (plugins off: Hypothesis works as
a library through @given), once on the original task_urls.py and once on each copy with one
planted bug. A good suite passes on the first and fails on every copy. Reports name the kind
of bug that escaped, never the planted code.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from workbook.checking import Learner, expect_true
from workbook.checking_tests import (
    PlantedBug,
    SuiteRun,
    expect_bugs_caught,
    expect_tests_pass,
    learner_suite,
    shown_beside,
)

#: normalised_sha256 of the shipped task_urls.py (update it when that file changes).
REFERENCE_SHA256 = "c447d37e83eeec9c49aaf2a8f67e248df88ff429d53c55263a2b90e661060443"

SLUG_BUGS = [
    PlantedBug(
        "underscores",
        "a slug that keeps underscores",
        ('r"[^a-z0-9]+", "-", ascii_text.lower()', 'r"\\W+", "-", ascii_text.lower()'),
    ),
    PlantedBug(
        "capitals",
        "a slug that keeps capital letters",
        (
            're.sub(r"[^a-z0-9]+", "-", ascii_text.lower())',
            're.sub(r"[^a-zA-Z0-9]+", "-", ascii_text)',
        ),
    ),
    PlantedBug(
        "double_hyphen",
        "a slug with a double hyphen where two separators meet",
        ('r"[^a-z0-9]+", "-"', 'r"[^a-z0-9]", "-"'),
    ),
    PlantedBug(
        "edge_hyphen",
        "a slug that starts or ends with a hyphen",
        ('ascii_text.lower()).strip("-")', "ascii_text.lower())"),
    ),
    PlantedBug(
        "too_long",
        "a slug of 51 characters",
        ("slug[:MAX_SLUG_LENGTH]", "slug[: MAX_SLUG_LENGTH + 1]"),
    ),
    PlantedBug(
        "cut_hyphen",
        "a long slug cut just after a hyphen, so it ends with one",
        ('slug[:MAX_SLUG_LENGTH].rstrip("-")', "slug[:MAX_SLUG_LENGTH]"),
    ),
    PlantedBug(
        "cut_short",
        "a slug cut at 49 characters",
        ("slug[:MAX_SLUG_LENGTH]", "slug[: MAX_SLUG_LENGTH - 1]"),
    ),
    PlantedBug(
        "drops_digits", "a slug that drops the digits", ('r"[^a-z0-9]+", "-"', 'r"[^a-z]+", "-"')
    ),
]
PATH_BUGS = [
    PlantedBug(
        "title_digits",
        "a path reader that also reads the digits of the slug",
        ("return int(match.group(1))", 'return int("".join(re.findall(r"[0-9]+", path)))'),
    ),
    PlantedBug(
        "empty_slug",
        "a task path ending in a hyphen when the title has no words",
        (
            'return f"/tasks/{task_id}-{slug}" if slug else f"/tasks/{task_id}"',
            'return f"/tasks/{task_id}-{slug}"',
        ),
    ),
    PlantedBug(
        "refuses_1", "a task path that refuses task 1", ("if task_id < 1:", "if task_id <= 1:")
    ),
    PlantedBug(
        "accepts_0", "a task path that accepts id 0", ("if task_id < 1:", "if task_id < 0:")
    ),
    PlantedBug(
        "vague_id_error",
        "an id error that does not say ids start at 1",
        ('f"a task id starts at 1, got {task_id}"', 'f"bad task id {task_id}"'),
    ),
]
PAGE_BUGS = [
    PlantedBug(
        "vague_per_page_error",
        "a per_page error that does not say the bounds",
        ('f"per_page must be 1 to {MAX_PER_PAGE}, got {per_page}"', 'f"bad size {per_page}"'),
    ),
    PlantedBug(
        "vague_page_error",
        "a page error that does not say pages start at 1",
        ('f"page starts at 1, got {page}"', 'f"bad page {page}"'),
    ),
    PlantedBug(
        "skips_page",
        "pages that start one page too late",
        ("start = (page - 1) * per_page", "start = page * per_page"),
    ),
    PlantedBug(
        "short_pages",
        "pages that hold one item fewer than per_page",
        ("items[start : start + per_page]", "items[start : start + per_page - 1]"),
    ),
    PlantedBug(
        "no_last_page",
        "a page count that leaves out the last, partly filled page",
        ("return -(-total // per_page)", "return total // per_page"),
    ),
    PlantedBug(
        "extra_page",
        "a page count with an empty page at the end",
        ("return -(-total // per_page)", "return total // per_page + 1"),
    ),
    PlantedBug(
        "refuses_100",
        "a per_page of exactly 100 refused",
        ("1 <= per_page <= MAX_PER_PAGE", "1 <= per_page < MAX_PER_PAGE"),
    ),
    PlantedBug(
        "accepts_101", "a per_page of 101 accepted", ("MAX_PER_PAGE = 100", "MAX_PER_PAGE = 101")
    ),
    PlantedBug(
        "per_page_0",
        "a per_page of 0 accepted by paginate",
        ("1 <= per_page <= MAX_PER_PAGE", "0 <= per_page <= MAX_PER_PAGE"),
    ),
    PlantedBug("accepts_page_0", "page 0 accepted", ("if page < 1:", "if page < 0:")),
]


def suite(learner: Learner, tmp_path: Path) -> SuiteRun:
    """The learner's tests, run on the original task_urls.py and on every planted bug (once)."""
    return learner_suite(
        learner,
        tmp_path,
        subject="task_urls.py",
        tests="test_task_urls.py",
        sha256=REFERENCE_SHA256,
        bugs=[*SLUG_BUGS, *PATH_BUGS, *PAGE_BUGS],
    )


def _decorator_name(node: ast.expr) -> str:
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Attribute):
        return target.attr
    return target.id if isinstance(target, ast.Name) else ""


def test_passes_on_the_reference(learner: Learner, tmp_path: Path) -> None:
    """your tests pass on the correct task_urls.py"""
    shown = shown_beside(learner, "test_task_urls.py")
    expect_tests_pass(suite(learner, tmp_path), shown=shown, minimum=6)


@pytest.mark.requires("test_passes_on_the_reference")
def test_tests_are_properties(learner: Learner) -> None:
    """every test is a Hypothesis property (@given)"""
    path = learner.path.parent / "test_task_urls.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    plain = [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and node.name.startswith("test_")
        and "given" not in {_decorator_name(d) for d in node.decorator_list}
    ]
    expect_true(
        not plain,
        what="tests without @given",
        expected="none",
        actual=", ".join(plain),
        help="Each test states a rule for every input: decorate it with @given(...) and "
        "take the generated values as parameters. Hand-picked edges go in @example.",
    )


@pytest.mark.requires("test_passes_on_the_reference")
def test_catches_slug_bugs(learner: Learner, tmp_path: Path) -> None:
    """your tests catch broken slugs"""
    expect_bugs_caught(
        suite(learner, tmp_path),
        SLUG_BUGS,
        help="Assert the whole shape of any slug (SLUG.fullmatch checks the letters, "
        "the single hyphens and the length); add an @example title that is cut right "
        "after a hyphen at 50 characters; and check that plain words and digits, up to "
        "exactly 50 characters, come through unchanged.",
    )


@pytest.mark.requires("test_passes_on_the_reference")
def test_catches_path_bugs(learner: Learner, tmp_path: Path) -> None:
    """your tests catch broken task paths"""
    expect_bugs_caught(
        suite(learner, tmp_path),
        PATH_BUGS,
        help="Round-trip any id from 1 with any title (digits and titles with no "
        "words included), and check that every id from 0 down is refused with "
        "the message the docstring gives.",
    )


@pytest.mark.requires("test_passes_on_the_reference")
def test_catches_page_bugs(learner: Learner, tmp_path: Path) -> None:
    """your tests catch broken pages"""
    expect_bugs_caught(
        suite(learner, tmp_path),
        PAGE_BUGS,
        help="Read every page from 1 to page_count and check that together they "
        "are exactly the items, none empty and none over per_page; then try "
        "per_page 1 and 100 (allowed) and 0, 101 and page 0 (refused, with the "
        "docstring's messages).",
    )
