"""The number of SQL statements per list request does not grow with the page size."""

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
