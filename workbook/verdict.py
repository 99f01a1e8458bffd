"""Grade a selection of a unit's exercises and record the verdict: the one path from learner
code to a saved result, shared by ``workbook check`` and ``workbook watch``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from workbook.catalog import Catalog, Exercise, Unit
from workbook.grading import build_unit_result, gate_on_prerequisites, grade_exercise
from workbook.integrity import tampered_files
from workbook.progress import Progress, load_progress, save_progress
from workbook.results import ExerciseResult, UnitResult, read_results, write_results
from workbook.runner import RunOptions, run_unit
from workbook.scan import scan_files
from workbook.state import state_dir


@dataclass(frozen=True)
class Verdict:
    """What one grading produced: the exercises graded and the unit's merged result."""

    unit: Unit
    chosen: list[Exercise]  # what was graded (one exercise comes with its prerequisites)
    graded: list[ExerciseResult]
    result: UnitResult
    alone: bool  # one exercise was asked for: the result merges it over the last one
    interrupted: bool

    @property
    def shown(self) -> list[str] | None:
        """The exercises a report should show (None: the whole unit)."""
        return [e.id for e in self.chosen] if self.alone or self.interrupted else None

    @property
    def all_passed(self) -> bool:
        return all(g.status == "passed" for g in self.graded) and (
            self.alone or self.result.status == "passed"
        )


def grade(
    catalog: Catalog,
    unit: Unit,
    exercise: Exercise | None = None,
    options: RunOptions | None = None,
) -> Verdict:
    """Grade ``exercise`` (with what it requires) or the whole unit, and save the verdict."""
    chosen = unit.with_prerequisites([exercise]) if exercise else list(unit.exercises)
    state = state_dir(catalog.root)
    # Read the history before any learner code runs: whatever that code does to .workbook,
    # what is written back afterwards is this copy plus the new verdict.
    progress = load_progress_safely(state, catalog)
    previous = read_results(state, unit.name)
    # The tamper check asks git; it runs beside the grading child instead of after it.
    with ThreadPoolExecutor(max_workers=1) as helper:
        tampered = helper.submit(tampered_files, catalog)
        run = run_unit(catalog, unit, chosen, options or RunOptions())
    if run.interrupted:
        chosen = [e for e in chosen if e.id in run.outcomes or e.id in run.problems]
    graded = gate_on_prerequisites(unit, [grade_exercise(e, run) for e in chosen])
    alone = exercise is not None
    result = build_unit_result(
        unit,
        graded,
        tampered=tampered.result(),
        duration=run.duration,
        previous=previous if alone or run.interrupted else None,
        notices=_notices(catalog, unit, chosen, run.forged_events),
    )
    progress.record(result, [e.id for e in chosen])
    _save_state(state, result, progress)
    return Verdict(unit, chosen, graded, result, alone, run.interrupted)


def load_progress_safely(state: Path, catalog: Catalog) -> Progress:
    """The learner's progress, or an empty one with a warning when it cannot be read."""
    try:
        progress = load_progress(state, catalog.unit_names)
    except OSError as error:
        print(f"warning: could not read your progress in {state} ({error}).", file=sys.stderr)
        return Progress()
    if progress.warning:
        print(f"warning: {progress.warning}", file=sys.stderr)
    return progress


def _save_state(state: Path, result: UnitResult, progress: Progress) -> None:
    """Write the results file and the progress; a failure costs the record, never the verdict."""
    try:
        write_results(state, result)
        save_progress(state, progress)
    except OSError as error:
        print(
            f"warning: this verdict could not be saved in {state} "
            f"({error.strerror or error}: {error.filename or state}). It is shown below but "
            f"not recorded; make sure {state.name} is a folder you can write to (or delete it), "
            "then check again.",
            file=sys.stderr,
        )


def _notices(catalog: Catalog, unit: Unit, chosen: Sequence[Exercise], forged: int) -> list[str]:
    """What the verdict should warn a mentor about: forged events, code reaching into grading."""
    notices: list[str] = []
    if forged:
        notices.append(
            f"{forged} line(s) on the workbook's private channel were not written by the "
            "workbook (something in the learner's code wrote to it); they were ignored"
        )
    unit_dir = unit.directory.relative_to(catalog.root)
    files = [
        (path, path.relative_to(catalog.root).as_posix())
        for exercise in chosen
        for path in exercise.file_paths(catalog.root, unit_dir)
        if path.is_file() and path.suffix == ".py"
    ]
    notices += [finding.describe() for finding in scan_files(files)]
    return notices
