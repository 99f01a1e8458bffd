"""workbook.checking_tests: the learner's tests, run on the reference and on planted bugs."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.checking import CheckFailure
from workbook.checking_tests import PlantedBug, Subject, expect_bugs_caught, run_suite

SUBJECT = Subject("calc.py", "def add(a, b):\n    return a + b\n")
TESTS = """\
from .calc import add


def test_small_numbers():
    assert add(1, 2) == 3


def test_large_numbers():
    assert add(10**6, 1) == 10**6 + 1


def test_zero():
    assert add(0, 5) == 5
"""
SUBTRACTS = PlantedBug("subtracts", "an add that subtracts", ("a + b", "a - b"))
SWAPS = PlantedBug("swaps", "an add with its operands swapped", ("a + b", "b + a"))


@pytest.fixture
def tests_file(tmp_path: Path) -> Path:
    folder = tmp_path / "ex01_calc"
    folder.mkdir()
    path = folder / "test_calc.py"
    path.write_text(TESTS, encoding="utf-8")
    return path


def test_the_reference_runs_every_test_and_a_bug_stops_at_its_first_failure(
    tests_file: Path, tmp_path: Path
) -> None:
    """all three tests run on the reference; the subtracting copy stops after one failure"""
    work = tmp_path / "work"
    work.mkdir()
    suite = run_suite(tests_file, SUBJECT, [SUBTRACTS], work)
    assert [o.status for o in suite.reference.outcomes] == ["passed"] * 3
    caught = suite.variants["subtracts"]
    assert [(o.name, o.status) for o in caught.outcomes] == [("test_small_numbers", "failed")]
    expect_bugs_caught(suite, [SUBTRACTS], help="unused: the bug is caught")


def test_a_bug_no_test_fails_on_escapes_with_its_description(
    tests_file: Path, tmp_path: Path
) -> None:
    """a copy every test passes on is reported as escaped, by the kind of bug"""
    work = tmp_path / "work"
    work.mkdir()
    suite = run_suite(tests_file, SUBJECT, [SUBTRACTS, SWAPS], work)
    assert [o.status for o in suite.variants["swaps"].outcomes] == ["passed"] * 3
    with pytest.raises(CheckFailure) as failure:
        expect_bugs_caught(suite, [SUBTRACTS, SWAPS], help="Try operands in both orders.")
    assert "an add with its operands swapped was not caught" in str(failure.value)
    assert "an add that subtracts" not in str(failure.value)


HYPOTHESIS_TESTS = """\
from hypothesis import given, strategies as st

from .calc import add


@given(st.text(), st.text())
def test_joins_text(a, b):
    assert add(a, b) == a + b
"""


def test_hypothesis_keeps_its_tables_in_the_state_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hypothesis's Unicode tables outlive the run's scratch folder, so the next run reuses them"""
    folder = tmp_path / "ex05_props"
    folder.mkdir()
    tests = folder / "test_props.py"
    tests.write_text(HYPOTHESIS_TESTS, encoding="utf-8")
    state = tmp_path / "state"
    monkeypatch.setenv("WORKBOOK_STATE_DIR", str(state))
    work = tmp_path / "work"
    work.mkdir()
    suite = run_suite(tests, SUBJECT, [], work)
    assert [o.status for o in suite.reference.outcomes] == ["passed"]
    assert list((state / "hypothesis" / "unicode_data").iterdir())
    assert not list(work.rglob(".hypothesis"))


STRICT_PROFILE_TESTS = """\
import time

from hypothesis import given, settings, strategies as st

from .calc import add

# A profile of the learner's own, with a deadline a loaded machine would trip.
settings.register_profile("mine", deadline=1, max_examples=5, derandomize=True)
settings.load_profile("mine")


@given(st.integers(), st.integers())
def test_adds(a, b):
    time.sleep(0.01)
    assert add(a, b) == a + b
"""


def test_a_profile_of_the_tests_keeps_no_deadline(tmp_path: Path) -> None:
    """The tests' own profile keeps its examples, but no deadline decides the verdict"""
    folder = tmp_path / "ex05_props"
    folder.mkdir()
    tests = folder / "test_props.py"
    tests.write_text(STRICT_PROFILE_TESTS, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    suite = run_suite(tests, SUBJECT, [SUBTRACTS], work)
    assert [o.status for o in suite.reference.outcomes] == ["passed"], suite.reference.output
    assert [o.status for o in suite.variants["subtracts"].outcomes] == ["failed"]
