"""Fields a client must never set: unknown body fields are refused with 422."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import DEFAULT_PASSWORD, Api


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/auth/register", {"role": "admin"}),
        ("POST", "/auth/register", {"is_active": False}),
        ("POST", "/auth/register", {"id": "00000000-0000-4000-8000-000000000000"}),
        ("POST", "/auth/register", {"password_hash": "$argon2id$..."}),
        ("PATCH", "/me", {"role": "admin"}),
        ("PATCH", "/me", {"is_active": True}),
        ("PATCH", "/me", {"token_version": 0}),
        ("POST", "/tasks", {"owner_id": "00000000-0000-4000-8000-000000000000"}),
        ("POST", "/tasks", {"status": "done"}),
        ("POST", "/tasks", {"version": 99}),
        ("POST", "/tasks", {"created_at": "2000-01-01T00:00:00Z"}),
        ("PATCH", "/tasks/{task_id}", {"owner_id": "00000000-0000-4000-8000-000000000000"}),
        ("PATCH", "/tasks/{task_id}", {"id": "00000000-0000-4000-8000-000000000000"}),
        ("PATCH", "/tasks/{task_id}", {"version": 1}),
        ("POST", "/tags", {"owner_id": "00000000-0000-4000-8000-000000000000"}),
    ],
)
def test_extra_fields_are_rejected(api: Api, method: str, path: str, body: dict[str, Any]) -> None:
    account = api.account()
    task = api.task(account)
    base: dict[str, Any] = {
        "/auth/register": {"email": "new@example.com", "password": DEFAULT_PASSWORD},
        "/me": {"full_name": "x"},
        "/tasks": {"title": "x"},
        "/tasks/{task_id}": {"title": "x"},
        "/tags": {"name": "x"},
    }[path]
    response = api.client.request(
        method,
        path.format(task_id=task["id"]),
        json={**base, **body},
        headers=account.headers,
    )
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["errors"][0]["type"] == "extra_forbidden"
    me = api.client.get("/me", headers=account.headers).json()
    assert me["role"] == "user"
    assert me["is_active"] is True
