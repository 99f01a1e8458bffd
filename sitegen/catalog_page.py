"""The exercise catalog: every graded exercise from the metadata, then the planned ones."""

from __future__ import annotations

from sitegen.sources import Week, plain, table
from workbook.catalog import Exercise, Unit


def catalog_page(weeks: list[Week], katas: Unit | None) -> str:
    graded = [exercise for week in weeks for exercise in week.exercises]
    graded += list(katas.exercises) if katas else []
    planned = [
        (week, planned)
        for week in weeks
        if week.unit and week.unit.syllabus
        for planned in week.unit.syllabus.planned
        if planned.slug not in {exercise.slug for exercise in week.exercises}
    ]
    parts = [
        "# Exercise catalog",
        "Every graded exercise, read from the metadata (`weeks/weekNN/week.toml` and "
        "`katas/katas.toml`). Check one with `workbook check week01 ex03` (or "
        "`nox -s week01 -- ex03`), and ask for the next hint with `workbook hint week01/ex03`.",
        f"**{len(graded)} exercises** worth **{sum(e.points for e in graded)} points** are "
        f"ready to check; **{len(planned)}** more are [planned](#planned-exercises).",
    ]
    for week in weeks:
        if week.exercises:
            parts += [f"## {week.heading}", f"[The lesson]({week.page}) · {week.days}"]
            parts.append(_exercise_table(list(week.exercises), with_level=False))
    if katas and katas.exercises:
        parts += [
            "## Katas",
            "Short drills that the weeks assign; see [the katas page](katas.md).",
            _exercise_table(list(katas.exercises), with_level=True),
        ]
    parts += [
        "## Planned exercises",
        "Announced by the roadmap and not written yet. Each lesson says what they will ask; "
        "once published they move to the tables above.",
    ]
    for week in weeks:
        rows = [
            [f"`{item.slug}`", plain(item.title), str(item.day)]
            for owner, item in planned
            if owner is week
        ]
        if rows:
            parts += [f"### {week.heading}", table(["Id", "Title", "Day"], rows)]
    if not planned:
        parts.append("None: every announced exercise is ready.")
    return "\n\n".join(parts) + "\n"


def _exercise_table(exercises: list[Exercise], *, with_level: bool) -> str:
    rows = []
    for exercise in exercises:
        facts = [
            f"Day {exercise.day}",
            f"{exercise.minutes} minutes",
            f"{exercise.points} points",
            exercise.difficulty,
        ]
        if with_level and exercise.level is not None:
            facts.insert(0, f"Level {exercise.level}")
        rows.append(
            [
                f"**{plain(exercise.title)}**<br>`{exercise.slug}`",
                "<br>".join(facts),
                "<br>".join(f"• {plain(objective)}" for objective in exercise.objectives),
            ]
        )
    return table(["Exercise", "When and how long", "Objectives"], rows)
