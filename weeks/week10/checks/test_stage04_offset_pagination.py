"""Checks for week10/stage04_offset_pagination: limit and offset pages with a total of one's own."""

from __future__ import annotations

from pathlib import Path

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import describe_request, move_task, open_taskhub

_TOTAL_HELP = (
    "Count with the same filtered query as the page (the caller's tasks and every filter), "
    "without LIMIT and OFFSET: TaskRepository.count_for_owner reuses _filtered."
)


def test_offset_pagination(learner: Learner, tmp_path: Path) -> None:
    """pages by offset with a total that counts only the caller's tasks"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("pager")
        created = {hub.task(account, title=f"Task {n}")["id"] for n in range(5)}
        hub.task(hub.account("noise"), title="Not yours")
        seen: list[str] = []
        for offset, size in ((0, 2), (2, 2), (4, 1), (5, 0)):
            params = {"limit": 2, "offset": offset}
            page = hub.page(account, params)
            ids = [str(item.get("id")) for item in page["items"]]
            expect_true(
                len(ids) == size and page.get("total") == 5 and page.get("offset") == offset,
                what=describe_request("GET", "/tasks", params),
                expected=f"{size} item(s), offset {offset} and total 5",
                actual=f"{len(ids)} item(s), offset {page.get('offset')!r} and total "
                f"{page.get('total')!r}",
                help="Apply OFFSET and LIMIT after ORDER BY and echo the offset. " + _TOTAL_HELP,
            )
            seen += ids
        expect_true(
            sorted(seen) == sorted(created),
            what="GET /tasks?limit=2 with offsets 0, 2, 4 and 5",
            expected="each of the 5 tasks exactly once",
            actual=f"{len(set(seen))} distinct of {len(seen)} items",
            help="A stable order (the sort column, then the id) keeps pages from overlapping.",
        )


def test_total_follows_the_filters(learner: Learner, tmp_path: Path) -> None:
    """counts only the tasks the filters match in 'total'"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("counter")
        tasks = [hub.task(account, title=f"Job {n}") for n in range(3)]
        move_task(hub, account, tasks[0]["id"], "in_progress")
        other = hub.account("other")
        move_task(hub, other, hub.task(other, title="Theirs")["id"], "in_progress")
        for params, total in (({"status": "in_progress"}, 1), ({"status": "todo"}, 2)):
            page = hub.page(account, {**params, "limit": 1})
            expect_true(
                page.get("total") == total,
                what=describe_request("GET", "/tasks", {**params, "limit": 1}),
                expected=f"total {total}",
                actual=f"total {page.get('total')!r}",
                help=_TOTAL_HELP,
            )


def test_page_bounds(learner: Learner, tmp_path: Path) -> None:
    """accepts limit 1 and 100 and offset 10000, and refuses 0, 101 and 10001 with 422"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("bounds")
        hub.task(account, title="Only one")
        for params, size in (({"limit": 1}, 1), ({"limit": 100}, 1), ({"offset": 10_000}, 0)):
            page = hub.page(account, params)
            expect_true(
                len(page["items"]) == size,
                what=describe_request("GET", "/tasks", params),
                expected=f"{size} item(s)",
                actual=f"{len(page['items'])} item(s)",
                help="limit runs from 1 to 100 and offset from 0 to 10,000, both ends included.",
            )
        for params in ({"limit": 0}, {"limit": 101}, {"offset": 10_001}, {"offset": -1}):
            hub.request(
                "GET",
                "/tasks",
                account=account,
                params=params,
                expect=422,
                help="limit is bounded (1 to 100) and offset (0 to 10,000) in the query schema, "
                "so FastAPI refuses anything else with 422 before your code runs.",
            )
