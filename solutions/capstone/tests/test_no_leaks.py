"""The password hash (or anything that looks like one) never leaves the server."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Connection, text

from taskhub.users.models import User
from tests.helpers import DEFAULT_PASSWORD, Account, Api


def test_no_response_ever_contains_a_password_hash(
    api: Api, admin: Account, connection: Connection
) -> None:
    responses = []
    client: TestClient = api.client
    original = client.request

    def recording(*args: object, **kwargs: object) -> object:
        response = original(*args, **kwargs)  # type: ignore[arg-type]
        responses.append(response)
        return response

    client.request = recording  # type: ignore[method-assign, assignment]
    account = api.account()
    api.task(account, title="t")
    client.get("/me", headers=account.headers)
    client.patch("/me", json={"full_name": "N"}, headers=account.headers)
    client.patch(
        "/me",
        json={"email": admin.email, "current_password": DEFAULT_PASSWORD},
        headers=account.headers,
    )
    client.get("/admin/users", headers=admin.headers)
    client.post(f"/admin/users/{account.id}/deactivate", headers=admin.headers)
    client.post("/auth/register", json={"email": account.email, "password": DEFAULT_PASSWORD})
    api.login(account.email)
    client.get("/openapi.json")

    hashes = connection.execute(text("SELECT password_hash FROM users")).scalars().all()
    assert len(responses) >= 10
    for response in responses:
        assert "password_hash" not in response.text
        assert "$argon2" not in response.text
        for value in hashes:
            assert value not in response.text


def test_user_repr_hides_the_hash() -> None:
    user = User(email="x@example.com", password_hash="$argon2id$secret")
    assert "argon2" not in repr(user)
