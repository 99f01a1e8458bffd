"""Checks for week10/stage03_sorting: whitelisted sort fields, both directions, a total order."""

from __future__ import annotations

from pathlib import Path

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import (
    describe_request,
    open_taskhub,
    seed_three_tasks,
    titles,
)


def test_sorting(learner: Learner, tmp_path: Path) -> None:
    """sorts by a whitelisted field in both directions and refuses unknown fields"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("sorter")
        seed_three_tasks(hub, account)
        cases: list[tuple[dict[str, object], list[str]]] = [
            ({"sort": "priority", "order": "asc"}, ["Buy milk", "Write report", "Fix bike"]),
            ({"sort": "priority", "order": "desc"}, ["Fix bike", "Write report", "Buy milk"]),
            ({"sort": "title", "order": "asc"}, ["Buy milk", "Fix bike", "Write report"]),
            ({"sort": "title", "order": "desc"}, ["Write report", "Fix bike", "Buy milk"]),
            ({"sort": "title"}, ["Write report", "Fix bike", "Buy milk"]),
        ]
        for params, expected in cases:
            names = titles(hub, account, params)
            expect_true(
                names == expected,
                what=describe_request("GET", "/tasks", params),
                expected=str(expected),
                actual=str(names),
                help="Map the sort name to a column through a whitelist, order by it in the "
                "requested direction (descending when no order is given), then by id as a "
                "tie-breaker.",
            )
        refused: list[dict[str, object]] = [
            {"sort": "password_hash"},
            {"sort": "title", "order": "sideways"},
        ]
        for params in refused:
            hub.request(
                "GET",
                "/tasks",
                account=account,
                params=params,
                expect=(400, 422),
                help="Only whitelisted fields and the two directions are accepted: the enums of "
                "the query schema refuse anything else before it reaches SQL.",
            )


def test_newest_first_by_default(learner: Learner, tmp_path: Path) -> None:
    """lists the newest task first when no sort is given"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("recent")
        made = [hub.task(account, title=f"Step {n}")["title"] for n in range(3)]
        names = titles(hub, account, {})
        expect_true(
            names == made[::-1],
            what="GET /tasks after creating 'Step 0', 'Step 1' and 'Step 2'",
            expected=str(made[::-1]),
            actual=str(names),
            help="The default order is created_at descending, then id descending: the task "
            "created last comes first.",
        )
