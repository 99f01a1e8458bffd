"""The learner's history: attempts, first pass and best score per exercise.

Kept in ``.workbook/progress.json``, with a copy in ``progress.json.bak`` written after it. A
missing or corrupt file is restored from the copy; a corrupt one is first moved aside (nothing
is deleted). With neither, the history is rebuilt from the results files. Each case gives a
warning instead of a crash. ``workbook check`` reads the history before it runs any learner code
and writes it back afterwards, so code that deletes or edits these files during a run changes
nothing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from workbook.results import UnitResult, read_results
from workbook.state import write_atomically

PROGRESS_VERSION = 1


@dataclass
class ExerciseProgress:
    """What the workbook remembers about one exercise."""

    attempts: int = 0
    best_points: int = 0
    max_points: int = 0
    last_status: str = "not_checked"
    first_passed_at: str | None = None
    last_checked_at: str | None = None
    hints_shown: int = 0


@dataclass
class Progress:
    """All exercises' progress, plus any warning produced while loading it."""

    exercises: dict[str, ExerciseProgress] = field(default_factory=dict)
    warning: str | None = None

    def get(self, exercise_id: str) -> ExerciseProgress:
        return self.exercises.setdefault(exercise_id, ExerciseProgress())

    def record(self, result: UnitResult, checked: list[str]) -> None:
        """Count an attempt for each exercise in ``checked`` and keep the best score."""
        for exercise in result.exercises:
            if exercise.id not in checked:
                continue
            entry = self.get(exercise.id)
            entry.attempts += 1
            entry.best_points = max(entry.best_points, exercise.points)
            entry.max_points = exercise.max_points
            entry.last_status = exercise.status
            entry.last_checked_at = result.checked_at
            if exercise.status == "passed" and entry.first_passed_at is None:
                entry.first_passed_at = result.checked_at


class ProgressError(Exception):
    """A progress file that cannot be read."""


def progress_path(state_dir: Path) -> Path:
    return state_dir / "progress.json"


def backup_path(state_dir: Path) -> Path:
    return state_dir / "progress.json.bak"


def read_progress_file(path: Path) -> Progress:
    """Parse a progress file without changing anything; raise ProgressError if unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != PROGRESS_VERSION:
            raise ValueError(f"version {data.get('version')!r}")
        exercises = {key: ExerciseProgress(**value) for key, value in data["exercises"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ProgressError(str(error)) from error
    return Progress(exercises)


def load_progress(state_dir: Path, units: list[str]) -> Progress:
    """Read the progress file; restore it from its copy, or rebuild it, if it is unreadable."""
    path, backup = progress_path(state_dir), backup_path(state_dir)
    if not path.exists() and not backup.exists():
        return Progress()
    try:
        return read_progress_file(path)
    except ProgressError as error:
        problem = "is missing" if not path.exists() else f"could not be read ({error})"
        moved = ""
        if path.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            aside = path.with_name(f"progress.json.corrupt-{stamp}")
            path.replace(aside)
            moved = f" It was moved to {aside.name}."
    try:
        restored = read_progress_file(backup)
        restored.warning = (
            f"{path} {problem}.{moved} Your progress was restored from {backup.name}."
        )
    except ProgressError:
        restored = rebuild_from_results(state_dir, units)
        restored.warning = (
            f"{path} {problem}.{moved} Your progress was rebuilt from the latest results "
            "(attempt counts restart at 1)."
        )
    save_progress(state_dir, restored)
    return restored


def rebuild_from_results(state_dir: Path, units: list[str]) -> Progress:
    progress = Progress()
    for unit in units:
        result = read_results(state_dir, unit)
        if result is not None:
            progress.record(result, [e.id for e in result.exercises])
    return progress


def save_progress(state_dir: Path, progress: Progress) -> Path:
    path = progress_path(state_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "version": PROGRESS_VERSION,
        "exercises": {key: asdict(value) for key, value in sorted(progress.exercises.items())},
    }
    text = json.dumps(document, indent=2) + "\n"
    write_atomically(path, text)
    write_atomically(backup_path(state_dir), text)
    return path
