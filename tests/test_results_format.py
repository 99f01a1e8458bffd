"""The results file round-trips and refuses documents it cannot read."""

from __future__ import annotations

import json

import pytest

from tests.conftest import MiniWorkbook
from workbook.results import RESULTS_VERSION, ResultsError, from_json, to_json


def test_results_round_trip(mini: MiniWorkbook) -> None:
    mini.use_broken("half_done")
    mini.run("check", "week01")
    path = mini.root / ".workbook" / "results" / "week01.json"
    text = path.read_text(encoding="utf-8")
    assert to_json(from_json(text)) == text


def test_results_hold_the_documented_fields(mini: MiniWorkbook) -> None:
    mini.run("check", "week01")
    data = mini.results()
    assert list(data) == [
        "version",
        "unit",
        "title",
        "status",
        "score",
        "max_score",
        "tampered",
        "notices",
        "checked_at",
        "duration_seconds",
        "workbook_version",
        "exercises",
    ]
    assert (data["version"], data["unit"], data["status"]) == (
        RESULTS_VERSION,
        "week01",
        "not_started",
    )
    assert (data["score"], data["max_score"], data["tampered"]) == (0, 16, [])
    exercise = data["exercises"][0]
    assert list(exercise) == [
        "id",
        "title",
        "status",
        "points",
        "max_points",
        "message",
        "help",
        "tests",
    ]
    assert list(exercise["tests"][0]) == [
        "id",
        "name",
        "status",
        "message",
        "expected",
        "actual",
        "help",
        "output",
    ]


@pytest.mark.parametrize(
    ("document", "error"),
    [
        ("{", "not a valid results document"),
        (json.dumps({"version": 99}), "results version 99 is not 1"),
        (json.dumps({"version": 1, "unit": "week01"}), "not a valid results document"),
    ],
)
def test_unreadable_documents_are_refused(document: str, error: str) -> None:
    with pytest.raises(ResultsError, match=error):
        from_json(document)


def test_checking_one_exercise_keeps_the_others_results(mini: MiniWorkbook) -> None:
    mini.use_solution("ex02_total")
    mini.run("check", "week01")
    mini.use_solution("ex01_greet")
    run = mini.run("check", "week01", "ex01")
    assert run.exit_code == 0
    data = mini.results()
    assert [e["status"] for e in data["exercises"]] == ["passed", "passed"]
    assert (data["status"], data["score"]) == ("passed", 16)


def test_the_shown_problem_is_a_failure_before_a_part_not_started() -> None:
    from workbook.results import ExerciseResult, TestResult

    tests = (
        TestResult("a", "first part", "not_started", "still the starting stub"),
        TestResult("b", "second part", "failed", "got 1, expected 2"),
        TestResult("c", "third part", "skipped", "can't check until 'b' passes"),
    )
    result = ExerciseResult("week01/ex01", "Ex", "failed", 0, 10, tests=tests)
    assert result.first_problem == tests[1]
    assert (
        ExerciseResult("week01/ex01", "Ex", "failed", 0, 10, tests=tests[::2]).first_problem
        == (tests[0])
    )
