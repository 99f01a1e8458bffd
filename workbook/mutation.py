"""``workbook dev mutate``: how many wrong solutions does each checker catch?

For every exercise, each mutant of its solution (see ``mutants``) is put in place of the
solution in a private copy of the solution tree and graded by the exercise's checker through the
real plugin. A mutant is *killed* when at least one check does not pass. The score is the share
of killed mutants among those not listed as equivalent in the metadata.

Speed: grading a mutant in a fresh ``python -m pytest`` costs as much as importing pytest and
the libraries the exercise uses. Instead this process imports them once and forks one child per
mutant (where the platform can fork), so a mutant costs little more than its checks.
"""

from __future__ import annotations

import contextlib
import os
import random
import select
import shutil
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbook.catalog import Catalog, Exercise, Unit, check_limit
from workbook.events import (
    CHANNEL_VARIABLE,
    EventLog,
    EventReader,
    child_descriptors,
    new_key,
    open_channel,
)
from workbook.mutants import GATE, Mutant, make_mutants
from workbook.runner import RunOptions, pytest_arguments, write_pytest_ini
from workbook.state import STATE_DIR_VARIABLE
from workbook.warm import ForkedPytest, warm_up

_STARTUP_SECONDS = 10.0


@dataclass(frozen=True)
class Survivor:
    """A mutant every check passed: a wrong solution the checker would accept."""

    file: str  # the solution file, relative to the repository
    mutant: Mutant


@dataclass
class ExerciseScore:
    """What mutation testing found for one exercise."""

    exercise: Exercise
    mutants: int = 0  # all mutants of the solution regions
    equivalent: int = 0  # of those, listed as equivalent in the metadata
    tried: int = 0  # non-equivalent mutants graded (fewer than the rest when sampling)
    killed: int = 0
    survivors: list[Survivor] = field(default_factory=list)
    unused_equivalents: list[str] = field(default_factory=list)
    problem: str | None = None  # the solution itself does not pass: nothing was measured

    @property
    def score(self) -> float | None:
        return 100.0 * self.killed / self.tried if self.tried else None

    @property
    def ok(self) -> bool:
        return self.problem is None and (self.score is None or self.score >= GATE)


@dataclass(frozen=True)
class MutateOptions:
    sample: int | None = None  # at most this many mutants per exercise, chosen with ``seed``
    seed: str = "workbook"
    workers: int = 2


def mutate(
    catalog: Catalog, units: Sequence[Unit], only: str | None, options: MutateOptions
) -> Iterator[ExerciseScore]:
    """Score the checkers of ``units`` (of one exercise when ``only`` names it), in order.

    The mutants of every exercise share one pool of ``options.workers`` children: the next
    exercise starts on a core the last mutants of the previous one leave free.
    """
    plans = (
        _plan(catalog, unit, exercise, options)
        for unit in units
        for exercise in ([unit.exercise(only)] if only else list(unit.exercises))
    )
    yield from _grade_all(catalog, plans, options.workers)


def _solution_files(catalog: Catalog, unit: Unit, exercise: Exercise) -> list[Path]:
    unit_dir = unit.directory.relative_to(catalog.root)
    return exercise.file_paths(catalog.root / "solutions", unit_dir)


@dataclass
class _Plan:
    """One exercise to score: its score so far and the mutants still to grade."""

    unit: Unit
    score: ExerciseScore
    candidates: list[tuple[Path, Mutant]]
    workspace: _Workspace | None = None

    @property
    def done(self) -> bool:
        return not self.candidates or (self.workspace is not None and self.workspace.done)


def _plan(catalog: Catalog, unit: Unit, exercise: Exercise, options: MutateOptions) -> _Plan:
    """The exercise's mutants, less its listed equivalents, sampled when asked."""
    score = ExerciseScore(exercise)
    candidates: list[tuple[Path, Mutant]] = []
    for path in _solution_files(catalog, unit, exercise):
        if path.suffix == ".py" and path.is_file():
            shown = path.relative_to(catalog.root).as_posix()
            text = path.read_text(encoding="utf-8")
            candidates += [(path, m) for m in make_mutants(text, shown)]
    score.mutants = len(candidates)
    equivalents = {(e.code, e.change) for e in exercise.equivalent_mutants}
    matched = {(m.code, m.change) for _, m in candidates} & equivalents
    score.unused_equivalents = sorted(f"{code}: {change}" for code, change in equivalents - matched)
    candidates = [(p, m) for p, m in candidates if (m.code, m.change) not in equivalents]
    score.equivalent = score.mutants - len(candidates)
    if options.sample is not None and len(candidates) > options.sample:
        chooser = random.Random(f"{options.seed}:{exercise.id}")
        candidates = sorted(chooser.sample(candidates, options.sample), key=_order)
    return _Plan(unit, score, candidates)


def _grade_all(catalog: Catalog, plans: Iterator[_Plan], workers: int) -> Iterator[ExerciseScore]:
    """Grade the plans' mutants ``workers`` at a time and yield each score in the plans' order.

    A free worker takes the next mutant of the earliest exercise that has one waiting, and
    opens the next exercise's workspace when none has.
    """
    opened: deque[_Plan] = deque()
    running: dict[int, _Running] = {}
    exhausted = False
    try:
        while True:
            while len(running) < workers:
                ready = next(
                    (p.workspace for p in opened if p.workspace and p.workspace.can_start), None
                )
                if ready is not None:
                    child = ready.start()
                    running[child.pid] = child
                    continue
                plan = None if exhausted else next(plans, None)
                if plan is None:
                    exhausted = True
                    break
                if plan.candidates:
                    plan.workspace = _Workspace(catalog, plan.unit, plan.score.exercise, workers)
                    plan.workspace.open(plan.candidates)
                opened.append(plan)
            while opened and opened[0].done:
                plan = opened.popleft()
                if plan.workspace is not None:
                    plan.workspace.close()
                    _record(plan.score, plan.candidates, *plan.workspace.outcome(), catalog)
                yield plan.score
            if not running:
                if exhausted and not opened:
                    return
                continue
            channels = {child.channel: child for child in running.values()}
            ready_channels, _, _ = select.select(list(channels), [], [], 0.01)
            for channel in ready_channels:
                channels[channel].reader.feed(os.read(channel, 65536))
            for pid, returncode in _reap(running):
                child = running.pop(pid)
                child.workspace.finish(child, returncode)
    finally:
        for child in running.values():  # interrupted: stop what still runs
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(child.pid, 0)
            os.close(child.channel)
        for plan in opened:
            if plan.workspace is not None:
                plan.workspace.close()


def _record(
    score: ExerciseScore,
    candidates: Sequence[tuple[Path, Mutant]],
    baseline: _Graded,
    outcomes: Sequence[_Graded],
    catalog: Catalog,
) -> None:
    """Put the gradings into ``score``: the solution's problem, or the kills and survivors."""
    if not baseline.all_passed:
        score.problem = f"the solution itself does not pass its checker: {baseline.reason}"
        return
    score.tried = len(candidates)
    for (path, mutant), outcome in zip(candidates, outcomes, strict=True):
        if outcome.all_passed:
            shown = path.relative_to(catalog.root).as_posix()
            score.survivors.append(Survivor(shown, mutant))
        else:
            score.killed += 1


def _order(candidate: tuple[Path, Mutant]) -> tuple[str, int, str]:
    path, mutant = candidate
    return (path.as_posix(), mutant.line, mutant.change)


@dataclass(frozen=True)
class _Graded:
    """How one mutant (or the solution) fared."""

    all_passed: bool
    reason: str
    slowest_check: float

    def tight_limit(self, exercise: Exercise) -> float:
        """A per-check limit for mutants: generous for the solution, shorter than a loop."""
        return min(check_limit(exercise), max(2.0, 5 * self.slowest_check))


def _judge(log: EventLog, exercise: Exercise, returncode: int | None) -> _Graded:
    outcomes = [o for o in log.outcomes.values() if o.exercise == exercise.id]
    slowest = max((o.duration for o in outcomes), default=0.0)
    if returncode is None:
        return _Graded(False, "stopped: it ran past its time limit", slowest)
    if exercise.id in log.problems:
        return _Graded(False, log.problems[exercise.id].message, slowest)
    expected = [n for n, (owner, _) in log.collected.items() if owner == exercise.id]
    failing = [o for o in outcomes if o.status != "passed"]
    if failing:
        return _Graded(False, f"{failing[0].name}: {failing[0].message}", slowest)
    if not expected or len(outcomes) < len(expected) or not log.finished:
        return _Graded(False, f"the checks did not all run (exit status {returncode})", slowest)
    return _Graded(True, "every check passed", slowest)


def _with_output(graded: _Graded, output: Path) -> _Graded:
    """The solution failed: add the end of what pytest printed, for the maintainer."""
    try:
        tail = output.read_text(encoding="utf-8", errors="replace").strip()[-1500:]
    except OSError:
        return graded
    return _Graded(graded.all_passed, f"{graded.reason}\n{tail}" if tail else graded.reason, 0.0)


class _Workspace:
    """Private copies of the solution tree, one per worker, and the forked children that grade."""

    def __init__(self, catalog: Catalog, unit: Unit, exercise: Exercise, workers: int) -> None:
        self.catalog = catalog
        self.unit = unit
        self.exercise = exercise
        self.workers = max(1, workers)
        self._scratch = Path(tempfile.mkdtemp(prefix="workbook-mutate-"))
        self.ini = write_pytest_ini(self._scratch)
        unit_dir = unit.directory.relative_to(catalog.root)
        import_root = exercise.import_root(catalog.root / "solutions", unit_dir)
        self.slots: list[Path] = []
        for number in range(self.workers):
            slot = self._scratch / f"slot{number}"
            relative = import_root.relative_to(catalog.root / "solutions")
            shutil.copytree(import_root, slot / relative, ignore=_ignored)
            self.slots.append(slot)
        self.files = _solution_files(catalog, unit, exercise)
        self.free = list(self.slots)
        self.busy = 0
        self.results: dict[int, _Graded] = {}
        self.limit: float | None = None  # the exercise's own, until the solution has been graded
        self.queue: list[tuple[int, tuple[Path, Mutant] | None]] = []
        self.jobs = 0

    def open(self, candidates: Sequence[tuple[Path, Mutant]]) -> None:
        """Import what the children need and queue the solution, then ``candidates``.

        The solution starts first and the first mutants beside it, with the exercise's own
        time limit; once the solution's time is known, the rest get a tighter one
        (:meth:`_Graded.tight_limit`). When the solution fails, no more mutants start.
        """
        sys.dont_write_bytecode = True  # a mutant must never be read back from a stale .pyc
        warm_up(self.catalog, self.unit, [self.unit.directory / self.exercise.checker, *self.files])
        self.queue = list(enumerate([None, *candidates]))
        self.jobs = len(self.queue)

    def close(self) -> None:
        shutil.rmtree(self._scratch, ignore_errors=True)

    @property
    def can_start(self) -> bool:
        return bool(self.queue) and bool(self.free)

    @property
    def done(self) -> bool:
        return not self.queue and not self.busy

    def start(self) -> _Running:
        """Fork a child that grades the next job in a free slot."""
        index, candidate = self.queue.pop(0)
        slot = self.free.pop()
        written = self._place(slot, candidate)
        output = slot / f"output-{index}.txt"
        pid, channel, reader = self._fork(slot, output, self.limit)
        per_check = self.limit or check_limit(self.exercise)
        deadline = time.monotonic() + _STARTUP_SECONDS + per_check * 40
        self.busy += 1
        return _Running(self, pid, index, channel, reader, deadline, slot, written, output)

    def finish(self, child: _Running, returncode: int | None) -> None:
        """Judge a child that ended and free its slot."""
        _drain(child)
        os.close(child.channel)
        graded = _judge(child.reader.log, self.exercise, returncode)
        if child.index == 0:
            if graded.all_passed:
                self.limit = graded.tight_limit(self.exercise)
            else:
                graded = _with_output(graded, child.output)
                self.queue.clear()  # the mutants' verdicts would mean nothing
        self.results[child.index] = graded
        self._restore(child.slot, child.written)
        self.free.append(child.slot)
        self.busy -= 1

    def outcome(self) -> tuple[_Graded, list[_Graded]]:
        """The solution's grading and, when it passed, each mutant's in order."""
        baseline = self.results[0]
        if not baseline.all_passed:
            return baseline, []
        return baseline, [self.results[index] for index in range(1, self.jobs)]

    def _place(self, slot: Path, candidate: tuple[Path, Mutant] | None) -> Path | None:
        if candidate is None:
            return None
        path, mutant = candidate
        target = slot / path.relative_to(self.catalog.root / "solutions")
        target.write_text(mutant.source, encoding="utf-8")
        return target

    def _restore(self, slot: Path, written: Path | None) -> None:
        if written is not None:
            original = self.catalog.root / "solutions" / written.relative_to(slot)
            shutil.copyfile(original, written)

    def _fork(self, slot: Path, output: Path, limit: float | None) -> tuple[int, int, EventReader]:
        """Start a child that grades ``slot``; return its pid, channel and event reader."""
        options = RunOptions(source_root=slot, timeout=limit, state_dir=slot / ".state")
        arguments = pytest_arguments(self.catalog, self.unit, [self.exercise], options, self.ini)
        # One check that does not pass kills a mutant: the rest need not run (-x). A mutant
        # that hangs then costs one time limit, not one per check.
        arguments = ["--exitfirst", *arguments]
        key = new_key()
        readable, _, channel = open_channel(key)
        inherited = child_descriptors(channel)
        environment = {
            **os.environ,
            CHANNEL_VARIABLE: channel,
            STATE_DIR_VARIABLE: str(slot / ".state"),
            "PYTHONHASHSEED": "0",
        }
        child = ForkedPytest(
            arguments, cwd=self.catalog.root, environment=environment, output=output, keep=inherited
        )
        for descriptor in inherited:
            os.close(descriptor)
        return child.pid, readable, EventReader(key)


@dataclass
class _Running:
    """A forked child grading one candidate (``index`` 0: the solution)."""

    workspace: _Workspace
    pid: int
    index: int
    channel: int
    reader: EventReader
    deadline: float
    slot: Path
    written: Path | None
    output: Path


def _reap(running: dict[int, _Running]) -> list[tuple[int, int | None]]:
    """Children that ended (with their exit status) or overran (``None``, now killed)."""
    ended: list[tuple[int, int | None]] = []
    now = time.monotonic()
    for pid, child in running.items():
        waited, status = os.waitpid(pid, os.WNOHANG)
        if waited:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)  # anything the mutant left running
            ended.append((pid, os.waitstatus_to_exitcode(status)))
        elif now > child.deadline:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            ended.append((pid, None))
    return ended


def _drain(child: _Running) -> None:
    while select.select([child.channel], [], [], 0)[0]:
        chunk = os.read(child.channel, 65536)
        if not chunk:
            return
        child.reader.feed(chunk)


def _ignored(folder: str, names: list[str]) -> set[str]:
    return {name for name in names if name in ("__pycache__", ".mypy_cache", ".pytest_cache")}


def render_score(item: ExerciseScore, *, sampled: bool) -> str:
    """One exercise's lines: its kill rate, then every survivor ready to read or to list."""
    name = item.exercise.id
    if item.problem is not None:
        return f"{name}: ERROR: {item.problem}\n"
    if item.mutants == 0:
        return f"{name}: no solution regions to mutate\n"
    if item.score is None:
        return f"{name}: {item.mutants} mutants, all listed as equivalent\n"
    tried = f"{item.tried} sampled of {item.mutants - item.equivalent}" if sampled else ""
    verdict = "ok" if item.ok else f"BELOW {GATE:g}%"
    lines = [
        f"{name}: {item.killed}/{item.tried} killed ({item.score:.1f}%), "
        f"{item.equivalent} equivalent{', ' + tried if tried else ''}: {verdict}"
    ]
    for survivor in item.survivors:
        mutant = survivor.mutant
        lines.append(f"    survived {survivor.file}:{mutant.line}")
        lines.append(
            f"      {{ code = {_toml(mutant.code)}, change = {_toml(mutant.change)}, "
            'reason = "..." }'
        )
    lines += [
        f"    listed as equivalent but no such mutant: {text}" for text in item.unused_equivalents
    ]
    return "\n".join(lines) + "\n"


def render_summary(scores: Sequence[ExerciseScore]) -> str:
    below = [s.exercise.id for s in scores if not s.ok]
    return "dev mutate: " + ("passed" if not below else "FAILED (" + ", ".join(below) + ")") + "\n"


def _toml(text: str) -> str:
    """A TOML basic string (the same escapes as JSON for what code contains)."""
    import json

    return json.dumps(text, ensure_ascii=False)
