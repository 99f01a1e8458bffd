"""Checks for week10/stage05_keyset_pagination: cursors that never repeat or skip a task."""

from __future__ import annotations

from pathlib import Path

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import Account, TaskHub, describe_request, expect_problem, open_taskhub


def _walk(hub: TaskHub, account: Account, params: dict[str, object]) -> list[str]:
    """Follow next_cursor from the first page to the last; return every id in order."""
    ids: list[str] = []
    cursor: str | None = None
    for _ in range(20):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        page = hub.page(account, query)
        ids += [str(item.get("id")) for item in page["items"]]
        cursor = page.get("next_cursor")
        if not cursor:
            return ids
    expect_true(
        False,
        what=describe_request("GET", "/tasks", params) + " followed by its cursors",
        expected="a last page without next_cursor",
        actual="more than 20 pages",
        help="next_cursor must point past the last item of the page, and be absent (null) "
        "when nothing follows.",
    )
    return ids


def test_cursor_pagination(learner: Learner, tmp_path: Path) -> None:
    """walks every page with a cursor, never repeating or skipping a task"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("walker")
        priorities = [2, 2, 1, 2, 3, 2, 2]
        created = [
            hub.task(account, title=f"Task {n}", priority=p)["id"] for n, p in enumerate(priorities)
        ]
        walks: list[dict[str, object]] = [
            {"limit": 3},
            {"limit": 2, "sort": "priority", "order": "asc"},
            {"limit": 1, "sort": "priority", "order": "desc"},
        ]
        for params in walks:
            ids = _walk(hub, account, params)
            expect_true(
                len(ids) == len(set(ids)) and sorted(ids) == sorted(created),
                what=describe_request("GET", "/tasks", params) + " followed by its cursors",
                expected=f"each of the {len(created)} tasks exactly once",
                actual=f"{len(ids)} items, {len(set(ids))} distinct",
                help="Keyset pagination continues after the last row seen: compare the pair "
                "(sort value, id) with a row comparison, so equal sort values neither repeat "
                "nor vanish at a page boundary.",
            )


def test_cursor_follows_the_order(learner: Learner, tmp_path: Path) -> None:
    """returns the same order by cursor as in one big page"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("ordered")
        for n, priority in enumerate([3, 1, 4, 1, 2, 4]):
            hub.task(account, title=f"Task {n}", priority=priority)
        params: dict[str, object] = {"sort": "priority", "order": "desc"}
        whole = [str(item.get("id")) for item in hub.page(account, params)["items"]]
        walked = _walk(hub, account, {**params, "limit": 2})
        expect_true(
            walked == whole,
            what=describe_request("GET", "/tasks", {**params, "limit": 2})
            + " followed by its cursors",
            expected="the tasks in the order of one page of 20",
            actual="another order",
            help="The cursor's comparison must match the ORDER BY: in descending order the "
            "next page holds the rows whose (value, id) is smaller than the last one seen.",
        )


def test_bad_cursor(learner: Learner, tmp_path: Path) -> None:
    """refuses a cursor the server did not make with a 400 problem"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("forger")
        for n in range(3):
            hub.task(account, title=f"Task {n}")
        cursor = hub.page(account, {"limit": 1}).get("next_cursor")
        expect_true(
            isinstance(cursor, str) and bool(cursor),
            what="GET /tasks?limit=1 with 3 tasks",
            expected="a next_cursor, since more tasks follow",
            actual=f"next_cursor {cursor!r}",
            help="When the page is full, encode the last item's (sort value, id) as next_cursor.",
        )
        for params, what in (
            ({"cursor": "not-a-real-cursor"}, "a cursor that does not decode"),
            ({"cursor": str(cursor), "sort": "title"}, "a cursor made for another sort"),
        ):
            response = hub.request(
                "GET",
                "/tasks",
                account=account,
                params=params,
                expect=400,
                help="A cursor the server did not make for this query is the client's mistake: "
                "decode it defensively, compare its sort and order with the query's, and raise "
                "BadRequestError (400) when anything is off.",
            )
            expect_problem(
                f"GET /tasks with {what}",
                response,
                400,
                help="Raise the BadRequestError of core/errors.py.",
            )
