"""``./wb``, the launcher the README's quick start uses: what each command hands over to."""

from __future__ import annotations

import subprocess
from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _launcher() -> ModuleType:
    loader = SourceFileLoader("wb_launcher", str(ROOT / "wb"))
    spec = spec_from_loader("wb_launcher", loader)
    assert spec is not None
    module = module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.fixture
def launcher(monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, list[list[str]]]:
    module = _launcher()
    handed: list[list[str]] = []
    monkeypatch.setattr(module, "find_uv", lambda: "/opt/uv/bin/uv")
    monkeypatch.setattr(module, "sync", lambda uv, groups: None)

    def hand_over(command: list[str], uv: str) -> int:
        handed.append(command)
        return 0

    monkeypatch.setattr(module, "hand_over", hand_over)
    return module, handed


@pytest.mark.parametrize(
    ("arguments", "tool", "rest"),
    [
        (["week03"], "workbook", ["check", "week03"]),
        (["week03", "ex02"], "workbook", ["check", "week03", "ex02"]),
        (["week3"], "workbook", ["check", "week3"]),
        (["katas", "k07"], "workbook", ["check", "katas", "k07"]),
        (["hint", "week01/ex01"], "workbook", ["hint", "week01/ex01"]),
        ([], "workbook", []),
        (["tests"], "nox", ["-s", "tests"]),
        (["tests", "-m", "not site"], "nox", ["-s", "tests", "--", "-m", "not site"]),
        (["docs", "serve"], "nox", ["-s", "docs", "--", "serve"]),
    ],
)
def test_each_command_reaches_the_right_tool(
    launcher: tuple[ModuleType, list[list[str]]], arguments: list[str], tool: str, rest: list[str]
) -> None:
    module, handed = launcher
    assert module.main(arguments) == 0
    assert handed == [[str(ROOT / ".venv" / "bin" / tool), *rest]]


def test_without_uv_and_without_venv_it_says_how_to_install_uv(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    module = _launcher()
    monkeypatch.setattr(module, "TOOLS", tmp_path / "tools")
    monkeypatch.setattr(module.shutil, "which", lambda name: None)

    def no_venv(command: list[str], **_: object) -> None:
        raise subprocess.CalledProcessError(1, command)

    monkeypatch.setattr(module.subprocess, "run", no_venv)
    assert module.find_uv() is None
    err = capsys.readouterr().err
    assert "Could not install uv automatically" in err
    assert "python3 -m pip install --user uv" in err
    assert not (tmp_path / "tools").exists(), "a half-made tools folder is removed"
