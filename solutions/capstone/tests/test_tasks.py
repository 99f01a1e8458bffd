"""Tasks and tags: CRUD, workflow, ETags, filters, sorting and both kinds of pagination."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import Account, Api


@pytest.fixture
def alice(api: Api) -> Account:
    return api.account()


def _titles(body: dict[str, Any]) -> list[str]:
    return [item["title"] for item in body["items"]]


def test_create_task_returns_location_etag_and_defaults(api: Api, alice: Account) -> None:
    response = api.client.post("/tasks", json={"title": "Write tests"}, headers=alice.headers)
    assert response.status_code == 201
    body = response.json()
    assert response.headers["Location"] == f"/tasks/{body['id']}"
    assert response.headers["ETag"] == '"1"'
    assert body["status"] == "todo"
    assert body["priority"] == 2
    assert body["tags"] == []
    assert body["created_at"].endswith("Z") or body["created_at"].endswith("+00:00")


def test_get_task_and_delete(api: Api, alice: Account) -> None:
    task = api.task(alice, title="Read", description="a book")
    response = api.client.get(f"/tasks/{task['id']}", headers=alice.headers)
    assert response.status_code == 200
    assert response.json() == task
    assert response.headers["ETag"] == '"1"'
    assert api.client.delete(f"/tasks/{task['id']}", headers=alice.headers).status_code == 204
    response = api.client.get(f"/tasks/{task['id']}", headers=alice.headers)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_tags_attach_detach_and_delete(api: Api, alice: Account) -> None:
    home = api.tag(alice, "home")
    work = api.tag(alice, "work")
    task = api.task(alice, tag_ids=[work["id"], home["id"]])
    assert [tag["name"] for tag in task["tags"]] == ["home", "work"]

    response = api.client.patch(
        f"/tasks/{task['id']}", json={"tag_ids": [work["id"]]}, headers=alice.headers
    )
    assert response.status_code == 200
    assert response.json()["tags"] == [work]
    assert response.json()["version"] == 2

    assert api.client.delete(f"/tags/{work['id']}", headers=alice.headers).status_code == 204
    assert api.client.get(f"/tasks/{task['id']}", headers=alice.headers).json()["tags"] == []
    assert api.client.get("/tags", headers=alice.headers).json() == [home]
    assert api.client.delete(f"/tags/{work['id']}", headers=alice.headers).status_code == 404


def test_duplicate_tag_is_a_conflict(api: Api, alice: Account) -> None:
    api.tag(alice, "home")
    response = api.client.post("/tags", json={"name": "home"}, headers=alice.headers)
    assert response.status_code == 409
    assert response.json()["type"] == "urn:taskhub:problem:conflict"


def test_same_tag_name_for_two_users_is_fine(api: Api, alice: Account) -> None:
    bob = api.account()
    api.tag(alice, "home")
    api.tag(bob, "home")


def test_tag_limit_per_user(api: Api, alice: Account, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("taskhub.tasks.service.MAX_TAGS_PER_USER", 2)
    api.tag(alice, "a")
    api.tag(alice, "b")
    response = api.client.post("/tags", json={"name": "c"}, headers=alice.headers)
    assert response.status_code == 409


def test_unknown_tag_id_on_create_is_404(api: Api, alice: Account) -> None:
    response = api.client.post(
        "/tasks",
        json={"title": "x", "tag_ids": ["00000000-0000-4000-8000-000000000000"]},
        headers=alice.headers,
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Tag not found."


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        (["in_progress", "done"], True),
        (["in_progress", "todo", "cancelled", "todo"], True),
        (["in_progress", "done", "in_progress"], True),
        (["done"], False),
        (["cancelled", "done"], False),
        (["in_progress", "done", "cancelled"], False),
    ],
)
def test_status_transitions(api: Api, alice: Account, path: list[str], allowed: bool) -> None:
    task = api.task(alice)
    codes = [
        api.client.patch(
            f"/tasks/{task['id']}", json={"status": status}, headers=alice.headers
        ).status_code
        for status in path
    ]
    if allowed:
        assert set(codes) == {200}
    else:
        assert codes[-1] == 409
        assert set(codes[:-1]) <= {200}


def test_invalid_transition_problem_lists_allowed_moves(api: Api, alice: Account) -> None:
    task = api.task(alice)
    response = api.client.patch(
        f"/tasks/{task['id']}", json={"status": "done"}, headers=alice.headers
    )
    assert response.status_code == 409
    problem = response.json()
    assert problem["type"] == "urn:taskhub:problem:invalid-status-transition"
    assert problem["allowed"] == ["cancelled", "in_progress"]


def test_patch_with_if_match(api: Api, alice: Account) -> None:
    task = api.task(alice)
    url = f"/tasks/{task['id']}"
    etag = api.client.get(url, headers=alice.headers).headers["ETag"]

    first = api.client.patch(url, json={"title": "v2"}, headers={**alice.headers, "If-Match": etag})
    assert first.status_code == 200
    assert first.headers["ETag"] == '"2"'

    stale = api.client.patch(url, json={"title": "v3"}, headers={**alice.headers, "If-Match": etag})
    assert stale.status_code == 412
    assert stale.json()["type"] == "urn:taskhub:problem:precondition-failed"
    assert api.client.get(url, headers=alice.headers).json()["title"] == "v2"

    weak = api.client.patch(
        url, json={"title": "v3"}, headers={**alice.headers, "If-Match": 'W/"2"'}
    )
    assert weak.status_code == 412
    listed = api.client.patch(
        url, json={"title": "v3"}, headers={**alice.headers, "If-Match": '"9", "2"'}
    )
    assert listed.status_code == 200
    star = api.client.patch(url, json={"title": "v4"}, headers={**alice.headers, "If-Match": "*"})
    assert star.status_code == 200
    assert star.json()["version"] == 4


def test_patch_clears_nullable_fields_and_refuses_null_title(api: Api, alice: Account) -> None:
    task = api.task(alice, description="text", due_date="2031-05-01", priority=4)
    url = f"/tasks/{task['id']}"
    response = api.client.patch(
        url, json={"description": None, "due_date": None, "priority": 1}, headers=alice.headers
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["description"], body["due_date"], body["priority"]) == (None, None, 1)
    response = api.client.patch(url, json={"title": None}, headers=alice.headers)
    assert response.status_code == 422


def test_bounded_strings_and_lists(api: Api, alice: Account) -> None:
    too_long = api.client.post("/tasks", json={"title": "x" * 201}, headers=alice.headers)
    assert too_long.status_code == 422
    many_tags = api.client.post(
        "/tasks",
        json={"title": "x", "tag_ids": ["00000000-0000-4000-8000-000000000000"] * 21},
        headers=alice.headers,
    )
    assert many_tags.status_code == 422
    assert api.client.post("/tags", json={"name": " x"}, headers=alice.headers).status_code == 422


# -- listing -------------------------------------------------------------------------------


@pytest.fixture
def catalogue(api: Api, alice: Account) -> dict[str, Any]:
    home = api.tag(alice, "home")
    work = api.tag(alice, "work")
    specs: list[dict[str, Any]] = [
        {"title": "Buy milk", "priority": 1, "due_date": "2030-01-10", "tag_ids": [home["id"]]},
        {
            "title": "Write report",
            "description": "quarterly numbers",
            "priority": 3,
            "due_date": "2030-01-05",
            "tag_ids": [work["id"]],
        },
        {"title": "Call mum", "priority": 2, "tag_ids": [home["id"]]},
        {
            "title": "Fix 100% of bugs_now",
            "priority": 4,
            "due_date": "2030-02-01",
            "tag_ids": [work["id"], home["id"]],
        },
        {"title": "Plan holiday", "priority": 2, "due_date": "2030-01-05"},
    ]
    tasks = [api.task(alice, **spec) for spec in specs]
    api.client.patch(
        f"/tasks/{tasks[1]['id']}", json={"status": "in_progress"}, headers=alice.headers
    )
    return {"home": home, "work": work, "tasks": tasks}


def _list(api: Api, account: Account, **params: Any) -> dict[str, Any]:
    response = api.client.get("/tasks", params=params, headers=account.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "in_progress"}, {"Write report"}),
        ({"priority": 2}, {"Call mum", "Plan holiday"}),
        ({"due_before": "2030-01-05"}, {"Write report", "Plan holiday"}),
        ({"due_after": "2030-01-10"}, {"Buy milk", "Fix 100% of bugs_now"}),
        ({"q": "QUARTERLY"}, {"Write report"}),
        ({"q": "100%"}, {"Fix 100% of bugs_now"}),
        ({"q": "s_n"}, {"Fix 100% of bugs_now"}),
        ({"q": "%"}, {"Fix 100% of bugs_now"}),
        ({"status": "todo", "priority": 2, "due_after": "2030-01-01"}, {"Plan holiday"}),
    ],
)
def test_filters(
    api: Api, alice: Account, catalogue: dict[str, Any], params: dict[str, Any], expected: set[str]
) -> None:
    body = _list(api, alice, **params)
    assert set(_titles(body)) == expected
    assert body["total"] == len(expected)


def test_tag_filter(api: Api, alice: Account, catalogue: dict[str, Any]) -> None:
    body = _list(api, alice, tag=catalogue["work"]["id"])
    assert set(_titles(body)) == {"Write report", "Fix 100% of bugs_now"}


@pytest.mark.parametrize(
    ("sort", "order", "expected"),
    [
        (
            "title",
            "asc",
            ["Buy milk", "Call mum", "Fix 100% of bugs_now", "Plan holiday", "Write report"],
        ),
        ("priority", "desc", ["Fix 100% of bugs_now", "Write report"]),
        (
            "due_date",
            "asc",
            ["Write report", "Plan holiday", "Buy milk", "Fix 100% of bugs_now", "Call mum"],
        ),
        (
            "created_at",
            "asc",
            ["Buy milk", "Write report", "Call mum", "Fix 100% of bugs_now", "Plan holiday"],
        ),
        ("updated_at", "desc", ["Write report"]),
    ],
)
def test_sorting(
    api: Api,
    alice: Account,
    catalogue: dict[str, Any],
    sort: str,
    order: str,
    expected: list[str],
) -> None:
    titles = _titles(_list(api, alice, sort=sort, order=order))
    if sort == "due_date":  # two tasks share 2030-01-05: the id breaks the tie
        assert set(titles[:2]) == set(expected[:2])
        assert titles[2:] == expected[2:]
    else:
        assert titles[: len(expected)] == expected


def test_sort_field_is_whitelisted(api: Api, alice: Account) -> None:
    response = api.client.get("/tasks", params={"sort": "password_hash"}, headers=alice.headers)
    assert response.status_code == 422


def test_limit_has_a_hard_cap(api: Api, alice: Account) -> None:
    response = api.client.get("/tasks", params={"limit": 101}, headers=alice.headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "limit"]


def test_unknown_query_parameter_is_rejected(api: Api, alice: Account) -> None:
    response = api.client.get("/tasks", params={"owner_id": str(alice.id)}, headers=alice.headers)
    assert response.status_code == 422


def test_offset_pagination(api: Api, alice: Account, catalogue: dict[str, Any]) -> None:
    first = _list(api, alice, sort="title", order="asc", limit=2)
    second = _list(api, alice, sort="title", order="asc", limit=2, offset=2)
    third = _list(api, alice, sort="title", order="asc", limit=2, offset=4)
    assert _titles(first) + _titles(second) + _titles(third) == sorted(
        task["title"] for task in catalogue["tasks"]
    )
    assert first["total"] == 5
    assert first["offset"] == 0
    assert third["next_cursor"] is None


@pytest.mark.parametrize("sort", ["created_at", "updated_at", "due_date", "priority", "title"])
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_cursor_pagination_walks_every_task_once(
    api: Api, alice: Account, catalogue: dict[str, Any], sort: str, order: str
) -> None:
    everything = _titles(_list(api, alice, sort=sort, order=order, limit=100))
    seen: list[str] = []
    page = _list(api, alice, sort=sort, order=order, limit=2)
    seen += _titles(page)
    while page["next_cursor"]:
        page = _list(api, alice, sort=sort, order=order, limit=2, cursor=page["next_cursor"])
        assert page["total"] is None
        assert page["offset"] is None
        seen += _titles(page)
    assert seen == everything
    assert len(seen) == 5


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"cursor": "a"}, "malformed"),  # not base64 at all
        ({"cursor": "bm90IGpzb24"}, "malformed"),
        ({"cursor": "WzFd"}, "malformed"),  # a JSON list, not an object
        ({"cursor": "eyJzIjoiY3JlYXRlZF9hdCIsIm8iOiJkZXNjIn0"}, "malformed"),  # no value
        (
            {
                "cursor": "eyJzIjoidGl0bGUiLCJvIjoiYXNjIiwidiI6IngiLCJpZCI6IngifQ",
                "sort": "title",
                "order": "asc",
            },
            "malformed",
        ),  # bad id
        (
            {
                "cursor": "eyJzIjoicHJpb3JpdHkiLCJvIjoiZGVzYyIsInYiOnRydWUsImlkIjoieCJ9",
                "sort": "priority",
            },
            "malformed",
        ),  # boolean value
        (
            {
                "cursor": "eyJzIjoiY3JlYXRlZF9hdCIsIm8iOiJkZXNjIiwidiI6IjIwMzAtMDEtMDFUMDA6MDA6"
                "MDAiLCJpZCI6IjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMCJ9"
            },
            "malformed",
        ),
        ({"cursor": "eyJzIjoidGl0bGUiLCJvIjoiYXNjIn0"}, "another sort"),
    ],
)
def test_bad_cursors_are_400(api: Api, alice: Account, params: dict[str, Any], detail: str) -> None:
    response = api.client.get("/tasks", params=params, headers=alice.headers)
    assert response.status_code == 400, response.text
    assert detail in response.json()["detail"]


def test_cursor_on_due_date_and_priority_values(
    api: Api, alice: Account, catalogue: dict[str, Any]
) -> None:
    page = _list(api, alice, sort="due_date", order="desc", limit=1)
    assert _titles(page) == ["Call mum"]  # no due date sorts last (so first when descending)
    page = _list(api, alice, sort="due_date", order="desc", limit=1, cursor=page["next_cursor"])
    assert _titles(page) == ["Fix 100% of bugs_now"]
