"""dev check proves every test means something, and names the ones that do not."""

from __future__ import annotations

from tests.conftest import MiniWorkbook

CHECKS = "weeks/week01/checks"


def test_the_miniature_workbook_passes_its_self_check(mini: MiniWorkbook) -> None:
    run = mini.run("dev", "check")
    assert run.exit_code == 0, run.out
    assert run.out.splitlines() == [
        "week01: 2 exercises, 4 checks; every check passes on the solution and fails on the "
        "stub: ok",
        "dev check: passed",
    ]


def add_check(mini: MiniWorkbook, body: str) -> None:
    checker = mini.root / CHECKS / "test_ex02_total.py"
    checker.write_text(checker.read_text() + body, encoding="utf-8")
    mini.run("dev", "manifest")


def test_a_check_that_passes_on_the_stub_is_reported(mini: MiniWorkbook) -> None:
    add_check(
        mini,
        '\n\ndef test_has_total(learner: Learner) -> None:\n    learner.function("total")\n',
    )
    run = mini.run("dev", "check")
    assert run.exit_code == 1
    assert (
        "  - week01/ex02_total · test_has_total: passes on the untouched stub, so it checks "
        "nothing the learner writes"
    ) in run.out.splitlines()


def test_a_check_that_fails_on_the_solution_is_reported(mini: MiniWorkbook) -> None:
    add_check(
        mini,
        "\n\ndef test_wrong(learner: Learner) -> None:\n"
        '    expect_call(learner.function("total"), [1], returns=2, help="h")\n',
    )
    run = mini.run("dev", "check")
    assert run.exit_code == 1
    assert (
        "  - week01/ex02_total · test_wrong: fails on the solution (failed): called total([1]), "
        "got 1, expected 2"
    ) in run.out.splitlines()


def test_a_stale_manifest_and_drifted_stub_are_reported(mini: MiniWorkbook) -> None:
    (mini.root / CHECKS / "test_ex02_total.py").write_text(
        (mini.root / CHECKS / "test_ex02_total.py").read_text() + "\n", encoding="utf-8"
    )
    mini.use_solution("ex01_greet")
    run = mini.run("dev", "check")
    assert run.exit_code == 1
    assert "problem: checkers.sha256 is out of date (run: workbook dev manifest)" in run.out
    assert (
        "problem: weeks/week01/exercises/ex01_greet.py differs from what its solution "
        "generates (run: workbook dev sync)"
    ) in run.out


def test_dev_check_ignores_the_learners_own_edits(mini: MiniWorkbook) -> None:
    mini.use_broken("syntax_error")
    run = mini.run("dev", "check", "week01")
    assert "dev check: passed" not in run.out  # the drift is reported...
    verdict = "every check passes on the solution and fails on the stub: ok"
    assert f"week01: 2 exercises, 4 checks; {verdict}" in run.out
