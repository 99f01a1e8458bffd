"""The learner's skeleton is generated from the solution regions; keep them well formed.

Each ``# BEGIN SOLUTION: <todo>`` is closed by ``# END SOLUTION`` at the same indentation,
inside a function body of a service, repository or router, never nested; core
infrastructure, models and schemas have none, so a generated skeleton still starts.
"""

from __future__ import annotations

import ast
from pathlib import Path

import taskhub

PACKAGE = Path(taskhub.__file__).parent
ROOMS = {"service.py", "repository.py", "router.py"}


def _regions(path: Path) -> list[tuple[int, int, str]]:
    regions: list[tuple[int, int, str]] = []
    start: tuple[int, str] | None = None
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        stripped = line.strip()
        indent = line[: len(line) - len(line.lstrip())]
        if stripped.startswith("# BEGIN SOLUTION"):
            assert start is None, f"{path}:{number}: nested region"
            todo = stripped.removeprefix("# BEGIN SOLUTION: ")
            assert todo != stripped, f"{path}:{number}: write '# BEGIN SOLUTION: <todo>'"
            assert len(todo) > 3, f"{path}:{number}: a region needs a TODO text"
            start = (number, indent)
        elif stripped == "# END SOLUTION":
            assert start is not None, f"{path}:{number}: END without BEGIN"
            assert indent == start[1], f"{path}:{number}: END indented unlike its BEGIN"
            regions.append((start[0], number, indent))
            start = None
    assert start is None, f"{path}: region left open"
    return regions


def test_regions_are_well_formed_and_only_in_business_logic() -> None:
    total = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        regions = _regions(path)
        if not regions:
            continue
        assert path.name in ROOMS, path
        assert path.parent.name != "core", path
        functions = [
            node
            for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, ast.FunctionDef)
        ]
        for begin, end, _indent in regions:
            assert any(
                node.lineno < begin < end and begin <= (node.end_lineno or 0) for node in functions
            ), f"{path}:{begin}: region outside a function body"
        total += len(regions)
    assert total >= 30
