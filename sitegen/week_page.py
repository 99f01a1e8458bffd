"""What the site adds to a lesson: both paths' hours, and the week's terms in the glossary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sitegen import lesson
from sitegen.i18n import tr
from sitegen.sources import Week, duration

_TERM = re.compile(r"^###\s+(?P<term>.+?)\s*\{\s*#(?P<id>[\w-]+)\s*\}\s*$")
_MOST_TERMS = 12


_TAUGHT_IN = re.compile(r"weeks/week(\d\d)/README\.md")


@dataclass(frozen=True)
class Term:
    """A glossary entry: its name, its anchor in glossary.md and the weeks that teach it."""

    name: str
    anchor: str
    weeks: frozenset[int]


def glossary_terms(markdown: str) -> list[Term]:
    """The ``### Term { #id }`` entries of the glossary, with the weeks their text links to."""
    entries: list[tuple[str, str, list[str]]] = []
    fence = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fence = not fence
        match = None if fence else _TERM.match(line)
        if match:
            entries.append((match.group("term"), match.group("id"), []))
        elif entries and not line.startswith("#"):
            entries[-1][2].append(line)
        elif entries and line.startswith("#"):
            entries.append(("", "", []))
    return [
        Term(name, anchor, frozenset(int(n) for n in _TAUGHT_IN.findall("\n".join(body))))
        for name, anchor, body in entries
        if name
    ]


def read_glossary(path: Path) -> list[Term]:
    return glossary_terms(path.read_text(encoding="utf-8")) if path.is_file() else []


def with_paths(text: str, week: Week, terms: list[Term], language: str, glossary: str) -> str:
    """``text`` (a lesson) with a box of the two paths and the week's terms under its title."""
    taught = [term for term in terms if week.number in term.weeks]
    box = _paths_box(week, _terms_in(text, taught), language, glossary)
    if not box:
        return text
    lines = text.splitlines()
    for index, line in enumerate(lines):
        found = lesson.heading(line)
        if found and found[0] == 1:
            return "\n".join([*lines[: index + 1], "", box, "", *lines[index + 1 :]])
    return box + "\n\n" + text


def _terms_in(text: str, terms: list[Term]) -> list[Term]:
    prose = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    prose = re.sub(r"`[^`\n]*`", "", prose)
    found = []
    for term in terms:
        name = term.name.split(" (")[0]
        pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
        # REST, JWT, ORM...: only in capitals, so "the rest" is not REST.
        flags = 0 if name.isupper() else re.IGNORECASE
        match = re.search(pattern, prose, flags=flags)
        found.append((match.start() if match else len(prose), term))
    return [term for _, term in sorted(found, key=lambda pair: pair[0])][:_MOST_TERMS]


def _paths_box(week: Week, terms: list[Term], language: str, glossary: str) -> str:
    def t(words: str) -> str:
        return tr(words, language)

    lines = []
    if week.exercises:
        core = week.path(core_only=True)
        full = week.path(core_only=False)
        slugs = ", ".join(f"`{exercise.slug}`" for exercise in core.exercises)
        lines.append(
            t(
                "**5 h/week path (the core):** about {hours}, {reading} of reading and {count} "
                "exercises"
            ).format(
                hours=duration(core.minutes),
                reading=duration(core.reading_minutes),
                count=len(core.exercises),
            )
            + (f": {slugs}." if slugs else ".")
        )
        lines.append(
            t("**2 h/day path (everything):** about {hours}, every exercise ({count}).").format(
                hours=duration(full.minutes), count=len(full.exercises)
            )
        )
    if terms:
        links = ", ".join(f"[{term.name}]({glossary}#{term.anchor})" for term in terms)
        lines.append(t("**Terms of the week** in the glossary: {links}.").format(links=links))
    if not lines:
        return ""
    body = "\n\n".join(f"    {line}" for line in lines)
    return f'!!! abstract "{t("This week at either pace")}"\n\n{body}'
