"""The learner's state folder (``.workbook``) and the one way files are written into it."""

from __future__ import annotations

import os
from pathlib import Path

STATE_FOLDER = ".workbook"
STATE_DIR_VARIABLE = "WORKBOOK_STATE_DIR"  # tells a grading child where the state folder is


def state_dir(root: Path) -> Path:
    """Where results and progress live for the workbook at ``root``."""
    return root / STATE_FOLDER


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so a reader sees the old file or the new one, never half.

    Raises OSError (an unwritable folder, a full disk, a file where a folder should be); the
    callers turn it into one sentence for the learner.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
