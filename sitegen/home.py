"""The home page, made from the repository's README so the two never disagree."""

from __future__ import annotations

from sitegen import lesson
from sitegen.sources import SiteError

_NEXT_STEPS = """\
## Where to go next

- [Roadmap](roadmap.md): the 13 weeks and 90 days at a glance, at either pace.
- [Week 01](weeks/week01.md): set up your environment and start.
- [Exercise catalog](exercises.md): every graded exercise, with its points and time.
- [Progress](progress.md): checklists for every week, ticked from your latest checks.
- [Capstone](capstone.md): TaskHub, the service you build in weeks 9 to 12.
- [Mentor guide](mentor-guide.md): how a mentor reviews your pull requests.
"""


def home_page(readme: str) -> str:
    """What the workbook is, who it is for, the quick start and how to read a verdict."""
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
    if missing:
        raise SiteError(f"README.md needs {', '.join(missing)} for the site's home page")
    return "\n\n".join(
        [
            f"# {title}",
            lesson.before_first_section(readme),
            f"## Quick start\n\n{quick_start}",
            f"## Reading a verdict\n\n{verdict}",
            _NEXT_STEPS,
        ]
    )
