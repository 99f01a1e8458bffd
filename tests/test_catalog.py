"""Metadata problems are reported with the file, the entry and the field, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MiniWorkbook
from workbook.catalog import CatalogError, UnknownName, load_catalog

WEEK = "weeks/week01/week.toml"


def rewrite(mini: MiniWorkbook, old: str, new: str) -> None:
    path = mini.root / WEEK
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_catalog(root)
    return caught.value.problems


def test_loads_units_in_roadmap_order(mini: MiniWorkbook) -> None:
    catalog = load_catalog(mini.root)
    assert [u.name for u in catalog.units] == ["week01", "week02"]
    greet = catalog.exercise("week01/ex01_greet")
    assert (greet.id, greet.points, greet.module, greet.day) == (
        "week01/ex01_greet",
        10,
        "ex01_greet",
        1,
    )
    assert catalog.unit("week02").syllabus is not None


def test_missing_hints_names_file_entry_and_field(mini: MiniWorkbook) -> None:
    rewrite(mini, 'hints = ["sum() takes any iterable."]\n', "")
    assert problems(mini.root) == [f"{WEEK}: exercise #2 ('ex02_total'): field 'hints' is required"]


def test_a_misspelt_field_gets_a_suggestion(mini: MiniWorkbook) -> None:
    rewrite(mini, "minutes = 15\nday = 2", "minutes = 15\ndays = 2")
    assert problems(mini.root) == [
        f"{WEEK}: exercise #2 ('ex02_total'): field 'days' is not a known field "
        "(did you mean 'day'?)",
        f"{WEEK}: exercise #2 ('ex02_total'): field 'day' is required",
    ]


def test_every_problem_is_reported_at_once(mini: MiniWorkbook) -> None:
    rewrite(mini, 'difficulty = "easy"', 'difficulty = "trivial"')
    rewrite(mini, "points = 6", 'points = "six"')
    assert problems(mini.root) == [
        f"{WEEK}: exercise #1 ('ex01_greet'): field 'difficulty' must be one of easy, medium, "
        "hard, got 'trivial'",
        f"{WEEK}: exercise #2 ('ex02_total'): field 'points' must be a positive integer, got 'six'",
    ]


def test_duplicate_ids_and_missing_checkers_are_refused(mini: MiniWorkbook) -> None:
    rewrite(mini, 'id = "ex02_total"', 'id = "ex01_greet"')
    rewrite(mini, 'checker = "checks/test_ex02_total.py"', 'checker = "checks/test_nothing.py"')
    assert problems(mini.root) == [
        f"{WEEK}: exercise #2 ('ex01_greet'): field 'checker' names 'checks/test_nothing.py', "
        "which does not exist",
        f"{WEEK}: exercise #2: duplicate id 'ex01_greet'",
    ]


def test_the_format_version_is_checked(mini: MiniWorkbook) -> None:
    path = mini.root / WEEK
    path.write_text("format_version = 2\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert problems(mini.root) == [f"{WEEK}: field 'format_version' input should be 1, got 2"]


def test_a_week_field_of_the_wrong_type_is_named(mini: MiniWorkbook) -> None:
    rewrite(mini, "days = [1, 7]", 'days = "one to seven"')
    (found,) = problems(mini.root)
    assert found.startswith(f"{WEEK}: [week]: field 'days' ")


def test_invalid_toml_names_the_file(mini: MiniWorkbook) -> None:
    (mini.root / WEEK).write_text("[week\n", encoding="utf-8")
    (found,) = problems(mini.root)
    assert found.startswith(f"{WEEK}: not valid TOML:")


def test_unknown_names_suggest_the_closest(mini: MiniWorkbook) -> None:
    catalog = load_catalog(mini.root)
    assert catalog.unit("week1").name == "week01", "a week's number alone is enough"
    assert catalog.unit("Week01").name == "week01"
    with pytest.raises(UnknownName, match=r"no unit called 'wek01'\. Did you mean 'week01'\?"):
        catalog.unit("wek01")
    with pytest.raises(
        UnknownName, match=r"no exercise 'ex03' in week01\. .*Available: ex01_greet"
    ):
        catalog.exercise("week01/ex03")
    assert catalog.unit("week01").exercise("ex02").slug == "ex02_total"


def test_files_the_manifest_vouches_for_load_without_the_schema(mini: MiniWorkbook) -> None:
    trusted = load_catalog(mini.root)
    assert trusted == load_catalog(mini.root, validated=True), "both readings agree"


def test_an_edited_file_is_validated_even_when_trusted_reading_would_work(
    mini: MiniWorkbook,
) -> None:
    rewrite(mini, "minutes = 15\nday = 2", "minutes = 15\nday = 2\nspeed = 3")
    assert problems(mini.root) == [
        f"{WEEK}: exercise #2 ('ex02_total'): field 'speed' is not a known field"
    ]


def test_a_learner_command_reads_only_the_unit_it_grades(mini: MiniWorkbook) -> None:
    """A broken week02 file does not stop a week01 check; a command that needs it says why."""
    (mini.root / "weeks" / "week02" / "week.toml").write_text("[week\n", encoding="utf-8")
    lazy = load_catalog(mini.root, lazy=True)
    assert lazy.unit("week01").name == "week01"
    assert lazy.unit_names == ["week01", "week02"]
    with pytest.raises(CatalogError, match=r"weeks/week02/week\.toml: not valid TOML"):
        lazy.unit("week02")
    checked = mini.run("check", "week01")
    assert checked.exit_code == 1, checked.err
    assert "metadata has problems" not in checked.err
    assert "Modified workbook files" in checked.out, "the broken file still counts as changed"
    assert "    weeks/week02/week.toml\n" in checked.out
    assert "ex01_greet    0/10" in checked.out
    listed = mini.run("list")
    assert listed.exit_code == 2
    assert "The workbook's metadata has problems:" in listed.err
    assert "weeks/week02/week.toml: not valid TOML" in listed.err
