"""Prove that every checker means something: each test passes on the solution and fails on the stub.

The stubs are generated afresh in a temporary directory, so a learner's own edits to the
exercise files never affect this. Also verified: stubs match their solutions, the checker
manifest is current, and every test belongs to an exercise.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from workbook.catalog import Catalog, Unit, check_limit
from workbook.grading import grade_exercise
from workbook.integrity import manifest_is_current
from workbook.manifest import MANIFEST_NAME
from workbook.runner import GradingRun, RunOptions, run_unit
from workbook.stubs import StubError, drifted, orphaned, write_pristine_tree


@dataclass
class UnitReport:
    """What the self-check found in one unit."""

    unit: str
    exercises: int = 0
    checks: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class DevCheckReport:
    """The whole self-check: global problems plus one report per unit."""

    problems: list[str] = field(default_factory=list)
    units: list[UnitReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and all(not u.problems for u in self.units)


def dev_check(catalog: Catalog, units: Sequence[Unit], *, workers: int = 2) -> DevCheckReport:
    report = DevCheckReport()
    try:
        stale = drifted(catalog)
    except StubError as error:
        report.problems.append(f"cannot generate stubs: {error}")
        return report
    report.problems += [
        f"{path.relative_to(catalog.root).as_posix()} differs from what its solution generates "
        "(run: workbook dev sync)"
        for path in stale
    ]
    report.problems += [
        f"{path.relative_to(catalog.root).as_posix()} has no solution file any more "
        "(run: workbook dev sync, which removes it)"
        for path in orphaned(catalog)
    ]
    if not manifest_is_current(catalog):
        report.problems.append(f"{MANIFEST_NAME} is out of date (run: workbook dev manifest)")
    graded = [unit for unit in units if unit.exercises]
    with tempfile.TemporaryDirectory(prefix="workbook-stubs-") as scratch:
        pristine = Path(scratch)
        write_pristine_tree(catalog, pristine)
        state = pristine / ".state"
        jobs = [(unit, source) for unit in graded for source in ("solution", "stub")]
        jobs.sort(key=_expected_cost, reverse=True)  # the longest first, so none is left last
        with ThreadPoolExecutor(max_workers=workers) as pool:
            runs = list(
                pool.map(
                    lambda job: _run(
                        catalog,
                        job[0],
                        catalog.root / "solutions" if job[1] == "solution" else pristine,
                        state,
                    ),
                    jobs,
                )
            )
    by_unit: dict[str, dict[str, GradingRun]] = {}
    for (unit, source), run in zip(jobs, runs, strict=True):
        by_unit.setdefault(unit.name, {})[source] = run
    for unit in graded:
        report.units.append(
            _judge(unit, by_unit[unit.name]["solution"], by_unit[unit.name]["stub"])
        )
    return report


def _expected_cost(job: tuple[Unit, str]) -> tuple[bool, float]:
    """How long a job should take, to order them: solutions run every check to its end, and
    an exercise's time limit grows with what its checks do (a learner's whole test suite)."""
    unit, source = job
    return source == "solution", sum(check_limit(e) for e in unit.exercises)


def _run(catalog: Catalog, unit: Unit, source: Path, state: Path) -> GradingRun:
    return run_unit(catalog, unit, [], RunOptions(source_root=source, state_dir=state))


def _judge(unit: Unit, solution: GradingRun, stub: GradingRun) -> UnitReport:
    report = UnitReport(unit.name, exercises=len(unit.exercises))
    for exercise in unit.exercises:
        for run, source in ((solution, "solution"), (stub, "stub")):
            problem = run.problems.get(exercise.id)
            if problem is not None and (source == "solution" or problem.status == "error"):
                report.problems.append(
                    f"{exercise.id}: the {source} does not load: {problem.message}"
                )
        on_solution = {o.nodeid: o for o in solution.outcomes.get(exercise.id, [])}
        on_stub = {o.nodeid: o for o in stub.outcomes.get(exercise.id, [])}
        stub_status = grade_exercise(exercise, stub).status
        if on_stub and stub_status != "not_started":
            report.problems.append(
                f"{exercise.id}: the untouched stub grades as {stub_status!r}, not 'not_started' "
                "(a learner must see 'not started' before editing; make each check call code "
                "the stub leaves unimplemented)"
            )
        if not on_solution and exercise.id not in solution.problems:
            report.problems.append(f"{exercise.id}: its checker {exercise.checker} has no tests")
        report.checks += len(on_solution)
        for nodeid, outcome in on_solution.items():
            test = nodeid.split("::", 1)[-1]
            if not outcome.exercise:
                report.problems.append(f"{nodeid}: belongs to no exercise")
            if outcome.status != "passed":
                report.problems.append(
                    f"{exercise.id} · {test}: fails on the solution ({outcome.status}): "
                    f"{outcome.message}"
                )
            stub_outcome = on_stub.get(nodeid)
            if stub_outcome is not None and stub_outcome.status == "passed":
                report.problems.append(
                    f"{exercise.id} · {test}: passes on the untouched stub, so it checks nothing "
                    "the learner writes"
                )
    return report


def render_dev_check(report: DevCheckReport) -> str:
    lines = [f"problem: {p}" for p in report.problems]
    for unit in report.units:
        verdict = "ok" if not unit.problems else f"{len(unit.problems)} problem(s)"
        lines.append(
            f"{unit.unit}: {unit.exercises} exercises, {unit.checks} checks; every check passes "
            f"on the solution and fails on the stub: {verdict}"
        )
        lines += [f"  - {p}" for p in unit.problems]
    lines.append("dev check: " + ("passed" if report.ok else "FAILED"))
    return "\n".join(lines) + "\n"
