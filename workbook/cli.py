"""The ``workbook`` command: check a unit, show a hint, see progress, and maintainer tools."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from workbook import __version__
from workbook.catalog import Catalog, CatalogError, Exercise, Unit, UnknownName, load_catalog
from workbook.commands import command
from workbook.hints import hint_lines
from workbook.integrity import manifest_is_current, write_manifest
from workbook.mutants import GATE
from workbook.progress import Progress, load_progress
from workbook.progress_view import render_progress
from workbook.report import Style, render_markdown, render_terminal
from workbook.results import (
    to_json,
)
from workbook.runner import RunnerError, RunOptions, run_debug
from workbook.state import state_dir
from workbook.stubs import SKELETONS, StubError, drifted, orphaned, sync
from workbook.verdict import grade, load_progress_safely
from workbook.warm import fork_checks

EXIT_OK, EXIT_NOT_PASSING, EXIT_USAGE, EXIT_WORKBOOK_BUG = 0, 1, 2, 3


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder above ``start`` with pyproject.toml and weeks/."""
    for folder in (start, *start.parents):
        has_units = (folder / "weeks").is_dir() or (folder / "katas").is_dir()
        if (folder / "pyproject.toml").is_file() and has_units:
            return folder
    raise UnknownName(
        f"{start} is not inside the workbook (no folder above it has pyproject.toml and a "
        "weeks/ folder). Run the command from your clone of the workbook."
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbook",
        description="Grade your exercises, get hints and follow your progress.",
    )
    parser.add_argument("--version", action="version", version=f"workbook {__version__}")
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="command")

    check = commands.add_parser(
        "check",
        help="grade a week or the katas",
        description="Grade a week (week01..week13) or the katas.",
    )
    check.add_argument("unit", help="week01 .. week13, or katas")
    check.add_argument("exercise", nargs="?", help="one exercise only, e.g. ex03 or k07")
    check.add_argument("--format", choices=("terminal", "markdown", "json"), default="terminal")
    check.add_argument("--timeout", type=float, help="seconds each check may run (default 3)")
    check.add_argument(
        "-v", "--verbose", action="store_true", help="list every check with its status"
    )

    watch_parser = commands.add_parser(
        "watch",
        help="grade again every time you save an exercise file",
        description="Grade a unit, then grade an exercise again each time one of its files is "
        "saved. On a terminal: h hint, n next, l list, r re-run, q quit.",
    )
    watch_parser.add_argument("unit", nargs="?", help="week01 .. week13, or katas (default: yours)")
    watch_parser.add_argument("exercise", nargs="?", help="the exercise to start with, e.g. ex03")

    debug_parser = commands.add_parser(
        "debug",
        help="run one exercise's checks in the foreground, with breakpoint() and pdb usable",
    )
    debug_parser.add_argument("unit", help="week01 .. week13, or katas")
    debug_parser.add_argument("exercise", help="e.g. ex03 or k07")

    reset_parser = commands.add_parser(
        "reset", help="start an exercise over: its starting file back, yours kept in a backup"
    )
    reset_parser.add_argument("exercise", help="e.g. week01/ex03 or katas/k07")

    solution_parser = commands.add_parser(
        "solution", help="your file beside the reference solution (after the exercise passes)"
    )
    solution_parser.add_argument("exercise", help="e.g. week01/ex03 or katas/k07")
    solution_parser.add_argument(
        "--yes", action="store_true", help="show it even though the exercise has not passed"
    )

    hint = commands.add_parser("hint", help="show the next hint for an exercise")
    hint.add_argument("exercise", help="e.g. week01/ex03 or katas/k07")
    hint.add_argument("--all", action="store_true", help="show every hint at once")

    review_parser = commands.add_parser(
        "review",
        help="a mentor's verdict on a branch, graded by the base branch's own checkers",
        description="Grade the exercise files a branch changed, on a pristine checkout of the "
        "base commit with its own engine and checkers, and print the Markdown report.",
    )
    review_parser.add_argument("--base", default="origin/main", help="the branch to compare with")
    review_parser.add_argument("--head", default="HEAD", help="the learner's branch or commit")
    review_parser.add_argument(
        "--results", type=Path, help="also write each unit's results JSON into this folder"
    )

    progress_parser = commands.add_parser(
        "progress", help="show your progress through every week and the katas"
    )
    progress_parser.add_argument(
        "--pace",
        choices=("2h", "5h"),
        default="2h",
        help="5h: only the core exercises of the 5 hours a week path (default: 2h, everything)",
    )
    commands.add_parser("next", help="the next exercise to work on, and how to grade it")
    commands.add_parser(
        "doctor", help="what the workbook needs that is installed here, and what is missing"
    )
    listing = commands.add_parser("list", help="list units, or the exercises of one unit")
    listing.add_argument("unit", nargs="?")

    dev = commands.add_parser("dev", help="maintainer tools").add_subparsers(
        dest="dev_command", required=True, metavar="tool"
    )
    sync_parser = dev.add_parser("sync", help="regenerate the stubs from the solutions")
    sync_parser.add_argument(
        "units", nargs="*", help="units (or 'capstone') to sync (default: everything)"
    )
    sync_parser.add_argument("--check", action="store_true", help="fail if a stub has drifted")
    manifest = dev.add_parser("manifest", help="record the hashes of checkers and engine")
    manifest.add_argument("--check", action="store_true", help="fail if the manifest is stale")
    devcheck = dev.add_parser("check", help="prove every check passes on solutions, fails on stubs")
    devcheck.add_argument("units", nargs="*", help="units to check (default: all)")
    mutate_parser = dev.add_parser(
        "mutate",
        help="mutation-test the checkers: how many wrong solutions does each one catch?",
        description=f"Grade small wrong versions (mutants) of each solution with its checker. "
        f"Fails when a checker kills fewer than {GATE:g}%% of the mutants not listed as "
        "equivalent in the metadata.",
    )
    mutate_parser.add_argument("unit", nargs="?", help="one unit (default: every unit)")
    mutate_parser.add_argument("exercise", nargs="?", help="one exercise of that unit")
    mutate_parser.add_argument(
        "--sample", type=int, metavar="N", help="grade at most N mutants per exercise"
    )
    mutate_parser.add_argument("--seed", default="workbook", help="the sample's seed")
    mutate_parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 2, help="mutants graded at once"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        root = (args.root or find_root(Path.cwd())).resolve()
        # Maintainers' tools validate every metadata file against the schema, up front;
        # learners' commands trust the files the committed manifest vouches for (see
        # catalog._checked) and read a unit's file only when they need that unit.
        maintainer = args.command == "dev"
        catalog = load_catalog(root, validated=maintainer, lazy=not maintainer)
        return _dispatch(args, catalog)
    except CatalogError as error:
        print("The workbook's metadata has problems:", file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        return EXIT_USAGE
    except UnknownName as error:
        print(str(error).strip("'\""), file=sys.stderr)
        return EXIT_USAGE
    except StubError as error:
        print(f"Cannot generate stubs: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\nStopped (Ctrl-C).", file=sys.stderr)
        return EXIT_INTERRUPTED
    except RunnerError as error:
        print(
            "The workbook could not run the checks. This is a problem in the workbook, not in "
            f"your code; please report it.\n{error}",
            file=sys.stderr,
        )
        return EXIT_WORKBOOK_BUG


def _dispatch(args: argparse.Namespace, catalog: Catalog) -> int:
    if args.command is None:
        return _welcome(catalog)
    if args.command == "next":
        return _next(catalog)
    if args.command == "doctor":
        from workbook.doctor import diagnose, doctor_exit_code, render_doctor

        findings = diagnose()
        print(render_doctor(findings, Style.for_stream(sys.stdout)), end="")
        return doctor_exit_code(findings)
    if args.command == "check":
        return _check(catalog, args.unit, args.exercise, args.format, args.timeout, args.verbose)
    if args.command == "watch":
        return _watch(catalog, args.unit, args.exercise)
    if args.command == "debug":
        unit = catalog.unit(args.unit)
        return run_debug(catalog, unit.exercise(args.exercise), unit)
    if args.command == "reset":
        return _reset(catalog, args.exercise)
    if args.command == "solution":
        return _solution(catalog, args.exercise, confirmed=args.yes)
    if args.command == "hint":
        return _hint(catalog, args.exercise, show_all=args.all)
    if args.command == "progress":
        return _progress(catalog, core_only=args.pace == "5h")
    if args.command == "review":
        return _review(catalog, args.base, args.head, args.results)
    if args.command == "list":
        return _list(catalog, args.unit)
    return _dev(catalog, args)


def _state_dir(catalog: Catalog) -> Path:
    return state_dir(catalog.root)


EXIT_INTERRUPTED = 130


def _check(
    catalog: Catalog,
    unit_name: str,
    exercise_name: str | None,
    output: str,
    timeout: float | None,
    verbose: bool = False,
) -> int:
    unit = catalog.unit(unit_name)
    if not unit.exercises:
        print(_no_exercises_yet(unit, catalog))
        return EXIT_OK
    exercise = unit.exercise(exercise_name) if exercise_name else None
    verdict = grade(catalog, unit, exercise, RunOptions(timeout=timeout, fork=fork_checks()))
    if output == "json":
        print(to_json(verdict.result), end="")
    elif output == "markdown":
        print(render_markdown(verdict.result, unit), end="")
    else:
        style = Style.for_stream(sys.stdout)
        shown = render_terminal(verdict.result, unit, style, only=verdict.shown, verbose=verbose)
        print(shown, end="")
    if verdict.interrupted:
        print(
            f"\nStopped (Ctrl-C): {len(verdict.chosen)} exercise(s) were graded and saved; the "
            f"rest were not checked. Run  {command('check', unit.name)}  again for them.",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    return EXIT_OK if verdict.all_passed else EXIT_NOT_PASSING


def _no_exercises_yet(unit: Unit, catalog: Catalog) -> str:
    lesson = (unit.directory / "README.md").relative_to(catalog.root).as_posix()
    lines = [
        f"{unit.name} · {unit.title} has no graded exercises yet.",
        f"Read the lesson: {lesson}",
    ]
    if unit.syllabus and unit.syllabus.planned:
        lines.append("Planned exercises:")
        lines += [f"  - {p.slug}: {p.title} (day {p.day})" for p in unit.syllabus.planned]
    return "\n".join(lines)


def _hint(catalog: Catalog, exercise_name: str, *, show_all: bool) -> int:
    if "/" not in exercise_name and exercise_name in {u.name for u in catalog.units}:
        unit = catalog.unit(exercise_name)
        slugs = ", ".join(e.slug for e in unit.exercises) or "none yet"
        first = unit.exercises[0].slug.split("_")[0] if unit.exercises else "ex01"
        raise UnknownName(
            f"name one exercise of {unit.name}, e.g. {command('hint', f'{unit.name}/{first}')} "
            f"({unit.name} has: {slugs})"
        )
    exercise = catalog.exercise(exercise_name)
    print("\n".join(hint_lines(catalog, exercise, show_all=show_all)))
    return EXIT_OK


def _watch(catalog: Catalog, unit_name: str | None, exercise_name: str | None) -> int:
    if unit_name is None:
        progress = load_progress_safely(_state_dir(catalog), catalog)
        upcoming = _next_exercise(catalog, progress)
        unit_name = upcoming.unit if upcoming else "week01"
    unit = catalog.unit(unit_name)
    if not unit.exercises:
        print(_no_exercises_yet(unit, catalog))
        return EXIT_OK
    exercise = unit.exercise(exercise_name) if exercise_name else None
    from workbook.watch import run_watch  # watchfiles and the warm-up: only for this command

    return run_watch(catalog, unit, exercise, sys.stdout)


def _reset(catalog: Catalog, exercise_name: str) -> int:
    from workbook.learner_files import FilesError, reset_exercise

    exercise = catalog.exercise(exercise_name)
    try:
        done = reset_exercise(catalog, exercise)
    except FilesError as error:
        print(str(error), file=sys.stderr)
        return EXIT_USAGE
    if not done.restored:
        print(f"{exercise.id} is already its starting file: nothing to reset.")
        return EXIT_OK
    for path in done.restored:
        print(f"Restored the starting file: {path.relative_to(catalog.root).as_posix()}")
    if done.backup is not None:
        print(f"Your version is kept in {done.backup.relative_to(catalog.root).as_posix()}/")
    return EXIT_OK


def _solution(catalog: Catalog, exercise_name: str, *, confirmed: bool) -> int:
    from workbook.learner_files import FilesError, solution_view

    exercise = catalog.exercise(exercise_name)
    progress = load_progress_safely(_state_dir(catalog), catalog)
    entry = progress.exercises.get(exercise.id)
    if not (entry and entry.first_passed_at) and not confirmed:
        question = (
            f"{exercise.id} has not passed yet. Looking at the reference now teaches less than "
            "one more try (see the hints: " + command("hint", exercise.id) + ")."
        )
        if not sys.stdin.isatty():
            print(f"{question}\nTo see it anyway: {command('solution', exercise.id, '--yes')}")
            return EXIT_NOT_PASSING
        if input(f"{question}\nShow it anyway? [y/N] ").strip().lower() not in ("y", "yes"):
            return EXIT_NOT_PASSING
    width = shutil.get_terminal_size((120, 24)).columns
    try:
        print(solution_view(catalog, exercise, width))
    except FilesError as error:
        print(str(error), file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _review(catalog: Catalog, base: str, head: str, results: Path | None) -> int:
    from workbook.review import ReviewError, render_review, review

    try:
        found = review(catalog.root, base, head)
    except ReviewError as error:
        print(f"Cannot review: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(render_review(found), end="")
    if results is not None:
        results.mkdir(parents=True, exist_ok=True)
        for unit, document in found.results.items():
            (results / f"{unit}.json").write_text(json.dumps(document, indent=2) + "\n")
    return EXIT_OK if found.passed or not found.units else EXIT_NOT_PASSING


def _next_exercise(catalog: Catalog, progress: Progress) -> Exercise | None:
    """The first exercise, in roadmap order, whose last verdict was not a pass."""
    for unit in catalog.units:
        for exercise in unit.exercises:
            entry = progress.exercises.get(exercise.id)
            if entry is None or entry.last_status != "passed":
                return exercise
    return None


def _next_lines(catalog: Catalog, exercise: Exercise | None) -> list[str]:
    if exercise is None:
        return [f"Every exercise passes. Well done! Polish TaskHub and see: {command('progress')}"]
    unit_dir = catalog.unit(exercise.unit).directory.relative_to(catalog.root)
    file = exercise.file_paths(Path(), unit_dir)[0].as_posix()
    slug = exercise.slug.split("_")[0]
    return [
        f"Next: {exercise.id} · {exercise.title} (day {exercise.day}, about "
        f"{exercise.minutes} min)",
        f"  edit {file}, then grade it:  {command('check', exercise.unit, slug)}"
        f"   (or, saving and grading as you go: {command('watch', exercise.unit, slug)})",
    ]


def _next(catalog: Catalog) -> int:
    progress = load_progress_safely(_state_dir(catalog), catalog)
    print("\n".join(_next_lines(catalog, _next_exercise(catalog, progress))))
    return EXIT_OK


def _welcome(catalog: Catalog) -> int:
    progress = load_progress_safely(_state_dir(catalog), catalog)
    exercises = catalog.all_exercises()
    passed = sum(
        1
        for e in exercises
        if (entry := progress.exercises.get(e.id)) is not None and entry.last_status == "passed"
    )
    upcoming = _next_exercise(catalog, progress)
    lines = [
        f"Python Backend Workbook {__version__} · {passed} of {len(exercises)} exercises passed",
    ]
    if upcoming is not None:
        unit = catalog.unit(upcoming.unit)
        lines.append(f"You are in {unit.name} · {unit.title}.")
    lines += _next_lines(catalog, upcoming)
    lines += [
        "",
        f"Commands: {command('check', '<week>', '[exercise]')} · {command('watch')} · "
        f"{command('hint', '<week>/<exercise>')} · {command('next')} · {command('progress')} · "
        f"{command('list')} · {command('--help')}",
    ]
    print("\n".join(lines))
    return EXIT_OK


def _progress(catalog: Catalog, *, core_only: bool = False) -> int:
    state = _state_dir(catalog)
    progress = load_progress(state, catalog.unit_names)
    if progress.warning:
        print(f"warning: {progress.warning}", file=sys.stderr)
    style = Style.for_stream(sys.stdout)
    print(render_progress(catalog, progress, style, core_only=core_only), end="")
    return EXIT_OK


def _list(catalog: Catalog, unit_name: str | None) -> int:
    if unit_name is None:
        for unit in catalog.units:
            count = f"{len(unit.exercises)} exercises" if unit.exercises else "lesson only"
            print(f"{unit.name:<8} {unit.title}  ({count})")
        return EXIT_OK
    unit = catalog.unit(unit_name)
    if not unit.exercises:
        print(_no_exercises_yet(unit, catalog))
    for exercise in unit.exercises:
        print(
            f"{exercise.slug:<28} {exercise.points:>3} pts  {exercise.difficulty:<6} "
            f"{exercise.minutes:>3} min  day {exercise.day:<3} {exercise.title}"
        )
    return EXIT_OK


def _dev(catalog: Catalog, args: argparse.Namespace) -> int:
    if args.dev_command == "sync":
        skeletons = {tree.name for tree in SKELETONS}
        names = [name if name in skeletons else catalog.unit(name).name for name in args.units]
        if args.check:
            stale = drifted(catalog, names)
            orphans = orphaned(catalog, names)
            for path in stale:
                print(f"drifted: {path.relative_to(catalog.root).as_posix()}")
            for path in orphans:
                print(f"orphaned: {path.relative_to(catalog.root).as_posix()} (no solution file)")
            print("stubs are up to date" if not stale + orphans else "run: workbook dev sync")
            return EXIT_NOT_PASSING if stale + orphans else EXIT_OK
        changed = sync(catalog, names)
        for path in changed:
            verb = "wrote" if path.exists() else "removed"
            print(f"{verb} {path.relative_to(catalog.root).as_posix()}")
        print(f"{len(changed)} stub(s) regenerated or removed")
        return EXIT_OK
    if args.dev_command == "manifest":
        if args.check:
            current = manifest_is_current(catalog)
            print("manifest is current" if current else "manifest is stale: workbook dev manifest")
            return EXIT_OK if current else EXIT_NOT_PASSING
        print(f"wrote {write_manifest(catalog).relative_to(catalog.root)}")
        return EXIT_OK
    if args.dev_command == "mutate":
        return _mutate(catalog, args)
    units = [catalog.unit(name) for name in args.units] if args.units else list(catalog.units)
    from workbook.devcheck import dev_check, render_dev_check

    report = dev_check(catalog, units)
    print(render_dev_check(report), end="")
    return EXIT_OK if report.ok else EXIT_NOT_PASSING


def _mutate(catalog: Catalog, args: argparse.Namespace) -> int:
    from workbook.mutation import MutateOptions, mutate, render_score, render_summary
    from workbook.warm import can_fork

    if not can_fork():
        print(
            "workbook dev mutate needs a platform that can fork (Linux or macOS; on Windows "
            "use WSL).",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.exercise and not args.unit:
        raise UnknownName("name the unit before the exercise, e.g. workbook dev mutate week01 ex03")
    units = [catalog.unit(args.unit)] if args.unit else list(catalog.units)
    options = MutateOptions(sample=args.sample, seed=args.seed, workers=max(1, args.workers))
    scores = []
    for score in mutate(catalog, units, args.exercise, options):
        print(render_score(score, sampled=args.sample is not None), end="", flush=True)
        scores.append(score)
    print(render_summary(scores), end="")
    return EXIT_OK if all(score.ok for score in scores) else EXIT_NOT_PASSING


if __name__ == "__main__":
    raise SystemExit(main())
