"""Tests for auth_api.py. Run them with:  pytest weeks/week07/exercises/ex07_auth_flow

Each test gets a fresh state through the ``client`` fixture. Write each test so that it would
fail if the API broke the promise in its docstring: the workbook runs your tests against copies
of auth_api.py with planted security bugs, and a bug no test notices is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from .auth_api import AuthState, app, get_now, get_state

PASSWORD = "correct horse battery"


@pytest.fixture
def client() -> Iterator[TestClient]:
    """A client on the API with an empty state of its own."""
    fresh = AuthState()
    app.dependency_overrides[get_state] = lambda: fresh
    with TestClient(app) as test_client:
        yield test_client
    app.dependency_overrides.clear()


def register(client: TestClient, username: str = "ada", password: str = PASSWORD) -> None:
    response = client.post("/auth/register", json={"username": username, "password": password})
    assert response.status_code == 201, response.text


def login(client: TestClient, username: str = "ada", password: str = PASSWORD) -> dict[str, str]:
    """Log in with the password form and return the JSON answer (asserting a 200)."""
    response = client.post("/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    tokens: dict[str, str] = response.json()
    return tokens


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_register_never_returns_the_hash(client: TestClient) -> None:
    """POST /auth/register answers 201 with the username only; a taken username is 409."""
    # BEGIN SOLUTION: register, compare the whole body, then register the same name again
    response = client.post("/auth/register", json={"username": "ada", "password": PASSWORD})
    assert response.status_code == 201
    assert response.json() == {"username": "ada"}
    again = client.post("/auth/register", json={"username": "ada", "password": "other password"})
    assert again.status_code == 409
    assert again.json() == {"detail": "Username already taken"}
    login(client)  # the first password still works
    # END SOLUTION


def test_login_returns_tokens_that_open_me(client: TestClient) -> None:
    """A login answers a bearer pair, and the access token opens GET /me."""
    # BEGIN SOLUTION: register, log in, call /me with the access token
    register(client)
    tokens = login(client)
    assert tokens["token_type"] == "bearer"
    me = client.get("/me", headers=bearer(tokens["access_token"]))
    assert me.status_code == 200
    assert me.json() == {"username": "ada"}
    # END SOLUTION


def test_failed_logins_look_the_same(client: TestClient) -> None:
    """A wrong password and an unknown username get the same 401 with WWW-Authenticate."""
    # BEGIN SOLUTION: send both failures and compare status, body and header
    register(client)
    wrong = client.post("/auth/token", data={"username": "ada", "password": "wrong password"})
    unknown = client.post("/auth/token", data={"username": "eve", "password": PASSWORD})
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert response.json() == {"detail": "Incorrect username or password"}
        assert response.headers["www-authenticate"] == "Bearer"
    # END SOLUTION


def test_login_is_rate_limited(client: TestClient) -> None:
    """After 5 failed logins a username gets 429, even with the right password."""
    # BEGIN SOLUTION: fail five times, then try the right password
    register(client)
    for _ in range(5):
        failed = client.post("/auth/token", data={"username": "ada", "password": "guess"})
        assert failed.status_code == 401
    blocked = client.post("/auth/token", data={"username": "ada", "password": PASSWORD})
    assert blocked.status_code == 429
    # END SOLUTION


def test_me_refuses_bad_tokens(client: TestClient) -> None:
    """GET /me is 401 with WWW-Authenticate: Bearer without a token, or with a tampered one."""
    # BEGIN SOLUTION: no header, then a token with its payload swapped for another user's
    register(client)
    register(client, "bob")
    missing = client.get("/me")
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    ada, bob = login(client)["access_token"], login(client, "bob")["access_token"]
    header, _, signature = ada.split(".")
    tampered = ".".join([header, bob.split(".")[1], signature])
    response = client.get("/me", headers=bearer(tampered))
    assert response.status_code == 401
    assert response.json() == {"detail": "Could not validate credentials"}
    assert response.headers["www-authenticate"] == "Bearer"
    # END SOLUTION


def test_expired_access_token_is_refused(client: TestClient) -> None:
    """An access token issued 16 minutes ago is 401; one issued 14 minutes ago still works."""
    # BEGIN SOLUTION: log in "in the past" by overriding get_now, then call /me now
    register(client)
    for minutes_ago, expected in ((14, 200), (16, 401)):
        issued = datetime.now(UTC) - timedelta(minutes=minutes_ago)
        app.dependency_overrides[get_now] = lambda issued=issued: issued
        token = login(client)["access_token"]
        del app.dependency_overrides[get_now]
        assert client.get("/me", headers=bearer(token)).status_code == expected
    # END SOLUTION


def test_refresh_token_is_not_an_access_token(client: TestClient) -> None:
    """The refresh token does not open GET /me, and the access token does not refresh."""
    # BEGIN SOLUTION: swap the two tokens and expect 401 both times
    register(client)
    tokens = login(client)
    assert client.get("/me", headers=bearer(tokens["refresh_token"])).status_code == 401
    swapped = client.post("/auth/refresh", json={"refresh_token": tokens["access_token"]})
    assert swapped.status_code == 401
    # END SOLUTION


def test_refresh_rotates_and_refuses_reuse(client: TestClient) -> None:
    """A refresh gives a working new pair; the same refresh token used twice is 401."""
    # BEGIN SOLUTION: refresh once, use the new access token, then replay the old refresh token
    register(client)
    tokens = login(client)
    first = client.post("/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert first.status_code == 200
    renewed = first.json()
    assert renewed["refresh_token"] != tokens["refresh_token"]
    assert client.get("/me", headers=bearer(renewed["access_token"])).status_code == 200
    replay = client.post("/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert replay.status_code == 401
    # END SOLUTION
