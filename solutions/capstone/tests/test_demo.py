"""The demo entry point prepares a usable database (serving is not exercised here)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from taskhub import demo
from taskhub.core.config import Settings
from taskhub.main import create_app


@pytest.fixture(autouse=True)
def _cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TASKHUB_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("TASKHUB_ARGON2_MEMORY_COST_KIB", "8")
    monkeypatch.setenv("TASKHUB_ARGON2_PARALLELISM", "1")


def test_demo_prepares_and_seeds_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = tmp_path / "demo.db"
    demo.main(["--db", str(database), "--no-serve"])
    assert "seeded" in capsys.readouterr().out
    demo.main(["--db", str(database), "--no-serve"])
    assert "reused" in capsys.readouterr().out
    demo.main(["--db", str(database), "--no-serve", "--reset"])
    assert "seeded" in capsys.readouterr().out

    settings = Settings(environment="test", database_url=f"sqlite:///{database}")
    with TestClient(create_app(settings)) as client:
        token = client.post(
            "/auth/token",
            data={"username": "ada@example.com", "password": demo.DEMO_PASSWORD},
        ).json()["access_token"]
        tasks = client.get("/tasks", headers={"Authorization": f"Bearer {token}"}).json()
        assert tasks["total"] == len(demo.DEMO_TASKS)
        assert {task["status"] for task in tasks["items"]} == {"todo", "in_progress", "done"}


def test_demo_serves_with_uvicorn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: calls.append(kwargs))
    demo.main(["--db", str(tmp_path / "d.db"), "--port", "8123"])
    assert calls == [{"host": "127.0.0.1", "port": 8123, "log_config": None}]


def test_app_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    from taskhub import main

    tuned: list[bool] = []
    monkeypatch.setattr(main, "tune_garbage_collector", lambda: tuned.append(True))
    monkeypatch.setenv("TASKHUB_ENVIRONMENT", "test")
    app = main.app_from_env()
    logging.getLogger().handlers.clear()
    assert app.title == "TaskHub"
    assert tuned == [True]  # the server's entry point tunes the collector, once


def test_tune_garbage_collector_freezes_startup_objects() -> None:
    from taskhub.main import YOUNG_GENERATION_THRESHOLD, tune_garbage_collector

    before = gc.get_threshold()
    try:
        tune_garbage_collector()
        assert gc.get_threshold() == (YOUNG_GENERATION_THRESHOLD, *before[1:])
        assert gc.get_freeze_count() > 1000  # the modules and objects alive at startup
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
