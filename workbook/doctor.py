"""``workbook doctor``: which tools the workbook uses are installed here, and how to get the rest.

``diagnose`` looks each tool up on a ``PATH`` (and in the few fixed places some systems put
them), asks it ``--version`` with a short timeout, and returns one ``Finding`` per tool.
``render_doctor`` turns the findings into the text a learner reads; ``doctor_exit_code`` is 0
when everything required is there. Nothing here installs or changes anything.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from workbook.commands import command
from workbook.report import Style
from workbook.status import Status

VERSION_TIMEOUT = 5.0  # seconds a tool gets to answer --version (or docker info)
MINIMUM_PYTHON = (3, 11)
WORKBOOK_ROOT = Path(__file__).resolve().parent.parent  # the checkout this package is in
_VERSION = re.compile(r"\d+(?:\.\d+)+")


class Health(StrEnum):
    """What looking for a tool found."""

    OK = "ok"
    MISSING = "missing"
    TOO_OLD = "too old"
    TIMED_OUT = "timed out"
    BROKEN = "broken"  # found, but --version failed or printed no version
    NO_ENGINE = "no engine"  # Docker: the client is here, no engine answers


@dataclass(frozen=True)
class Fix:
    """A command that installs or repairs a tool on one kind of system."""

    system: str
    command: str


@dataclass(frozen=True)
class Tool:
    """A tool the workbook uses: where to look for it, what it is for, how to install it."""

    name: str
    commands: tuple[str, ...]
    purpose: str
    requirement: str | None  # the requirement it meets (tools may share one); None: optional
    fixes: tuple[Fix, ...]
    places: tuple[str, ...] = ()  # folders (globs under the system root) searched after PATH
    own_places: tuple[str, ...] = ()  # folders inside the workbook searched after those
    minimum: tuple[int, ...] | None = None
    note: str = ""  # shown when the tool is not usable
    server_variable: str | None = None  # names a running server the checks use instead


@dataclass(frozen=True)
class Finding:
    """What ``diagnose`` found for one tool."""

    tool: str
    health: Health
    purpose: str
    requirement: str | None
    path: str | None = None
    version: str | None = None
    detail: str = ""
    fixes: tuple[Fix, ...] = ()

    @property
    def usable(self) -> bool:
        return self.health is Health.OK

    @property
    def required(self) -> bool:
        return self.requirement is not None


_DEBIAN, _MACOS, _PIP = "Debian/Ubuntu", "macOS (Homebrew)", "pip/uv"

TOOLS: tuple[Tool, ...] = (
    Tool(
        name="Python",
        commands=("python3", "python"),
        purpose="runs ./wb, the workbook and your exercises",
        requirement="Python",
        minimum=MINIMUM_PYTHON,
        fixes=(
            Fix(_DEBIAN, "sudo apt-get install python3 python3-venv"),
            Fix(_MACOS, "brew install python@3.12"),
            Fix(_PIP, "uv python install 3.12 --default"),
        ),
    ),
    Tool(
        name="git",
        commands=("git",),
        purpose="keeps your work; a mentor reviews it in a pull request",
        requirement="git",
        fixes=(Fix(_DEBIAN, "sudo apt-get install git"), Fix(_MACOS, "brew install git")),
    ),
    Tool(
        name="uv",
        commands=("uv",),
        purpose="installs the locked environment (uv sync --locked)",
        requirement="uv or nox",
        own_places=(".workbook/tools/bin",),  # where ./wb installs it
        note="./wb installs uv itself on its first run when uv is missing",
        fixes=(
            Fix(_DEBIAN, "curl -LsSf https://astral.sh/uv/install.sh | sh"),
            Fix(_MACOS, "brew install uv"),
            Fix(_PIP, "python3 -m pip install --user uv"),
        ),
    ),
    Tool(
        name="nox",
        commands=("nox",),
        purpose="runs the graded sessions (nox -s week01)",
        requirement="uv or nox",
        fixes=(
            Fix(_DEBIAN, "sudo apt-get install pipx && pipx install nox"),
            Fix(_MACOS, "brew install pipx && pipx install nox"),
            Fix(_PIP, "uv tool install nox"),
        ),
    ),
    Tool(
        name="Chromium",
        commands=("chromium", "google-chrome"),
        places=("usr/bin",),
        purpose="the site's browser tests",
        requirement=None,
        fixes=(
            Fix(_DEBIAN, "sudo apt-get install chromium"),
            Fix(_MACOS, "brew install --cask chromium"),
        ),
    ),
    Tool(
        name="PostgreSQL",
        commands=("postgres", "pg_ctl", "initdb"),
        places=("usr/lib/postgresql/*/bin",),
        purpose="the PostgreSQL checks of weeks 05-06 and the capstone",
        requirement=None,
        server_variable="WORKBOOK_POSTGRES_URL",
        fixes=(
            Fix(_DEBIAN, "sudo apt-get install postgresql"),
            Fix(_MACOS, "brew install postgresql@17"),
        ),
    ),
    Tool(
        name="Redis",
        commands=("redis-server",),
        purpose="week 11's queue and cache checks (fakeredis stands in without it)",
        requirement=None,
        fixes=(
            Fix(_DEBIAN, "sudo apt-get install redis-server"),
            Fix(_MACOS, "brew install redis"),
        ),
    ),
    Tool(
        name="Docker",
        commands=("docker",),
        purpose="week 12's image build",
        requirement=None,
        fixes=(
            Fix(_DEBIAN, "sudo apt-get install docker.io"),
            Fix(_MACOS, "brew install --cask docker"),
        ),
    ),
)

_DOCKER_ENGINE_FIXES = (
    Fix(_DEBIAN, "sudo systemctl start docker"),
    Fix(_MACOS, "open -a Docker"),
)
# The engine runs, but this user may not use its socket.
_DOCKER_SOCKET_FIXES = (Fix(_DEBIAN, "sudo usermod -aG docker $USER  (then log in again)"),)


def diagnose(
    environment_path: str | None = None,
    *,
    timeout: float = VERSION_TIMEOUT,
    system_root: str = "/",
    tools: tuple[Tool, ...] = TOOLS,
    environment: Mapping[str, str] | None = None,
    workbook_root: str = str(WORKBOOK_ROOT),
) -> list[Finding]:
    """One finding per tool, looked up on ``environment_path`` (default: this PATH).

    ``environment`` (default: this process's) is where a server variable such as
    ``WORKBOOK_POSTGRES_URL`` is read; the fixed places are under ``system_root``, the
    workbook's own (the uv that ./wb installs) under ``workbook_root``.
    """
    variables = os.environ if environment is None else environment
    search = variables.get("PATH", "") if environment_path is None else environment_path
    roots = (system_root, workbook_root)

    def examine(tool: Tool) -> Finding:
        finding = _examine(tool, search, timeout, roots)
        server = tool.server_variable
        if finding.health is Health.MISSING and server and variables.get(server):
            return Finding(
                tool.name,
                Health.OK,
                tool.purpose,
                tool.requirement,
                version="server",
                detail=f"not installed here, but {server} names a server the checks use",
            )
        return finding

    with ThreadPoolExecutor(max_workers=max(1, len(tools))) as pool:
        return list(pool.map(examine, tools))


def unmet_requirements(findings: list[Finding]) -> list[str]:
    """The requirements (``Python``, ``uv or nox``, ...) that no usable tool meets."""
    met: dict[str, bool] = {}
    for finding in findings:
        if finding.requirement is not None:
            met[finding.requirement] = met.get(finding.requirement, False) or finding.usable
    return [requirement for requirement, ok in met.items() if not ok]


def doctor_exit_code(findings: list[Finding]) -> int:
    """0 when every required tool is there and works, 1 otherwise."""
    return 1 if unmet_requirements(findings) else 0


def render_doctor(findings: list[Finding], style: Style) -> str:
    """The report ``workbook doctor`` prints: a line per tool, the fixes under what is amiss."""
    unmet = set(unmet_requirements(findings))
    name_width = max((len(f.tool) for f in findings), default=0)
    version_width = max((len(_shown_version(f)) for f in findings), default=0)
    need_width = max((len(_need(f)) for f in findings), default=0)
    lines = [style.paint("Workbook doctor: the tools the workbook uses", "1"), ""]
    for finding in findings:
        status = _status(finding, finding.requirement in unmet)
        symbol = style.paint(style.symbol(status), status.colour)
        lines.append(
            f"  {symbol} {finding.tool:<{name_width}}  {_shown_version(finding):<{version_width}}  "
            f"{_need(finding):<{need_width}}  {finding.purpose}"
        )
        lines += [f"      {line}" for line in finding.detail.splitlines()]
        fix_width = max((len(fix.system) for fix in finding.fixes), default=0) + 1
        lines += [f"      {fix.system + ':':<{fix_width}} {fix.command}" for fix in finding.fixes]
    lines += ["", *_summary(findings, unmet, style)]
    return "\n".join(lines) + "\n"


def _summary(findings: list[Finding], unmet: set[str], style: Style) -> list[str]:
    if unmet:
        missing = ", ".join(sorted(unmet, key=[f.requirement for f in findings].index))
        return [
            style.paint(f"  Required but not ready: {missing}.", "31"),
            f"  Fix it with a command above, then run {command('doctor')} again.",
        ]
    lines = [style.paint("  Everything the workbook requires is here.", "32")]
    absent = [f.tool for f in findings if not f.required and not f.usable]
    if absent:
        lines.append(
            f"  Optional, not ready here: {', '.join(absent)} (only what each line names needs it)."
        )
    return lines


def _status(finding: Finding, blocking: bool) -> Status:
    if finding.usable:
        return Status.PASSED
    if finding.health is Health.TIMED_OUT:
        return Status.TIMEOUT
    return Status.FAILED if blocking else Status.ERROR


def _need(finding: Finding) -> str:
    if finding.requirement is None:
        return "optional"
    return "required" if finding.requirement == finding.tool else finding.requirement


def _shown_version(finding: Finding) -> str:
    if finding.health is Health.MISSING:
        return "missing"
    return finding.version or "?"


def _examine(tool: Tool, search: str, timeout: float, roots: tuple[str, str]) -> Finding:
    found = Finding(tool.name, Health.OK, tool.purpose, tool.requirement)
    path = _locate(tool, search, roots)
    if path is None:
        return _amiss(found, tool, Health.MISSING, f"not found ({_looked_for(tool)})")
    found = replace(found, path=path)
    name = Path(path).name
    answer = _ask(path, ["--version"], search, timeout)
    if answer is None:
        detail = f"`{name} --version` did not answer within {timeout:g} s"
        return _amiss(found, tool, Health.TIMED_OUT, detail)
    code, output = answer
    if code != 0:
        said = f": {_first_line(output)}" if output.strip() else ""
        return _amiss(found, tool, Health.BROKEN, f"`{name} --version` exited with {code}{said}")
    found = replace(found, version=_first_version(output))
    if tool.minimum is not None:
        wanted = ".".join(map(str, tool.minimum))
        if found.version is None:
            return _amiss(found, tool, Health.BROKEN, f"`{name} --version` printed no version")
        if _numbers(found.version) < tool.minimum:
            detail = f"{found.version} is too old: the workbook needs {tool.name} {wanted} or newer"
            return _amiss(found, tool, Health.TOO_OLD, detail)
    if tool.name == "Docker":
        return _docker_engine(found, path, search, timeout)
    return found


def _docker_engine(found: Finding, path: str, search: str, timeout: float) -> Finding:
    """The Docker client works; it is ready only if an engine answers ``docker info`` too."""
    answer = _ask(path, ["info", "--format", "{{.ServerVersion}}"], search, timeout)
    if answer is not None and answer[0] == 0 and answer[1].strip():
        return found
    if answer is None:
        reason = f"did not answer within {timeout:g} s"
    else:
        reason = _first_line(answer[1]) or f"exited with {answer[0]}"
    detail = f"the client works, but no engine answers `docker info`:\n  {reason}"
    denied = "permission denied" in reason.lower()
    fixes = _DOCKER_SOCKET_FIXES if denied else _DOCKER_ENGINE_FIXES
    return replace(found, health=Health.NO_ENGINE, detail=detail, fixes=fixes)


def _amiss(found: Finding, tool: Tool, health: Health, detail: str) -> Finding:
    """``found`` with what is wrong, and the commands that install the tool."""
    if tool.note:
        detail = f"{detail}; {tool.note}"
    return replace(found, health=health, detail=detail, fixes=tool.fixes)


def _locate(tool: Tool, search: str, roots: tuple[str, str]) -> str | None:
    """The tool's first command on ``search``, else in its places (the newest version first)."""
    for name in tool.commands:
        path = shutil.which(name, path=search)
        if path is not None:
            return path
    system_root, workbook_root = roots
    places = [(system_root, pattern) for pattern in tool.places]
    places += [(workbook_root, pattern) for pattern in tool.own_places]
    for root, pattern in places:
        folders = sorted(Path(root).glob(pattern), key=_numbers_in_path, reverse=True)
        for folder in folders:
            for name in tool.commands:
                candidate = folder / name
                if candidate.is_file() and os.access(candidate, os.X_OK):
                    return str(candidate)
    return None


def _looked_for(tool: Tool) -> str:
    places = [f"/{place}" for place in tool.places] + list(tool.own_places)
    where = "on PATH" + "".join(f" and in {place}" for place in places)
    return f"looked for {', '.join(tool.commands)} {where}"


def _ask(path: str, arguments: list[str], search: str, timeout: float) -> tuple[int, str] | None:
    """Run ``path arguments``: (exit code, output), or None if it outlived ``timeout``."""
    environment = {**os.environ, "PATH": search}
    try:
        process = subprocess.Popen(
            [path, *arguments],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )
    except OSError as error:
        return 126, str(error)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        return None
    text = out.decode(errors="replace")
    return process.returncode, text if _first_version(text) else text + err.decode(errors="replace")


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill a tool that hangs, and whatever it started, then reap it."""
    if hasattr(os, "killpg"):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.communicate(timeout=1)


def _first_version(output: str) -> str | None:
    match = _VERSION.search(output)
    return match.group(0) if match else None


def _first_line(output: str) -> str:
    return next((line.strip() for line in output.splitlines() if line.strip()), "")


def _numbers(text: str) -> tuple[int, ...]:
    """The numbers in a version, for comparing: ``"3.10.2"`` -> ``(3, 10, 2)``."""
    return tuple(int(number) for number in re.findall(r"\d+", text))


def _numbers_in_path(path: Path) -> tuple[int, ...]:
    """Sorts /usr/lib/postgresql/9/bin before /usr/lib/postgresql/16/bin."""
    return _numbers(path.as_posix())
