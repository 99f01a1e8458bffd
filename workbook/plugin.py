"""The pytest plugin that grades: it maps each test to its exercise and reports verdicts as events.

Loaded in the child process with ``-p workbook.plugin``. It provides the ``learner`` fixture,
arms a per-check alarm, refuses ``input()``, and translates every outcome (a CheckFailure, a
stub's NotImplementedError, an exception in learner code, a timeout) into a ``CheckOutcome``.
"""

from __future__ import annotations

import builtins
import contextlib
import os
import signal
import sys
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from workbook.catalog import DEFAULT_TIMEOUT, Exercise, Unit, check_limit, load_unit
from workbook.checking import CheckFailure, Learner, NotStarted, describe_exception
from workbook.commands import command
from workbook.events import CheckOutcome, EventWriter, ExerciseProblem, TestStatus
from workbook.loading import (
    BreakpointCalled,
    CheckTimedOut,
    ExerciseLoader,
    ExerciseUnavailable,
    InputCalled,
    LearnerInterrupted,
    learner_frame,
)
from workbook.processes import AUTOLOAD_VARIABLE, guard_child, memory_limit_mib

_GRADER = pytest.StashKey["Grader"]()
_OUTCOME = pytest.StashKey[CheckOutcome]()
_DEADLINE = pytest.StashKey[float]()  # time.monotonic() when the check's time is up


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("workbook")
    group.addoption("--workbook-root", help="repository root holding the metadata and checkers")
    group.addoption("--workbook-unit", help="unit to grade, e.g. week01 or katas")
    group.addoption("--workbook-source", help="root of the code under test (default: the root)")
    group.addoption("--workbook-timeout", type=float, default=None, help="seconds per check")
    group.addoption(
        "--workbook-debug",
        action="store_true",
        help="workbook debug: no alarm, input() and breakpoint() allowed, a debugger usable",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "requires(name): skip unless the named check passed")
    root_option = config.getoption("--workbook-root")
    if not root_option:
        return
    root = Path(root_option).resolve()
    unit = load_unit(root, config.getoption("--workbook-unit"))
    source = Path(config.getoption("--workbook-source") or root).resolve()
    guard_child()
    grader = Grader(
        unit=unit,
        root=root,
        loader=ExerciseLoader(source, unit.directory.relative_to(root)),
        events=EventWriter.from_environment(),
        timeout_override=config.getoption("--workbook-timeout"),
    )
    config.stash[_GRADER] = grader
    config.pluginmanager.register(grader, "workbook-grader")
    grader.debugging = bool(config.getoption("--workbook-debug"))
    if not grader.debugging:
        builtins.input = _refuse_input
        sys.breakpointhook = _refuse_breakpoint
    grader.remember_shared_state()
    # The checks' own subprocesses (a learner's test suite run with coverage) load plugins as usual.
    os.environ.pop(AUTOLOAD_VARIABLE, None)


def _refuse_input(prompt: object = "") -> str:
    raise InputCalled


def _refuse_breakpoint(*args: object, **kwargs: object) -> None:
    raise BreakpointCalled


def check_name(item: pytest.Item) -> str:
    """The learner-facing name of a check: its docstring's first line, or its function name."""
    function = getattr(item, "function", None)
    doc = (getattr(function, "__doc__", None) or "").strip()
    if doc:
        return doc.splitlines()[0].rstrip(".")
    name = item.name.removeprefix("test_")
    base, _, params = name.partition("[")
    return base.replace("_", " ") + (f" [{params}" if params else "")


@pytest.fixture
def learner(request: pytest.FixtureRequest) -> Learner:
    """The learner's module for the exercise this checker grades."""
    grader = request.config.stash.get(_GRADER, None)
    if grader is None:
        pytest.fail("the learner fixture only works under 'workbook check'")
    exercise = grader.exercise_for(request.path)
    if exercise is None:
        pytest.fail(f"{request.path.name} is not the checker of any exercise")
    return grader.loader.load(exercise)


class Grader:
    """The hooks that grade one unit, with what they need to know."""

    def __init__(
        self,
        unit: Unit,
        root: Path,
        loader: ExerciseLoader,
        events: EventWriter | None,
        timeout_override: float | None,
    ) -> None:
        self.unit = unit
        self.root = root
        self.loader = loader
        self.events = events
        self.timeout_override = timeout_override
        self.by_checker = {(unit.directory / e.checker).resolve(): e for e in unit.exercises}
        self._exercises_by_path: dict[Path, Exercise | None] = {}
        self.passed: set[str] = set()
        self.debugging = False  # workbook debug: nothing stops a paused check

    def exercise_for(self, path: Path) -> Exercise | None:
        # Every hook of every check asks; resolving (an lstat per folder) is done once per file.
        if path not in self._exercises_by_path:
            self._exercises_by_path[path] = self.by_checker.get(path.resolve())
        return self._exercises_by_path[path]

    def limit(self, exercise: Exercise | None) -> float:
        """Seconds a check may run: the same rule as the runner's (``check_limit``)."""
        if exercise is None:
            return self.timeout_override or DEFAULT_TIMEOUT
        return check_limit(exercise, self.timeout_override)

    def pytest_unconfigure(self) -> None:
        if self.events is not None:
            self.events.finished()
            self.events.close()

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            if not self.debugging:
                # The report is built from the exception itself (describe_failure), so the
                # traceback pytest formats for each failure, a third of a stub's run, is skipped.
                item.repr_failure = _exception_only  # type: ignore[method-assign,assignment]
            exercise = self.exercise_for(item.path)
            if self.events is not None:
                self.events.collected(
                    item.nodeid, exercise.id if exercise else "", check_name(item)
                )

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if not report.failed or self.events is None:
            return
        path = Path(str(report.fspath))
        exercise = self.exercise_for(path)
        shown = path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else path
        lines = str(report.longrepr).strip().splitlines()
        self.events.problem(
            ExerciseProblem(
                exercise.id if exercise else f"{self.unit.name}/?",
                "error",
                f"the checker {shown} could not be loaded: "
                + (lines[-1] if lines else "unknown error"),
                help=f"Checkers are part of the workbook: restore it with git checkout -- {shown}",
            )
        )

    def remember_shared_state(self) -> None:
        """Note what learner code could damage for the exercises after it: builtins, the
        standard streams and the engine's own modules. Restored after every check."""
        self._builtins = dict(vars(builtins))
        self._engine = {
            name: dict(vars(module))
            for name, module in list(sys.modules.items())
            if name == "workbook" or name.startswith("workbook.")
        }

    def restore_shared_state(self) -> None:
        _restore_namespace(vars(builtins), self._builtins)
        for name, saved in self._engine.items():
            module = sys.modules.get(name)
            if module is not None:
                _restore_namespace(vars(module), saved)

    @contextlib.contextmanager
    def _guarded(self, item: pytest.Item) -> Iterator[None]:
        """One phase of a check (setup, call, teardown), where pytest catches what is raised:
        the streams kept open, and the alarm armed for what is left of the check's time."""
        if self.debugging:
            yield
            return
        left = item.stash.get(_DEADLINE, time.monotonic() + DEFAULT_TIMEOUT) - time.monotonic()
        with _streams_kept_open(), _alarm(max(left, 0.01)):
            yield

    @pytest.hookimpl(wrapper=True, trylast=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> Generator[None, object, object]:
        marker = item.get_closest_marker("requires")
        for needed in marker.args if marker is not None else ():
            if f"{item.nodeid.split('::')[0]}::{needed}" not in self.passed:
                readable = str(needed).removeprefix("test_").replace("_", " ")
                pytest.skip(f"can't check until '{readable}' passes")
        with self._guarded(item):
            return (yield)

    @pytest.hookimpl(wrapper=True, trylast=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, object, object]:
        with self._guarded(item):
            return (yield)

    @pytest.hookimpl(wrapper=True, trylast=True)
    def pytest_runtest_teardown(self, item: pytest.Item) -> Generator[None, object, object]:
        with self._guarded(item):
            return (yield)

    @pytest.hookimpl(wrapper=True)
    def pytest_pyfunc_call(self, pyfuncitem: pytest.Function) -> Generator[None, object, object]:
        """A KeyboardInterrupt or pytest.exit() from learner code fails the check, nothing more."""
        try:
            return (yield)
        except (KeyboardInterrupt, pytest.exit.Exception) as error:
            raise LearnerInterrupted(error) from None

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Generator[None, object, object]:
        exercise = self.exercise_for(item.path)
        if self.events is not None:
            self.events.started(item.nodeid)
        try:
            item.stash[_DEADLINE] = time.monotonic() + self.limit(exercise)
            result = yield
        finally:
            self.restore_shared_state()
        name = check_name(item)
        outcome = item.stash.get(_OUTCOME, None) or CheckOutcome(
            item.nodeid, exercise.id if exercise else "", name, "passed"
        )
        if exercise is None:
            outcome = CheckOutcome(
                item.nodeid,
                "",
                name,
                "error",
                message=f"{item.nodeid} belongs to no exercise in {self.unit.metadata_file.name}",
            )
        if outcome.status == "passed":
            self.passed.add(item.nodeid)
        if self.events is not None:
            self.events.outcome(outcome)
        return result

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        earlier = item.stash.get(_OUTCOME, None)
        if earlier is not None and earlier.status != "passed":
            return report  # keep the first problem (a teardown error must not hide it)
        exercise = self.exercise_for(item.path)
        exercise_id = exercise.id if exercise else ""
        name = check_name(item)
        if report.skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else "skipped"
            item.stash[_OUTCOME] = CheckOutcome(
                item.nodeid,
                exercise_id,
                name,
                "skipped",
                message=str(reason).removeprefix("Skipped: "),
            )
        elif report.failed and call.excinfo is not None:
            error = call.excinfo.value
            if isinstance(error, ExerciseUnavailable) and self.events is not None:
                self.events.problem(error.problem)
            failure = describe_failure(error, self.loader, call.when, self.limit(exercise))
            item.stash[_OUTCOME] = CheckOutcome(
                item.nodeid,
                exercise_id,
                name,
                failure.status,
                failure.message,
                failure.expected,
                failure.actual,
                failure.help,
                duration=report.duration,
                output=printed(report),
            )
        elif report.when == "call":
            item.stash[_OUTCOME] = CheckOutcome(
                item.nodeid, exercise_id, name, "passed", duration=report.duration
            )
        return report


PRINTED_LIMIT = 2000  # characters of a failing check's captured output kept in the verdict


def printed(report: pytest.TestReport) -> str | None:
    """What the code printed during a check (stdout and stderr), capped; None when nothing."""
    text = "".join(
        content for title, content in report.sections if title.startswith("Captured std")
    )
    if not text.strip():
        return None
    if len(text) > PRINTED_LIMIT:
        cut = len(text) - PRINTED_LIMIT
        text = text[:PRINTED_LIMIT] + f"\n… ({cut} more characters not shown)"
    return text


class _KeptOpen:
    """A standard stream whose ``close()`` does nothing: learner code that closes ``sys.stdout``
    must not break pytest's capture for every check after it."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.write = stream.write  # bound once: printing in a loop stays as fast as before
        self.flush = stream.flush

    def close(self) -> None:
        pass

    @property
    def closed(self) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _streams_kept_open() -> Iterator[None]:
    """Inside pytest's capture (these hooks run innermost), guard the streams, then restore."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _KeptOpen(saved[0]), _KeptOpen(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _restore_namespace(namespace: dict[str, Any], saved: dict[str, Any]) -> None:
    for name in [n for n in namespace if n not in saved]:
        del namespace[name]
    for name, value in saved.items():
        if namespace.get(name, _MISSING) is not value:
            namespace[name] = value


_MISSING = object()


def _on_alarm(signum: int, frame: object) -> None:
    raise CheckTimedOut


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Raise CheckTimedOut in this thread after ``seconds``, where the platform allows it.

    Not pytest-timeout: its signal method fails the test through pytest with its own message
    and a stack dump, and its thread method ends the whole process. Raising our own
    BaseException lets the check say "did not finish within 3 s" and name the learner's line,
    and lets the next check run in the same process.

    Without SIGALRM (Windows) the runner's outside kill still bounds every check.
    """
    if not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Failure:
    """What a check that did not pass tells the learner."""

    status: TestStatus
    message: str
    expected: str | None = None
    actual: str | None = None
    help: str | None = None


def describe_failure(
    error: BaseException, loader: ExerciseLoader, when: str, limit: float
) -> Failure:
    """Turn what a check raised into the status and the sentences the learner reads."""
    if isinstance(error, CheckFailure):
        return Failure(
            status="failed",
            message=error.message,
            expected=error.expected,
            actual=error.actual,
            help=error.help,
        )
    if isinstance(error, ExerciseUnavailable):
        problem = error.problem
        return Failure(problem.status, problem.message, help=problem.help)
    where = learner_frame(error, loader.import_roots, loader.display)
    if isinstance(error, NotStarted):
        return Failure(status="not_started", message=error.message, help=error.help)
    if isinstance(error, NotImplementedError):
        return Failure(
            status="not_started",
            message=f"still the starting stub{where}",
            help="Replace the 'raise NotImplementedError' with your code.",
        )
    if isinstance(error, CheckTimedOut):
        return Failure(
            status="timeout",
            message=f"did not finish within {limit:g} s{where}",
            help="Look for a loop whose condition never becomes false, or a function "
            "that waits for something that never comes.",
        )
    if isinstance(error, LearnerInterrupted):
        where = learner_frame(error.original, loader.import_roots, loader.display)
        return Failure(
            status="failed",
            message=f"your code raised {type(error.original).__name__}{where}",
            expected="a returned value or an ordinary exception",
            actual=type(error.original).__name__,
            help="KeyboardInterrupt means 'the user pressed Ctrl-C' and pytest.exit() ends a "
            "test run; neither belongs in the exercise's code. Raise a ValueError or similar.",
        )
    if isinstance(error, MemoryError):
        return Failure(
            status="failed",
            message=f"your code used more than {memory_limit_mib()} MiB of memory{where}",
            expected=f"at most {memory_limit_mib()} MiB",
            actual="MemoryError",
            help="Look for a list or string that grows without end, or one built far bigger "
            "than needed (for example [0] * 10**10).",
        )
    if isinstance(error, BreakpointCalled):
        return Failure(
            status="failed",
            message=f"your code calls breakpoint(){where}, which stops to wait for a debugger",
            expected="code that runs to the end on its own",
            actual="a call to breakpoint()",
            help="Remove the breakpoint() before grading. To step through this exercise's "
            f"checks in the debugger, use: {command('debug', '<week>', '<exercise>')}",
        )
    if isinstance(error, InputCalled):
        return Failure(
            status="failed",
            message=f"your code called input(){where}",
            expected="data taken from the function's arguments",
            actual="a call to input(), which would wait for a keyboard",
            help="Exercises pass data as arguments; remove input() from the function.",
        )
    if isinstance(error, SystemExit):
        return Failure(
            status="failed",
            message=f"your code called exit() or sys.exit(){where}",
            expected="a returned value or a raised exception",
            actual="SystemExit",
            help="A function should return or raise; only a program's entry point exits.",
        )
    if isinstance(error, RecursionError):
        return Failure(
            status="failed",
            message=f"maximum recursion depth exceeded{where}",
            help="The function keeps calling itself: check that every path reaches a "
            "base case that returns without recursing.",
        )
    if isinstance(error, AssertionError):
        text = str(error).strip().splitlines()
        return Failure(
            status="failed",
            message=text[0] if text else "an assertion failed",
            help="Read the check's name: it says what behaviour is expected.",
        )
    if where:
        return Failure(
            status="failed",
            message=f"your code raised {describe_exception(error)}{where}",
            help="Read the error and the line it names; run the function by hand with "
            "the same input to see it happen.",
        )
    return Failure(
        status="failed" if when == "call" else "error",
        message=f"the check could not use your result: {describe_exception(error)}",
        help="Check the type of what your code returns (a missing 'return' gives None).",
    )


def _exception_only(excinfo: pytest.ExceptionInfo[BaseException]) -> str:
    """pytest's text for a failed check, without the traceback nobody reads (see above)."""
    return excinfo.exconly()
