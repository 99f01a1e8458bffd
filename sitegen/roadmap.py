"""The roadmap page: 13 weeks and 90 days at a glance, the capstone and both paces."""

from __future__ import annotations

from collections import defaultdict

from sitegen import lesson
from sitegen.i18n import link, tr
from sitegen.sources import CAPSTONE_WEEKS, Week, cell, duration, mermaid_label, plain, table
from workbook.catalog import Unit

# The arcs of the course, for the timeline: (first week, last week, name).
ARCS = (
    (1, 2, "Python foundations"),
    (3, 4, "HTTP and APIs"),
    (5, 6, "Databases"),
    (7, 8, "Security"),
    (9, 12, "TaskHub, the capstone"),
    (13, 13, "Interviews"),
)


def roadmap_page(
    weeks: list[Week], katas: Unit | None, language: str = "en", edition: tuple[str, ...] = ()
) -> str:
    def t(text: str) -> str:
        return tr(text, language)

    parts = [
        f"# {t('Roadmap')}",
        t(
            "Thirteen weeks, 90 days, one portfolio project. Each week is one lesson with its "
            "exercises; follow it at 2 hours a day or at 5 hours a week. Every lesson has both "
            "plans in tabs like the ones below."
        ),
        f"## {t('At a glance')}",
        _timeline(weeks, language),
        _glance(weeks, language),
        t(
            "The **5 h/week path** is the core: the exercises marked core in each week's "
            "metadata, plus reading the lesson. The **2 h/day path** does every exercise. "
            "The hours below add the exercises' `minutes` to the lesson's reading time "
            "(about 150 words a minute, code excluded)."
        ),
        f"## {t('Capstone milestones')}",
        t(
            "TaskHub, the capstone, is built and graded in four milestones, one a week. "
            "The [capstone page]({capstone}) describes the service and how each milestone is "
            "checked."
        ).format(capstone=link("capstone.md", language, edition, here="roadmap.md")),
        _milestone_diagram(weeks, language),
        _capstone(weeks, language),
        f"## {t('Two paces')}",
        _paces(weeks, katas, language, edition),
        f"## {t('Week by week')}",
        *[_week(week, language) for week in weeks],
    ]
    return "\n\n".join(parts) + "\n"


def _short_title(week: Week, language: str) -> str:
    if week.unit is None:
        return tr("To come", language)
    if language != "en" and week.translated_title:
        return week.translated_title.partition(" · ")[2] or week.unit.title
    return tr(week.unit.title, language)


def _timeline(weeks: list[Week], language: str) -> str:
    """The course as a Mermaid timeline: one column per arc, its weeks below it."""
    lines = ["```mermaid", "timeline"]
    for first, last, name in ARCS:
        events = [
            tr("Week {number}", language).format(number=week.number)
            + " · "
            + mermaid_label(_short_title(week, language))
            for week in weeks
            if first <= week.number <= last
        ]
        lines.append(f"    {mermaid_label(tr(name, language))} : " + " : ".join(events))
    lines.append("```")
    return "\n".join(lines)


def _glance(weeks: list[Week], language: str) -> str:
    """One short row a week: its days, title and the hours of both paths."""
    rows = []
    for week in weeks:
        core = week.path(core_only=True)
        full = week.path(core_only=False)
        rows.append(
            [
                f"[{week.number}]({week.page})",
                week.days_in(language).partition(" ")[2] or tr("to come", language),
                plain(_short_title(week, language)),
                f"{duration(core.minutes)} · {len(core.exercises)}" if week.exercises else "",
                f"{duration(full.minutes)} · {len(full.exercises)}" if week.exercises else "",
            ]
        )
    header = [
        tr(name, language)
        for name in (
            "Week",
            "Days",
            "Title",
            "5 h/week: hours · exercises",
            "2 h/day: hours · exercises",
        )
    ]
    note = tr(
        "A week whose milestone is one long exercise has no core exercise marked yet: at "
        '5 hours a week, follow its lesson\'s "5 hours a week" tab.',
        language,
    )
    return table(header, rows) + "\n\n" + note


def _milestone_diagram(weeks: list[Week], language: str) -> str:
    lines = ["```mermaid", "flowchart LR"]
    previous = None
    for index, week in enumerate(w for w in weeks if w.number in CAPSTONE_WEEKS):
        syllabus = week.unit.syllabus if week.unit else None
        if syllabus is None:
            continue
        title = tr("Week {number}", language).format(number=week.number)
        text = mermaid_label(tr(syllabus.milestone, language), width=34)
        node = f"m{index + 1}"
        lines.append(f'    {node}["<b>M{index + 1} · {title}</b><br>{text}"]')
        if previous is not None:
            lines.append(f"    {previous} --> {node}")
        previous = node
    lines.append("```")
    return "\n".join(lines)


def _capstone(weeks: list[Week], language: str) -> str:
    rows = [
        [
            f"[{week.number}]({week.page})",
            week.days_in(language).partition(" ")[2],
            plain(tr(week.unit.syllabus.milestone, language)),
        ]
        for week in weeks
        if week.number in CAPSTONE_WEEKS and week.unit and week.unit.syllabus
    ]
    return table([tr(name, language) for name in ("Week", "Days", "Milestone")], rows)


def _paces(weeks: list[Week], katas: Unit | None, language: str, edition: tuple[str, ...]) -> str:
    def t(text: str) -> str:
        return tr(text, language)

    daily = [
        t(
            "Seven days a week, about 2 hours each: one lesson a week, 90 days in all. "
            "Each day names its topic and the exercises and katas that practise it."
        ),
    ]
    for week in weeks:
        daily.append(_daily_details(week, katas, language))
    weekly = [
        t(
            "Three sessions a week (about 1 h 30, 1 h 30 and 2 h), one lesson a week, doing "
            'the core exercises only. The lesson\'s "5 hours a week" tab says what to do in '
            'each session and what to skip; the "If you are behind" section says what not '
            "to skip."
        ),
    ]
    for week in weeks:
        weekly.append(_weekly_details(week, language))
    return "\n\n".join(
        [
            f'=== "{t("2 hours a day")}"',
            _indent("\n\n".join(daily)),
            f'=== "{t("5 hours a week")}"',
            _indent("\n\n".join(weekly)),
        ]
    )


def _weekly_details(week: Week, language: str) -> str:
    heading = week.heading_in(language)
    if week.unit is None or week.unit.syllabus is None:
        return f'??? note "{heading}"\n\n    {tr("The lesson is not published yet.", language)}'
    core = week.path(core_only=True)
    body = [
        tr("**About {hours}**: {reading} of reading and {count} core exercises.", language).format(
            hours=duration(core.minutes),
            reading=duration(core.reading_minutes),
            count=len(core.exercises),
        )
    ]
    if core.exercises:
        body.append(
            "\n".join(
                f"- `{exercise.slug}` ({exercise.minutes} min)" for exercise in core.exercises
            )
        )
    sessions = lesson.sessions(week.lesson_in(language))
    if sessions:
        body.append("\n".join(f"- {cell(session)}" for session in sessions))
    body.append(tr("[The lesson's plan]({page}#plan)", language).format(page=week.page))
    return f'??? note "{heading}"\n\n' + _indent("\n\n".join(body))


def _daily_details(week: Week, katas: Unit | None, language: str) -> str:
    syllabus = week.unit.syllabus if week.unit else None
    heading = week.heading_in(language)
    if syllabus is None:
        return f'??? note "{heading}"\n\n    {tr("The lesson is not published yet.", language)}'
    practice: defaultdict[int, list[str]] = defaultdict(list)
    for exercise in week.exercises:
        practice[exercise.day].append(f"`{exercise.slug}`")
    ready = {exercise.slug for exercise in week.exercises}
    for planned in syllabus.planned:
        if planned.slug not in ready:
            practice[planned.day].append(f"`{planned.slug}` ({tr('planned', language)})")
    assigned = set(syllabus.katas)
    for kata in katas.exercises if katas else ():
        if kata.slug in assigned and syllabus.days[0] <= kata.day <= syllabus.days[1]:
            practice[kata.day].append(f"kata `{kata.slug}`")
    topics = lesson.day_topics(week.lesson_in(language))
    header = [tr(name, language) for name in ("Day", "Topic", "Practice")]
    rows = [
        [
            str(day),
            _in_lesson(cell(topics.get(day, "")), week.page),
            ", ".join(practice.get(day, [])) or tr("review", language),
        ]
        for day in range(syllabus.days[0], syllabus.days[1] + 1)
    ]
    if not topics:
        header.pop(1)
        for row in rows:
            row.pop(1)
    body = table(header, rows)
    return f'??? note "{heading} · {week.days_in(language)}"\n\n{_indent(body)}'


def _in_lesson(markdown: str, page: str) -> str:
    """A lesson's text moved onto the roadmap: its ``(#anchor)`` links point into the lesson."""
    return markdown.replace("](#", f"]({page}#")


def _week(week: Week, language: str) -> str:
    syllabus = week.unit.syllabus if week.unit else None
    lines = [f"### [{week.heading_in(language)}]({week.page})"]
    if syllabus is None:
        lines.append(tr("The lesson is not published yet.", language))
        return "\n\n".join(lines)
    lines.append(f"**{week.days_in(language)}.** {plain(tr(syllabus.summary, language))}")
    milestone = plain(tr(syllabus.milestone, language).rstrip("."))
    lines.append(f"**{tr('Milestone:', language)}** {milestone}.")
    if syllabus.bonus:
        bonus = plain(tr(syllabus.bonus, language).rstrip("."))
        lines.append(f"**{tr('Bonus track:', language)}** {bonus}.")
    return "\n\n".join(lines)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())
