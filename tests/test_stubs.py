"""Stubs are generated from the solutions' marked regions, and drift is detected."""

from __future__ import annotations

import pytest

from tests.conftest import MiniWorkbook
from workbook.catalog import load_catalog
from workbook.stubs import StubError, drifted, make_stub, orphaned, sync

SOLUTION = '''def area(width: int, height: int) -> int:
    """Return the area."""
    # BEGIN SOLUTION: multiply the sides
    result = width * height
    return result
    # END SOLUTION
'''


def test_a_region_becomes_a_todo_and_not_implemented() -> None:
    assert make_stub(SOLUTION, "area.py") == (
        "def area(width: int, height: int) -> int:\n"
        '    """Return the area."""\n'
        "    # TODO: multiply the sides\n"
        "    raise NotImplementedError\n"
    )


def test_stub_lines_replace_the_default() -> None:
    text = (
        "# BEGIN SOLUTION: annotate, then implement\n"
        "def double(value: int) -> int:\n"
        "    return 2 * value\n"
        "# STUB: def double(value):\n"
        "# STUB:     raise NotImplementedError\n"
        "# END SOLUTION\n"
    )
    assert make_stub(text, "double.py") == "def double(value):\n    raise NotImplementedError\n"


def test_generating_twice_gives_the_same_stub() -> None:
    once = make_stub(SOLUTION, "area.py")
    assert make_stub(once, "area.py") == once


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# BEGIN SOLUTION\nx = 1\n", "area.py:1: BEGIN SOLUTION is never closed"),
        ("x = 1\n# END SOLUTION\n", "area.py:2: END SOLUTION without BEGIN SOLUTION"),
        (
            "# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION\n",
            "area.py:2: BEGIN SOLUTION inside another region (opened on line 1)",
        ),
        ("# BEGIN SOLUTION - typo\n", "area.py:1: malformed marker '# BEGIN SOLUTION - typo'"),
    ],
)
def test_malformed_markers_name_the_file_and_line(text: str, message: str) -> None:
    with pytest.raises(StubError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        make_stub(text, "area.py")


def test_sync_restores_a_drifted_stub(mini: MiniWorkbook) -> None:
    catalog = load_catalog(mini.root)
    assert drifted(catalog) == []
    mini.use_solution("ex01_greet")
    assert drifted(catalog) == [mini.learner_file("ex01_greet")]
    assert sync(catalog) == [mini.learner_file("ex01_greet")]
    assert drifted(catalog) == []


def test_sync_check_fails_on_drift(mini: MiniWorkbook) -> None:
    mini.use_solution("ex02_total")
    run = mini.run("dev", "sync", "--check")
    assert run.exit_code == 1
    assert "drifted: weeks/week01/exercises/ex02_total.py" in run.out


def test_sync_removes_a_skeleton_file_whose_solution_is_gone(mini: MiniWorkbook) -> None:
    kept = mini.root / "solutions" / "capstone" / "src" / "app.py"
    kept.parent.mkdir(parents=True)
    kept.write_text("x = 1\n", encoding="utf-8")
    catalog = load_catalog(mini.root)
    sync(catalog)
    orphan = mini.root / "capstone" / "src" / "gone.py"
    orphan.write_text("y = 2\n", encoding="utf-8")
    learners_own = mini.root / "capstone" / "README.md"  # excluded from the skeleton: kept
    learners_own.write_text("My TaskHub\n", encoding="utf-8")
    assert orphaned(catalog) == [orphan]

    check = mini.run("dev", "sync", "--check")
    assert check.exit_code == 1
    assert "orphaned: capstone/src/gone.py (no solution file)" in check.out

    assert "removed capstone/src/gone.py" in mini.run("dev", "sync").out
    assert not orphan.exists()
    assert (mini.root / "capstone" / "src" / "app.py").read_text(encoding="utf-8") == "x = 1\n"
    assert learners_own.is_file()
    assert mini.run("dev", "sync", "--check").exit_code == 0
