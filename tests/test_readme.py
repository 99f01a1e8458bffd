"""The README's sample verdict is what a real run prints, and its commands exist."""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import pytest

from workbook.catalog import load_catalog, load_unit
from workbook.cli import build_parser
from workbook.grading import build_unit_result, grade_exercise
from workbook.report import Style, render_terminal
from workbook.runner import RunOptions, run_unit

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
# The mistake the README shows: the units are read but never multiplied in.
FORGETS_THE_UNITS = """
import re


def parse_duration(text: str) -> int:
    match = re.fullmatch(r"(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?", text.strip())
    if not text.strip() or match is None:
        raise ValueError(f"invalid duration {text!r}: expected parts like 2d, 1h, 30m or 45s")
    return sum(int(number) for number in match.groups() if number is not None)


def parse_query_string(query: str) -> dict[str, str]:
    raise NotImplementedError


def split_csv_line(line: str) -> list[str]:
    raise NotImplementedError
"""


def _sample_block() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("### Reading a verdict", 1)[1]
    block = re.search(r"```text\n(.*?)```", section, re.DOTALL)
    assert block is not None, "the README's 'Reading a verdict' section has no ```text block"
    return block.group(1).rstrip("\n").splitlines()


@pytest.mark.slow
def test_the_sample_verdict_is_a_real_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBOOK_COMMAND", "./wb")  # as after the quick start
    unit = load_unit(ROOT, "week01")
    exercise = unit.exercise("ex07")
    learner = tmp_path / "weeks" / "week01" / "exercises"
    shutil.copytree(ROOT / "weeks" / "week01" / "exercises", learner)
    (learner / "ex07_parse_request_inputs.py").write_text(FORGETS_THE_UNITS, encoding="utf-8")
    options = RunOptions(source_root=tmp_path, state_dir=tmp_path / ".state")
    run = run_unit(load_catalog(ROOT), unit, [exercise], options)
    result = build_unit_result(unit, [grade_exercise(exercise, run)], tampered=[], duration=0)
    shown = render_terminal(result, unit, Style(colour=False, unicode=True), only=[exercise.id])
    lines = shown.splitlines()
    start = next(i for i, line in enumerate(lines) if exercise.slug in line)
    end = next(i for i, line in enumerate(lines) if line.strip().startswith("hint:"))
    real = lines[start : end + 1]
    assert _sample_block() == real, "paste this into the README:\n" + "\n".join(real)


def test_every_workbook_command_in_the_readme_exists() -> None:
    text = README.read_text(encoding="utf-8")
    # ./wb anywhere; workbook only as code (after a backtick or at a console line's start).
    pattern = r"(?:\./wb|(?<=`)workbook|^workbook) ([a-z]+)\b"
    commands = set(re.findall(pattern, text, re.MULTILINE))
    actions = build_parser()._actions
    subcommands = next(a for a in actions if isinstance(a, argparse._SubParsersAction))
    known = set(subcommands.choices)
    shortcuts = {"tests", "docs", "lint", "taskhub", "katas"} | {
        f"week{n:02d}" for n in range(1, 14)
    }
    unknown = sorted(c for c in commands if c not in known | shortcuts)
    assert not unknown, f"the README names commands that do not exist: {unknown}"
