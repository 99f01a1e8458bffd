"""The dev container: its files parse, name what exists, and wire the services to the checks.

Docker is not needed: the files are read as data, and the post-create script is parsed by bash.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / ".devcontainer"


def load_devcontainer() -> dict[str, Any]:
    text = (FOLDER / "devcontainer.json").read_text(encoding="utf-8")
    try:
        loaded: dict[str, Any] = json.loads(text)
    except json.JSONDecodeError as error:
        pytest.fail(f"devcontainer.json is not plain JSON (keep it free of comments): {error}")
    return loaded


def load_compose() -> dict[str, Any]:
    config = load_devcontainer()
    loaded: dict[str, Any] = yaml.safe_load((FOLDER / config["dockerComposeFile"]).read_text())
    return loaded


def workbook_service() -> dict[str, Any]:
    service: dict[str, Any] = load_compose()["services"][load_devcontainer()["service"]]
    return service


def mounts(service: dict[str, Any]) -> dict[str, str]:
    """target -> source of a service's short-syntax volumes."""
    pairs = [volume.split(":")[:2] for volume in service.get("volumes", [])]
    return {target: source for source, target in pairs}


def post_create_script() -> Path:
    command: list[str] = load_devcontainer()["postCreateCommand"].split()
    assert command[0] == "bash", "postCreateCommand runs a script with bash"
    return ROOT / command[1]


def test_devcontainer_names_files_that_exist() -> None:
    """devcontainer.json names a compose file, a service and a script that exist"""
    config = load_devcontainer()
    compose = load_compose()
    assert config["service"] in compose["services"]
    assert set(config["runServices"]) <= set(compose["services"])
    assert post_create_script().is_file()
    assert post_create_script().parent == FOLDER
    workspace = config["workspaceFolder"]
    assert mounts(workbook_service())[workspace] == "..", "the repository is the workspace"
    interpreter = config["customizations"]["vscode"]["settings"]["python.defaultInterpreterPath"]
    assert interpreter == f"{workspace}/.venv/bin/python"


def test_compose_paths_exist() -> None:
    """every host path the compose file mounts exists"""
    compose = load_compose()
    named = set(compose.get("volumes", {}))
    for service in compose["services"].values():
        for target, source in mounts(service).items():
            if source in named:
                continue
            assert (FOLDER / source).resolve().exists(), f"{source} (mounted on {target})"
    assert (FOLDER / "..").resolve() == ROOT


def test_python_312_image() -> None:
    """the workspace runs Python 3.12"""
    image = workbook_service()["image"]
    assert image.startswith("mcr.microsoft.com/devcontainers/python:")
    assert "3.12" in image.split(":")[1]


def test_services_have_health_checks() -> None:
    """PostgreSQL and Redis run as services the workspace waits for"""
    services = load_compose()["services"]
    for name, probe in (("postgres", "pg_isready"), ("redis", "redis-cli")):
        health = services[name]["healthcheck"]
        assert probe in " ".join(health["test"]), f"{name}: {health['test']}"
        assert {"interval", "timeout", "retries"} <= set(health)
        assert workbook_service()["depends_on"][name] == {"condition": "service_healthy"}


def test_database_urls_reach_the_postgres_service() -> None:
    """WORKBOOK_POSTGRES_URL and TASKHUB_TEST_DATABASE_URL point at the postgres service"""
    environment = workbook_service()["environment"]
    postgres = load_compose()["services"]["postgres"]["environment"]
    shapes = {
        "WORKBOOK_POSTGRES_URL": "postgresql",  # libpq, as scripts/with-postgres.sh exports it
        "TASKHUB_TEST_DATABASE_URL": "postgresql+psycopg",  # SQLAlchemy's
    }
    for variable, scheme in shapes.items():
        url = urlsplit(environment[variable])
        assert url.scheme == scheme, variable
        assert (url.hostname, url.port) == ("postgres", 5432), variable
        assert (url.username, url.password) == (
            postgres["POSTGRES_USER"],
            postgres["POSTGRES_PASSWORD"],
        ), variable
        assert url.path == f"/{postgres['POSTGRES_DB']}", variable
    script = ROOT / "solutions" / "capstone" / "scripts" / "with-postgres.sh"
    exported = script.read_text(encoding="utf-8")
    assert 'export WORKBOOK_POSTGRES_URL="postgresql://' in exported
    assert 'export TASKHUB_TEST_DATABASE_URL="postgresql+psycopg://' in exported


def test_ports_and_extensions() -> None:
    """forwards port 8000 and recommends the Python, Ruff and mypy extensions"""
    config = load_devcontainer()
    assert 8000 in config["forwardPorts"]
    assert "8000" in config["portsAttributes"]
    extensions = config["customizations"]["vscode"]["extensions"]
    assert {"ms-python.python", "charliermarsh.ruff", "ms-python.mypy-type-checker"} <= set(
        extensions
    )


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_post_create_script_parses() -> None:
    """the post-create script is valid bash"""
    script = post_create_script()
    parsed = subprocess.run(
        ["bash", "-n", str(script)], capture_output=True, text=True, check=False, timeout=30
    )
    assert parsed.returncode == 0, parsed.stderr


def test_post_create_script_syncs_and_checks() -> None:
    """the post-create script syncs the locked environment and runs the first check"""
    text = post_create_script().read_text(encoding="utf-8")
    assert "uv sync --locked" in text
    assert (ROOT / "uv.lock").is_file()
    assert "./wb check week01" in text
    assert ".venv/bin/workbook check week01" in text  # when ./wb is not there
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "workbook" in pyproject["project"]["scripts"], "uv sync makes .venv/bin/workbook"
    assert "week01" in {path.name for path in (ROOT / "weeks").iterdir()}


def fake_tool(folder: Path, name: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize("launcher", [True, False])
def test_post_create_script_runs(tmp_path: Path, launcher: bool) -> None:
    """on create: syncs the locked environment, then runs the first check (./wb or .venv)"""
    workspace = tmp_path / "workspace"
    (workspace / ".devcontainer").mkdir(parents=True)
    shutil.copy(post_create_script(), workspace / ".devcontainer" / "post-create.sh")
    (workspace / ".venv").mkdir()
    calls = tmp_path / "calls.log"
    record = f'echo "$(basename "$0") $*" >> "{calls}"'
    tools = tmp_path / "bin"
    for name in ("uv", "nox", "redis-server", "pipx", "sudo"):
        fake_tool(tools, name, record)
    # The first check fails on unstarted exercises; creating the container must not.
    fake_tool(workspace / ".venv" / "bin", "workbook", f"{record}\nexit 1")
    if launcher:
        fake_tool(workspace, "wb", f"{record}\nexit 1")
    ran = subprocess.run(
        ["bash", ".devcontainer/post-create.sh"],
        cwd=workspace,
        env={"PATH": f"{tools}:/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    first_check = "wb check week01" if launcher else "workbook check week01"
    assert calls.read_text().splitlines() == [
        "uv --version",
        "nox --version",
        "uv sync --locked",
        first_check,
    ]
