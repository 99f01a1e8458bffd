"""Turn a grading run's check outcomes into verdicts: each exercise's status and points, and
the unit's result."""

from __future__ import annotations

from workbook.catalog import Exercise, Unit
from workbook.commands import command
from workbook.events import CheckOutcome, TestStatus
from workbook.results import ExerciseResult, ExerciseStatus, TestResult, UnitResult, UnitStatus
from workbook.runner import GradingRun


def grade_exercise(exercise: Exercise, run: GradingRun) -> ExerciseResult:
    """Combine an exercise's check outcomes into its status and points."""
    problem = run.problems.get(exercise.id)
    outcomes = run.outcomes.get(exercise.id, [])
    if problem is not None:
        tests = tuple(
            TestResult(o.nodeid, o.name, problem.status, problem.message, help=problem.help)
            for o in outcomes
        )
        return ExerciseResult(
            exercise.id,
            exercise.title,
            problem.status,
            0,
            exercise.points,
            problem.message,
            problem.help,
            tests,
        )
    tests = tuple(_test_result(o) for o in outcomes)
    if not tests:
        return ExerciseResult(
            exercise.id,
            exercise.title,
            "error",
            0,
            exercise.points,
            "the checker has no checks",
            "Tell a maintainer: this is a bug.",
        )
    status = _exercise_status([t.status for t in tests])
    passed = sum(t.status == "passed" for t in tests)
    points = exercise.points * passed // len(tests) if status not in ("not_started",) else 0
    return ExerciseResult(exercise.id, exercise.title, status, points, exercise.points, tests=tests)


def gate_on_prerequisites(unit: Unit, graded: list[ExerciseResult]) -> list[ExerciseResult]:
    """An exercise whose prerequisite did not pass in this run is "not started", pointing at it.

    Like check50's dependent checks: a learner stuck on stage 1 sees "finish stage 1 first" on
    the later stages instead of a cascade of failures caused by the same gap.
    """
    status = {result.id: result.status for result in graded}
    gated: list[ExerciseResult] = []
    for result in graded:
        exercise = unit.exercise(result.id)
        missing = [
            slug
            for slug in exercise.requires
            if status.get(f"{unit.name}/{slug}", "passed") != "passed"
        ]
        if not missing:
            gated.append(result)
            continue
        first = missing[0].split("_")[0]
        gated.append(
            ExerciseResult(
                result.id,
                result.title,
                "not_started",
                0,
                result.max_points,
                f"waiting for {missing[0]}: finish {first} first",
                f"Grade it on its own: {command('check', unit.name, first)}",
            )
        )
        status[result.id] = "not_started"
    return gated


def _test_result(outcome: CheckOutcome) -> TestResult:
    return TestResult(
        outcome.nodeid,
        outcome.name,
        outcome.status,
        outcome.message,
        outcome.expected,
        outcome.actual,
        outcome.help,
        outcome.output,
    )


def _exercise_status(statuses: list[TestStatus]) -> ExerciseStatus:
    if all(s == "passed" for s in statuses):
        return "passed"
    serious: tuple[ExerciseStatus, ...] = ("crashed", "timeout", "error")
    for status in serious:
        if status in statuses:
            return status
    if all(s in ("not_started", "skipped") for s in statuses):
        return "not_started"
    return "failed"


def build_unit_result(
    unit: Unit,
    graded: list[ExerciseResult],
    *,
    tampered: list[str],
    duration: float,
    previous: UnitResult | None = None,
    notices: list[str] | None = None,
) -> UnitResult:
    """The unit's result: the exercises just graded, merged over an earlier partial result."""
    by_id = {e.id: e for e in previous.exercises} if previous else {}
    by_id.update({e.id: e for e in graded})
    exercises = tuple(by_id[e.id] for e in unit.exercises if e.id in by_id)
    statuses = [e.status for e in exercises]
    status: UnitStatus
    if len(exercises) == len(unit.exercises) and all(s == "passed" for s in statuses):
        status = "passed"
    elif statuses and all(s == "not_started" for s in statuses):
        status = "not_started"
    else:
        status = "failed"
    return UnitResult(
        unit=unit.name,
        title=unit.title,
        status=status,
        score=sum(e.points for e in exercises),
        max_score=unit.max_points,
        exercises=exercises,
        tampered=tuple(tampered),
        notices=tuple(notices or ()),
        duration_seconds=round(duration, 3),
    )
