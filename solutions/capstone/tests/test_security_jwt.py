"""Attacks on access tokens: every one of them must end in a 401 problem."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest

from taskhub.core.security import JWT_ALGORITHM
from tests.helpers import Account, Api

SECRET = "insecure-development-secret-change-me-please-0000"


def _claims(account: Account, **overrides: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    claims: dict[str, Any] = {
        "iss": "taskhub",
        "sub": str(account.id),
        "type": "access",
        "jti": uuid.uuid4().hex,
        "iat": now,
        "exp": now + timedelta(minutes=5),
        "ver": 0,
        "fam": uuid.uuid4().hex,
    }
    claims.update(overrides)
    return {key: value for key, value in claims.items() if value is not None}


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data, default=str).encode()).decode().rstrip("=")


def _status(api: Api, token: str) -> int:
    response = api.client.get("/me", headers={"Authorization": f"Bearer {token}"})
    if response.status_code == 401:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"] == "Bearer"
    return response.status_code


def test_a_well_formed_token_works(api: Api) -> None:
    account = api.account()
    assert _status(api, jwt.encode(_claims(account), SECRET, algorithm=JWT_ALGORITHM)) == 200


def test_alg_none_is_refused(api: Api) -> None:
    account = api.account()
    payload = _claims(
        account,
        iat=int(datetime.now(UTC).timestamp()),
        exp=int(datetime.now(UTC).timestamp()) + 300,
    )
    token = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(payload)}."
    assert _status(api, token) == 401


@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
def test_other_hmac_algorithm_is_refused(api: Api) -> None:
    account = api.account()
    assert _status(api, jwt.encode(_claims(account), SECRET, algorithm="HS512")) == 401


def test_wrong_key_is_refused(api: Api) -> None:
    account = api.account()
    token = jwt.encode(_claims(account), "another-secret-of-enough-length-123456", "HS256")
    assert _status(api, token) == 401


def test_tampered_payload_is_refused(api: Api) -> None:
    account = api.account()
    victim = api.account()
    header, _payload, signature = account.access_token.split(".")
    forged = _claims(
        victim, iat=int(datetime.now(UTC).timestamp()), exp=int(datetime.now(UTC).timestamp()) + 300
    )
    assert _status(api, f"{header}.{_b64(forged)}.{signature}") == 401


def test_expired_token_is_refused(api: Api) -> None:
    account = api.account()
    past = datetime.now(UTC) - timedelta(hours=1)
    token = jwt.encode(
        _claims(account, iat=past, exp=past + timedelta(minutes=5)), SECRET, JWT_ALGORITHM
    )
    assert _status(api, token) == 401


@pytest.mark.parametrize("claim", ["exp", "iat", "sub", "type", "jti", "iss", "ver"])
def test_missing_required_claim_is_refused(api: Api, claim: str) -> None:
    account = api.account()
    claims = _claims(account)
    del claims[claim]
    assert _status(api, jwt.encode(claims, SECRET, JWT_ALGORITHM)) == 401


@pytest.mark.parametrize(
    "overrides",
    [
        {"iss": "someone-else"},
        {"sub": "not-a-uuid"},
        {"sub": str(uuid.uuid4())},
        {"type": "id"},
        {"ver": "0"},
        {"fam": 12},
    ],
)
def test_bad_claim_values_are_refused(api: Api, overrides: dict[str, Any]) -> None:
    account = api.account()
    assert _status(api, jwt.encode(_claims(account, **overrides), SECRET, JWT_ALGORITHM)) == 401


def test_refresh_token_cannot_be_used_as_access_token(api: Api) -> None:
    account = api.account()
    assert _status(api, account.refresh_token) == 401


def test_access_token_cannot_be_used_to_refresh(api: Api) -> None:
    account = api.account()
    response = api.client.post("/auth/refresh", json={"refresh_token": account.access_token})
    assert response.status_code == 401


def test_garbage_and_missing_tokens(api: Api) -> None:
    assert _status(api, "garbage") == 401
    assert _status(api, "a.b.c") == 401
    response = api.client.get("/me")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert api.client.get("/me", headers={"Authorization": "Basic abc"}).status_code == 401


def test_token_of_a_deleted_user_is_refused(api: Api) -> None:
    account = api.account()
    assert api.client.delete("/me", headers=account.headers).status_code == 204
    assert _status(api, account.access_token) == 401


def test_token_of_a_deactivated_user_is_refused(api: Api, admin: Account) -> None:
    account = api.account()
    api.client.post(f"/admin/users/{account.id}/deactivate", headers=admin.headers)
    assert _status(api, account.access_token) == 401


def test_token_issued_before_a_password_change_is_refused(api: Api) -> None:
    account = api.account()
    api.change_password(account, "a brand new password")
    assert _status(api, account.access_token) == 401
    fresh = api.login(account.email, "a brand new password").json()["access_token"]
    assert _status(api, fresh) == 200
