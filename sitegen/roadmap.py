"""The roadmap page: 13 weeks and 90 days at a glance, the capstone and both paces."""

from __future__ import annotations

from collections import defaultdict

from sitegen import lesson
from sitegen.sources import CAPSTONE_WEEKS, Week, cell, plain, table
from workbook.catalog import Unit


def roadmap_page(weeks: list[Week], katas: Unit | None) -> str:
    parts = [
        "# Roadmap",
        "Thirteen weeks, 90 days, one portfolio project. Each week is one lesson with its "
        "exercises; follow it at 2 hours a day or at 5 hours a week. Every lesson has both "
        "plans in tabs like the ones below.",
        "## At a glance",
        _glance(weeks),
        "## Capstone milestones",
        "TaskHub, the capstone, is built and graded in four milestones, one a week. "
        "The [capstone page](capstone.md) describes the service and how each milestone is "
        "checked.",
        _capstone(weeks),
        "## Two paces",
        _paces(weeks, katas),
        "## Week by week",
        *[_week(week) for week in weeks],
    ]
    return "\n\n".join(parts) + "\n"


def _glance(weeks: list[Week]) -> str:
    rows = []
    for week in weeks:
        syllabus = week.unit.syllabus if week.unit else None
        rows.append(
            [
                f"[{week.number}]({week.page})",
                week.days.removeprefix("Days ") or "to come",
                plain(week.unit.title) if week.unit else "To come",
                plain(syllabus.milestone) if syllabus else "",
            ]
        )
    return table(["Week", "Days", "Title", "Milestone"], rows)


def _capstone(weeks: list[Week]) -> str:
    rows = [
        [
            f"[{week.number}]({week.page})",
            week.days.removeprefix("Days "),
            plain(week.unit.syllabus.milestone),
        ]
        for week in weeks
        if week.number in CAPSTONE_WEEKS and week.unit and week.unit.syllabus
    ]
    return table(["Week", "Days", "Milestone"], rows)


def _paces(weeks: list[Week], katas: Unit | None) -> str:
    daily = [
        "Seven days a week, about 2 hours each: one lesson a week, 90 days in all. "
        "Each day names its topic and the exercises and katas that practise it.",
    ]
    for week in weeks:
        daily.append(_daily_details(week, katas))
    weekly = [
        "Three sessions a week (about 1 h 30, 1 h 30 and 2 h), one lesson a week. "
        'The lesson\'s "5 hours a week" tab says what to do in each session and what to skip; '
        'the "If you are behind" section says what not to skip.',
        table(
            ["Week", "Title", "Sessions"],
            [
                [
                    f"[{week.number}]({week.page})",
                    plain(week.unit.title) if week.unit else "To come",
                    "<br>".join(cell(s) for s in lesson.sessions(week.lesson or ""))
                    or "See the lesson",
                ]
                for week in weeks
            ],
        ),
    ]
    return "\n\n".join(
        [
            '=== "2 hours a day"',
            _indent("\n\n".join(daily)),
            '=== "5 hours a week"',
            _indent("\n\n".join(weekly)),
        ]
    )


def _daily_details(week: Week, katas: Unit | None) -> str:
    syllabus = week.unit.syllabus if week.unit else None
    if syllabus is None:
        return f'??? note "{week.heading}"\n\n    The lesson is not published yet.'
    practice: defaultdict[int, list[str]] = defaultdict(list)
    for exercise in week.exercises:
        practice[exercise.day].append(f"`{exercise.slug}`")
    ready = {exercise.slug for exercise in week.exercises}
    for planned in syllabus.planned:
        if planned.slug not in ready:
            practice[planned.day].append(f"`{planned.slug}` (planned)")
    assigned = set(syllabus.katas)
    for kata in katas.exercises if katas else ():
        if kata.slug in assigned and syllabus.days[0] <= kata.day <= syllabus.days[1]:
            practice[kata.day].append(f"kata `{kata.slug}`")
    topics = lesson.day_topics(week.lesson or "")
    rows = [
        [str(day), cell(topics.get(day, "")), ", ".join(practice.get(day, [])) or "review"]
        for day in range(syllabus.days[0], syllabus.days[1] + 1)
    ]
    body = table(["Day", "Topic", "Practice"], rows)
    return f'??? note "{week.heading} · {week.days}"\n\n{_indent(body)}'


def _week(week: Week) -> str:
    syllabus = week.unit.syllabus if week.unit else None
    lines = [f"### [{week.heading}]({week.page})"]
    if syllabus is None:
        lines.append("The lesson is not published yet.")
        return "\n\n".join(lines)
    lines.append(f"**{week.days}.** {plain(syllabus.summary)}")
    lines.append(f"**Milestone:** {plain(syllabus.milestone.rstrip('.'))}.")
    if syllabus.bonus:
        lines.append(f"**Bonus track:** {plain(syllabus.bonus.rstrip('.'))}.")
    return "\n\n".join(lines)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())
