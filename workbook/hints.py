"""Hints, one at a time: which the learner has seen is remembered in their progress."""

from __future__ import annotations

import sys

from workbook.catalog import Catalog, Exercise
from workbook.commands import command
from workbook.progress import load_progress, save_progress
from workbook.state import state_dir


def hint_lines(catalog: Catalog, exercise: Exercise, *, show_all: bool = False) -> list[str]:
    """The hints seen so far plus the next one (all with ``show_all``), and remember them."""
    state = state_dir(catalog.root)
    progress = load_progress(state, catalog.unit_names)
    entry = progress.get(exercise.id)
    total = len(exercise.hints)
    shown = total if show_all else min(entry.hints_shown + 1, total)
    lines = [f"{exercise.id} · {exercise.title}"]
    lines += [
        f"  hint {number}/{total}: {text}"
        for number, text in enumerate(exercise.hints[:shown], start=1)
    ]
    if shown < total:
        lines.append(f"  (run the same command again for hint {shown + 1})")
    else:
        lines.append(
            f"  No more hints: see the reference with  {command('solution', exercise.id)}  "
            "(after an honest try)"
        )
    entry.hints_shown = max(entry.hints_shown, shown)
    try:
        save_progress(state, progress)
    except OSError as error:
        print(f"warning: could not remember which hints you saw ({error}).", file=sys.stderr)
    return lines
