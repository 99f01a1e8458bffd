"""The exercise catalog: every graded exercise from the metadata, then the planned ones."""

from __future__ import annotations

from sitegen.i18n import link, tr
from sitegen.sources import Week, duration, plain, table
from workbook.catalog import Exercise, Unit


def catalog_page(
    weeks: list[Week], katas: Unit | None, language: str = "en", edition: tuple[str, ...] = ()
) -> str:
    def t(text: str) -> str:
        return tr(text, language)

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
        f"# {t('Exercise catalog')}",
        t(
            "Every graded exercise, read from the metadata (`weeks/weekNN/week.toml` and "
            "`katas/katas.toml`). Check one with `workbook check week01 ex03` (or "
            "`nox -s week01 -- ex03`), and ask for the next hint with `workbook hint week01/ex03`."
        ),
        t(
            "**{count} exercises** worth **{points} points** are ready to check; "
            "**{planned}** more are [planned](#planned-exercises)."
        ).format(count=len(graded), points=sum(e.points for e in graded), planned=len(planned)),
        t(
            "**Core** exercises are the 5 h/week path; **extra** ones complete the 2 h/day "
            "path. Each week's line gives the hours of both paths, reading included."
        ),
    ]
    for week in weeks:
        if week.exercises:
            core = week.path(core_only=True)
            full = week.path(core_only=False)
            line = t(
                "[The lesson]({page}) · {days} · 5 h/week: {core_count} core, {core_hours} · "
                "2 h/day: {all_count}, {all_hours}"
            ).format(
                page=week.page,
                days=week.days_in(language),
                core_count=len(core.exercises),
                core_hours=duration(core.minutes),
                all_count=len(full.exercises),
                all_hours=duration(full.minutes),
            )
            parts += [f"## {week.heading_in(language)} {{ #{week.name} }}", line]
            parts.append(_exercise_table(list(week.exercises), language, with_level=False))
    if katas and katas.exercises:
        katas_link = link("katas.md", language, edition, here="exercises.md")
        parts += [
            "## Katas { #katas }",
            t("Short drills that the weeks assign; see [the katas page]({page}).").format(
                page=katas_link
            ),
            _exercise_table(list(katas.exercises), language, with_level=True),
        ]
    parts += [
        f"## {t('Planned exercises')} {{ #planned-exercises }}",
        t(
            "Announced by the roadmap and not written yet. Each lesson says what they will ask; "
            "once published they move to the tables above."
        ),
    ]
    for week in weeks:
        rows = [
            [f"`{item.slug}`", plain(item.title), str(item.day)]
            for owner, item in planned
            if owner is week
        ]
        if rows:
            header = [t("Id"), t("Title"), t("Day")]
            parts += [f"### {week.heading_in(language)}", table(header, rows)]
    if not planned:
        parts.append(t("None: every announced exercise is ready."))
    return "\n\n".join(parts) + "\n"


def _exercise_table(exercises: list[Exercise], language: str, *, with_level: bool) -> str:
    """One short row per exercise, then its objectives in a block that opens on click."""

    def t(text: str) -> str:
        return tr(text, language)

    rows = []
    for exercise in exercises:
        path = f"**{t('core')}**" if exercise.core else t("extra")
        first = t("Level {level}").format(level=exercise.level) if with_level else path
        rows.append(
            [
                f"`{exercise.slug}`",
                plain(exercise.title),
                first,
                str(exercise.day),
                f"{exercise.minutes} min",
                str(exercise.points),
                t(exercise.difficulty),
            ]
        )
    header = [
        t("Id"),
        t("Title"),
        t("Level") if with_level else t("Path"),
        t("Day"),
        t("Time"),
        t("Points"),
        t("Difficulty"),
    ]
    objectives = "\n".join(
        f"- `{exercise.slug}`: "
        + "; ".join(plain(o.rstrip(".")) for o in exercise.objectives)
        + "."
        for exercise in exercises
        if exercise.objectives
    )
    details = f'??? abstract "{t("What each exercise practises")}"\n\n' + "\n".join(
        f"    {line}" for line in objectives.splitlines()
    )
    return table(header, rows) + ("\n\n" + details if objectives else "")
