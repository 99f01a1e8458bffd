"""``workbook review``: the mentor's verdict on a branch, graded by the course's own engine.

A pull request may change anything. Only the learner's exercise files (the ``files`` of each
exercise in the metadata) take part in the verdict: they are copied from the branch onto a
pristine checkout of the base commit, and that checkout's own engine and checkers grade every
unit the branch touched. Every other file the branch changed is listed, not used.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from workbook.catalog import Catalog, Exercise, load_catalog


class ReviewError(Exception):
    """The branch cannot be reviewed (not a git repository, an unknown base...)."""


@dataclass
class Review:
    """What ``workbook review`` found and graded."""

    base: str
    head: str
    units: dict[str, list[Exercise]] = field(default_factory=dict)  # touched units, in order
    other_files: list[str] = field(default_factory=list)  # changed, not exercise files
    reports: dict[str, str] = field(default_factory=dict)  # unit -> Markdown report
    results: dict[str, dict[str, object]] = field(default_factory=dict)  # unit -> results JSON
    exit_codes: dict[str, int] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return bool(self.exit_codes) and all(code == 0 for code in self.exit_codes.values())


def _git(root: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *arguments], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise ReviewError(f"git {' '.join(arguments)} failed: {done.stderr.strip()}")
    return done.stdout


def learner_files(catalog: Catalog) -> dict[str, Exercise]:
    """Every learner file (relative to the repository) and the exercise it belongs to."""
    owned: dict[str, Exercise] = {}
    for unit in catalog.units:
        unit_dir = unit.directory.relative_to(catalog.root)
        for exercise in unit.exercises:
            for path in exercise.file_paths(catalog.root, unit_dir):
                owned[path.relative_to(catalog.root).as_posix()] = exercise
    return owned


def review(root: Path, base: str, head: str = "HEAD") -> Review:
    """Grade what ``head`` changed in exercise files since it left ``base``."""
    if shutil.which("git") is None:
        raise ReviewError("git is not installed")
    merge_base = _git(root, "merge-base", base, head).strip()
    changed = _git(root, "diff", "--name-only", f"{merge_base}..{head}").splitlines()
    with tempfile.TemporaryDirectory(prefix="workbook-review-") as scratch:
        pristine = Path(scratch) / "base"
        _git(root, "worktree", "add", "--detach", "--quiet", str(pristine), merge_base)
        try:
            return _grade(root, pristine, merge_base, head, changed)
        finally:
            _git(root, "worktree", "remove", "--force", str(pristine))


def _grade(root: Path, pristine: Path, base: str, head: str, changed: list[str]) -> Review:
    catalog = load_catalog(pristine)
    owned = learner_files(catalog)
    result = Review(base=base, head=_git(root, "rev-parse", head).strip())
    touched: dict[str, Exercise] = {}
    for name in changed:
        exercise = owned.get(name)
        if exercise is None:
            result.other_files.append(name)
        else:
            touched[exercise.id] = exercise
    for unit in catalog.units:
        chosen = [e for e in unit.exercises if e.id in touched]
        if chosen:
            result.units[unit.name] = chosen
    for exercise in touched.values():  # every file of the exercise, as the branch has it
        unit_dir = catalog.unit(exercise.unit).directory.relative_to(catalog.root)
        for path in exercise.file_paths(pristine, unit_dir):
            relative = path.relative_to(pristine).as_posix()
            content = _show(root, head, relative)
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
    for unit_name in result.units:
        _check(pristine, unit_name, result)
    return result


def _show(root: Path, head: str, relative: str) -> bytes | None:
    done = subprocess.run(
        ["git", "-C", str(root), "show", f"{head}:{relative}"], capture_output=True, check=False
    )
    return done.stdout if done.returncode == 0 else None


def _check(pristine: Path, unit: str, result: Review) -> None:
    """Grade one unit with the base commit's own engine (its folder first on the path)."""
    env = {**os.environ, "PYTHONPATH": str(pristine)}
    command = [sys.executable, "-m", "workbook", "--root", str(pristine), "check", unit]
    done = subprocess.run(
        [*command, "--format", "markdown"],
        cwd=pristine,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    result.reports[unit] = done.stdout or done.stderr
    result.exit_codes[unit] = done.returncode
    results_file = pristine / ".workbook" / "results" / f"{unit}.json"
    if results_file.is_file():
        result.results[unit] = json.loads(results_file.read_text(encoding="utf-8"))


def render_review(result: Review) -> str:
    """The Markdown a mentor reads on the pull request."""
    lines = [
        "## Workbook review",
        "",
        f"Graded with the course's own engine and checkers at `{result.base[:12]}`; only the "
        f"exercise files of `{result.head[:12]}` take part.",
        "",
    ]
    if not result.units:
        lines += ["This branch changes no exercise file, so there is nothing to grade.", ""]
    for unit in result.units:
        lines += [result.reports.get(unit, "").rstrip(), ""]
    if result.other_files:
        lines += ["<details><summary>Other files this branch changes (not graded)</summary>", ""]
        lines += [f"- `{name}`" for name in result.other_files]
        lines += ["", "</details>", ""]
    return "\n".join(lines)
