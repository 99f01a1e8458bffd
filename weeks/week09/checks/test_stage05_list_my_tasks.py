"""Checks for week09/stage05_list_my_tasks: GET /tasks is a page of the caller's tasks only."""

from __future__ import annotations

from pathlib import Path

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import open_taskhub


def test_list_only_own(learner: Learner, tmp_path: Path) -> None:
    """lists exactly the caller's tasks, never another user's"""
    with open_taskhub(learner, tmp_path) as hub:
        alice = hub.account("alice")
        bob = hub.account("bob")
        mine = {hub.task(alice, title=f"Alice's task {n}")["id"] for n in range(2)}
        theirs = {hub.task(bob, title="Bob's task")["id"]}
        for account, expected, other in ((alice, mine, theirs), (bob, theirs, mine)):
            listed = hub.list_ids(account)
            expect_true(
                sorted(listed) == sorted(expected),
                what=f"GET /tasks as {account.email.split('-')[0]}",
                expected=f"exactly their {len(expected)} task(s), each once",
                actual=f"{len(listed)} task(s)"
                + (", including another user's" if set(listed) & other else ""),
                help="Every task query starts from WHERE owner_id = the current user's id; "
                "a list without it shows everybody's tasks.",
            )


def test_empty_list(learner: Learner, tmp_path: Path) -> None:
    """answers a user without tasks with an empty page, not an error"""
    with open_taskhub(learner, tmp_path) as hub:
        hub.task(hub.account("busy"), title="Somebody else's")
        page = hub.page(hub.account("new"))
        expect_true(
            page["items"] == [],
            what="GET /tasks as a user who has no tasks",
            expected="a page whose 'items' is []",
            actual=f"{len(page['items'])} item(s)",
            help="No matching rows is an empty page with status 200; the owner filter keeps "
            "other users' tasks out.",
        )


def test_default_page_size(learner: Learner, tmp_path: Path) -> None:
    """returns at most 'limit' tasks, 20 by default, and echoes the limit"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("many")
        for n in range(21):
            hub.task(account, title=f"Chore {n}")
        for params, size in (({}, 20), ({"limit": 1}, 1), ({"limit": 100}, 21)):
            page = hub.page(account, params or None)
            expect_true(
                len(page["items"]) == size and page.get("limit") == params.get("limit", 20),
                what="GET /tasks"
                + (f"?limit={params['limit']}" if params else "")
                + " with 21 tasks",
                expected=f"{size} item(s) and 'limit' {params.get('limit', 20)}",
                actual=f"{len(page['items'])} item(s) and 'limit' {page.get('limit')!r}",
                help="Apply LIMIT query.limit to the owner's tasks (the schema defaults it to "
                "20 and caps it at 100) and report the limit used in the page.",
            )
