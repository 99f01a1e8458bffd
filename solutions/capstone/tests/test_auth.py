"""Registration, login, refresh-token rotation and reuse detection, logout."""

from __future__ import annotations

from sqlalchemy import Connection, text

from tests.helpers import DEFAULT_PASSWORD, Account, Api


def test_register_normalises_email_and_hides_password(api: Api) -> None:
    response = api.client.post(
        "/auth/register",
        json={"email": "Ada@Example.COM", "password": DEFAULT_PASSWORD, "full_name": "Ada"},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "ada@example.com"
    assert body["role"] == "user"
    assert body["is_active"] is True
    assert set(body) == {"id", "email", "full_name", "role", "is_active", "created_at"}


def test_register_twice_is_a_conflict(api: Api) -> None:
    payload = {"email": "dup@example.com", "password": DEFAULT_PASSWORD}
    assert api.client.post("/auth/register", json=payload).status_code == 201
    payload["email"] = "DUP@example.com"
    response = api.client.post("/auth/register", json=payload)
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"


def test_register_validates_input(api: Api) -> None:
    response = api.client.post("/auth/register", json={"email": "nope", "password": "short"})
    assert response.status_code == 422
    locations = {tuple(error["loc"]) for error in response.json()["errors"]}
    assert locations == {("body", "email"), ("body", "password")}
    too_long = api.client.post(
        "/auth/register", json={"email": "a@example.com", "password": "x" * 129}
    )
    assert too_long.status_code == 422


def test_token_response_shape(api: Api) -> None:
    account = api.account()
    response = api.login(account.email)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 900
    assert set(body) == {
        "access_token",
        "token_type",
        "expires_in",
        "refresh_token",
        "refresh_expires_in",
    }


def test_login_is_case_insensitive_on_email(api: Api) -> None:
    account = api.account()
    assert api.login(account.email.upper()).status_code == 200


def test_wrong_password_and_unknown_email_look_the_same(api: Api) -> None:
    account = api.account()
    wrong = api.login(account.email, "wrong password!")
    unknown = api.login("nobody@example.com", "wrong password!")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]
    assert wrong.headers["www-authenticate"] == "Bearer"


def test_grant_type_must_be_password(api: Api) -> None:
    account = api.account()
    response = api.client.post(
        "/auth/token",
        data={"username": account.email, "password": DEFAULT_PASSWORD, "grant_type": "magic"},
    )
    assert response.status_code == 422


def _refresh(api: Api, token: str) -> int:
    return api.client.post("/auth/refresh", json={"refresh_token": token}).status_code


def test_refresh_rotates_tokens(api: Api) -> None:
    account = api.account()
    response = api.client.post("/auth/refresh", json={"refresh_token": account.refresh_token})
    assert response.status_code == 200
    pair = response.json()
    assert pair["refresh_token"] != account.refresh_token
    assert (
        api.client.get(
            "/me", headers={"Authorization": f"Bearer {pair['access_token']}"}
        ).status_code
        == 200
    )
    assert _refresh(api, pair["refresh_token"]) == 200


def test_reusing_a_rotated_refresh_token_revokes_the_family(api: Api) -> None:
    account = api.account()
    stolen = account.refresh_token
    rotated = api.client.post("/auth/refresh", json={"refresh_token": stolen}).json()
    # The thief replays the old token: refused, and the legitimate new token dies with it.
    assert _refresh(api, stolen) == 401
    assert _refresh(api, rotated["refresh_token"]) == 401


def test_reuse_does_not_touch_other_logins(api: Api) -> None:
    account = api.account()
    other_login = api.login(account.email).json()["refresh_token"]
    api.client.post("/auth/refresh", json={"refresh_token": account.refresh_token})
    assert _refresh(api, account.refresh_token) == 401
    assert _refresh(api, other_login) == 200


def test_refresh_tokens_are_stored_hashed(api: Api, connection: Connection) -> None:
    account = api.account()
    stored = connection.execute(text("SELECT token_hash FROM refresh_tokens")).scalars().all()
    assert account.refresh_token not in stored
    assert all(len(value) == 64 for value in stored)


def test_logout_revokes_the_refresh_token(api: Api) -> None:
    account = api.account()
    response = api.client.post("/auth/logout", json={"refresh_token": account.refresh_token})
    assert response.status_code == 204
    assert _refresh(api, account.refresh_token) == 401
    # Logging out twice is harmless.
    again = api.client.post("/auth/logout", json={"refresh_token": account.refresh_token})
    assert again.status_code == 204


def test_logout_with_garbage_is_401(api: Api) -> None:
    response = api.client.post("/auth/logout", json={"refresh_token": "not-a-jwt"})
    assert response.status_code == 401


def test_refresh_with_garbage_or_unknown_token_is_401(api: Api) -> None:
    assert _refresh(api, "not-a-jwt") == 401
    account = api.account()
    codec = api.app.state.token_codec
    forged_but_signed = codec.issue(account.id, "refresh", token_version=0, family="x").token
    assert _refresh(api, forged_but_signed) == 401  # valid signature, never stored


def test_password_change_revokes_every_login(api: Api) -> None:
    account = api.account()
    second = api.login(account.email).json()
    api.change_password(account, "another long password")
    assert _refresh(api, account.refresh_token) == 401
    assert _refresh(api, second["refresh_token"]) == 401
    assert api.client.get("/me", headers=account.headers).status_code == 401
    assert api.login(account.email, DEFAULT_PASSWORD).status_code == 401
    assert api.login(account.email, "another long password").status_code == 200


def test_deactivated_user_cannot_log_in_or_refresh(api: Api, admin: Account) -> None:
    account = api.account()
    response = api.client.post(f"/admin/users/{account.id}/deactivate", headers=admin.headers)
    assert response.status_code == 200
    assert response.json()["is_active"] is False
    assert api.login(account.email).status_code == 401
    assert _refresh(api, account.refresh_token) == 401
    assert api.client.get("/me", headers=account.headers).status_code == 401
