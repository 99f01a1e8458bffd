"""The learner's commands: exit codes, reports, hints, progress and tamper warnings."""

from __future__ import annotations

import json

import pytest

from tests.conftest import MiniWorkbook


def test_untouched_stubs_are_all_not_started_and_exit_non_zero(mini: MiniWorkbook) -> None:
    run = mini.run("check", "week01")
    assert run.exit_code == 1
    assert [e["status"] for e in mini.results()["exercises"]] == ["not_started", "not_started"]
    assert "○ not started" in run.out or ". not started" in run.out
    assert "hint:     Use an f-string.  (more: workbook hint week01/ex01_greet)" in run.out
    assert "Score 0/16" in run.out
    assert "0 of 2 exercises passed" in run.out


def test_solutions_in_place_exit_zero_with_full_marks(mini: MiniWorkbook) -> None:
    mini.use_solution("ex01_greet")
    mini.use_solution("ex02_total")
    run = mini.run("check", "week01")
    assert run.exit_code == 0
    assert "Score 16/16" in run.out
    assert "All of week01 passes." in run.out


def test_a_failure_shows_expected_actual_help_and_hint(mini: MiniWorkbook) -> None:
    mini.use_broken("wrong_type")
    run = mini.run("check", "week01", "ex01")
    assert (
        "called greet('Ada'), got a list ['Hello', 'Ada'], expected a str 'Hello, Ada!'" in run.out
    )
    assert "expected: 'Hello, Ada!'" in run.out
    assert "actual:   ['Hello', 'Ada']" in run.out
    assert "help:     Put the name between 'Hello, ' and '!'." in run.out


def test_markdown_report_for_a_pull_request(mini: MiniWorkbook) -> None:
    mini.use_solution("ex02_total")
    run = mini.run("check", "week01", "--format", "markdown")
    assert run.out.splitlines()[0] == "### week01 · A miniature week: 6/16 points"
    assert "| ⚪ | `ex01_greet` Greet a user | 0/10 | not started |  |" in run.out
    assert "| ✅ | `ex02_total` Total an order | 6/6 | passed |  |" in run.out


def test_json_format_prints_the_results_file(mini: MiniWorkbook) -> None:
    run = mini.run("check", "week01", "--format", "json")
    assert json.loads(run.out) == mini.results()


def test_a_week_without_exercises_says_so_and_succeeds(mini: MiniWorkbook) -> None:
    run = mini.run("check", "week02")
    assert run.exit_code == 0
    assert run.out.splitlines() == [
        "week02 · A week with a lesson only has no graded exercises yet.",
        "Read the lesson: weeks/week02/README.md",
        "Planned exercises:",
        "  - ex01_bank_account: A bank account with rules (day 9)",
    ]


def test_an_unknown_unit_is_a_usage_error_with_a_suggestion(mini: MiniWorkbook) -> None:
    run = mini.run("check", "wek01")
    assert run.exit_code == 2
    assert run.err.strip() == (
        "no unit called 'wek01'. Did you mean 'week01'? Available: week01, week02."
    )


def test_hints_are_revealed_one_at_a_time(mini: MiniWorkbook) -> None:
    first = mini.run("hint", "week01/ex01")
    assert first.out.splitlines() == [
        "week01/ex01_greet · Greet a user",
        "  hint 1/2: Use an f-string.",
        "  (run the same command again for hint 2)",
    ]
    second = mini.run("hint", "week01/ex01")
    assert "  hint 2/2: The greeting ends with an exclamation mark." in second.out.splitlines()
    assert second.out.splitlines()[-1] == (
        "  No more hints: see the reference with  workbook solution week01/ex01_greet  "
        "(after an honest try)"
    )
    progress = json.loads((mini.root / ".workbook" / "progress.json").read_text())
    assert progress["exercises"]["week01/ex01_greet"]["hints_shown"] == 2


def test_a_hint_for_a_whole_week_asks_for_one_exercise(mini: MiniWorkbook) -> None:
    run = mini.run("hint", "week01")
    assert run.exit_code == 2
    assert run.err.strip() == (
        "name one exercise of week01, e.g. workbook hint week01/ex01 "
        "(week01 has: ex01_greet, ex02_total)"
    )


def test_bare_workbook_welcomes_and_points_at_the_next_exercise(mini: MiniWorkbook) -> None:
    mini.use_solution("ex01_greet")
    mini.run("check", "week01")
    run = mini.run()
    assert run.exit_code == 0
    lines = run.out.splitlines()
    assert lines[0].endswith("· 1 of 2 exercises passed")
    assert lines[1] == "You are in week01 · A miniature week."
    assert lines[2] == "Next: week01/ex02_total · Total an order (day 2, about 15 min)"
    assert lines[3] == (
        "  edit weeks/week01/exercises/ex02_total.py, then grade it:  workbook check week01 ex02"
        "   (or, saving and grading as you go: workbook watch week01 ex02)"
    )
    assert mini.run("next").out.splitlines() == lines[2:4]


def test_progress_counts_attempts_and_first_pass(mini: MiniWorkbook) -> None:
    mini.run("check", "week01")
    mini.use_solution("ex02_total")
    mini.run("check", "week01")
    mini.run("check", "week01", "ex02")
    entry = json.loads((mini.root / ".workbook" / "progress.json").read_text())["exercises"]
    assert entry["week01/ex02_total"]["attempts"] == 3
    assert entry["week01/ex02_total"]["best_points"] == 6
    assert entry["week01/ex02_total"]["first_passed_at"] is not None
    assert entry["week01/ex01_greet"]["attempts"] == 2
    assert entry["week01/ex01_greet"]["first_passed_at"] is None
    run = mini.run("progress")
    assert run.exit_code == 0
    assert " 1/2  ex.  A miniature week (6/16 pts)" in run.out
    assert "week02" in run.out and "lesson only, 1 exercises planned" in run.out


def test_a_corrupt_progress_file_is_restored_from_its_copy(mini: MiniWorkbook) -> None:
    mini.use_solution("ex02_total")
    mini.run("check", "week01")
    mini.run("check", "week01")
    state = mini.root / ".workbook"
    before = json.loads((state / "progress.json").read_text())["exercises"]
    (state / "progress.json").write_text("{ this is not json", encoding="utf-8")
    run = mini.run("progress")
    assert run.exit_code == 0
    assert run.err.startswith("warning: ")
    assert "could not be read" in run.err and "restored from progress.json.bak" in run.err
    backups = list(state.glob("progress.json.corrupt-*"))
    assert [b.read_text() for b in backups] == ["{ this is not json"], "nothing is lost"
    restored = json.loads((state / "progress.json").read_text())["exercises"]
    assert restored == before, "first-pass times and attempt counts survive"
    assert restored["week01/ex02_total"]["attempts"] == 2
    assert "(6/16 pts)" in run.out


def test_without_a_copy_progress_is_rebuilt_from_the_results(mini: MiniWorkbook) -> None:
    mini.use_solution("ex02_total")
    mini.run("check", "week01")
    state = mini.root / ".workbook"
    (state / "progress.json").write_text("[]", encoding="utf-8")
    (state / "progress.json.bak").unlink()
    run = mini.run("progress")
    assert "could not be read" in run.err and "rebuilt from the latest results" in run.err
    rebuilt = json.loads((state / "progress.json").read_text())["exercises"]
    assert rebuilt["week01/ex02_total"]["first_passed_at"] is not None
    assert rebuilt["week01/ex02_total"]["attempts"] == 1
    assert "(6/16 pts)" in run.out


def test_a_modified_checker_is_reported_to_learner_and_mentor(mini: MiniWorkbook) -> None:
    checker = mini.root / "weeks" / "week01" / "checks" / "test_ex01_greet.py"
    checker.write_text("def test_greets_by_name() -> None:\n    assert True\n", encoding="utf-8")
    run = mini.run("check", "week01")
    assert mini.results()["tampered"] == ["weeks/week01/checks/test_ex01_greet.py"]
    assert "Modified workbook files" in run.out
    assert "    weeks/week01/checks/test_ex01_greet.py" in run.out
    markdown = mini.run("check", "week01", "--format", "markdown")
    assert "> - `weeks/week01/checks/test_ex01_greet.py`" in markdown.out


def test_list_shows_units_and_exercises(mini: MiniWorkbook) -> None:
    assert "week01   A miniature week  (2 exercises)" in mini.run("list").out
    assert "ex01_greet" in mini.run("list", "week01").out


def test_checking_one_exercise_shows_only_that_exercise(mini: MiniWorkbook) -> None:
    mini.run("check", "week01")
    run = mini.run("check", "week01", "ex02")
    assert "ex02_total" in run.out
    assert "ex01_greet" not in run.out


def test_after_one_exercise_passes_next_points_to_the_rest(mini: MiniWorkbook) -> None:
    mini.use_solution("ex02_total")
    run = mini.run("check", "week01", "ex02")
    assert run.exit_code == 0
    assert "Next: edit ex01_greet, then run  workbook check week01 ex01" in run.out


def _require_greet_before_total(mini: MiniWorkbook) -> None:
    metadata = mini.root / "weeks" / "week01" / "week.toml"
    text = metadata.read_text(encoding="utf-8")
    metadata.write_text(
        text.replace(
            'hints = ["sum() takes any iterable."]',
            'hints = ["sum() takes any iterable."]\nrequires = ["ex01_greet"]',
        ),
        encoding="utf-8",
    )


def test_printed_commands_work_where_the_learner_is(
    mini: MiniWorkbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKBOOK_COMMAND")
    monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    assert "grade it:  ./wb check week01 ex01" in mini.run("next").out
    monkeypatch.setenv("VIRTUAL_ENV", str(mini.root / ".venv"))
    assert "grade it:  workbook check week01 ex01" in mini.run("next").out


def test_an_exercise_waits_for_the_one_it_requires(mini: MiniWorkbook) -> None:
    _require_greet_before_total(mini)
    mini.use_solution("ex02_total")
    run = mini.run("check", "week01", "ex02")
    assert run.exit_code == 1
    # Grading one exercise grades what it requires too, and says which to finish first.
    assert mini.exercise("week01/ex01_greet")["status"] == "not_started"
    total = mini.exercise("week01/ex02_total")
    assert (total["status"], total["points"]) == ("not_started", 0)
    assert total["message"] == "waiting for ex01_greet: finish ex01 first"
    assert "finish ex01 first" in run.out
    mini.use_solution("ex01_greet")
    assert mini.run("check", "week01", "ex02").exit_code == 0
    assert mini.exercise("week01/ex02_total")["status"] == "passed"


def test_requires_must_name_an_earlier_exercise(mini: MiniWorkbook) -> None:
    metadata = mini.root / "weeks" / "week01" / "week.toml"
    text = metadata.read_text(encoding="utf-8")
    metadata.write_text(
        text.replace(
            'hints = ["Use an f-string.", "The greeting ends with an exclamation mark."]',
            'hints = ["Use an f-string."]\nrequires = ["ex02_total"]',
        ),
        encoding="utf-8",
    )
    run = mini.run("check", "week01")
    assert run.exit_code != 0
    assert (
        "weeks/week01/week.toml: exercise #1 ('ex01_greet'): field 'requires' names 'ex02_total', "
        "which is not an earlier exercise of this unit"
    ) in run.err
