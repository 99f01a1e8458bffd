"""Run a unit's checkers in a child pytest process and collect every check's outcome.

Whatever the learner's code does, this returns: a check that hangs past its time limit (even in
C code, where the in-process alarm cannot reach) is killed from outside, and a child that dies
(``os._exit``, a crash) is restarted for the exercises it had not finished, so one broken
exercise never hides the others.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbook.catalog import Catalog, Exercise, Unit, check_limit
from workbook.events import CheckOutcome, EventLog, ExerciseProblem, read_events
from workbook.typecheck import STATE_DIR_VARIABLE

GRACE_SECONDS = 2.0  # how far past its own alarm a check may run before it is killed
STARTUP_SECONDS = 60.0  # time for pytest to start and collect before the first check begins
_OUTPUT_TAIL = 4000
AUTOLOAD_VARIABLE = "PYTEST_DISABLE_PLUGIN_AUTOLOAD"  # the child loads only the plugins it names
_PYTEST_INI = "[pytest]\naddopts =\npython_files = test_*.py\n"


class RunnerError(Exception):
    """The checks could not be run at all (a problem with the workbook, not the learner)."""


@dataclass
class GradingRun:
    """Every outcome of one ``check``, by exercise id."""

    outcomes: dict[str, list[CheckOutcome]] = field(default_factory=dict)
    problems: dict[str, ExerciseProblem] = field(default_factory=dict)
    duration: float = 0.0


@dataclass(frozen=True)
class RunOptions:
    """How to run: where the code under test lives and how long a check may take."""

    source_root: Path | None = None  # default: the repository itself
    timeout: float | None = None  # seconds per check, overriding the metadata
    state_dir: Path | None = None  # default: <root>/.workbook


def run_unit(
    catalog: Catalog, unit: Unit, exercises: Sequence[Exercise], options: RunOptions
) -> GradingRun:
    """Run the checkers of ``exercises`` (all of ``unit`` when empty) and gather the outcomes."""
    started = time.monotonic()
    pending = {e.id: e for e in (exercises or unit.exercises)}
    run = GradingRun()
    with tempfile.TemporaryDirectory(prefix="workbook-") as scratch:
        ini = write_pytest_ini(Path(scratch))
        attempt = 0
        while pending:
            attempt += 1
            events = Path(scratch) / f"events-{attempt}.jsonl"
            log, ended = _run_child(catalog, unit, list(pending.values()), options, ini, events)
            finished = _absorb(run, log, pending, ended)
            for exercise_id in finished:
                pending.pop(exercise_id, None)
            if not finished and pending:
                raise RunnerError(ended.describe())
    run.duration = time.monotonic() - started
    return run


@dataclass(frozen=True)
class ChildEnd:
    """How the child process ended."""

    returncode: int
    killed_for: str | None  # nodeid of a check killed for running too long
    output_tail: str

    def describe(self) -> str:
        return (
            f"the checks could not run (pytest exited with {self.returncode}). "
            f"Last output:\n{self.output_tail}"
        )


def write_pytest_ini(folder: Path) -> Path:
    """The workbook's own pytest configuration: no file of the learner's configures pytest."""
    ini = folder / "pytest.ini"
    ini.write_text(_PYTEST_INI, encoding="utf-8")
    return ini


def pytest_arguments(
    catalog: Catalog,
    unit: Unit,
    exercises: Sequence[Exercise],
    options: RunOptions,
    ini: Path,
    events: Path,
) -> list[str]:
    """The arguments of the pytest run that grades ``exercises`` (after ``python -m pytest``)."""
    command = [
        "-c",
        str(ini),
        "--rootdir",
        str(catalog.root),
        "-p",
        "workbook.plugin",
        "-p",
        "no:cacheprovider",
        "--import-mode=importlib",
        "-q",
        "--no-header",
        "--tb=no",
        "--show-capture=no",
        "-rN",
        "--workbook-root",
        str(catalog.root),
        "--workbook-unit",
        unit.name,
        "--workbook-events",
        str(events),
    ]
    if options.source_root is not None:
        command += ["--workbook-source", str(options.source_root)]
    if options.timeout is not None:
        command += ["--workbook-timeout", str(options.timeout)]
    return command + [str(unit.directory / e.checker) for e in exercises]


def _command(
    catalog: Catalog,
    unit: Unit,
    exercises: list[Exercise],
    options: RunOptions,
    ini: Path,
    events: Path,
) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pytest",
        *pytest_arguments(catalog, unit, exercises, options, ini, events),
    ]


def _run_child(
    catalog: Catalog,
    unit: Unit,
    exercises: list[Exercise],
    options: RunOptions,
    ini: Path,
    events: Path,
) -> tuple[EventLog, ChildEnd]:
    limits = {e.id: check_limit(e, options.timeout) + GRACE_SECONDS for e in exercises}
    env = {
        **os.environ,
        STATE_DIR_VARIABLE: str(options.state_dir or catalog.root / ".workbook"),
        "PYTHONHASHSEED": "0",
        AUTOLOAD_VARIABLE: "1",
    }
    env.pop("PYTEST_ADDOPTS", None)
    output = events.with_suffix(".out")
    with output.open("wb") as sink:
        child = subprocess.Popen(
            _command(catalog, unit, exercises, options, ini, events),
            cwd=catalog.root,
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        killed_for = _watch(child, events, limits)
    log = read_events(events)
    return log, ChildEnd(child.returncode, killed_for, _tail(output))


def _watch(child: subprocess.Popen[bytes], events: Path, limits: dict[str, float]) -> str | None:
    """Wait for the child; kill it when one check outlives its limit. Return that check's id."""
    running: str | None = None
    since = time.monotonic()
    deadline = since + STARTUP_SECONDS
    offset = 0
    while True:
        try:
            child.wait(timeout=0.05)
            return None
        except subprocess.TimeoutExpired:
            pass
        offset, latest = _follow(events, offset)
        if latest is not None and latest != running:
            running, since = latest, time.monotonic()
            exercise_limit = limits.get(_exercise_of(latest, events), max(limits.values()))
            deadline = since + exercise_limit
        if time.monotonic() > deadline:
            _kill(child)
            return running or ""


def _follow(events: Path, offset: int) -> tuple[int, str | None]:
    """Read new complete lines; return the new offset and the last check that started."""
    try:
        with events.open("rb") as stream:
            stream.seek(offset)
            chunk = stream.read()
    except FileNotFoundError:
        return offset, None
    complete = chunk[: chunk.rfind(b"\n") + 1]
    latest = None
    for line in complete.splitlines():
        if line.startswith(b'{"event": "started"'):
            latest = line.split(b'"nodeid": "', 1)[1].rsplit(b'"', 1)[0].decode()
        elif line.startswith(b'{"event": "outcome"'):
            latest = latest or "(between checks)"
    return offset + len(complete), latest


def _exercise_of(nodeid: str, events: Path) -> str:
    log = read_events(events)
    return log.collected.get(nodeid, ("", ""))[0]


def _kill(child: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        if hasattr(os, "killpg"):
            os.killpg(child.pid, signal.SIGKILL)  # the child and anything it started
        else:
            child.kill()
    child.wait()


def _tail(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ""
    return data[-_OUTPUT_TAIL:].decode("utf-8", errors="replace")


def _absorb(
    run: GradingRun, log: EventLog, pending: dict[str, Exercise], ended: ChildEnd
) -> set[str]:
    """Add one child's outcomes to the run; return the exercises now fully graded."""
    for exercise_id, problem in log.problems.items():
        if exercise_id in pending:
            run.problems.setdefault(exercise_id, problem)
    expected: dict[str, list[str]] = {}
    for nodeid, (exercise_id, _) in log.collected.items():
        expected.setdefault(exercise_id, []).append(nodeid)
    finished: set[str] = set()
    interrupted = log.running if not log.finished else None
    if ended.killed_for is not None and ended.killed_for in log.collected:
        interrupted = ended.killed_for
    for exercise_id in pending:
        nodeids = expected.get(exercise_id, [])
        done = [log.outcomes[n] for n in nodeids if n in log.outcomes]
        if interrupted in nodeids:
            run.outcomes[exercise_id] = _after_interruption(log, nodeids, interrupted, ended)
            finished.add(exercise_id)
        elif nodeids and len(done) == len(nodeids):
            run.outcomes[exercise_id] = done
            finished.add(exercise_id)
        elif not nodeids and (log.finished or exercise_id in log.problems):
            run.outcomes[exercise_id] = []
            finished.add(exercise_id)
    return finished


def _after_interruption(
    log: EventLog, nodeids: list[str], interrupted: str, ended: ChildEnd
) -> list[CheckOutcome]:
    exercise_id, name = log.collected[interrupted]
    if ended.killed_for == interrupted:
        status, message = "timeout", "did not finish in time and had to be stopped"
        help_text = (
            "Look for a loop that never ends; code stuck inside a C function (a huge "
            "regular expression, a giant number) cannot be interrupted any other way."
        )
    else:
        status, message = "crashed", _crash_message(ended.returncode)
        help_text = (
            "Your code ended the Python process. Remove os._exit() or the code that "
            "crashes, and raise an exception instead."
        )
    outcomes: list[CheckOutcome] = []
    for nodeid in nodeids:
        if nodeid in log.outcomes:
            outcomes.append(log.outcomes[nodeid])
        elif nodeid == interrupted:
            outcomes.append(
                CheckOutcome(
                    nodeid,
                    exercise_id,
                    name,
                    status,  # type: ignore[arg-type]
                    message=message,
                    help=help_text,
                )
            )
        else:
            outcomes.append(
                CheckOutcome(
                    nodeid,
                    exercise_id,
                    log.collected[nodeid][1],
                    "skipped",
                    message=f"not run: the check '{name}' {status} first",
                )
            )
    return outcomes


def _crash_message(returncode: int) -> str:
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"the Python process running your code died ({name})"
    return f"the Python process running your code exited abruptly (exit status {returncode})"
