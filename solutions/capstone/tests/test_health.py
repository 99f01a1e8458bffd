"""Liveness and readiness."""

from __future__ import annotations

from fastapi.testclient import TestClient

from taskhub.core.config import Settings
from taskhub.main import create_app


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_when_the_database_answers(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_a_503_problem_when_the_database_is_down(settings: Settings) -> None:
    broken = settings.model_copy(
        update={"database_url": "sqlite:////nonexistent-directory/taskhub.db"}
    )
    with TestClient(create_app(broken)) as client:
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"] == "urn:taskhub:problem:unavailable"
        assert client.get("/healthz").status_code == 200
