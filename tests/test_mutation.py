"""``workbook dev mutate``: mutants of the solution regions, graded by the real checkers."""

from __future__ import annotations

import pytest

from tests.conftest import MiniWorkbook
from workbook.mutants import make_mutants

WEAK_CHECKER = '''from workbook.checking import Learner


def test_greets(learner: Learner) -> None:
    """returns some text"""
    assert isinstance(learner.function("greet")("Ada"), str)
'''
SURVIVOR = (
    '{ code = "return f\\"Hello, {name.strip()}!\\"", '
    "change = \"f'Hello, {name.strip()}!' → ''\", reason = \"...\" }"
)


def test_the_miniature_checkers_kill_every_mutant(mini: MiniWorkbook) -> None:
    run = mini.run("dev", "mutate", "week01")
    assert run.exit_code == 0
    assert run.out.splitlines() == [
        "week01/ex01_greet: 2/2 killed (100.0%), 0 equivalent: ok",
        "week01/ex02_total: 1/1 killed (100.0%), 0 equivalent: ok",
        "dev mutate: passed",
    ]


def test_a_weak_checker_fails_the_gate_and_shows_each_survivor(mini: MiniWorkbook) -> None:
    checker = mini.root / "weeks" / "week01" / "checks" / "test_ex01_greet.py"
    checker.write_text(WEAK_CHECKER, encoding="utf-8")
    run = mini.run("dev", "mutate", "week01", "ex01")
    assert run.exit_code == 1
    lines = run.out.splitlines()
    assert lines[0] == "week01/ex01_greet: 1/2 killed (50.0%), 0 equivalent: BELOW 95%"
    assert lines[1] == "    survived solutions/weeks/week01/exercises/ex01_greet.py:7"
    assert lines[2] == f"      {SURVIVOR}"
    assert lines[-1] == "dev mutate: FAILED (week01/ex01_greet)"


def test_a_listed_equivalent_is_left_out_of_the_score(mini: MiniWorkbook) -> None:
    checker = mini.root / "weeks" / "week01" / "checks" / "test_ex01_greet.py"
    checker.write_text(WEAK_CHECKER, encoding="utf-8")
    metadata = mini.root / "weeks" / "week01" / "week.toml"
    text = metadata.read_text(encoding="utf-8")
    entry = SURVIVOR.replace('"..."', '"the test only needs some text"')
    text = text.replace(
        'hints = ["Use an f-string.", "The greeting ends with an exclamation mark."]',
        'hints = ["Use an f-string.", "The greeting ends with an exclamation mark."]\n'
        f"equivalent_mutants = [{entry}]",
    )
    metadata.write_text(text, encoding="utf-8")
    run = mini.run("dev", "mutate", "week01", "ex01")
    assert run.out.splitlines()[0] == "week01/ex01_greet: 1/1 killed (100.0%), 1 equivalent: ok"
    assert run.exit_code == 0


def test_a_solution_that_fails_its_checker_is_an_error_not_a_score(mini: MiniWorkbook) -> None:
    solution = mini.root / "solutions" / "weeks" / "week01" / "exercises" / "ex02_total.py"
    solution.write_text(
        solution.read_text(encoding="utf-8").replace("sum(prices)", "sum(prices) + 1"),
        encoding="utf-8",
    )
    run = mini.run("dev", "mutate", "week01", "ex02")
    assert run.exit_code == 1
    assert run.out.startswith(
        "week01/ex02_total: ERROR: the solution itself does not pass its checker: adds up the "
        "prices: called total([250, 100]), got 351, expected 350"
    )


@pytest.mark.parametrize(
    ("code", "changes"),
    [
        ("if n <= 3:\n    x = 1", ["<= → <", "3 → 4", "3 → 2", "x = 1 → (statement removed)"]),
        ("y = a and not b", ["and → or", "not b → b"]),
        ("z = items[start:end]", ["items[start:end] → items[start + 1:end] (lower bound + 1)"]),
        ("return total // 100", ["// → /", "100 → 101", "100 → 99"]),
        ('raise ValueError(f"bad {n}")', ["f'bad {n}' → ''"]),
    ],
)
def test_mutants_change_one_thing_inside_the_regions(code: str, changes: list[str]) -> None:
    body = "\n".join(f"    {line}" for line in code.splitlines())
    text = (
        "def f(n, a, b, items, start, end, total):\n"
        "    # BEGIN SOLUTION: do it\n"
        f"{body}\n"
        "    # END SOLUTION\n"
        "    return None\n"
    )
    found = [m.change for m in make_mutants(text, "f.py")]
    for change in changes:
        assert change in found, (change, found)
    assert all(2 < m.line < 3 + len(code.splitlines()) for m in make_mutants(text, "f.py")), (
        "nothing outside the region is mutated"
    )
