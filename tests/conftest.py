"""Shared fixtures: a private copy of the miniature workbook, and a way to run the CLI on it."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from workbook.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
BROKEN = FIXTURES / "broken"


@dataclass(frozen=True)
class CliRun:
    """What one ``workbook`` command printed and returned."""

    exit_code: int
    out: str
    err: str


class MiniWorkbook:
    """A throwaway copy of ``tests/fixtures/mini`` with helpers to break and grade it."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self._capsys = capsys

    def run(self, *arguments: str) -> CliRun:
        self._capsys.readouterr()
        code = main(["--root", str(self.root), *arguments])
        captured = self._capsys.readouterr()
        return CliRun(code, captured.out, captured.err)

    def learner_file(self, slug: str) -> Path:
        return self.root / "weeks" / "week01" / "exercises" / f"{slug}.py"

    def use_broken(self, name: str, slug: str = "ex01_greet") -> None:
        shutil.copyfile(BROKEN / f"{name}.py", self.learner_file(slug))

    def use_solution(self, slug: str) -> None:
        source = self.root / "solutions" / "weeks" / "week01" / "exercises" / f"{slug}.py"
        shutil.copyfile(source, self.learner_file(slug))

    def results(self, unit: str = "week01") -> dict[str, Any]:
        path = self.root / ".workbook" / "results" / f"{unit}.json"
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    def exercise(self, exercise_id: str, unit: str = "week01") -> dict[str, Any]:
        found: dict[str, Any] = next(
            e for e in self.results(unit)["exercises"] if e["id"] == exercise_id
        )
        return found


@pytest.fixture(autouse=True)
def _commands_as_workbook(monkeypatch: pytest.MonkeyPatch) -> None:
    """Printed commands read ``workbook ...`` in every test, however the suite was started."""
    monkeypatch.setenv("WORKBOOK_COMMAND", "workbook")


@pytest.fixture
def mini(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> MiniWorkbook:
    # Side-by-side views size themselves to the terminal: give every run the same one, whether
    # pytest runs in a terminal, a pipe or a parallel worker.
    monkeypatch.setenv("COLUMNS", "120")
    root = tmp_path / "workbook"
    shutil.copytree(MINI, root, ignore=shutil.ignore_patterns("__pycache__", ".workbook"))
    return MiniWorkbook(root, capsys)
