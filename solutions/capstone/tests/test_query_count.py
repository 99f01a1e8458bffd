"""What a request sends to the database: constant statements per page, one commit per write."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, event

from tests.helpers import Api


def test_statements_per_page_are_constant(api: Api, connection: Connection) -> None:
    account = api.account()
    tags = [api.tag(account, f"tag{i}")["id"] for i in range(3)]
    for i in range(100):
        api.task(account, title=f"task {i}", tag_ids=tags[: i % 4])

    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(connection, "before_cursor_execute", record)
    counts = {}
    try:
        for size in (10, 50, 100):
            statements.clear()
            response = api.client.get(
                "/tasks", params={"limit": size, "status": "todo"}, headers=account.headers
            )
            assert len(response.json()["items"]) == size
            counts[size] = len([s for s in statements if s.lstrip().upper().startswith("SELECT")])
    finally:
        event.remove(connection, "before_cursor_execute", record)
    # user lookup + page of tasks joined with their tags + total count
    assert counts == {10: 3, 50: 3, 100: 3}


def test_reads_are_closed_and_writes_commit_once(api: Api, connection: Connection) -> None:
    """A GET's session is only closed (nothing to commit); a POST commits exactly once.

    In the suite each request's session runs in a savepoint of the test's connection, so a
    commit shows as a savepoint release and a plain close as a rollback to the savepoint.
    """
    account = api.account()
    ends: list[str] = []

    def released(*_args: Any) -> None:
        ends.append("commit")

    def rolled_back(*_args: Any) -> None:
        ends.append("close")

    event.listen(connection, "release_savepoint", released)
    event.listen(connection, "rollback_savepoint", rolled_back)
    try:
        api.client.get("/tasks", headers=account.headers).raise_for_status()
        reads = list(ends)
        ends.clear()
        api.client.post("/tasks", json={"title": "x"}, headers=account.headers).raise_for_status()
        writes = list(ends)
    finally:
        event.remove(connection, "release_savepoint", released)
        event.remove(connection, "rollback_savepoint", rolled_back)
    assert reads == ["close"]
    assert writes == ["commit"]


def test_a_page_that_is_not_full_needs_no_count(api: Api, connection: Connection) -> None:
    """A short page ends the list, so it tells the total; past the end, the count still runs."""
    account = api.account()
    for i in range(5):
        api.task(account, title=f"task {i}")
    selects: list[str] = []

    def record(*args: Any) -> None:
        if str(args[2]).lstrip().upper().startswith("SELECT"):
            selects.append(args[2])

    event.listen(connection, "before_cursor_execute", record)
    seen = {}
    try:
        for params in ({"limit": 20}, {"limit": 20, "offset": 3}, {"limit": 5}, {"offset": 9}):
            selects.clear()
            body = api.client.get("/tasks", params=params, headers=account.headers).json()
            key = tuple(sorted(params.items()))
            seen[key] = (len(body["items"]), body["total"], len(selects))
    finally:
        event.remove(connection, "before_cursor_execute", record)
    # (items, total, SELECT statements): user + page, plus the count when the page cannot tell
    assert seen == {
        (("limit", 20),): (5, 5, 2),
        (("limit", 20), ("offset", 3)): (2, 5, 2),
        (("limit", 5),): (5, 5, 3),  # full: a sixth task might follow
        (("offset", 9),): (0, 5, 3),  # past the end: the page says nothing of the total
    }
