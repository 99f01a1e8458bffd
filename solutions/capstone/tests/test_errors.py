"""Every error is an RFC 9457 problem; crashes leak nothing; requests carry an id."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection

from taskhub.core.config import Settings
from taskhub.core.logging import JsonFormatter, RequestIdFilter, configure_logging
from tests.conftest import build_app
from tests.helpers import Api

PROBLEM = "application/problem+json"


def _assert_problem(response_json: dict[str, object], status: int) -> None:
    assert {"type", "title", "status", "detail", "instance"} <= set(response_json)
    assert response_json["status"] == status


def test_unknown_route_is_a_problem(client: TestClient) -> None:
    response = client.get("/nope")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    _assert_problem(response.json(), 404)
    assert response.json()["type"] == "about:blank"
    assert response.json()["title"] == "Not Found"


def test_wrong_method_is_a_problem(client: TestClient) -> None:
    response = client.put("/healthz")
    assert response.status_code == 405
    assert response.headers["content-type"] == PROBLEM


def test_validation_problem_lists_errors(client: TestClient) -> None:
    response = client.post("/auth/register", json={"email": 3})
    assert response.status_code == 422
    body = response.json()
    _assert_problem(body, 422)
    assert body["type"] == "urn:taskhub:problem:validation-error"
    assert {tuple(error["loc"]) for error in body["errors"]} == {
        ("body", "email"),
        ("body", "password"),
    }


def test_malformed_json_is_a_validation_problem(client: TestClient) -> None:
    response = client.post(
        "/auth/register", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM


def test_declared_oversized_body_is_413(client: TestClient) -> None:
    response = client.post("/auth/register", content=b"x" * (64 * 1024 + 1))
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
    assert "x-request-id" in response.headers


def test_streamed_oversized_body_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b"x" * 8192

    response = client.post(
        "/auth/register", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM


def test_bad_content_length_is_413(client: TestClient) -> None:
    response = client.post("/auth/register", content=b"{}", headers={"content-length": "abc"})
    assert response.status_code in (400, 413)


@pytest.fixture
def crashing_app(settings: Settings, connection: Connection) -> FastAPI:
    app = build_app(settings, connection)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    return app


def test_unhandled_error_is_a_bare_500_problem(
    crashing_app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    with TestClient(crashing_app, raise_server_exceptions=False) as client:
        response = client.get("/boom", headers={"X-Request-ID": "trace-me-123"})
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["x-request-id"] == "trace-me-123"
    body = response.json()
    _assert_problem(body, 500)
    assert body["request_id"] == "trace-me-123"
    assert "hunter2" not in response.text
    assert "RuntimeError" not in response.text
    # ...but the log has everything, tagged with the request id.
    crash = [record for record in caplog.records if record.exc_info]
    assert crash
    assert crash[0].getMessage() == "unhandled error"


def test_request_id_is_generated_or_propagated(client: TestClient) -> None:
    generated = client.get("/healthz").headers["x-request-id"]
    assert len(generated) == 32
    assert client.get("/healthz", headers={"X-Request-ID": "abc-1"}).headers["x-request-id"] == (
        "abc-1"
    )
    hostile = client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert hostile.headers["x-request-id"] != "bad id\twith spaces"


def test_log_lines_are_json_with_the_request_id(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging("INFO", json_lines=True)
    try:
        client.get("/healthz", headers={"X-Request-ID": "log-me"})
    finally:
        logging.getLogger().handlers.clear()
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]
    access = [line for line in lines if line.get("path") == "/healthz"]
    assert access
    assert access[0]["request_id"] == "log-me"
    assert access[0]["status"] == 200
    assert "duration_ms" in access[0]


def test_json_formatter_includes_exceptions_and_plain_format_works() -> None:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed %s", ("here",), None)
    RequestIdFilter().filter(record)
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "failed here"
    assert "ValueError" in line["exception"]
    assert line["request_id"] == "-"
    configure_logging("DEBUG", json_lines=False)
    logging.getLogger().handlers.clear()


def test_cors_is_configured_from_settings(settings: Settings, connection: Connection) -> None:
    app = build_app(
        settings.model_copy(update={"cors_origins": ["https://app.example.com"]}), connection
    )
    with TestClient(app) as client:
        response = client.options(
            "/tasks",
            headers={
                "Origin": "https://app.example.com",
                "Access-Control-Request-Method": "PATCH",
                "Access-Control-Request-Headers": "If-Match",
            },
        )
        assert response.headers["access-control-allow-origin"] == "https://app.example.com"
        evil = client.get("/healthz", headers={"Origin": "https://evil.example.com"})
        assert "access-control-allow-origin" not in evil.headers


def test_openapi_documents_problems(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    patch = schema["paths"]["/tasks/{task_id}"]["patch"]["responses"]
    for status in ("401", "404", "409", "412", "422", "500"):
        content = patch[status]["content"]
        assert list(content) == [PROBLEM], status
        assert "example" in content[PROBLEM]
    assert patch["422"]["content"][PROBLEM]["schema"]["$ref"].endswith("ValidationProblem")
    login = schema["paths"]["/auth/token"]["post"]["responses"]["429"]
    assert "Retry-After" in login["headers"]
    assert client.get("/openapi.json").json() == schema  # cached


def test_problem_for_unknown_email_never_says_which_part_was_wrong(api: Api) -> None:
    response = api.login("ghost@example.com", "whatever123")
    assert response.json()["detail"] == "Incorrect e-mail or password."
