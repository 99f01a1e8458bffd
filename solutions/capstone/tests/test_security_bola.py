"""Broken object level authorisation: walk *every* route as Bob with Alice's ids.

The route list comes from ``app.routes``, so a route added later is walked automatically; a
path parameter this file does not know fails the suite until someone decides what it means.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from tests.helpers import Account, Api

#: Routes that need no token at all.
PUBLIC_ROUTES = {
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("POST", "/auth/register"),
    ("POST", "/auth/token"),
    ("POST", "/auth/refresh"),
    ("POST", "/auth/logout"),
}
#: Routes reserved to administrators: a plain user gets 403 whatever the ids.
ADMIN_PREFIX = "/admin/"


def _api_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every API route, routers included with ``include_router`` too."""
    found: set[tuple[str, str]] = set()
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, APIRoute) and context.path:
            found.update((method, context.path) for method in context.methods or ())
    return sorted(found)


def _body_for(method: str, path: str, alice_ids: dict[str, str]) -> dict[str, Any] | None:
    """A body valid enough to reach the ownership check."""
    if method == "PATCH" and path == "/tasks/{task_id}":
        return {"title": "hijacked", "tag_ids": [alice_ids["tag_id"]]}
    if method == "PATCH" and path == "/me":
        return {"full_name": "Bob"}
    if method == "POST" and path == "/tasks":
        return {"title": "mine", "tag_ids": [alice_ids["tag_id"]]}
    if method == "POST" and path == "/tags":
        return {"name": "bob-tag"}
    return None


@pytest.fixture
def world(api: Api) -> dict[str, Any]:
    alice = api.account()
    bob = api.account()
    tag = api.tag(alice, "alice-secret-tag")
    task = api.task(alice, title="alice-secret-task", tag_ids=[tag["id"]])
    return {
        "alice": alice,
        "bob": bob,
        "ids": {"task_id": task["id"], "tag_id": tag["id"], "user_id": str(alice.id)},
        "task": task,
        "tag": tag,
    }


def test_every_route_is_known(app: FastAPI) -> None:
    """Each protected route either takes known ids or is an owner-scoped collection."""
    for method, path in _api_routes(app):
        if (method, path) in PUBLIC_ROUTES:
            continue
        params = [part[1:-1] for part in path.split("/") if part.startswith("{")]
        assert set(params) <= {"task_id", "tag_id", "user_id"}, (method, path)


def test_bob_cannot_touch_alice_objects(api: Api, app: FastAPI, world: dict[str, Any]) -> None:
    alice: Account = world["alice"]
    bob: Account = world["bob"]
    ids: dict[str, str] = world["ids"]
    walked = 0
    for method, path in _api_routes(app):
        if (method, path) in PUBLIC_ROUTES or (method == "DELETE" and path == "/me"):
            continue
        url = path.format(**ids)
        response = api.client.request(
            method, url, headers=bob.headers, json=_body_for(method, path, ids)
        )
        walked += 1
        text = response.text
        # The problem's "instance" echoes the requested URL; nothing else may mention the ids.
        echoed = response.json() if text else None
        if isinstance(echoed, dict):
            echoed.pop("instance", None)
        assert "alice-secret" not in text, (method, path, text)
        assert ids["task_id"] not in json.dumps(echoed), (method, path, text)
        assert ids["tag_id"] not in json.dumps(echoed), (method, path, text)
        if path.startswith(ADMIN_PREFIX):
            assert response.status_code == 403, (method, path, text)
        elif "{" in path or "tag_ids" in json.dumps(_body_for(method, path, ids)):
            # Someone else's object is reported exactly like a missing one.
            assert response.status_code == 404, (method, path, text)
            assert response.json()["title"] == "Resource not found"
        else:
            assert response.status_code < 400, (method, path, text)
    assert walked >= 10

    # Nothing of Alice's changed.
    task = api.client.get(f"/tasks/{ids['task_id']}", headers=alice.headers).json()
    assert task == world["task"]
    assert api.client.get("/tags", headers=alice.headers).json() == [world["tag"]]


def test_lists_and_counts_never_include_other_users(api: Api, world: dict[str, Any]) -> None:
    bob: Account = world["bob"]
    body = api.client.get("/tasks", headers=bob.headers).json()
    assert body["items"] == []
    assert body["total"] == 0
    filtered = api.client.get(
        "/tasks", params={"tag": world["ids"]["tag_id"]}, headers=bob.headers
    ).json()
    assert filtered["total"] == 0
    assert api.client.get("/tags", headers=bob.headers).json() == []


def test_missing_and_foreign_ids_are_indistinguishable(api: Api, world: dict[str, Any]) -> None:
    bob: Account = world["bob"]
    foreign = api.client.get(f"/tasks/{world['ids']['task_id']}", headers=bob.headers)
    missing = api.client.get("/tasks/00000000-0000-4000-8000-000000000000", headers=bob.headers)
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json()["detail"] == missing.json()["detail"]
