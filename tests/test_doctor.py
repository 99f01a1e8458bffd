"""``workbook doctor``: tools found on a PATH of fake executables, and the report about them."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from workbook.commands import COMMAND_VARIABLE
from workbook.doctor import Finding, Health, diagnose, doctor_exit_code, render_doctor
from workbook.report import Style

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fake tools are shell scripts")

PLAIN = Style(colour=False, unicode=True)
SLEEP = shutil.which("sleep") or "/bin/sleep"


def fake_tool(folder: Path, name: str, body: str) -> Path:
    """An executable shell script called ``name`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


def required_tools(folder: Path, python: str = "Python 3.12.1") -> None:
    fake_tool(folder, "python3", f'echo "{python}"')
    fake_tool(folder, "git", 'echo "git version 2.43.0"')
    fake_tool(folder, "uv", 'echo "uv 0.5.11 (c4d0caaee 2024-12-19)"')


def examine(
    path: Path, tmp_path: Path, timeout: float = 5.0, environment: dict[str, str] | None = None
) -> dict[str, Finding]:
    """Diagnose with only ``path`` on PATH, an empty system root and no server variables."""
    root = tmp_path / "root"
    root.mkdir(exist_ok=True)
    findings = diagnose(
        str(path),
        timeout=timeout,
        system_root=str(root),
        environment=environment or {},
        workbook_root=str(tmp_path / "workbook"),
    )
    return {finding.tool: finding for finding in findings}


def test_present_tools_are_found_with_their_versions(tmp_path: Path) -> None:
    """finds the tools on PATH and reads their versions"""
    bin_folder = tmp_path / "bin"
    required_tools(bin_folder)
    fake_tool(bin_folder, "redis-server", 'echo "Redis server v=7.2.4 sha=00000000:0 bits=64"')
    findings = examine(bin_folder, tmp_path)
    assert [(name, f.health, f.version) for name, f in findings.items() if f.usable] == [
        ("Python", Health.OK, "3.12.1"),
        ("git", Health.OK, "2.43.0"),
        ("uv", Health.OK, "0.5.11"),
        ("Redis", Health.OK, "7.2.4"),
    ]
    assert findings["Python"].path == str(bin_folder / "python3")
    assert findings["Python"].fixes == ()
    assert doctor_exit_code(list(findings.values())) == 0


def test_a_version_printed_on_stderr_is_read(tmp_path: Path) -> None:
    """reads a version a tool prints on stderr"""
    bin_folder = tmp_path / "bin"
    fake_tool(bin_folder, "python", 'echo "Python 3.13.0" >&2')
    assert examine(bin_folder, tmp_path)["Python"].version == "3.13.0"


def test_nothing_installed(tmp_path: Path) -> None:
    """says what is missing, how to install it, and exits 1"""
    empty = tmp_path / "empty"
    empty.mkdir()
    findings = examine(empty, tmp_path)
    assert all(f.health is Health.MISSING for f in findings.values())
    assert doctor_exit_code(list(findings.values())) == 1
    uv = findings["uv"]
    assert "./wb installs uv itself" in uv.detail
    assert {fix.system: fix.command for fix in uv.fixes} == {
        "Debian/Ubuntu": "curl -LsSf https://astral.sh/uv/install.sh | sh",
        "macOS (Homebrew)": "brew install uv",
        "pip/uv": "python3 -m pip install --user uv",
    }
    systems = {name: [fix.system for fix in f.fixes] for name, f in findings.items()}
    assert all("Debian/Ubuntu" in s and "macOS (Homebrew)" in s for s in systems.values())


def test_uv_or_nox_is_enough(tmp_path: Path) -> None:
    """needs uv or nox, not both"""
    bin_folder = tmp_path / "bin"
    fake_tool(bin_folder, "python3", 'echo "Python 3.11.9"')
    fake_tool(bin_folder, "git", 'echo "git version 2.39.5"')
    assert doctor_exit_code(list(examine(bin_folder, tmp_path).values())) == 1
    fake_tool(bin_folder, "nox", 'echo "2024.10.9"')
    findings = examine(bin_folder, tmp_path)
    assert findings["uv"].health is Health.MISSING
    assert doctor_exit_code(list(findings.values())) == 0


@pytest.mark.parametrize(
    ("printed", "health"),
    [
        ("Python 3.10.12", Health.TOO_OLD),
        ("Python 3.9.6", Health.TOO_OLD),
        ("Python 3.11.0", Health.OK),
        ("Python 3.12.0rc1", Health.OK),
    ],
)
def test_python_must_be_recent_enough(tmp_path: Path, printed: str, health: Health) -> None:
    """refuses a Python older than 3.11 and accepts 3.11.0 itself"""
    bin_folder = tmp_path / "bin"
    required_tools(bin_folder, python=printed)
    findings = examine(bin_folder, tmp_path)
    python = findings["Python"]
    assert python.health is health, python
    if health is Health.TOO_OLD:
        assert python.detail.endswith("is too old: the workbook needs Python 3.11 or newer")
        assert python.fixes
        assert doctor_exit_code(list(findings.values())) == 1
    else:
        assert doctor_exit_code(list(findings.values())) == 0


def test_a_tool_that_hangs_is_cut_off(tmp_path: Path) -> None:
    """gives up on a tool that does not answer --version, and kills it"""
    bin_folder = tmp_path / "bin"
    required_tools(bin_folder)
    pid_file = tmp_path / "hung.pid"
    fake_tool(bin_folder, "python3", f'echo $$ > "{pid_file}"\nexec "{SLEEP}" 60')
    started = time.monotonic()
    findings = examine(bin_folder, tmp_path, timeout=0.5)
    elapsed = time.monotonic() - started
    python = findings["Python"]
    assert python.health is Health.TIMED_OUT
    assert python.detail == "`python3 --version` did not answer within 0.5 s"
    assert elapsed < 4, f"diagnose took {elapsed:.1f} s with a 0.5 s timeout"
    assert doctor_exit_code(list(findings.values())) == 1
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)


def test_a_tool_that_fails_is_reported(tmp_path: Path) -> None:
    """reports a tool whose --version fails (a shim for something not installed)"""
    bin_folder = tmp_path / "bin"
    required_tools(bin_folder)
    fake_tool(bin_folder, "uv", 'echo "pyenv: uv: command not found" >&2\nexit 127')
    findings = examine(bin_folder, tmp_path)
    assert findings["uv"].health is Health.BROKEN
    assert findings["uv"].detail.startswith(
        "`uv --version` exited with 127: pyenv: uv: command not found"
    )
    assert doctor_exit_code(list(findings.values())) == 1


def test_fixed_places_are_searched(tmp_path: Path) -> None:
    """finds Debian's PostgreSQL (the newest), /usr/bin/chromium and the uv ./wb installed"""
    root = tmp_path / "root"
    for major in ("9.6", "15", "16"):
        fake_tool(root / f"usr/lib/postgresql/{major}/bin", "pg_ctl", f'echo "pg_ctl {major}.2"')
    fake_tool(root / "usr/bin", "chromium", 'echo "Chromium 131.0.6778.85 built on Debian"')
    empty = tmp_path / "empty"
    empty.mkdir()
    workbook = tmp_path / "workbook"
    fake_tool(workbook / ".workbook/tools/bin", "uv", 'echo "uv 0.9.2"')
    found = diagnose(str(empty), system_root=str(root), environment={}, workbook_root=str(workbook))
    findings = {f.tool: f for f in found}
    assert findings["PostgreSQL"].path == str(root / "usr/lib/postgresql/16/bin/pg_ctl")
    assert findings["PostgreSQL"].version == "16.2"
    assert findings["Chromium"].version == "131.0.6778.85"
    assert findings["uv"].path == str(workbook / ".workbook/tools/bin/uv"), "./wb installs it there"


def test_a_postgres_server_named_by_its_url_is_enough(tmp_path: Path) -> None:
    """accepts the PostgreSQL server WORKBOOK_POSTGRES_URL names, without local binaries"""
    empty = tmp_path / "empty"
    empty.mkdir()
    assert examine(empty, tmp_path)["PostgreSQL"].health is Health.MISSING
    url = {"WORKBOOK_POSTGRES_URL": "postgresql://taskhub:taskhub@postgres:5432/taskhub_test"}
    postgres = examine(empty, tmp_path, environment=url)["PostgreSQL"]
    assert (postgres.health, postgres.version) == (Health.OK, "server")
    assert postgres.detail == (
        "not installed here, but WORKBOOK_POSTGRES_URL names a server the checks use"
    )


@pytest.mark.parametrize(
    ("info", "health"),
    [
        ('echo "27.3.1"', Health.OK),
        ('echo "Cannot connect to the Docker daemon." >&2\nexit 1', Health.NO_ENGINE),
    ],
)
def test_docker_needs_an_engine(tmp_path: Path, info: str, health: Health) -> None:
    """says when the Docker client has no engine to talk to"""
    bin_folder = tmp_path / "bin"
    version = 'echo "Docker version 27.3.1, build ce12230"'
    script = f'if [ "$1" = info ]; then\n{info}\nelse {version}; fi'
    fake_tool(bin_folder, "docker", script)
    docker = examine(bin_folder, tmp_path)["Docker"]
    assert (docker.health, docker.version) == (health, "27.3.1")
    if health is Health.NO_ENGINE:
        assert "Cannot connect to the Docker daemon" in docker.detail
        assert [fix.command for fix in docker.fixes] == [
            "sudo systemctl start docker",
            "open -a Docker",
        ]


def test_docker_socket_permission(tmp_path: Path) -> None:
    """says how to use the engine's socket when Docker refuses this user"""
    bin_folder = tmp_path / "bin"
    denied = "permission denied while trying to connect to the Docker daemon socket"
    script = (
        f'if [ "$1" = info ]; then echo "{denied}" >&2; exit 1; fi\necho "Docker version 27.3.1"'
    )
    fake_tool(bin_folder, "docker", script)
    docker = examine(bin_folder, tmp_path)["Docker"]
    assert docker.health is Health.NO_ENGINE
    assert [fix.command for fix in docker.fixes] == [
        "sudo usermod -aG docker $USER  (then log in again)"
    ]


def test_rendered_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """prints a line per tool, and the fixes under what is missing"""
    monkeypatch.setenv(COMMAND_VARIABLE, "./wb")
    bin_folder = tmp_path / "bin"
    fake_tool(bin_folder, "python3", 'echo "Python 3.10.12"')
    fake_tool(bin_folder, "git", 'echo "git version 2.43.0"')
    fake_tool(bin_folder, "nox", 'echo "2024.10.9"')
    fake_tool(bin_folder, "chromium", 'echo "Chromium 131.0.6778.85 built on Debian"')
    fake_tool(bin_folder, "postgres", 'echo "postgres (PostgreSQL) 16.4"')
    fake_tool(bin_folder, "redis-server", 'echo "Redis server v=7.2.4 sha=00000000:0"')
    fake_tool(
        bin_folder,
        "docker",
        'if [ "$1" = info ]; then echo "Cannot connect to the Docker daemon." >&2; exit 1; fi\n'
        'echo "Docker version 27.3.1, build ce12230"',
    )
    findings = list(examine(bin_folder, tmp_path).values())
    assert render_doctor(findings, PLAIN).splitlines() == [
        "Workbook doctor: the tools the workbook uses",
        "",
        "  ✘ Python      3.10.12        required   runs ./wb, the workbook and your exercises",
        "      3.10.12 is too old: the workbook needs Python 3.11 or newer",
        "      Debian/Ubuntu:    sudo apt-get install python3 python3-venv",
        "      macOS (Homebrew): brew install python@3.12",
        "      pip/uv:           uv python install 3.12 --default",
        "  ✔ git         2.43.0         required   "
        "keeps your work; a mentor reviews it in a pull request",
        "  ! uv          missing        uv or nox  "
        "installs the locked environment (uv sync --locked)",
        "      not found (looked for uv on PATH and in .workbook/tools/bin); ./wb installs uv "
        "itself on its first run when uv is missing",
        "      Debian/Ubuntu:    curl -LsSf https://astral.sh/uv/install.sh | sh",
        "      macOS (Homebrew): brew install uv",
        "      pip/uv:           python3 -m pip install --user uv",
        "  ✔ nox         2024.10.9      uv or nox  runs the graded sessions (nox -s week01)",
        "  ✔ Chromium    131.0.6778.85  optional   the site's browser tests",
        "  ✔ PostgreSQL  16.4           optional   "
        "the PostgreSQL checks of weeks 05-06 and the capstone",
        "  ✔ Redis       7.2.4          optional   "
        "week 11's queue and cache checks (fakeredis stands in without it)",
        "  ! Docker      27.3.1         optional   week 12's image build",
        "      the client works, but no engine answers `docker info`:",
        "        Cannot connect to the Docker daemon.",
        "      Debian/Ubuntu:    sudo systemctl start docker",
        "      macOS (Homebrew): open -a Docker",
        "",
        "  Required but not ready: Python.",
        "  Fix it with a command above, then run ./wb doctor again.",
    ]


def test_report_when_all_required_tools_are_here(tmp_path: Path) -> None:
    """says everything required is here, and names the optional tools that are not"""
    bin_folder = tmp_path / "bin"
    required_tools(bin_folder)
    text = render_doctor(list(examine(bin_folder, tmp_path).values()), PLAIN)
    assert text.splitlines()[-2:] == [
        "  Everything the workbook requires is here.",
        "  Optional, not ready here: Chromium, PostgreSQL, Redis, Docker "
        "(only what each line names needs it).",
    ]


def test_report_in_colour_and_ascii(tmp_path: Path) -> None:
    """paints the symbols in the report's colours, and falls back to ASCII"""
    bin_folder = tmp_path / "bin"
    required_tools(bin_folder)
    findings = list(examine(bin_folder, tmp_path).values())
    coloured = render_doctor(findings, Style(colour=True, unicode=True))
    assert "\033[32m✔\033[0m Python" in coloured
    assert "\033[33m!\033[0m Redis" in coloured
    ascii_lines = render_doctor(findings, Style(colour=False, unicode=False)).splitlines()
    assert "  + Python      3.12.1   required   " in "\n".join(ascii_lines)
    assert all(line.isascii() for line in ascii_lines)
