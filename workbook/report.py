"""Render a unit's results for a person: a terminal table, or Markdown for a pull request.

Written by hand rather than with rich, on purpose: this renders every verdict, and importing
rich's console and table costs about a fifth of what importing pytest does (measured with
``python -X importtime -c "import pytest, rich.console, rich.table"``: 20-25 ms against 110 ms),
on a path whose whole budget is twice pytest's import (docs/reference/performance.md). What it
needs is small: ANSI colours that ``NO_COLOR``/``FORCE_COLOR`` and a non-terminal turn off, an
ASCII fallback for each symbol (``Style``), aligned columns and a bar.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TextIO

from workbook.catalog import Exercise, Unit
from workbook.commands import command
from workbook.results import ExerciseResult, TestResult, UnitResult
from workbook.status import Status


@dataclass(frozen=True)
class Style:
    """How the terminal can show things: colour and Unicode, or plain ASCII."""

    colour: bool
    unicode: bool

    @classmethod
    def for_stream(cls, stream: TextIO) -> Style:
        forced = bool(os.environ.get("FORCE_COLOR"))
        colour = forced or (stream.isatty() and not os.environ.get("NO_COLOR"))
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            "✔✘○⏱█░·".encode(encoding)
            unicode = True
        except (UnicodeEncodeError, LookupError):
            unicode = False
        return cls(colour=colour, unicode=unicode)

    def paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.colour else text

    def symbol(self, status: str) -> str:
        shown = Status(status)
        return shown.symbol if self.unicode else shown.ascii

    def status(self, status: str) -> str:
        return self.paint(f"{self.symbol(status)} {Status(status).label}", Status(status).colour)


def progress_bar(done: int, total: int, width: int = 24, *, unicode: bool = True) -> str:
    filled = round(width * done / total) if total else 0
    full, empty = ("█", "░") if unicode else ("#", "-")
    return full * filled + empty * (width - filled)


def render_terminal(
    result: UnitResult,
    unit: Unit,
    style: Style | None = None,
    only: list[str] | None = None,
    *,
    verbose: bool = False,
) -> str:
    """The verdict a learner reads after ``workbook check`` (``only``: just these exercises;
    ``verbose``: every check with its status, not only the first problem)."""
    style = style or Style.for_stream(sys.stdout)
    lines = [style.paint(f"{unit.name} · {result.title}", "1"), ""]
    if result.tampered:
        lines += _tampered_lines(result.tampered, style)
    if result.notices:
        lines += _notice_lines(result.notices, style)
    exercises = {e.id: e for e in unit.exercises}
    slug_width = max((len(e.id.split("/")[-1]) for e in result.exercises), default=10)
    for exercise in result.exercises:
        if only is not None and exercise.id not in only:
            continue
        slug = exercise.id.split("/")[-1]
        points = f"{exercise.points:>2}/{exercise.max_points}"
        lines.append(
            f"  {style.status(exercise.status):<24} {slug:<{slug_width}}  {points:>6}  "
            f"{exercise.title}"
        )
        if verbose:
            lines += _every_check_lines(exercise, style)
        if exercise.status != "passed":
            lines += _detail_lines(exercise, exercises.get(exercise.id), style)
    passed = sum(e.status == "passed" for e in result.exercises)
    percent = round(100 * result.score / result.max_score) if result.max_score else 0
    bar = progress_bar(result.score, result.max_score, unicode=style.unicode)
    lines += [
        "",
        f"  Score {result.score}/{result.max_score}  {bar} {percent}%   "
        f"{passed} of {len(unit.exercises)} exercises passed",
    ]
    lines += _next_step_lines(result, unit, only)
    return "\n".join(lines) + "\n"


def _every_check_lines(exercise: ExerciseResult, style: Style) -> list[str]:
    return [f"      {style.symbol(test.status)} {test.name}" for test in exercise.tests]


def _detail_lines(exercise: ExerciseResult, metadata: Exercise | None, style: Style) -> list[str]:
    pad = "      "
    lines: list[str] = []
    problem = exercise.first_problem
    if exercise.message:
        lines += _wrap_message(exercise.message, pad)
        if exercise.help:
            lines.append(f"{pad}{style.paint('help:', '36')}     {exercise.help}")
    elif problem is not None and exercise.status != "not_started":
        lines += _problem_lines(problem, pad, style)
    if metadata is None or exercise.status == "error":
        return lines
    hint = _hint_for(metadata, problem)
    if hint is not None:
        more = "" if len(metadata.hints) == 1 else f"  (more: {command('hint', exercise.id)})"
        lines.append(f"{pad}{style.paint('hint:', '35')}     {hint}{more}")
    return lines


def _hint_for(exercise: Exercise, problem: TestResult | None) -> str | None:
    """The hint tied to the check that failed, else the exercise's first hint."""
    if problem is not None and problem.status != "not_started":
        tied = exercise.hint_for_check(problem.id)
        if tied is not None:
            return tied
    return exercise.hints[0] if exercise.hints else None


def _problem_lines(problem: TestResult, pad: str, style: Style) -> list[str]:
    lines = [f"{pad}{style.symbol(problem.status)} {problem.name}"]
    lines += _wrap_message(problem.message, pad + "  ")
    if problem.expected is not None:
        lines.append(f"{pad}{style.paint('expected:', '32')} {problem.expected}")
    if problem.actual is not None:
        lines.append(f"{pad}{style.paint('actual:', '31')}   {problem.actual}")
    if problem.help:
        lines.append(f"{pad}{style.paint('help:', '36')}     {problem.help}")
    if problem.output:
        lines += _printed_lines(problem.output, pad, style)
    return lines


PRINTED_LINES = 12  # lines of a failing check's output shown in the terminal


def _printed_lines(output: str, pad: str, style: Style) -> list[str]:
    printed = output.rstrip("\n").splitlines()
    shown = printed[:PRINTED_LINES]
    lines = [f"{pad}{style.paint('printed:', '2')}  (what your code printed during this check)"]
    lines += [f"{pad}  | {line}" for line in shown]
    if len(printed) > len(shown):
        lines.append(f"{pad}  | … {len(printed) - len(shown)} more line(s)")
    return lines


def _wrap_message(message: str, pad: str) -> list[str]:
    first, *rest = message.splitlines() or [""]
    return [f"{pad}{first}", *(f"{pad}{line}" for line in rest)]


def _tampered_lines(tampered: tuple[str, ...], style: Style) -> list[str]:
    warning = style.paint("Modified workbook files", "33;1")
    lines = [f"  {warning} (a mentor reviewing your work will see this):"]
    lines += [f"    {name}" for name in tampered]
    lines += ["  Restore them with: git checkout -- <file>", ""]
    return lines


def _notice_lines(notices: tuple[str, ...], style: Style) -> list[str]:
    heading = style.paint("Code that reaches into the grading", "33;1")
    lines = [f"  {heading} (a mentor reviewing your work will see this):"]
    lines += [f"    {notice}" for notice in notices]
    lines += ["  Exercises never need any of this; remove it unless you are only exploring.", ""]
    return lines


def _next_step_lines(result: UnitResult, unit: Unit, only: list[str] | None) -> list[str]:
    """Point at the exercise to work on next: the one just checked if it still fails."""
    failing = [e.id for e in result.exercises if e.status != "passed"]
    checked = {e.id for e in result.exercises}
    unchecked = [e.id for e in unit.exercises if e.id not in checked]
    chosen = [i for i in failing if only is not None and i in only]
    candidates = chosen or failing or unchecked
    if not candidates:
        return [
            "",
            f"  All of {unit.name} passes. Well done! See where you are: {command('progress')}",
        ]
    target = candidates[0]
    slug = target.split("/")[-1]
    return [
        "",
        f"  Next: edit {slug}, then run  {command('check', unit.name, slug.split('_')[0])}"
        f"   ·   stuck? {command('hint', target)}",
    ]


def render_markdown(result: UnitResult, unit: Unit) -> str:
    """The same verdict as Markdown, for a pull-request summary or comment."""
    lines = [f"### {unit.name} · {result.title}: {result.score}/{result.max_score} points", ""]
    if result.tampered:
        lines += ["> [!WARNING]", "> These workbook files differ from the course's own:"]
        lines += [f"> - `{name}`" for name in result.tampered]
        lines.append("")
    if result.notices:
        lines += ["> [!CAUTION]", "> The learner's code reaches into the grading:"]
        lines += [f"> - {notice}" for notice in result.notices]
        lines.append("")
    lines += ["| | Exercise | Points | Status | First problem |", "|---|---|---|---|---|"]
    for exercise in result.exercises:
        problem = exercise.first_problem
        detail = exercise.message or (
            f"{problem.name}: {problem.message}"
            if problem and exercise.status != "not_started"
            else ""
        )
        shown = Status(exercise.status)
        lines.append(
            f"| {shown.emoji} | `{exercise.id.split('/')[-1]}` {exercise.title} | "
            f"{exercise.points}/{exercise.max_points} | {shown.label} | "
            f"{_markdown_cell(detail)} |"
        )
    passed = sum(e.status == "passed" for e in result.exercises)
    lines += [
        "",
        f"**{passed} of {len(unit.exercises)} exercises passed**, checked "
        f"{result.checked_at} with workbook {result.workbook_version}.",
    ]
    return "\n".join(lines) + "\n"


def _markdown_cell(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > 160:
        flat = flat[:157] + "..."
    return flat.replace("|", "\\|")
