"""Whatever a learner's file does, the verdict is bounded in time and says what to do.

Each case puts one deliberately broken file in place of ``ex01_greet`` and asserts the exact
status and message; ``ex02_total`` must still be graded, so one broken exercise hides nothing.
"""

from __future__ import annotations

import time

import pytest

from tests.conftest import MiniWorkbook

GREET = "weeks/week01/exercises/ex01_greet.py"

CASES = [
    # (broken file, exercise status, first check's status, exact message of the first check)
    (
        "syntax_error",
        "error",
        "error",
        f"syntax error in {GREET}, line 1: expected ':'\n"
        "        def greet(name: str) -> str\n"
        "                                   ^",
    ),
    (
        "infinite_loop",
        "timeout",
        "timeout",
        f"did not finish within 1 s ({GREET}, line 2: while True:)",
    ),
    (
        "endless_printing",
        "timeout",
        "timeout",
        f'did not finish within 1 s ({GREET}, line 3: print("still thinking about", name))',
    ),
    ("stuck_in_c", "timeout", "timeout", "did not finish in time and had to be stopped"),
    (
        "exit_at_import",
        "error",
        "error",
        f"{GREET} calls exit() (or sys.exit()) while it is being imported",
    ),
    (
        "exit_in_function",
        "failed",
        "failed",
        f"your code called exit() or sys.exit() ({GREET}, line 2: exit())",
    ),
    (
        "os_exit",
        "crashed",
        "crashed",
        "the Python process running your code exited abruptly (exit status 3)",
    ),
    ("segfault", "crashed", "crashed", "the Python process running your code died (SIGSEGV)"),
    ("missing_function", "failed", "failed", f"{GREET} has no function named 'greet'"),
    (
        "wrong_type",
        "failed",
        "failed",
        "called greet('Ada'), got a list ['Hello', 'Ada'], expected a str 'Hello, Ada!'",
    ),
    ("no_return", "failed", "failed", "called greet('Ada'), got None, expected 'Hello, Ada!'"),
    (
        "blocking_input",
        "failed",
        "failed",
        f'your code called input() ({GREET}, line 2: answer = input("What is your name? "))',
    ),
    (
        "input_at_import",
        "error",
        "error",
        f"{GREET} calls input() while it is being imported, so it would wait for ever",
    ),
    (
        "deep_recursion",
        "failed",
        "failed",
        "called greet('Ada'), it raised RecursionError('maximum recursion depth exceeded'), "
        "expected 'Hello, Ada!'\n  raised at ex01_greet.py, line 2: return greet(name)",
    ),
    ("unknown_import", "error", "error", f"{GREET} imports 'requestz', which cannot be found"),
    (
        "raises_at_import",
        "error",
        "error",
        f"importing {GREET} raised KeyError(\"'salutation'\") "
        f'({GREET}, line 2: GREETING = SETTINGS["salutation"])',
    ),
    (
        "raises_in_function",
        "failed",
        "failed",
        "called greet('Ada'), it raised IndexError('list index out of range'), expected "
        "'Hello, Ada!'\n  raised at ex01_greet.py, line 3: return f\"Hello, {parts[1]}!\"",
    ),
    (
        "wrong_signature",
        "failed",
        "failed",
        "could not call greet('Ada'): greet() missing 1 required positional argument: 'last'",
    ),
]


@pytest.mark.parametrize(
    ("broken", "status", "check_status", "message"), CASES, ids=[c[0] for c in CASES]
)
def test_broken_file_gets_a_precise_verdict(
    mini: MiniWorkbook, broken: str, status: str, check_status: str, message: str
) -> None:
    mini.use_broken(broken)
    mini.use_solution("ex02_total")
    started = time.monotonic()
    run = mini.run("check", "week01", "--timeout", "1")
    elapsed = time.monotonic() - started

    assert run.exit_code == 1
    greet = mini.exercise("week01/ex01_greet")
    assert greet["status"] == status
    assert greet["points"] == 0
    first = greet["tests"][0]
    assert first["status"] == check_status
    assert first["message"] == message
    assert first["help"], "every problem comes with help"
    # The broken exercise hides nothing: the other exercise is still graded in full.
    assert mini.exercise("week01/ex02_total")["status"] == "passed"
    assert elapsed < 15, f"a verdict must come in bounded time, took {elapsed:.1f}s"
    assert "Traceback" not in run.out and "Traceback" not in run.err


def test_a_later_check_waits_for_the_one_it_requires(mini: MiniWorkbook) -> None:
    mini.use_broken("wrong_type")
    mini.run("check", "week01")
    second = mini.exercise("week01/ex01_greet")["tests"][1]
    assert second["status"] == "skipped"
    assert second["message"] == "can't check until 'greets by name' passes"


def test_checks_after_a_crash_are_reported_as_not_run(mini: MiniWorkbook) -> None:
    mini.use_broken("os_exit")
    mini.run("check", "week01")
    second = mini.exercise("week01/ex01_greet")["tests"][1]
    assert second["status"] == "skipped"
    assert second["message"] == "not run: the check 'greets a user by name' crashed first"


def test_megabytes_of_printing_do_not_spoil_a_correct_answer(mini: MiniWorkbook) -> None:
    mini.use_broken("huge_output")
    # Generous time: this is about the flood not spoiling the verdict, not about speed.
    run = mini.run("check", "week01", "ex01", "--timeout", "30")
    assert run.exit_code == 0
    assert mini.exercise("week01/ex01_greet")["status"] == "passed"
    assert len(run.out) < 5_000, "the learner's printing never floods the report"


def test_partly_correct_code_earns_partial_points(mini: MiniWorkbook) -> None:
    mini.use_broken("half_done")
    mini.run("check", "week01")
    greet = mini.exercise("week01/ex01_greet")
    assert (greet["status"], greet["points"], greet["max_points"]) == ("failed", 5, 10)
    assert greet["tests"][1]["message"] == (
        "called greet('  Ada '), got 'Hello,   Ada !', expected 'Hello, Ada!'"
    )
    assert greet["tests"][1]["expected"] == "'Hello, Ada!'"
    assert greet["tests"][1]["actual"] == "'Hello,   Ada !'"


def test_a_deleted_exercise_file_says_how_to_restore_it(mini: MiniWorkbook) -> None:
    mini.learner_file("ex01_greet").unlink()
    mini.run("check", "week01")
    greet = mini.exercise("week01/ex01_greet")
    assert greet["status"] == "error"
    assert greet["message"] == f"{GREET} is missing"
    assert greet["help"] == f"Restore the starting file with: git checkout -- {GREET}"
