"""The learner's files: start an exercise over, and compare it with the reference solution."""

from __future__ import annotations

import difflib
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workbook.catalog import Catalog, Exercise
from workbook.state import state_dir
from workbook.stubs import StubTarget, render


class FilesError(Exception):
    """The request cannot be done; the message says why and what to do instead."""


@dataclass(frozen=True)
class Reset:
    restored: list[Path]  # learner files now back to their starting stub
    backup: Path | None  # where the learner's versions were copied first


def _targets(catalog: Catalog, exercise: Exercise) -> list[StubTarget]:
    if exercise.source is not None:  # the capstone: one project that many stages share
        raise FilesError(
            f"{exercise.id} grades your whole TaskHub project, so there is no one file to reset. "
            "Use git for a file you want back: git checkout -- <file>"
        )
    unit_dir = catalog.unit(exercise.unit).directory.relative_to(catalog.root)
    solutions = exercise.file_paths(catalog.root / "solutions", unit_dir)
    learners = exercise.file_paths(catalog.root, unit_dir)
    return [StubTarget(s, learner) for s, learner in zip(solutions, learners, strict=True)]


def reset_exercise(catalog: Catalog, exercise: Exercise, now: datetime | None = None) -> Reset:
    """Put the exercise's starting files back, after copying the learner's into a backup."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    backup = state_dir(catalog.root) / "backups" / stamp
    restored: list[Path] = []
    kept = False
    for target in _targets(catalog, exercise):
        starting = render(target, catalog.root)
        if target.learner.is_file():
            if target.learner.read_text(encoding="utf-8") == starting:
                continue
            copy = backup / target.learner.relative_to(catalog.root)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(target.learner, copy)
            kept = True
        target.learner.parent.mkdir(parents=True, exist_ok=True)
        target.learner.write_text(starting, encoding="utf-8")
        restored.append(target.learner)
    return Reset(restored, backup if kept else None)


def side_by_side(left: str, right: str, titles: tuple[str, str], width: int = 100) -> str:
    """Two texts in two columns, changed lines marked (``|`` changed, ``<`` ``>`` only one side).

    difflib has a side-by-side view only in HTML; this is its few lines of plain text.
    """
    column = max(20, (width - 3) // 2)
    a, b = left.splitlines(), right.splitlines()
    rows = [f"{titles[0][:column]:<{column}}   {titles[1][:column]}", "-" * (2 * column + 3)]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        size = max(i2 - i1, j2 - j1)
        for offset in range(size):
            one = a[i1 + offset] if i1 + offset < i2 else ""
            two = b[j1 + offset] if j1 + offset < j2 else ""
            if tag == "equal":
                mark = " "
            elif i1 + offset >= i2:
                mark = ">"  # only in the right-hand text
            elif j1 + offset >= j2:
                mark = "<"  # only in the left-hand text
            else:
                mark = "|"
            rows.append(f"{_fit(one, column):<{column}} {mark} {_fit(two, column)}")
    return "\n".join(rows)


def _fit(line: str, column: int) -> str:
    line = line.expandtabs(4)
    return line if len(line) <= column else line[: column - 1] + "…"


def solution_view(catalog: Catalog, exercise: Exercise, width: int) -> str:
    """Each of the exercise's files beside its reference solution."""
    if exercise.source is not None:
        return (
            f"{exercise.id} is graded on your TaskHub; the reference project is "
            "solutions/capstone (compare a file with: diff -u capstone/<file> "
            "solutions/capstone/<file>)"
        )
    parts = []
    for target in _targets(catalog, exercise):
        mine = target.learner.read_text(encoding="utf-8") if target.learner.is_file() else ""
        reference = target.solution.read_text(encoding="utf-8")
        titles = (
            f"yours: {target.learner.relative_to(catalog.root).as_posix()}",
            f"reference: {target.solution.relative_to(catalog.root).as_posix()}",
        )
        parts.append(side_by_side(mine, _without_markers(reference), titles, width))
    return "\n\n".join(parts)


def _without_markers(text: str) -> str:
    """The reference as a learner would write it: no solution markers or stub lines."""
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(("# BEGIN SOLUTION", "# END SOLUTION", "# STUB:")):
            continue
        kept.append(line)
    return "\n".join(kept) + "\n"
