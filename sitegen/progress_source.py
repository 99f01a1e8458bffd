"""Find and read the learner's progress file for the progress page.

The site builder never changes the learner's file: it parses it read-only, and a corrupt file
is reported as a warning on the page, which is then built unticked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workbook.progress import Progress, ProgressError, read_progress_file
from workbook.state import STATE_FOLDER

PROGRESS_ENVIRONMENT_VARIABLE = "WORKBOOK_PROGRESS"
DEFAULT_PROGRESS = Path(STATE_FOLDER) / "progress.json"


@dataclass(frozen=True)
class LearnerProgress:
    """The exercises the learner has passed, and where that came from."""

    source: Path
    passed: frozenset[str]
    last_checked_at: str | None
    warning: str | None = None


def progress_file(root: Path, explicit: Path | None = None) -> Path:
    """The progress file to read: ``explicit``, else ``$WORKBOOK_PROGRESS``, else the default."""
    if explicit is not None:
        return explicit
    configured = os.environ.get(PROGRESS_ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured)
    return root / DEFAULT_PROGRESS


def read_progress(path: Path) -> LearnerProgress | None:
    """The learner's progress from ``path``; None when the file does not exist."""
    if not path.is_file():
        return None
    warning = None
    try:
        progress = read_progress_file(path)
    except ProgressError:
        progress = Progress()
        warning = f"{path} could not be read, so nothing is ticked."
    passed = frozenset(
        exercise_id
        for exercise_id, entry in progress.exercises.items()
        if entry.first_passed_at is not None
    )
    checked = [e.last_checked_at for e in progress.exercises.values() if e.last_checked_at]
    return LearnerProgress(path, passed, max(checked) if checked else None, warning)
