"""The pre-commit hooks: pinned to the versions uv.lock holds, and running commands that exist."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".pre-commit-config.yaml"
RUFF = "https://github.com/astral-sh/ruff-pre-commit"
NBSTRIPOUT = "https://github.com/kynan/nbstripout"
LOCAL_PREFIX = ["uv", "run", "--locked"]
LOCAL_HOOKS = ("workbook-stubs", "workbook-manifest")
LEARNER = (
    "weeks/week01/exercises/ex01_greet.py",
    "katas/exercises/k01_valid_username.py",
    "capstone/src/taskhub/main.py",
    "README.md",
)


def load_config() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    return loaded


def repository(url: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [r for r in load_config()["repos"] if r["repo"] == url]
    assert len(found) == 1, f"{url} appears {len(found)} times in {CONFIG.name}"
    return found[0]


def hook(repo: dict[str, Any], hook_id: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [h for h in repo["hooks"] if h["id"] == hook_id]
    assert len(found) == 1, f"hook {hook_id} appears {len(found)} times"
    return found[0]


def locked_version(package: str) -> str:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    versions = {p["version"] for p in lock["package"] if p["name"] == package}
    assert len(versions) == 1, f"uv.lock holds {package} at {sorted(versions) or 'no version'}"
    version: str = versions.pop()
    return version


def local_hooks() -> list[dict[str, Any]]:
    hooks: list[dict[str, Any]] = repository("local")["hooks"]
    return hooks


def test_ruff_is_pinned_to_the_locked_version() -> None:
    """ruff's hooks (lint, format check) run the ruff version uv.lock pins"""
    ruff = repository(RUFF)
    assert ruff["rev"] == f"v{locked_version('ruff')}"
    assert hook(ruff, "ruff-check").get("args", []) == []
    assert hook(ruff, "ruff-format")["args"] == ["--check"]


def test_nbstripout_is_pinned_to_the_locked_version() -> None:
    """nbstripout runs on notebooks/ at the version uv.lock pins"""
    nbstripout = repository(NBSTRIPOUT)
    assert nbstripout["rev"] == locked_version("nbstripout")
    files = re.compile(hook(nbstripout, "nbstripout")["files"])
    assert files.search("notebooks/week05-sql.ipynb")
    assert not files.search("weeks/week05/notes.ipynb")


def test_local_hooks_run_the_locked_workbook() -> None:
    """the maintainers' hooks run workbook dev sync/manifest --check in the locked environment"""
    entries = {h["id"]: h for h in local_hooks()}
    assert set(entries) == set(LOCAL_HOOKS)
    expected = {
        "workbook-stubs": ["workbook", "dev", "sync", "--check"],
        "workbook-manifest": ["workbook", "dev", "manifest", "--check"],
    }
    for hook_id, command in expected.items():
        entry = entries[hook_id]
        assert shlex.split(entry["entry"]) == [*LOCAL_PREFIX, *command]
        assert entry["language"] == "system"
        assert entry["pass_filenames"] is False, "the checks look at the whole workbook"


@pytest.mark.parametrize("hook_id", LOCAL_HOOKS)
def test_local_hook_commands_exist(hook_id: str) -> None:
    """each local hook's command exists and takes --check"""
    entry = next(h for h in local_hooks() if h["id"] == hook_id)
    words = shlex.split(entry["entry"])[len(LOCAL_PREFIX) :]
    assert words[0] == "workbook"
    subcommand = [word for word in words[1:] if not word.startswith("-")]
    shown = subprocess.run(
        [sys.executable, "-m", "workbook", *subcommand, "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        cwd=ROOT,
    )
    assert shown.returncode == 0, shown.stderr
    for flag in (word for word in words[1:] if word.startswith("-")):
        assert flag in shown.stdout, f"`workbook {' '.join(subcommand)}` has no {flag}"


@pytest.mark.parametrize(
    ("hook_id", "changed", "runs"),
    [
        ("workbook-stubs", "solutions/weeks/week01/exercises/ex01_greet.py", True),
        ("workbook-stubs", "solutions/capstone/src/taskhub/main.py", True),
        ("workbook-stubs", "workbook/stubs.py", True),
        ("workbook-manifest", "weeks/week01/checks/test_ex01_greet.py", True),
        ("workbook-manifest", "weeks/week01/week.toml", True),
        ("workbook-manifest", "katas/checks/test_k01_valid_username.py", True),
        ("workbook-manifest", "katas/katas.toml", True),
        ("workbook-manifest", "workbook/checking.py", True),
        ("workbook-manifest", "checkers.sha256", True),
        # A learner's own work never sets them off.
        *((hook_id, learner_file, False) for hook_id in LOCAL_HOOKS for learner_file in LEARNER),
    ],
)
def test_local_hooks_run_when_their_files_change(hook_id: str, changed: str, runs: bool) -> None:
    """the local hooks run when a file they guard changes, never for a learner's work"""
    entry = next(h for h in local_hooks() if h["id"] == hook_id)
    assert bool(re.search(entry["files"], changed)) is runs


def test_pre_commit_accepts_the_config() -> None:
    """pre-commit validate-config accepts the file"""
    pytest.importorskip("pre_commit")
    checked = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(CONFIG)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
