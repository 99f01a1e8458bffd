"""Attacks that once worked, each shown to fail now (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection

from taskhub.core.config import Settings
from tests.conftest import build_app
from tests.helpers import DEFAULT_PASSWORD, Account, Api


def _cursor(payload: dict[str, Any]) -> str:
    raw = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# -- 1. logout ends the access token too -------------------------------------------------------


def test_access_token_stops_working_after_logout(api: Api) -> None:
    account = api.account()
    assert api.client.get("/me", headers=account.headers).status_code == 200
    logout = api.client.post("/auth/logout", json={"refresh_token": account.refresh_token})
    assert logout.status_code == 204
    after = api.client.get("/me", headers=account.headers)
    assert after.status_code == 401, after.text


def test_logout_ends_only_that_login(api: Api) -> None:
    account = api.account()
    other_login = api.login(account.email).json()
    api.client.post("/auth/logout", json={"refresh_token": account.refresh_token})
    headers = {"Authorization": f"Bearer {other_login['access_token']}"}
    assert api.client.get("/me", headers=headers).status_code == 200


def test_detected_reuse_ends_the_access_tokens_of_the_family(api: Api) -> None:
    account = api.account()
    rotated = api.client.post("/auth/refresh", json={"refresh_token": account.refresh_token})
    new_headers = {"Authorization": f"Bearer {rotated.json()['access_token']}"}
    assert api.client.get("/me", headers=new_headers).status_code == 200
    replay = api.client.post("/auth/refresh", json={"refresh_token": account.refresh_token})
    assert replay.status_code == 401
    assert api.client.get("/me", headers=new_headers).status_code == 401
    assert api.client.get("/me", headers=account.headers).status_code == 401


# -- 2. tampered cursors are a 400, never a 500 ------------------------------------------------


TAMPERED = [
    ("priority", {"v": 10**30}),
    ("priority", {"v": 2**15}),
    ("priority", {"v": 0}),
    ("priority", {"v": 5}),
    ("priority", {"v": "9" * 300}),
    ("created_at", {"v": "9999-12-31T23:59:59-05:00"}),
    ("created_at", {"v": "0001-01-01T00:00:00+05:00"}),
    ("updated_at", {"v": "9999-12-31T23:59:59.999999-23:59"}),
    ("title", {"v": "nul\x00inside"}),
]


@pytest.mark.parametrize(("sort", "change"), TAMPERED)
def test_tampered_cursor_values_are_400(api: Api, sort: str, change: dict[str, Any]) -> None:
    account = api.account()
    api.task(account, title="one")
    cursor = _cursor(
        {"s": sort, "o": "desc", "id": "00000000-0000-4000-8000-000000000000", **change}
    )
    response = api.client.get(
        "/tasks", params={"sort": sort, "order": "desc", "cursor": cursor}, headers=account.headers
    )
    assert response.status_code == 400, response.text
    assert response.json()["detail"] == "The cursor is malformed."


@pytest.mark.parametrize(
    ("sort", "value"),
    [
        ("due_date", "0001-01-01"),
        ("due_date", "9999-12-31"),
        ("created_at", "0001-01-01T00:00:00+00:00"),
        ("created_at", "9999-12-31T23:59:59+00:00"),
        ("priority", 1),
        ("priority", 4),
    ],
)
def test_cursor_values_on_the_calendar_edge_still_work(api: Api, sort: str, value: Any) -> None:
    account = api.account()
    api.task(account, title="one", due_date="2030-01-01")
    cursor = _cursor(
        {"s": sort, "o": "asc", "v": value, "id": "00000000-0000-4000-8000-000000000000"}
    )
    response = api.client.get(
        "/tasks", params={"sort": sort, "order": "asc", "cursor": cursor}, headers=account.headers
    )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("due", ["0001-01-01", "9999-12-31"])
def test_date_filters_on_the_calendar_edge(api: Api, due: str) -> None:
    account = api.account()
    response = api.client.get(
        "/tasks", params={"due_before": due, "due_after": due}, headers=account.headers
    )
    assert response.status_code == 200, response.text


# -- 3. a NUL character is a 422 everywhere ----------------------------------------------------


def _nul_requests(account: Account, task_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    auth = {"headers": account.headers}
    return [
        ("GET", "/tasks", {"params": {"q": "a\x00b"}, **auth}),
        ("POST", "/tasks", {"json": {"title": "a\x00b"}, **auth}),
        ("POST", "/tasks", {"json": {"title": "ok", "description": "a\x00b"}, **auth}),
        ("PATCH", f"/tasks/{task_id}", {"json": {"title": "a\x00b"}, **auth}),
        ("PATCH", f"/tasks/{task_id}", {"json": {"description": "\x00"}, **auth}),
        ("POST", "/tags", {"json": {"name": "a\x00b"}, **auth}),
        ("PATCH", "/me", {"json": {"full_name": "Ada\x00"}, **auth}),
        (
            "POST",
            "/auth/register",
            {"json": {"email": "nul@example.com", "password": "x" * 10, "full_name": "A\x00"}},
        ),
        ("POST", "/auth/register", {"json": {"email": "n\x00l@example.com", "password": "x" * 10}}),
        ("POST", "/auth/token", {"data": {"username": "a\x00@example.com", "password": "x" * 8}}),
    ]


def test_nul_characters_are_refused_with_422(api: Api) -> None:
    account = api.account()
    task = api.task(account)
    for method, path, kwargs in _nul_requests(account, task["id"]):
        response = api.client.request(method, path, **kwargs)
        assert response.status_code == 422, (method, path, kwargs, response.text)
        assert response.headers["content-type"] == "application/problem+json"


def test_the_schema_publishes_the_nul_rule(api: Api) -> None:
    schemas = api.client.get("/openapi.json").json()["components"]["schemas"]
    assert "\\x00" in schemas["TaskCreate"]["properties"]["title"]["pattern"]
    assert "\\x00" in schemas["TagCreate"]["properties"]["name"]["pattern"]


# -- 5. an attacker cannot lock the real user out ----------------------------------------------


@pytest.fixture
def limited(settings: Settings, connection: Connection) -> Any:
    strict = settings.model_copy(
        update={"login_rate_limit_per_account": 5, "login_rate_limit_per_ip": 1000}
    )
    return build_app(strict, connection)


def test_failed_logins_from_elsewhere_do_not_lock_out_the_real_user(api: Api, limited: Any) -> None:
    victim = api.account()
    attacker = TestClient(limited, client=("203.0.113.66", 40000))
    user = TestClient(limited, client=("198.51.100.7", 50000))
    form = {"username": victim.email, "password": "guess guess guess"}
    statuses = [attacker.post("/auth/token", data=form).status_code for _ in range(7)]
    assert statuses == [401] * 5 + [429] * 2
    # The real user, from their own address, still gets in with the right password.
    real = user.post("/auth/token", data={"username": victim.email, "password": DEFAULT_PASSWORD})
    assert real.status_code == 200, real.text
    # The attacker's address stays blocked, even with the right password.
    stolen = {"username": victim.email, "password": DEFAULT_PASSWORD}
    assert attacker.post("/auth/token", data=stolen).status_code == 429


def test_a_correct_password_does_not_count_as_a_failure(api: Api, limited: Any) -> None:
    account = api.account()
    client = TestClient(limited, client=("198.51.100.8", 50000))
    form = {"username": account.email, "password": DEFAULT_PASSWORD}
    assert [client.post("/auth/token", data=form).status_code for _ in range(8)] == [200] * 8


# -- 7. security headers -----------------------------------------------------------------------


def test_personal_responses_are_not_cached_or_sniffed(api: Api) -> None:
    account = api.account()
    task = api.task(account)
    for path in ("/me", "/tasks", f"/tasks/{task['id']}", "/tags", "/tasks/not-a-uuid"):
        response = api.client.get(path, headers=account.headers)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["cache-control"] == "no-store", path
        assert response.headers["referrer-policy"] == "no-referrer", path
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"], path


def test_the_documentation_page_can_load_swagger_ui(api: Api) -> None:
    response = api.client.get("/docs")
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in response.headers


# -- 8. registration: 409 is kept, but the oracle is rate limited per address ------------------


def test_registration_is_rate_limited_per_address(
    settings: Settings, connection: Connection
) -> None:
    app = build_app(settings.model_copy(update={"register_rate_limit_per_ip": 3}), connection)
    client = TestClient(app, client=("203.0.113.9", 1234))
    statuses = [
        client.post(
            "/auth/register", json={"email": f"probe{i}@example.com", "password": "x" * 10}
        ).status_code
        for i in range(4)
    ]
    assert statuses == [201, 201, 201, 429]
    elsewhere = TestClient(app, client=("203.0.113.10", 1234))
    again = elsewhere.post(
        "/auth/register", json={"email": "probe0@example.com", "password": "x" * 10}
    )
    assert again.status_code == 409


# -- 10. schema and behaviour agree ------------------------------------------------------------


def test_405_lists_every_method_of_the_path(api: Api) -> None:
    account = api.account()
    task = api.task(account)
    expected = {
        f"/tasks/{task['id']}": "DELETE, GET, PATCH",
        "/tasks": "GET, POST",
        "/me": "DELETE, GET, PATCH",
        "/auth/token": "POST",
    }
    for path, allow in expected.items():
        response = api.client.put(path, headers=account.headers)
        assert response.status_code == 405, path
        assert response.headers["allow"] == allow, path


def test_offset_after_a_cursor_skips_rows_after_it(api: Api) -> None:
    account = api.account()
    for number in range(5):
        api.task(account, title=f"t{number}")
    first = api.client.get(
        "/tasks", params={"sort": "title", "order": "asc", "limit": 1}, headers=account.headers
    ).json()
    page = api.client.get(
        "/tasks",
        params={"sort": "title", "order": "asc", "cursor": first["next_cursor"], "offset": 2},
        headers=account.headers,
    )
    assert page.status_code == 200, page.text
    assert [task["title"] for task in page.json()["items"]] == ["t3", "t4"]


def test_test_domains_are_valid_e_mail_addresses(api: Api) -> None:
    response = api.client.post(
        "/auth/register", json={"email": "Lin@Mail.Example.TEST", "password": "x" * 10}
    )
    assert response.status_code == 201, response.text
    assert response.json()["email"] == "lin@mail.example.test"


def test_new_password_without_current_password_is_403(api: Api) -> None:
    account = api.account()
    response = api.client.patch("/me", json={"new_password": "y" * 10}, headers=account.headers)
    assert response.status_code == 403
    response = api.client.patch(
        "/me", json={"new_password": "y" * 10, "current_password": ""}, headers=account.headers
    )
    assert response.status_code == 422  # minLength 1 in the schema, too


def test_omittable_fields_are_not_nullable_in_the_schema(api: Api) -> None:
    schemas = api.client.get("/openapi.json").json()["components"]["schemas"]
    task_update = schemas["TaskUpdate"]["properties"]
    for name in ("title", "status", "priority", "tag_ids"):
        assert "null" not in json.dumps(task_update[name]), name
    assert "null" in json.dumps(task_update["due_date"])  # null clears the due date
    assert "null" not in json.dumps(schemas["UserUpdate"]["properties"]["email"])


# -- 11. deleting a tag changes the ETag of its tasks ------------------------------------------


def test_deleting_a_tag_changes_the_etag_of_its_tasks(api: Api) -> None:
    account = api.account()
    tag = api.tag(account, "doomed")
    tagged = api.task(account, title="tagged", tag_ids=[tag["id"]])
    untagged = api.task(account, title="untagged")
    before = {
        task["id"]: api.client.get(f"/tasks/{task['id']}", headers=account.headers).headers["etag"]
        for task in (tagged, untagged)
    }
    assert api.client.delete(f"/tags/{tag['id']}", headers=account.headers).status_code == 204
    after = api.client.get(f"/tasks/{tagged['id']}", headers=account.headers)
    assert after.json()["tags"] == []
    assert after.headers["etag"] != before[tagged["id"]]
    stale = api.client.patch(
        f"/tasks/{tagged['id']}",
        json={"title": "stale write"},
        headers={**account.headers, "If-Match": before[tagged["id"]]},
    )
    assert stale.status_code == 412
    same = api.client.get(f"/tasks/{untagged['id']}", headers=account.headers)
    assert same.headers["etag"] == before[untagged["id"]]
