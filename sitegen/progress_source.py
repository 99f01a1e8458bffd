"""Find and read the learner's progress file for the progress page.

The engine's ``load_progress`` reads ``<state dir>/progress.json`` and moves an unreadable file
aside. The site builder must never touch the learner's file, so it reads a copy in a
temporary folder: a corrupt file is reported as a warning and the page is built unticked.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from workbook.progress import Progress, load_progress

PROGRESS_ENVIRONMENT_VARIABLE = "WORKBOOK_PROGRESS"
DEFAULT_PROGRESS = Path(".workbook") / "progress.json"


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


def read_progress(path: Path, units: list[str]) -> LearnerProgress | None:
    """The learner's progress from ``path``; None when the file does not exist."""
    if not path.is_file():
        return None
    with tempfile.TemporaryDirectory(prefix="sitegen-progress-") as folder:
        state_dir = Path(folder)
        shutil.copyfile(path, state_dir / "progress.json")
        progress: Progress = load_progress(state_dir, units)
    warning = None
    if progress.warning is not None:
        warning = f"{path} could not be read, so nothing is ticked."
    passed = frozenset(
        exercise_id
        for exercise_id, entry in progress.exercises.items()
        if entry.first_passed_at is not None
    )
    checked = [e.last_checked_at for e in progress.exercises.values() if e.last_checked_at]
    return LearnerProgress(path, passed, max(checked) if checked else None, warning)
