"""Concurrent writers and overload, against the real database with real commits.

These tests cannot use the rolled-back connection of the other tests: two requests at once
need two connections. They create their own accounts and delete them at the end.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import Connection

from taskhub.core.config import Settings
from taskhub.main import create_app
from tests.conftest import build_app, make_settings
from tests.helpers import DEFAULT_PASSWORD, Api

ROUNDS = 8


Request = tuple[str, str, dict[str, Any]]


def _at_once(client: TestClient, *requests: Request) -> list[Response]:
    """Send the requests from threads released together; their responses in order."""
    barrier = threading.Barrier(len(requests))
    results: list[Response | None] = [None] * len(requests)

    def run(index: int, request: Request) -> None:
        method, url, kwargs = request
        barrier.wait()
        results[index] = client.request(method, url, **kwargs)

    threads = [threading.Thread(target=run, args=item) for item in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert all(result is not None for result in results), "a request did not finish"
    return [result for result in results if result is not None]


class LiveAccount:
    """An account in the real database, and its tokens."""

    def __init__(self, app: FastAPI) -> None:
        self.client = TestClient(app)
        self.email = f"race-{uuid.uuid4().hex[:10]}@example.com"
        registered = self.client.post(
            "/auth/register", json={"email": self.email, "password": DEFAULT_PASSWORD}
        )
        assert registered.status_code == 201, registered.text
        tokens = self.client.post(
            "/auth/token", data={"username": self.email, "password": DEFAULT_PASSWORD}
        ).json()
        self.access = tokens["access_token"]
        self.refresh = tokens["refresh_token"]

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access}"}

    def delete(self) -> None:
        self.client.delete("/me", headers=self.headers)


def _live_app(database_url: str, **overrides: object) -> Iterator[FastAPI]:
    app = create_app(make_settings(database_url, **overrides))
    yield app
    app.state.engine.dispose()


@pytest.fixture
def live_app(database_url: str) -> Iterator[FastAPI]:
    yield from _live_app(database_url, refresh_reuse_grace_seconds=10)


@pytest.fixture
def account(live_app: FastAPI) -> Iterator[LiveAccount]:
    account = LiveAccount(live_app)
    yield account
    account.delete()


def test_two_tabs_refreshing_at_once_both_stay_logged_in(
    live_app: FastAPI, account: LiveAccount
) -> None:
    for _ in range(ROUNDS):
        refresh: Request = ("POST", "/auth/refresh", {"json": {"refresh_token": account.refresh}})
        first, second = _at_once(account.client, refresh, refresh)
        assert (first.status_code, second.status_code) == (200, 200), (first.text, second.text)
        # Both new logins of the family work: nothing was revoked.
        for response in (first, second):
            headers = {"Authorization": f"Bearer {response.json()['access_token']}"}
            assert account.client.get("/me", headers=headers).status_code == 200
        account.refresh = second.json()["refresh_token"]
        account.access = second.json()["access_token"]


def test_two_patches_with_one_etag_are_a_200_and_a_412(
    live_app: FastAPI, account: LiveAccount
) -> None:
    created = account.client.post("/tasks", json={"title": "raced"}, headers=account.headers)
    task_url = created.headers["location"]
    for number in range(ROUNDS):
        etag = account.client.get(task_url, headers=account.headers).headers["etag"]
        headers = {**account.headers, "If-Match": etag}
        responses = _at_once(
            account.client,
            ("PATCH", task_url, {"json": {"title": f"a{number}"}, "headers": headers}),
            ("PATCH", task_url, {"json": {"title": f"b{number}"}, "headers": headers}),
        )
        statuses = sorted(response.status_code for response in responses)
        assert statuses == [200, 412], [response.text for response in responses]


def test_reuse_after_the_grace_window_revokes_the_family(
    settings: Settings, connection: Connection, api: Api
) -> None:
    app = build_app(settings.model_copy(update={"refresh_reuse_grace_seconds": 1}), connection)
    client = TestClient(app)
    graced = Api(client, api.session, app)
    account = graced.account()
    rotated = client.post("/auth/refresh", json={"refresh_token": account.refresh_token})
    assert rotated.status_code == 200
    within = client.post("/auth/refresh", json={"refresh_token": account.refresh_token})
    assert within.status_code == 200  # a second tab, within the grace window
    time.sleep(1.1)
    replay = client.post("/auth/refresh", json={"refresh_token": account.refresh_token})
    assert replay.status_code == 401  # now it is reuse: the family is revoked
    for pair in (rotated.json(), within.json()):
        again = client.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]})
        assert again.status_code == 401
        headers = {"Authorization": f"Bearer {pair['access_token']}"}
        assert client.get("/me", headers=headers).status_code == 401


def _assert_overloaded(response: Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) >= 1
    assert response.json()["type"] == "urn:taskhub:problem:unavailable"


def test_no_connection_in_time_is_a_503_with_retry_after(
    database_url: str, is_postgres: bool
) -> None:
    """PostgreSQL: the pool is exhausted. SQLite: another writer keeps the write lock."""
    overrides: dict[str, Any] = (
        {"db_pool_size": 1, "db_pool_timeout_seconds": 0.2}
        if is_postgres
        else {"sqlite_busy_timeout_ms": 100}
    )
    for app in _live_app(database_url, **overrides):
        account = LiveAccount(app)
        try:
            if is_postgres:
                with app.state.engine.connect():  # the only connection of the pool
                    started = time.monotonic()
                    response = account.client.get("/me", headers=account.headers)
            else:
                path = database_url.removeprefix("sqlite:///")
                holder = sqlite3.connect(path, isolation_level=None)
                holder.execute("BEGIN IMMEDIATE")
                try:
                    started = time.monotonic()
                    response = account.client.post(
                        "/tags", json={"name": "blocked"}, headers=account.headers
                    )
                finally:
                    holder.execute("ROLLBACK")
                    holder.close()
            _assert_overloaded(response)
            assert time.monotonic() - started < 5, "the wait for the database is not bounded"
        finally:
            account.delete()
