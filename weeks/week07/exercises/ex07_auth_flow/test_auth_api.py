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
    # TODO: register, compare the whole body, then register the same name again
    raise NotImplementedError


def test_login_returns_tokens_that_open_me(client: TestClient) -> None:
    """A login answers a bearer pair, and the access token opens GET /me."""
    # TODO: register, log in, call /me with the access token
    raise NotImplementedError


def test_failed_logins_look_the_same(client: TestClient) -> None:
    """A wrong password and an unknown username get the same 401 with WWW-Authenticate."""
    # TODO: send both failures and compare status, body and header
    raise NotImplementedError


def test_login_is_rate_limited(client: TestClient) -> None:
    """After 5 failed logins a username gets 429, even with the right password."""
    # TODO: fail five times, then try the right password
    raise NotImplementedError


def test_me_refuses_bad_tokens(client: TestClient) -> None:
    """GET /me is 401 with WWW-Authenticate: Bearer without a token, or with a tampered one."""
    # TODO: no header, then a token with its payload swapped for another user's
    raise NotImplementedError


def test_expired_access_token_is_refused(client: TestClient) -> None:
    """An access token issued 16 minutes ago is 401; one issued 14 minutes ago still works."""
    # TODO: log in "in the past" by overriding get_now, then call /me now
    raise NotImplementedError


def test_refresh_token_is_not_an_access_token(client: TestClient) -> None:
    """The refresh token does not open GET /me, and the access token does not refresh."""
    # TODO: swap the two tokens and expect 401 both times
    raise NotImplementedError


def test_refresh_rotates_and_refuses_reuse(client: TestClient) -> None:
    """A refresh gives a working new pair; the same refresh token used twice is 401."""
    # TODO: refresh once, use the new access token, then replay the old refresh token
    raise NotImplementedError
