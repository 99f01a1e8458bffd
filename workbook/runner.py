"""Run a unit's checkers in a child pytest process and collect every check's outcome.

Whatever the learner's code does, this returns: a check that hangs past its time limit (even in
C code, where the in-process alarm cannot reach) is killed from outside, and a child that dies
(``os._exit``, a crash) is restarted for the exercises it had not finished, so one broken
exercise never hides the others.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbook.catalog import Catalog, Exercise, Unit, check_limit
from workbook.commands import command
from workbook.events import (
    CHANNEL_VARIABLE,
    CheckOutcome,
    EventLog,
    EventReader,
    ExerciseProblem,
    child_descriptors,
    new_key,
    open_channel,
)
from workbook.processes import (
    AUTOLOAD_VARIABLE,
    MEMORY_VARIABLE,
    PARENT_VARIABLE,
    RUN_TOKEN_VARIABLE,
    kill_run,
    memory_limit_mib,
)
from workbook.state import STATE_DIR_VARIABLE, state_dir
from workbook.warm import ForkedPytest

GRACE_SECONDS = 2.0  # how far past its own alarm a check may run before it is killed
STARTUP_SECONDS = 60.0  # time for pytest to start and collect before the first check begins
EXIT_SECONDS = 10.0  # time for the child to exit after its last check
UNIT_FLOOR_SECONDS = 120.0  # a unit's overall bound is never shorter than this
# pytest's own plugins that no checker uses: not loading them saves about a tenth of a second.
_UNUSED_PLUGINS = (
    "doctest",
    "junitxml",
    "pastebin",
    "stepwise",
    "setuponly",
    "setupplan",
    "unittest",
    "legacypath",
    "debugging",
    "faulthandler",
    # These two collect garbage twice when a run ends, to report stray exceptions as warnings.
    "unraisableexception",
    "threadexception",
)
_OUTPUT_TAIL = 4000
_PYTEST_INI = "[pytest]\naddopts =\npython_files = test_*.py\n"


class RunnerError(Exception):
    """The checks could not be run at all (a problem with the workbook, not the learner)."""


@dataclass
class GradingRun:
    """Every outcome of one ``check``, by exercise id."""

    outcomes: dict[str, list[CheckOutcome]] = field(default_factory=dict)
    problems: dict[str, ExerciseProblem] = field(default_factory=dict)
    duration: float = 0.0
    forged_events: int = 0  # lines on the channel that the child's plugin did not sign
    interrupted: bool = False  # Ctrl-C: only the exercises in ``outcomes`` were graded


@dataclass(frozen=True)
class RunOptions:
    """How to run: where the code under test lives and how long a check may take."""

    source_root: Path | None = None  # default: the repository itself
    timeout: float | None = None  # seconds per check, overriding the metadata
    state_dir: Path | None = None  # default: <root>/.workbook
    memory_mib: int | None = None  # per child; default WORKBOOK_MEMORY_MIB or 2048
    warm: bool = False  # many verdicts from one warm process (watch): fork, write no bytecode
    fork: bool = False  # fork the child from this process instead of starting a new Python


def unit_bound(exercises: Sequence[Exercise], timeout: float | None) -> float:
    """Seconds a whole unit may take: twice each exercise's limit, at least two minutes."""
    total = sum(2 * check_limit(e, timeout) + GRACE_SECONDS for e in exercises)
    return STARTUP_SECONDS + max(UNIT_FLOOR_SECONDS, total)


def run_unit(
    catalog: Catalog, unit: Unit, exercises: Sequence[Exercise], options: RunOptions
) -> GradingRun:
    """Run the checkers of ``exercises`` (all of ``unit`` when empty) and gather the outcomes.

    Ctrl-C stops the child and everything it started; the run then holds the exercises graded
    so far and ``interrupted`` is set.
    """
    started = time.monotonic()
    pending = {e.id: e for e in (exercises or unit.exercises)}
    deadline = started + unit_bound(list(pending.values()), options.timeout)
    run = GradingRun()
    with tempfile.TemporaryDirectory(prefix="workbook-") as scratch:
        ini = write_pytest_ini(Path(scratch))
        attempt = 0
        while pending:
            if time.monotonic() > deadline:
                _out_of_time(run, pending)
                break
            attempt += 1
            output = Path(scratch) / f"output-{attempt}.txt"
            child = _Child(catalog, unit, list(pending.values()), options, ini, output)
            try:
                log, ended = child.run(deadline)
            except KeyboardInterrupt:
                run.interrupted = True
                _absorb(run, child.reader.log, pending, None)
                break
            run.forged_events += log.forged
            finished = _absorb(run, log, pending, ended)
            for exercise_id in finished:
                pending.pop(exercise_id, None)
            if ended.out_of_time:
                _out_of_time(run, pending)
            elif not finished and pending:
                raise RunnerError(ended.describe())
    run.duration = time.monotonic() - started
    return run


def _out_of_time(run: GradingRun, pending: dict[str, Exercise]) -> None:
    """The unit's bound has passed: the exercises not reached are reported, not run."""
    for exercise in pending.values():
        slug = exercise.slug.split("_")[0]
        run.problems[exercise.id] = ExerciseProblem(
            exercise.id,
            "error",
            "not checked: the whole run ran out of time before reaching this exercise",
            help=f"Grade it on its own: {command('check', exercise.unit, slug)}",
        )
        run.outcomes[exercise.id] = []
    pending.clear()


@dataclass(frozen=True)
class ChildEnd:
    """How the child process ended."""

    returncode: int
    killed_for: str | None  # nodeid of a check killed for running too long
    output_tail: str
    out_of_time: bool = False  # killed because the whole unit ran past its bound

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
    *,
    debug: bool = False,
) -> list[str]:
    """The arguments of the pytest run that grades ``exercises`` (after ``python -m pytest``).

    Only the workbook configures pytest: its own ini file, no conftest.py anywhere, no plugin
    but its own (autoloading is off in the child's environment). ``debug``: pytest's own
    report, output not captured, and its debugger plugin loaded (``workbook debug``).
    """
    unused = [p for p in _UNUSED_PLUGINS if not (debug and p == "debugging")]
    if debug:
        reporting = ["-v", "-s", "--tb=short", "--workbook-debug"]
    else:
        reporting = ["-q", "--no-header", "--tb=no", "--show-capture=no", "-rN"]
    command = [
        "-c",
        str(ini),
        "--noconftest",
        *(argument for plugin in unused for argument in ("-p", f"no:{plugin}")),
        "--rootdir",
        str(catalog.root),
        "-p",
        "workbook.plugin",
        "-p",
        "no:cacheprovider",
        "--import-mode=importlib",
        *reporting,
        "--workbook-root",
        str(catalog.root),
        "--workbook-unit",
        unit.name,
    ]
    if options.source_root is not None:
        command += ["--workbook-source", str(options.source_root)]
    if options.timeout is not None:
        command += ["--workbook-timeout", str(options.timeout)]
    return command + [str(unit.directory / e.checker) for e in exercises]


def run_debug(catalog: Catalog, exercise: Exercise, unit: Unit) -> int:
    """Run one exercise's checks in the foreground, as plain pytest with the workbook's plugin:
    no time limit, the terminal attached, ``breakpoint()`` and pdb usable."""
    with tempfile.TemporaryDirectory(prefix="workbook-debug-") as scratch:
        ini = write_pytest_ini(Path(scratch))
        arguments = pytest_arguments(catalog, unit, [exercise], RunOptions(), ini, debug=True)
        environment = {**os.environ, AUTOLOAD_VARIABLE: "1"}
        environment.pop("PYTEST_ADDOPTS", None)
        environment[STATE_DIR_VARIABLE] = str(state_dir(catalog.root))
        command = [sys.executable, "-P", "-m", "pytest", *arguments]
        return subprocess.call(command, cwd=catalog.root, env=environment)


class _Child:
    """One ``python -m pytest`` child: started, watched over its signed channel, then cleaned up."""

    def __init__(
        self,
        catalog: Catalog,
        unit: Unit,
        exercises: list[Exercise],
        options: RunOptions,
        ini: Path,
        output: Path,
    ) -> None:
        self.arguments = pytest_arguments(catalog, unit, exercises, options, ini)
        self.catalog = catalog
        self.options = options
        self.output = output
        self.limits = {e.id: check_limit(e, options.timeout) + GRACE_SECONDS for e in exercises}
        self.key = new_key()
        self.reader = EventReader(self.key)
        self.token = secrets.token_hex(8)

    def _environment(self, channel: str) -> dict[str, str]:
        env = {
            **os.environ,
            STATE_DIR_VARIABLE: str(self.options.state_dir or state_dir(self.catalog.root)),
            "PYTHONHASHSEED": "0",
            AUTOLOAD_VARIABLE: "1",
            CHANNEL_VARIABLE: channel,
            RUN_TOKEN_VARIABLE: self.token,
            PARENT_VARIABLE: str(os.getpid()),
        }
        if self.options.memory_mib is not None:
            env[MEMORY_VARIABLE] = str(self.options.memory_mib)
        env.pop("PYTEST_ADDOPTS", None)
        return env

    def run(self, unit_deadline: float) -> tuple[EventLog, ChildEnd]:
        readable, _, channel = open_channel(self.key)
        inherited = child_descriptors(channel)
        try:
            process = self._start(channel, inherited)
        finally:
            for descriptor in inherited:
                os.close(descriptor)
        try:
            try:
                killed_for, out_of_time = self._watch(process, readable, unit_deadline)
            finally:
                kill_run(process.pid, self.token)
                returncode = process.wait()
            self._drain(readable)
        finally:
            os.close(readable)
        ended = ChildEnd(returncode, killed_for, _tail(self.output), out_of_time)
        return self.reader.log, ended

    def _start(
        self, channel: str, inherited: Sequence[int]
    ) -> subprocess.Popen[bytes] | ForkedPytest:
        if self.options.warm or self.options.fork:
            return ForkedPytest(
                self.arguments,
                cwd=self.catalog.root,
                environment=self._environment(channel),
                output=self.output,
                keep=inherited,
                repeated=self.options.warm,
            )
        with self.output.open("wb") as sink:
            return subprocess.Popen(
                # -P: the current folder is not importable, so a learner's pytest.py shadows nothing
                [sys.executable, "-P", "-m", "pytest", *self.arguments],
                cwd=self.catalog.root,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                env=self._environment(channel),
                start_new_session=True,
                pass_fds=inherited,
            )

    def _watch(
        self, process: subprocess.Popen[bytes] | ForkedPytest, readable: int, unit_deadline: float
    ) -> tuple[str | None, bool]:
        """Wait for the child; kill it when a check outlives its limit or the unit its bound.

        Return the check that was running when it was killed, and whether the unit's bound did it.
        Only signed events move a deadline, so learner output cannot keep a check alive.
        """
        deadline = time.monotonic() + STARTUP_SECONDS
        seen: set[str] = set()
        open_channel = True
        with _exit_signal(process.pid) as exited:
            while process.poll() is None:
                chunk = None
                watched = [readable] if open_channel else []
                ready, _, _ = select.select([*watched, *exited], [], [], 0.05)
                if readable in ready:
                    chunk = os.read(readable, 65536)
                    if chunk == b"":  # every writer closed it: now only wait for the exit
                        open_channel = False
                elif not exited and not open_channel:
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        process.wait(timeout=0.05)
                if chunk:
                    for kind, nodeid in self.reader.feed(chunk):
                        now = time.monotonic()
                        if kind == "started" and nodeid not in seen:
                            seen.add(nodeid)
                            exercise = self.reader.log.collected.get(nodeid, ("", ""))[0]
                            deadline = now + self.limits.get(exercise, max(self.limits.values()))
                        elif kind == "outcome":
                            deadline = now + STARTUP_SECONDS  # the next checker may import a lot
                        elif kind == "finished":
                            deadline = now + EXIT_SECONDS
                now = time.monotonic()
                if now > min(deadline, unit_deadline):
                    kill_run(process.pid, self.token)
                    process.wait()
                    return self.reader.log.running or "", now > unit_deadline
        return None, False

    def _drain(self, readable: int) -> None:
        """Read what the child wrote before it ended."""
        while select.select([readable], [], [], 0)[0]:
            chunk = os.read(readable, 65536)
            if not chunk:
                return
            self.reader.feed(chunk)


@contextlib.contextmanager
def _exit_signal(pid: int) -> Iterator[list[int]]:
    """A descriptor that becomes readable when process ``pid`` exits (Linux's pidfd), so the
    watcher wakes the moment the child ends instead of at its next poll; none elsewhere."""
    opener = getattr(os, "pidfd_open", None)
    descriptor = None
    if opener is not None:
        with contextlib.suppress(OSError):
            descriptor = opener(pid)
    try:
        yield [] if descriptor is None else [descriptor]
    finally:
        if descriptor is not None:
            os.close(descriptor)


def _tail(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ""
    return data[-_OUTPUT_TAIL:].decode("utf-8", errors="replace")


def _absorb(
    run: GradingRun, log: EventLog, pending: dict[str, Exercise], ended: ChildEnd | None
) -> set[str]:
    """Add one child's outcomes to the run; return the exercises now fully graded.

    ``ended`` is None when the learner interrupted the run: only complete exercises count.
    """
    for exercise_id, problem in log.problems.items():
        if exercise_id in pending:
            run.problems.setdefault(exercise_id, problem)
    expected: dict[str, list[str]] = {}
    for nodeid, (exercise_id, _) in log.collected.items():
        expected.setdefault(exercise_id, []).append(nodeid)
    finished: set[str] = set()
    interrupted = log.running if not log.finished and ended is not None else None
    if ended is not None and ended.killed_for is not None and ended.killed_for in log.collected:
        interrupted = ended.killed_for
    for exercise_id in pending:
        nodeids = expected.get(exercise_id, [])
        done = [log.outcomes[n] for n in nodeids if n in log.outcomes]
        if ended is not None and interrupted in nodeids:
            run.outcomes[exercise_id] = _after_interruption(log, nodeids, interrupted, ended)
            finished.add(exercise_id)
        elif nodeids and len(done) == len(nodeids):
            run.outcomes[exercise_id] = done
            finished.add(exercise_id)
        elif ended is not None and not nodeids and (log.finished or exercise_id in log.problems):
            run.outcomes[exercise_id] = []
            finished.add(exercise_id)
    return finished


def _after_interruption(
    log: EventLog, nodeids: list[str], interrupted: str, ended: ChildEnd
) -> list[CheckOutcome]:
    exercise_id, name = log.collected[interrupted]
    if ended.killed_for == interrupted and ended.out_of_time:
        status, message = "timeout", "was still running when the whole run ran out of time"
        help_text = (
            "Several checks ran until their time limits: look for loops that never end, "
            "then grade one exercise at a time (add its id, e.g. ex03)."
        )
    elif ended.killed_for == interrupted:
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
        if name == "SIGABRT":
            return (
                f"the Python process running your code died ({name}); if your code allocates "
                f"a lot, it may have gone past the memory limit of {memory_limit_mib()} MiB"
            )
        return f"the Python process running your code died ({name})"
    return f"the Python process running your code exited abruptly (exit status {returncode})"
