"""The progress page: each week's exercises and deliverables as checklists.

An exercise is ticked once it has passed (``first_passed_at`` is set in the progress file),
even if a later attempt failed: the page shows what the learner has achieved. Deliverables
are not graded, so they are never ticked here.
"""

from __future__ import annotations

from sitegen import lesson
from sitegen.i18n import link, tr
from sitegen.progress_source import LearnerProgress
from sitegen.sources import Week, duration, plain, table
from workbook.catalog import Exercise, Unit

_NO_PROGRESS = """\
!!! info "{title}"
    {body}"""

_NO_PROGRESS_BODY = (
    "This page ticks the exercises you have passed. Check your work with "
    "`workbook check week01` (or `nox -s week01`), then rebuild the site with `nox -s docs` "
    "and your passed exercises appear ticked here."
)

_DELIVERABLES_NOTE = (
    "Deliverables are what you hand in or show your mentor. The workbook does not grade them, "
    "so they stay unticked here: keep your own list in your notes or your pull request."
)
# The "Deliverables" heading of a lesson, in each language it may be written in.
_DELIVERABLES_HEADINGS = ("Deliverables", "Entregas", "Entregáveis")


def progress_page(
    weeks: list[Week],
    katas: Unit | None,
    progress: LearnerProgress | None,
    source_label: str,
    language: str = "en",
    edition: tuple[str, ...] = (),
    lessons: dict[int, str] | None = None,
) -> str:
    """``lessons`` overrides a week's lesson text (a translation) for its deliverables."""

    def t(text: str) -> str:
        return tr(text, language)

    passed = progress.passed if progress else frozenset()
    every = [e for week in weeks for e in week.exercises] + list(katas.exercises if katas else [])
    done = sum(1 for exercise in every if exercise.id in passed)
    core = [e for week in weeks for e in week.exercises if e.core]
    core_done = sum(1 for exercise in core if exercise.id in passed)
    parts = [f"# {t('Progress')}", _status(progress, source_label, language)]
    parts.append(
        t("**{done} of {total} exercises passed**, {core_done} of {core} on the core path.").format(
            done=done, total=len(every), core_done=core_done, core=len(core)
        )
        + " "
        + t(_DELIVERABLES_NOTE)
    )
    summary = [
        [
            f"[{week.heading_in(language)}](#{week.name})",
            _count(tuple(e for e in week.exercises if e.core), passed, language),
            _count(week.exercises, passed, language),
        ]
        for week in weeks
    ]
    if katas is not None:
        summary.append(["[Katas](#katas)", "", _count(katas.exercises, passed, language)])
    header = [t("Week"), t("Core passed (5 h/week)"), t("All passed (2 h/day)")]
    parts.append(table(header, summary))
    for week in weeks:
        text = (lessons or {}).get(week.number, week.lesson or "")
        parts.append(_week_section(week, passed, language, text))
    if katas is not None:
        katas_link = link("katas.md", language, edition, here="progress.md")
        parts += [
            "## Katas { #katas }",
            t("[The katas]({page}) · **{count} passed**").format(
                page=katas_link, count=_count(katas.exercises, passed, language)
            ),
            _checklist(katas.exercises, passed),
        ]
    return "\n\n".join(parts) + "\n"


def _status(progress: LearnerProgress | None, source_label: str, language: str) -> str:
    def t(text: str) -> str:
        return tr(text, language)

    if progress is None:
        return _NO_PROGRESS.format(title=t("Nothing is ticked yet"), body=t(_NO_PROGRESS_BODY))
    if progress.warning is not None:
        title = t("Your progress file could not be read")
        return f'!!! warning "{title}"\n    {progress.warning}'
    checked = ""
    if progress.last_checked_at:
        checked = " " + t("Your latest check was on {date}.").format(
            date=progress.last_checked_at[:10]
        )
    body = t("Exercises you have passed at least once are ticked, from `{source}`.").format(
        source=source_label
    )
    again = t(
        "Check again with `workbook check weekNN`, then rebuild with `nox -s docs` to update "
        "the ticks."
    )
    return f'!!! success "{t("Ticked from your progress")}"\n    {body}{checked} {again}'


def _week_section(week: Week, passed: frozenset[str], language: str, text: str) -> str:
    def t(words: str) -> str:
        return tr(words, language)

    parts = [f"## {week.heading_in(language)} {{ #{week.name} }}"]
    line = t("[The lesson]({page})").format(page=week.page)
    if week.days:
        line += f" · {week.days_in(language)}"
    if week.exercises:
        line += " · " + t("**{count} exercises passed**").format(
            count=_count(week.exercises, passed, language)
        )
        core = week.path(core_only=True)
        line += " · " + t("5 h/week path: {hours}").format(hours=duration(core.minutes))
    parts.append(line)
    core_exercises = tuple(e for e in week.exercises if e.core)
    extra_exercises = tuple(e for e in week.exercises if not e.core)
    if core_exercises:
        parts += [
            f"**{t('Core exercises (the 5 h/week path)')}**",
            _checklist(core_exercises, passed),
        ]
    if extra_exercises:
        title = t("Extra exercises (the 2 h/day path adds them)")
        parts += [f"**{title}**", _checklist(extra_exercises, passed)]
    if not week.exercises:
        planned = len(week.unit.syllabus.planned) if week.unit and week.unit.syllabus else 0
        parts.append(f"**{t('Exercises')}**")
        parts.append(
            t(
                "No graded exercises yet; {count} are planned "
                "(see the [exercise catalog](exercises.md#planned-exercises))."
            ).format(count=planned)
            if planned
            else t("No graded exercises yet.")
        )
    items = _deliverables(text)
    parts.append(f"**{t('Deliverables')}**")
    parts.append(
        "\n".join(f"- [ ] {item}" for item in items)
        if items
        else t("None listed in the lesson yet.")
    )
    return "\n\n".join(parts)


def _deliverables(text: str) -> list[str]:
    for name in _DELIVERABLES_HEADINGS:
        items = lesson.deliverables(text, name)
        if items:
            return items
    return []


def _checklist(exercises: tuple[Exercise, ...], passed: frozenset[str]) -> str:
    return "\n".join(
        f"- [{'x' if exercise.id in passed else ' '}] `{exercise.slug}`: {plain(exercise.title)}"
        for exercise in exercises
    )


def _count(exercises: tuple[Exercise, ...], passed: frozenset[str], language: str) -> str:
    if not exercises:
        return tr("none yet", language)
    done = sum(1 for exercise in exercises if exercise.id in passed)
    return tr("{done} of {total}", language).format(done=done, total=len(exercises))
