"""Generate the learner's starting files from the reference solutions.

``solutions/`` mirrors the learner tree and is the single source of truth. In a solution, the
code the learner must write sits between marker comments::

    def parse_duration(text: str) -> int:
        # BEGIN SOLUTION: split the text into number-unit pairs and add up the seconds
        ...
        # END SOLUTION

In the stub, the region becomes ``# TODO: <text>`` and ``raise NotImplementedError``. Lines in
the region that start with ``# STUB:`` replace that default, for regions where the starting
file needs something else (a class outline, a placeholder constant).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from workbook.catalog import Catalog

_BEGIN = re.compile(r"^(?P<indent>[ \t]*)# BEGIN SOLUTION(?::\s*(?P<todo>.*?))?\s*$")
_END = re.compile(r"^[ \t]*# END SOLUTION\s*$")
_STUB = re.compile(r"^[ \t]*# STUB:(?: (?P<code>.*))?$")
_MARKER_WORDS = ("BEGIN SOLUTION", "END SOLUTION")


@dataclass(frozen=True)
class SkeletonTree:
    """A folder generated whole from its solution folder, such as the capstone skeleton.

    Every file under ``solution`` is copied to ``learner`` with its regions stubbed, except
    the paths that match ``excluded`` (unless they also match ``kept``): the reference's own
    tests, its benchmark, and the deliverables the learner writes (README, Dockerfile, compose).
    """

    name: str
    solution: str
    learner: str
    excluded: tuple[str, ...]
    kept: tuple[str, ...] = ()

    def includes(self, relative: Path) -> bool:
        text = relative.as_posix()
        if any(fnmatch.fnmatch(text, pattern) for pattern in self.kept):
            return True
        parts = set(relative.parts)
        return not any(
            fnmatch.fnmatch(text, pattern) or pattern in parts for pattern in self.excluded
        )


CAPSTONE = SkeletonTree(
    name="capstone",
    solution="solutions/capstone",
    learner="capstone",
    excluded=(
        ".venv",
        ".nox",
        "__pycache__",
        ".pytest_cache",
        ".hypothesis",
        ".mypy_cache",
        ".ruff_cache",
        "htmlcov",
        "bench",
        "*.db",
        "*.sqlite3",
        ".coverage",
        "*.pyc",
        "README.md",
        "Dockerfile",
        "docker-compose.yml",
        "docker-compose.yaml",
        "compose.yml",
        "compose.yaml",
        ".dockerignore",
        ".github",
        "tests/*",
        "scripts/bench-*",
    ),
    kept=("tests/__init__.py", "tests/conftest.py", "tests/helpers.py"),
)
SKELETONS = (CAPSTONE,)


class StubError(Exception):
    """A solution file whose markers are malformed; the message names the file and line."""


@dataclass(frozen=True)
class StubTarget:
    """One learner file and the solution it is generated from."""

    solution: Path
    learner: Path


def make_stub(text: str, source_name: str) -> str:
    """Replace every solution region in ``text`` with its stub."""
    output: list[str] = []
    region: list[str] | None = None
    stub_lines: list[str] = []
    indent = ""
    todo: str | None = None
    begin_line = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        begin, end = _BEGIN.match(line), _END.match(line)
        if begin:
            if region is not None:
                raise StubError(
                    f"{source_name}:{number}: BEGIN SOLUTION inside another region "
                    f"(opened on line {begin_line})"
                )
            region, stub_lines, begin_line = [], [], number
            indent, todo = begin.group("indent"), begin.group("todo")
        elif end:
            if region is None:
                raise StubError(f"{source_name}:{number}: END SOLUTION without BEGIN SOLUTION")
            output.extend(_replacement(indent, todo, stub_lines))
            region = None
        elif region is not None:
            stub = _STUB.match(line)
            if stub:
                stub_lines.append(stub.group("code") or "")
            region.append(line)
        else:
            if any(word in line for word in _MARKER_WORDS) and line.lstrip().startswith("#"):
                raise StubError(
                    f"{source_name}:{number}: malformed marker {line.strip()!r}; "
                    "write '# BEGIN SOLUTION: what to do' or '# END SOLUTION'"
                )
            output.append(line)
    if region is not None:
        raise StubError(f"{source_name}:{begin_line}: BEGIN SOLUTION is never closed")
    return "".join(output)


def solution_regions(text: str, source_name: str) -> list[tuple[int, int]]:
    """The (BEGIN line, END line) pairs of every solution region, 1-based."""
    make_stub(text, source_name)  # raises StubError on malformed markers
    regions: list[tuple[int, int]] = []
    begin = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if _BEGIN.match(line):
            begin = number
        elif _END.match(line):
            regions.append((begin, number))
    return regions


def _replacement(indent: str, todo: str | None, stub_lines: list[str]) -> list[str]:
    if stub_lines:
        return [f"{indent}{code}".rstrip() + "\n" for code in stub_lines]
    lines = [f"{indent}# TODO: {todo}\n"] if todo else []
    return [*lines, f"{indent}raise NotImplementedError\n"]


def stub_targets(catalog: Catalog, units: Collection[str] = ()) -> list[StubTarget]:
    """Every learner file of every exercise (of ``units`` when given), paired with its solution."""
    root = catalog.root
    targets: dict[Path, StubTarget] = {}
    for exercise in catalog.all_exercises():
        if units and exercise.unit not in units:
            continue
        unit_dir = catalog.unit(exercise.unit).directory.relative_to(root)
        solutions = exercise.file_paths(root / "solutions", unit_dir)
        learners = exercise.file_paths(root, unit_dir)
        for solution, learner in zip(solutions, learners, strict=True):
            targets[learner] = StubTarget(solution, learner)
    for tree in SKELETONS:
        if not units or tree.name in units:
            for target in skeleton_targets(root, tree):
                targets[target.learner] = target
    return list(targets.values())


def skeleton_targets(root: Path, tree: SkeletonTree) -> list[StubTarget]:
    """Every file of a skeleton tree, paired with the file it is generated from."""
    source = root / tree.solution
    if not source.is_dir():
        return []
    targets = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if path.is_file() and tree.includes(relative):
            targets.append(StubTarget(path, root / tree.learner / relative))
    return targets


def orphaned(catalog: Catalog, units: Collection[str] = ()) -> list[Path]:
    """Skeleton files that no solution generates any more: their solution was removed."""
    root = catalog.root
    orphans = []
    for tree in SKELETONS:
        learner, source = root / tree.learner, root / tree.solution
        if (units and tree.name not in units) or not learner.is_dir():
            continue
        for path in sorted(learner.rglob("*")):
            relative = path.relative_to(learner)
            if path.is_file() and tree.includes(relative) and not (source / relative).is_file():
                orphans.append(path)
    return orphans


def render(target: StubTarget, root: Path) -> str:
    shown = target.solution.relative_to(root).as_posix()
    if not target.solution.is_file():
        raise StubError(f"{shown} is missing: every learner file needs its solution")
    text = target.solution.read_text(encoding="utf-8")
    return make_stub(text, shown) if target.solution.suffix == ".py" else text


def drifted(catalog: Catalog, units: Collection[str] = ()) -> list[Path]:
    """Learner files that differ from what their solution generates."""
    stale = []
    for target in stub_targets(catalog, units):
        expected = render(target, catalog.root)
        current = target.learner.read_text(encoding="utf-8") if target.learner.is_file() else None
        if current != expected:
            stale.append(target.learner)
    return stale


def sync(catalog: Catalog, units: Collection[str] = ()) -> list[Path]:
    """Rewrite every learner file (of ``units``) from its solution and delete orphaned
    skeleton files; return the paths written or deleted."""
    changed = []
    for target in stub_targets(catalog, units):
        expected = render(target, catalog.root)
        if not target.learner.is_file() or target.learner.read_text(encoding="utf-8") != expected:
            target.learner.parent.mkdir(parents=True, exist_ok=True)
            target.learner.write_text(expected, encoding="utf-8")
            changed.append(target.learner)
    for orphan in orphaned(catalog, units):
        orphan.unlink()
        changed.append(orphan)
    return changed


def write_pristine_tree(catalog: Catalog, destination: Path) -> None:
    """Write freshly generated stubs under ``destination``, mirroring the learner tree."""
    for target in stub_targets(catalog):
        path = destination / target.learner.relative_to(catalog.root)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(target, catalog.root), encoding="utf-8")
