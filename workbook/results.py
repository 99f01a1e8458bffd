"""The results file: the one contract between grading and everything that reads a verdict.

``.workbook/results/<unit>.json`` is written after every check and read by the terminal report,
the pull-request summary, the progress page and the self-check. Its format is documented in
``docs/reference/results-format.md``; bump ``RESULTS_VERSION`` on any incompatible change.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from workbook import __version__
from workbook.events import TestStatus
from workbook.state import write_atomically

RESULTS_VERSION = 1
ExerciseStatus = Literal["passed", "failed", "not_started", "error", "timeout", "crashed"]
UnitStatus = Literal["passed", "failed", "not_started", "error"]


class ResultsError(Exception):
    """A results file that cannot be read (missing, corrupt or of another version)."""


@dataclass(frozen=True)
class TestResult:
    """One check, as the learner reads it."""

    id: str
    name: str
    status: TestStatus
    message: str = ""
    expected: str | None = None
    actual: str | None = None
    help: str | None = None
    output: str | None = None  # what the learner's code printed during this check, if it failed


@dataclass(frozen=True)
class ExerciseResult:
    """One exercise's verdict."""

    id: str
    title: str
    status: ExerciseStatus
    points: int
    max_points: int
    message: str = ""
    help: str | None = None
    tests: tuple[TestResult, ...] = ()

    @property
    def first_problem(self) -> TestResult | None:
        """The check to show: the first that failed, else the first not started, else skipped.

        A mistake in a part the learner wrote matters more than a part not written yet.
        """
        for wanted in (("failed", "error", "timeout", "crashed"), ("not_started",), ("skipped",)):
            found = next((t for t in self.tests if t.status in wanted), None)
            if found is not None:
                return found
        return None


@dataclass(frozen=True)
class UnitResult:
    """A unit's verdict: what the results file holds."""

    unit: str
    title: str
    status: UnitStatus
    score: int
    max_score: int
    exercises: tuple[ExerciseResult, ...]
    tampered: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()  # learner code reaching into the grading (see ``scan``)
    checked_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    duration_seconds: float = 0.0
    workbook_version: str = __version__
    version: int = RESULTS_VERSION

    def exercise(self, exercise_id: str) -> ExerciseResult | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)


def to_json(result: UnitResult) -> str:
    data = asdict(result)
    ordered = {
        key: data[key]
        for key in (
            "version",
            "unit",
            "title",
            "status",
            "score",
            "max_score",
            "tampered",
            "notices",
            "checked_at",
            "duration_seconds",
            "workbook_version",
            "exercises",
        )
    }
    return json.dumps(ordered, indent=2, ensure_ascii=False) + "\n"


def from_json(text: str) -> UnitResult:
    """Parse a results document; raise ResultsError if it is not one this version can read."""
    try:
        data = json.loads(text)
        if data.get("version") != RESULTS_VERSION:
            raise ResultsError(f"results version {data.get('version')!r} is not {RESULTS_VERSION}")
        exercises = tuple(_exercise_from(e) for e in data["exercises"])
        return UnitResult(
            unit=data["unit"],
            title=data["title"],
            status=data["status"],
            score=data["score"],
            max_score=data["max_score"],
            exercises=exercises,
            tampered=tuple(data["tampered"]),
            notices=tuple(data.get("notices", ())),
            checked_at=data["checked_at"],
            duration_seconds=data["duration_seconds"],
            workbook_version=data["workbook_version"],
            version=data["version"],
        )
    except ResultsError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ResultsError(f"not a valid results document: {error}") from error


def _exercise_from(data: dict[str, Any]) -> ExerciseResult:
    tests = tuple(TestResult(**t) for t in data.pop("tests"))
    return ExerciseResult(**data, tests=tests)


def results_path(state_dir: Path, unit: str) -> Path:
    return state_dir / "results" / f"{unit}.json"


def write_results(state_dir: Path, result: UnitResult) -> Path:
    path = results_path(state_dir, result.unit)
    write_atomically(path, to_json(result))
    return path


def read_results(state_dir: Path, unit: str) -> UnitResult | None:
    """The unit's last results, or None when there are none or they cannot be read."""
    path = results_path(state_dir, unit)
    try:
        return from_json(path.read_text(encoding="utf-8"))
    except (OSError, ResultsError):
        return None
