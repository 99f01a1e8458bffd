"""Turn a grading run's check outcomes into verdicts: each exercise's status and points, and
the unit's result."""

from __future__ import annotations

from workbook.catalog import Exercise, Unit
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


def _test_result(outcome: CheckOutcome) -> TestResult:
    return TestResult(
        outcome.nodeid,
        outcome.name,
        outcome.status,
        outcome.message,
        outcome.expected,
        outcome.actual,
        outcome.help,
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
