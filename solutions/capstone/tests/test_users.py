"""``/me`` and the administrator endpoints."""

from __future__ import annotations

from sqlalchemy import Connection

from tests.conftest import count_rows
from tests.helpers import DEFAULT_PASSWORD, Account, Api


def test_read_me(api: Api) -> None:
    account = api.account()
    body = api.client.get("/me", headers=account.headers).json()
    assert body["email"] == account.email
    assert body["id"] == str(account.id)


def test_update_full_name_needs_no_password(api: Api) -> None:
    account = api.account()
    response = api.client.patch("/me", json={"full_name": "Grace"}, headers=account.headers)
    assert response.status_code == 200
    assert response.json()["full_name"] == "Grace"
    cleared = api.client.patch("/me", json={"full_name": None}, headers=account.headers)
    assert cleared.json()["full_name"] is None


def test_email_change_requires_the_current_password(api: Api) -> None:
    account = api.account()
    missing = api.client.patch("/me", json={"email": "new@example.com"}, headers=account.headers)
    assert missing.status_code == 403  # well formed, but the caller did not prove who they are
    wrong = api.client.patch(
        "/me",
        json={"email": "new@example.com", "current_password": "not it at all"},
        headers=account.headers,
    )
    assert wrong.status_code == 403
    right = api.client.patch(
        "/me",
        json={"email": "New@Example.com", "current_password": DEFAULT_PASSWORD},
        headers=account.headers,
    )
    assert right.status_code == 200
    assert right.json()["email"] == "new@example.com"
    # Changing the e-mail does not end the session; changing the password does.
    assert api.client.get("/me", headers=account.headers).status_code == 200


def test_email_cannot_be_null(api: Api) -> None:
    account = api.account()
    response = api.client.patch(
        "/me", json={"email": None, "current_password": DEFAULT_PASSWORD}, headers=account.headers
    )
    assert response.status_code == 422


def test_email_change_to_a_taken_address_is_a_conflict(api: Api) -> None:
    account = api.account()
    other = api.account()
    response = api.client.patch(
        "/me",
        json={"email": other.email, "current_password": DEFAULT_PASSWORD},
        headers=account.headers,
    )
    assert response.status_code == 409


def test_delete_me_removes_everything(api: Api, connection: Connection) -> None:
    account = api.account()
    tag = api.tag(account, "x")
    api.task(account, tag_ids=[tag["id"]])
    assert api.client.delete("/me", headers=account.headers).status_code == 204
    for table in ("users", "tasks", "tags", "task_tags", "refresh_tokens"):
        assert count_rows(connection, table) == 0, table
    assert api.client.get("/me", headers=account.headers).status_code == 401
    assert api.login(account.email).status_code == 401


def test_admin_lists_users(api: Api, admin: Account) -> None:
    api.account()
    response = api.client.get("/admin/users", params={"limit": 1}, headers=admin.headers)
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 2
    assert len(body["items"]) == 1


def test_plain_users_are_not_admins(api: Api) -> None:
    account = api.account()
    response = api.client.get("/admin/users", headers=account.headers)
    assert response.status_code == 403
    assert response.json()["type"] == "urn:taskhub:problem:forbidden"
    response = api.client.post(f"/admin/users/{account.id}/deactivate", headers=account.headers)
    assert response.status_code == 403


def test_admin_deactivation_edge_cases(api: Api, admin: Account) -> None:
    unknown = api.client.post(
        "/admin/users/00000000-0000-4000-8000-000000000000/deactivate", headers=admin.headers
    )
    assert unknown.status_code == 404
    itself = api.client.post(f"/admin/users/{admin.id}/deactivate", headers=admin.headers)
    assert itself.status_code == 409
