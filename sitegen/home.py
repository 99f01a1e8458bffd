"""The home page: cards to the main places, then the README's quick start and a real verdict.

The English text comes from the repository's README so the two never disagree; the sample
verdict is the first real report pasted in week 01's lesson (the README's may name an older
exercise). The Portuguese home uses its own translated text around the same commands.
"""

from __future__ import annotations

import re

from sitegen import lesson
from sitegen.i18n import link, tr
from sitegen.progress_source import LearnerProgress
from sitegen.sources import SiteError, Week, duration
from sitegen.strings_pt import HOME_INTRO_PT, HOME_QUICK_START_PT, HOME_VERDICT_PT

_TEXT_BLOCK = re.compile(r"^```text\n(.*?)^```", re.M | re.S)

# (title, English text, target page) of each card on the home page.
HOME_CARDS = (
    ("Start here", "Install the tools, grade week 01 and read your first verdict.", "#quick-start"),
    ("Roadmap", "Thirteen weeks at a glance, at 2 hours a day or 5 hours a week.", "roadmap.md"),
    ("This week", "", ""),
    (
        "Capstone",
        "TaskHub, the FastAPI service you build in weeks 9 to 12 and show in interviews.",
        "capstone.md",
    ),
    (
        "Interview prep",
        "79 questions with model answers, the mistakes to avoid and the likely follow-ups.",
        "interview-qa.md",
    ),
    (
        "Glossary",
        "The terms the course uses, each in a sentence or two, with where it is taught.",
        "glossary.md",
    ),
)

NEXT_STEPS = (
    ("Roadmap", "roadmap.md", "the 13 weeks and 90 days at a glance, at either pace."),
    ("Week 01", "weeks/week01.md", "set up your environment and start."),
    ("Exercise catalog", "exercises.md", "every graded exercise, with its path and time."),
    ("Progress", "progress.md", "checklists for every week, ticked from your latest checks."),
    ("Capstone", "capstone.md", "TaskHub, the service you build in weeks 9 to 12."),
    ("Interview Q&A", "interview-qa.md", "practise answers out loud, then open the model one."),
    ("Glossary", "glossary.md", "the course's vocabulary in one page."),
    ("Mentor guide", "mentor-guide.md", "how a mentor reviews your pull requests."),
)


def home_page(
    readme: str,
    weeks: list[Week],
    progress: LearnerProgress | None,
    language: str = "en",
    edition: tuple[str, ...] = (),
) -> str:
    """What the workbook is, cards to its main places, the quick start and a verdict."""
    title = lesson.title(readme)
    quick_start = lesson.section(readme, "Quick start")
    verdict = lesson.section(readme, "Reading a verdict", level=3)
    missing = [
        name
        for name, found in [
            ("a '# ' title", title),
            ("a '## Quick start' section", quick_start),
            ("a '### Reading a verdict' section", verdict),
        ]
        if not found
    ]
    if missing or title is None or quick_start is None or verdict is None:
        raise SiteError(f"README.md needs {', '.join(missing)} for the site's home page")
    # The README's sample is a real run (tests/test_readme.py keeps it so); week 01's lesson
    # has another, used when the README has none.
    report = _sample_report_from(verdict) or _sample_report(weeks)

    def t(text: str) -> str:
        return tr(text, language)

    sample = f"```text\n{report}```" if report else ""
    if language == "en":
        intro = lesson.before_first_section(readme)
        quick = quick_start
        reading = verdict if _sample_report_from(verdict) else f"{sample}\n\n{verdict}"
    else:
        intro, quick = HOME_INTRO_PT, HOME_QUICK_START_PT
        reading = "\n\n".join(
            [t("A real report from week 01:"), sample, HOME_VERDICT_PT]
        )
    steps = "\n".join(
        f"- [{t(name)}]({link(page, language, edition)}): {t(text)}"
        for name, page, text in NEXT_STEPS
    )
    return "\n\n".join(
        [
            f"# {title}",
            intro,
            _cards(weeks, progress, language, edition),
            f"## {t('Quick start')} {{ #quick-start }}",
            quick,
            f"## {t('Reading a verdict')} {{ #reading-a-verdict }}",
            reading,
            f"## {t('Where to go next')}",
            steps,
        ]
    )


def current_week(weeks: list[Week], progress: LearnerProgress | None) -> Week:
    """The first week with an exercise not passed yet (week 01 without a progress file)."""
    passed = progress.passed if progress else frozenset()
    for week in weeks:
        if any(exercise.id not in passed for exercise in week.exercises):
            return week
    return weeks[-1]


def _cards(
    weeks: list[Week], progress: LearnerProgress | None, language: str, edition: tuple[str, ...]
) -> str:
    items = []
    for name, english, page in HOME_CARDS:
        if name == "This week":
            week = current_week(weeks, progress)
            core = week.path(core_only=True)
            target = week.page
            text = tr("{heading}: {days}, about {hours} on the 5 h/week path.", language).format(
                heading=week.heading_in(language),
                days=week.days_in(language),
                hours=duration(core.minutes),
            )
        else:
            text = tr(english, language)
            target = page if page.startswith("#") else link(page, language, edition)
        items.append(f"-   **[{tr(name, language)}]({target})**\n\n    ---\n\n    {text}")
    return '<div class="grid cards" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>"


def _sample_report(weeks: list[Week]) -> str | None:
    first = next((week for week in weeks if week.number == 1), None)
    return _sample_report_from(first.lesson or "") if first else None


def _sample_report_from(markdown: str) -> str | None:
    """The first ```text block that holds a failed verdict."""
    blocks = _TEXT_BLOCK.findall(markdown + "\n")
    return next((block for block in blocks if "✘ failed" in block), None)
