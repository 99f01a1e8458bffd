"""The progress page: each week's exercises and deliverables as checklists.

An exercise is ticked once it has passed (``first_passed_at`` is set in the progress file),
even if a later attempt failed: the page shows what the learner has achieved. Deliverables
are not graded, so they are never ticked here.
"""

from __future__ import annotations

from sitegen import lesson
from sitegen.progress_source import LearnerProgress
from sitegen.sources import Week, plain, table
from workbook.catalog import Exercise, Unit

_NO_PROGRESS = """\
!!! info "Nothing is ticked yet"
    This page ticks the exercises you have passed. Check your work with
    `workbook check week01` (or `nox -s week01`), then rebuild the site with `nox -s docs`
    and your passed exercises appear ticked here."""

_DELIVERABLES_NOTE = (
    "Deliverables are what you hand in or show your mentor. The workbook does not grade them, "
    "so they stay unticked here: keep your own list in your notes or your pull request."
)


def progress_page(
    weeks: list[Week], katas: Unit | None, progress: LearnerProgress | None, source_label: str
) -> str:
    passed = progress.passed if progress else frozenset()
    every = [e for week in weeks for e in week.exercises] + list(katas.exercises if katas else [])
    done = sum(1 for exercise in every if exercise.id in passed)
    parts = ["# Progress", _status(progress, source_label)]
    parts.append(f"**{done} of {len(every)} exercises passed.** {_DELIVERABLES_NOTE}")
    summary = [
        [f"[{week.heading}](#{week.name})", _count(week.exercises, passed)] for week in weeks
    ]
    if katas is not None:
        summary.append(["[Katas](#katas)", _count(katas.exercises, passed)])
    parts.append(table(["Week", "Exercises passed"], summary))
    for week in weeks:
        parts.append(_week_section(week, passed))
    if katas is not None:
        parts += [
            "## Katas { #katas }",
            f"[The katas](katas.md) · **{_count(katas.exercises, passed)} passed**",
            _checklist(katas.exercises, passed),
        ]
    return "\n\n".join(parts) + "\n"


def _status(progress: LearnerProgress | None, source_label: str) -> str:
    if progress is None:
        return _NO_PROGRESS
    if progress.warning is not None:
        return f'!!! warning "Your progress file could not be read"\n    {progress.warning}'
    checked = ""
    if progress.last_checked_at:
        checked = f" Your latest check was on {progress.last_checked_at[:10]}."
    return (
        '!!! success "Ticked from your progress"\n'
        f"    Exercises you have passed at least once are ticked, from `{source_label}`."
        f"{checked} Check again with `workbook check weekNN`, then rebuild with "
        "`nox -s docs` to update the ticks."
    )


def _week_section(week: Week, passed: frozenset[str]) -> str:
    parts = [f"## {week.heading} {{ #{week.name} }}"]
    line = f"[The lesson]({week.page})"
    if week.days:
        line += f" · {week.days}"
    if week.exercises:
        line += f" · **{_count(week.exercises, passed)} exercises passed**"
    parts.append(line)
    parts.append("**Exercises**")
    if week.exercises:
        parts.append(_checklist(week.exercises, passed))
    else:
        planned = len(week.unit.syllabus.planned) if week.unit and week.unit.syllabus else 0
        parts.append(
            f"No graded exercises yet; {planned} are planned "
            "(see the [exercise catalog](exercises.md#planned-exercises))."
            if planned
            else "No graded exercises yet."
        )
    items = lesson.deliverables(week.lesson or "")
    parts.append("**Deliverables**")
    parts.append(
        "\n".join(f"- [ ] {item}" for item in items) if items else "None listed in the lesson yet."
    )
    return "\n\n".join(parts)


def _checklist(exercises: tuple[Exercise, ...], passed: frozenset[str]) -> str:
    return "\n".join(
        f"- [{'x' if exercise.id in passed else ' '}] `{exercise.slug}`: {plain(exercise.title)}"
        for exercise in exercises
    )


def _count(exercises: tuple[Exercise, ...], passed: frozenset[str]) -> str:
    if not exercises:
        return "none yet"
    return f"{sum(1 for exercise in exercises if exercise.id in passed)} of {len(exercises)}"
