"""The records the page generators share: one week of the roadmap, and small Markdown helpers."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.catalog import Exercise, Unit, week_name

EN_DASH = "\N{EN DASH}"  # day ranges read "Days 15 to 21" with an en dash, as in the lessons
CAPSTONE_WEEKS = range(9, 13)  # TaskHub is built in weeks 9 to 12 (README.md)


class SiteError(Exception):
    """The site cannot be assembled; the message says which file to fix."""


@dataclass(frozen=True)
class Week:
    """One week: its metadata (None until written) and its lesson text (None until written)."""

    number: int
    unit: Unit | None
    lesson: str | None

    @property
    def name(self) -> str:
        return week_name(self.number)

    @property
    def page(self) -> str:
        """Where the lesson lives in the site, relative to the site's root."""
        return f"weeks/{self.name}.md"

    @property
    def heading(self) -> str:
        """``Week 03 · HTTP, REST and Pydantic``, as the lessons' titles read."""
        if self.unit is None:
            return f"Week {self.number:02d}"
        return f"Week {self.number:02d} · {self.unit.title}"

    @property
    def days(self) -> str:
        if self.unit is None or self.unit.syllabus is None:
            return ""
        first, last = self.unit.syllabus.days
        return f"Days {first}{EN_DASH}{last}"

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        return self.unit.exercises if self.unit is not None else ()


def cell(text: str) -> str:
    """Markdown that is safe inside a table cell: one line, no bare ``|``."""
    return " ".join(text.split()).replace("|", "\\|")


_MARKDOWN_SPECIALS = str.maketrans(
    {char: f"\\{char}" for char in "\\`*_[]"} | {"<": "&lt;", "|": "\\|"}
)


def plain(text: str) -> str:
    """Plain text from the metadata, shown as written (``__all__`` stays ``__all__``)."""
    return " ".join(text.split()).translate(_MARKDOWN_SPECIALS)


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
