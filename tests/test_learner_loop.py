"""The loop around a verdict: watch, verbose reports, printed output, breakpoint(), debug,
reset, solution, hints tied to checks and the 5 hours a week progress."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MiniWorkbook

PRINTS_AND_FAILS = """
def greet(name: str) -> str:
    print(f"debug: got {name!r}")
    return "Hi"
"""
LEFTOVER_BREAKPOINT = """
def greet(name: str) -> str:
    breakpoint()
    return f"Hello, {name.strip()}!"
"""
WRONG_GREETING = """
def greet(name: str) -> str:
    return f"Hello, {name}!"
"""


def _workbook(mini: MiniWorkbook, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "workbook", "--root", str(mini.root), *arguments]


def test_verbose_lists_every_check_with_its_status(mini: MiniWorkbook) -> None:
    mini.learner_file("ex01_greet").write_text(WRONG_GREETING, encoding="utf-8")
    run = mini.run("check", "week01", "ex01", "--verbose")
    assert "      ✔ greets a user by name" in run.out or "      + greets a user by name" in run.out
    assert "      ✘ removes spaces around the name" in run.out or (
        "      x removes spaces around the name" in run.out
    )


def test_what_the_code_printed_is_shown_with_its_failure(mini: MiniWorkbook) -> None:
    mini.learner_file("ex01_greet").write_text(PRINTS_AND_FAILS, encoding="utf-8")
    run = mini.run("check", "week01", "ex01")
    assert "printed:  (what your code printed during this check)" in run.out
    assert "        | debug: got 'Ada'" in run.out
    test = mini.exercise("week01/ex01_greet")["tests"][0]
    assert test["output"] == "debug: got 'Ada'\n"


def test_a_leftover_breakpoint_has_its_own_message_on_its_line(mini: MiniWorkbook) -> None:
    mini.learner_file("ex01_greet").write_text(LEFTOVER_BREAKPOINT, encoding="utf-8")
    run = mini.run("check", "week01", "ex01")
    test = mini.exercise("week01/ex01_greet")["tests"][0]
    assert test["status"] == "failed"
    assert test["message"] == (
        "your code calls breakpoint() (weeks/week01/exercises/ex01_greet.py, line 3: "
        "breakpoint()), which stops to wait for a debugger"
    )
    assert "workbook debug <week> <exercise>" in test["help"]
    assert "input()" not in run.out


def test_debug_runs_the_checks_in_the_foreground_with_pdb(mini: MiniWorkbook) -> None:
    mini.learner_file("ex01_greet").write_text(LEFTOVER_BREAKPOINT, encoding="utf-8")
    child = subprocess.run(
        _workbook(mini, "debug", "week01", "ex01"),
        input="c\nc\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "(Pdb)" in child.stdout
    assert "2 passed" in child.stdout
    assert child.returncode == 0


def test_reset_restores_the_stub_and_keeps_a_backup(mini: MiniWorkbook) -> None:
    learner = mini.learner_file("ex01_greet")
    stub = learner.read_text(encoding="utf-8")
    learner.write_text(WRONG_GREETING, encoding="utf-8")
    run = mini.run("reset", "week01/ex01")
    assert run.exit_code == 0
    assert learner.read_text(encoding="utf-8") == stub
    backups = list((mini.root / ".workbook" / "backups").rglob("ex01_greet.py"))
    assert [b.read_text(encoding="utf-8") for b in backups] == [WRONG_GREETING]
    assert "Your version is kept in .workbook/backups/" in run.out
    again = mini.run("reset", "week01/ex01")
    assert again.out.strip() == "week01/ex01_greet is already its starting file: nothing to reset."


def test_solution_waits_for_a_pass_unless_asked(mini: MiniWorkbook) -> None:
    refused = mini.run("solution", "week01/ex01")
    assert refused.exit_code == 1
    assert "week01/ex01_greet has not passed yet" in refused.out
    assert "To see it anyway: workbook solution week01/ex01_greet --yes" in refused.out
    forced = mini.run("solution", "week01/ex01", "--yes")
    assert forced.exit_code == 0
    assert "yours: weeks/week01/exercises/ex01_greet.py" in forced.out
    assert "reference: solutions/weeks/week01/exercises/ex01_greet.py" in forced.out
    changed = [line for line in forced.out.splitlines() if " | " in line]
    assert any("# TODO" in line and 'return f"Hello' in line for line in changed)
    assert "BEGIN SOLUTION" not in forced.out
    mini.use_solution("ex01_greet")
    mini.run("check", "week01", "ex01")
    assert mini.run("solution", "week01/ex01").exit_code == 0


def test_a_hint_tied_to_a_check_is_shown_when_that_check_fails(mini: MiniWorkbook) -> None:
    metadata = mini.root / "weeks" / "week01" / "week.toml"
    text = metadata.read_text(encoding="utf-8")
    metadata.write_text(
        text.replace(
            'hints = ["Use an f-string.", "The greeting ends with an exclamation mark."]',
            'hints = ["Use an f-string.", "The greeting ends with an exclamation mark."]\n'
            'check_hints = { test_strips_spaces = "Call .strip() on the name first." }',
        ),
        encoding="utf-8",
    )
    mini.learner_file("ex01_greet").write_text(WRONG_GREETING, encoding="utf-8")
    run = mini.run("check", "week01", "ex01")
    assert "hint:     Call .strip() on the name first." in run.out
    mini.learner_file("ex01_greet").write_text(PRINTS_AND_FAILS, encoding="utf-8")
    assert "hint:     Use an f-string." in mini.run("check", "week01", "ex01").out


def test_progress_on_the_five_hour_path_counts_core_exercises_only(mini: MiniWorkbook) -> None:
    metadata = mini.root / "weeks" / "week01" / "week.toml"
    text = metadata.read_text(encoding="utf-8")
    metadata.write_text(
        text.replace(
            'hints = ["sum() takes any iterable."]',
            'hints = ["sum() takes any iterable."]\ncore = true',
        ),
        encoding="utf-8",
    )
    mini.use_solution("ex02_total")
    mini.run("check", "week01")
    run = mini.run("progress", "--pace", "5h")
    assert run.out.splitlines()[0] == "Your progress on the 5 hours a week path (core exercises)"
    assert "1/1  ex.  A miniature week (6/6 pts, about 0.2 h)" in run.out


def _read_until(child: subprocess.Popen[str], needle: str, seconds: float) -> list[str]:
    """Lines the child prints until one contains ``needle``."""
    assert child.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if needle in line:
            return lines
    raise AssertionError(f"never printed {needle!r}; printed:\n" + "\n".join(lines))


@pytest.mark.slow
@pytest.mark.parametrize("polling", [False, True], ids=["file-events", "polling"])
def test_watch_grades_again_when_a_file_is_saved(mini: MiniWorkbook, polling: bool) -> None:
    environment = {**os.environ, "WORKBOOK_WATCH_POLL": "1" if polling else "0"}
    child = subprocess.Popen(
        _workbook(mini, "watch", "week01", "ex01"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=environment,
    )
    try:
        first = _read_until(child, "Watching week01", 60)
        assert any("not started" in line or ". not started" in line for line in first)
        assert "Save a file to grade it again; Ctrl-C stops." in _read_until(child, "Save", 5)[-1]
        time.sleep(0.3)
        solution = mini.root / "solutions" / "weeks" / "week01" / "exercises" / "ex01_greet.py"
        mini.learner_file("ex01_greet").write_text(solution.read_text(encoding="utf-8"))
        second = _read_until(child, "Watching week01", 30)
        assert any("saved ex01_greet.py" in line for line in second)
        assert any("1 of 2 passed" in line for line in second)
        assert any("Next up: week01/ex02_total" in line for line in second)
    finally:
        child.terminate()
        child.wait(timeout=10)
    assert (Path(mini.root) / ".workbook" / "results" / "week01.json").is_file()
