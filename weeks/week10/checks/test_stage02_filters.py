"""Checks for week10/stage02_filters: status, priority, due-date and text filters that combine."""

from __future__ import annotations

from pathlib import Path

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import (
    describe_request,
    open_taskhub,
    seed_three_tasks,
    titles,
)

FILTER_HELP = (
    "Each query parameter that is present adds one WHERE clause to the owner's tasks "
    "(TaskRepository._filtered); the count uses the same filters."
)


def test_filters(learner: Learner, tmp_path: Path) -> None:
    """filters by status, priority, due date and text, alone and combined"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("filter")
        seed_three_tasks(hub, account)
        hub.task(hub.account("noise"), title="Buy milk for the neighbours", priority=1)
        cases: list[tuple[dict[str, object], list[str], str]] = [
            ({"status": "in_progress"}, ["Write report"], "status is an exact match."),
            ({"priority": 4}, ["Fix bike"], "priority is an exact match."),
            (
                {"due_before": "2030-01-10"},
                ["Buy milk"],
                "due_before keeps tasks due on or before the date (the bound is included); a "
                "task with no due date never matches.",
            ),
            (
                {"due_before": "2030-01-09"},
                [],
                "due_before: a task due the day after the bound is left out.",
            ),
            (
                {"due_after": "2030-02-15"},
                ["Write report"],
                "due_after: on or after the date (the bound is included).",
            ),
            ({"due_after": "2030-02-16"}, [], "due_after: a day before the bound is left out."),
            ({"q": "milk"}, ["Buy milk"], "q searches the title (only the caller's tasks)."),
            ({"q": "MILK"}, ["Buy milk"], "q ignores letter case."),
            ({"q": "quarterly"}, ["Write report"], "q also searches the description."),
            (
                {"status": "todo", "priority": 1},
                ["Buy milk"],
                "Filters combine with AND.",
            ),
            ({"status": "cancelled"}, [], "No task matches: the page is empty, not an error."),
        ]
        for params, expected, why in cases:
            names = titles(hub, account, params)
            expect_true(
                sorted(names) == sorted(expected),
                what=describe_request("GET", "/tasks", params),
                expected=str(expected),
                actual=str(names),
                help=f"{why} {FILTER_HELP}",
            )


def test_text_search_is_not_a_pattern(learner: Learner, tmp_path: Path) -> None:
    """treats % and _ in the text search as plain characters"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("literal")
        hub.task(account, title="Raise prices by 10%")
        hub.task(account, title="Raise prices by 100")
        hub.task(account, title="snake_case names")
        hub.task(account, title="snakeXcase names")
        for params, expected in (
            ({"q": "10%"}, ["Raise prices by 10%"]),
            ({"q": "e_c"}, ["snake_case names"]),
        ):
            names = titles(hub, account, params)
            expect_true(
                sorted(names) == expected,
                what=describe_request("GET", "/tasks", params),
                expected=str(expected),
                actual=str(names),
                help="In LIKE, % and _ are wildcards: escape them in the user's text "
                "(the repository's _escape_like helper) and pass escape=..., or '10%' "
                "matches '100'.",
            )
