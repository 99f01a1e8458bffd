"""``workbook review`` on a real repository: a learner's branch graded by the base's checkers."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import MiniWorkbook

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
PASSING_CHECKER = "def test_greets_by_name() -> None:\n    assert True\n"


def git(mini: MiniWorkbook, *arguments: str) -> None:
    identity = ["-c", "user.name=Learner", "-c", "user.email=learner@example.com"]
    subprocess.run(
        ["git", "-C", str(mini.root), *identity, *arguments], check=True, capture_output=True
    )


@pytest.fixture
def branch(mini: MiniWorkbook) -> MiniWorkbook:
    """A repository whose main is the course, and a learner's branch on top of it."""
    git(mini, "init", "-q", "-b", "main")
    git(mini, "add", "-A")
    git(mini, "commit", "-qm", "The course")
    git(mini, "checkout", "-q", "-b", "learner")
    return mini


def test_only_exercise_files_take_part_and_the_base_checkers_grade(branch: MiniWorkbook) -> None:
    branch.use_solution("ex02_total")
    checker = branch.root / "weeks" / "week01" / "checks" / "test_ex01_greet.py"
    checker.write_text(PASSING_CHECKER, encoding="utf-8")  # tampering: must not count
    (branch.root / "notes.md").write_text("my notes\n", encoding="utf-8")
    git(branch, "add", "-A")
    git(branch, "commit", "-qm", "Solve ex02, and loosen a checker")
    results = branch.root.parent / "results"

    run = branch.run("review", "--base", "main", "--results", str(results))

    assert run.exit_code == 1, "only ex02 passes: the week does not"
    assert run.out.startswith("## Workbook review\n")
    assert "| ✅ | `ex02_total` Total an order | 6/6 | passed |  |" in run.out
    assert "| ⚪ | `ex01_greet` Greet a user | 0/10 | not started |  |" in run.out
    assert "- `weeks/week01/checks/test_ex01_greet.py`" in run.out
    assert "- `notes.md`" in run.out
    data = json.loads((results / "week01.json").read_text(encoding="utf-8"))
    assert [(e["id"], e["status"]) for e in data["exercises"]] == [
        ("week01/ex01_greet", "not_started"),
        ("week01/ex02_total", "passed"),
    ]
    assert data["tampered"] == []


def test_a_tampered_checker_does_not_pass_a_wrong_exercise(branch: MiniWorkbook) -> None:
    branch.use_broken("wrong_type")
    checker = branch.root / "weeks" / "week01" / "checks" / "test_ex01_greet.py"
    checker.write_text(PASSING_CHECKER, encoding="utf-8")
    git(branch, "add", "-A")
    git(branch, "commit", "-qm", "Make ex01 pass")
    run = branch.run("review", "--base", "main")
    assert run.exit_code == 1
    assert "| ❌ | `ex01_greet` Greet a user | 0/10 | failed |" in run.out


def test_a_branch_without_exercise_changes_has_nothing_to_grade(branch: MiniWorkbook) -> None:
    (branch.root / "notes.md").write_text("my notes\n", encoding="utf-8")
    git(branch, "add", "-A")
    git(branch, "commit", "-qm", "Notes")
    run = branch.run("review", "--base", "main")
    assert run.exit_code == 0
    assert "This branch changes no exercise file, so there is nothing to grade." in run.out


def test_an_unknown_base_is_a_usage_error(branch: MiniWorkbook) -> None:
    run = branch.run("review", "--base", "no-such-branch")
    assert run.exit_code == 2
    assert run.err.startswith("Cannot review: git merge-base no-such-branch HEAD failed")
