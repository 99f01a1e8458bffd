"""The records the page generators share: one week of the roadmap, and small Markdown helpers."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from sitegen.strings_pt import PT_BR
from workbook.catalog import Exercise, Unit, week_name

EN_DASH = "\N{EN DASH}"  # day ranges read "Days 15 to 21" with an en dash, as in the lessons
CAPSTONE_WEEKS = range(9, 13)  # TaskHub is built in weeks 9 to 12 (README.md)
# Careful reading of a technical lesson, with its examples run along: words per minute.
READING_WORDS_PER_MINUTE = 150
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


class SiteError(Exception):
    """The site cannot be assembled; the message says which file to fix."""


@dataclass(frozen=True)
class Week:
    """One week: its metadata (None until written) and its lesson text (None until written)."""

    number: int
    unit: Unit | None
    lesson: str | None
    translated_lesson: str | None = None  # the pt-BR lesson, once it is translated

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
    def translated_title(self) -> str | None:
        """The title of the pt-BR lesson, when there is one."""
        if self.translated_lesson is None:
            return None
        return next(
            (
                line[2:].strip()
                for line in self.translated_lesson.splitlines()
                if line.startswith("# ")
            ),
            None,
        )

    def lesson_in(self, language: str) -> str:
        """The lesson's text in ``language``: the translation when there is one, else English."""
        if language != "en" and self.translated_lesson is not None:
            return self.translated_lesson
        return self.lesson or ""

    def heading_in(self, language: str) -> str:
        """The heading in English (``en``) or Portuguese (``pt-BR``)."""
        if language == "en":
            return self.heading
        if self.translated_title:
            return self.translated_title
        if self.unit is None:
            return f"Semana {self.number:02d}"
        return f"Semana {self.number:02d} · {PT_BR.get(self.unit.title, self.unit.title)}"

    @property
    def days(self) -> str:
        return self.days_in("en")

    def days_in(self, language: str) -> str:
        if self.unit is None or self.unit.syllabus is None:
            return ""
        first, last = self.unit.syllabus.days
        word = "Days" if language == "en" else "Dias"
        return f"{word} {first}{EN_DASH}{last}"

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        return self.unit.exercises if self.unit is not None else ()

    @property
    def reading_minutes(self) -> int:
        """About how long the lesson takes to read, rounded up to 5 minutes."""
        return reading_minutes(self.lesson or "")

    def path(self, *, core_only: bool) -> PathTime:
        """The 5 h/week path (the core exercises) or the 2 h/day path (all of them)."""
        chosen = tuple(e for e in self.exercises if e.core or not core_only)
        return PathTime(chosen, sum(e.minutes for e in chosen), self.reading_minutes)


@dataclass(frozen=True)
class PathTime:
    """The exercises of one path through a week and the time they take, from the metadata."""

    exercises: tuple[Exercise, ...]
    exercise_minutes: int
    reading_minutes: int

    @property
    def minutes(self) -> int:
        return self.exercise_minutes + self.reading_minutes


def reading_minutes(markdown: str) -> int:
    """Minutes to read ``markdown`` (fenced code excluded), rounded up to 5; 0 when empty."""
    words = 0
    fence: str | None = None
    for line in markdown.splitlines():
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * 3
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
        else:
            words += len(line.split())
    return 5 * math.ceil(words / READING_WORDS_PER_MINUTE / 5)


def duration(minutes: int) -> str:
    """``275`` -> ``4 h 35``; ``45`` -> ``45 min`` (the same in both languages)."""
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


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


_MERMAID_UNSAFE = str.maketrans({":": " -", ";": ",", '"': "'", "#": "", "<": " ", ">": " "})


def mermaid_label(text: str, width: int = 0) -> str:
    """Prose made safe for a Mermaid label, wrapped with ``<br>`` at ``width`` characters."""
    safe = " ".join(text.translate(_MERMAID_UNSAFE).split())
    if not width:
        return safe
    lines: list[str] = []
    for word in safe.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)
