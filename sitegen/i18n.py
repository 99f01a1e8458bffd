"""The site's two languages: which pages the Portuguese edition has, and its interface text.

English is the source. The Portuguese (pt-BR) edition mirrors it under ``pt-BR/``: the same
relative paths, so links inside the edition stay as they are, and a link to a page the edition
does not have goes to the English page. Text that the generators write is English in the code
and looked up here (``tr``) for Portuguese; ``tests/site`` checks every string has its entry.
"""

from __future__ import annotations

import json
import posixpath

from sitegen.strings_pt import PT_BR
from sitegen.translations import PORTUGUESE

ENGLISH = "en"
LANGUAGES = (ENGLISH, PORTUGUESE)
NAMES = {ENGLISH: "English", PORTUGUESE: "Português (Brasil)"}
HREFLANG = {ENGLISH: "en", PORTUGUESE: "pt"}
PREFIX = {ENGLISH: "", PORTUGUESE: "pt-BR/"}

# Site pages of the Portuguese edition; every other page exists in English only.
GENERATED_PAGES = ("index.md", "roadmap.md", "exercises.md", "progress.md")
TRANSLATED_DOCS = ("capstone.md", "mentor-guide.md", "glossary.md", "interview-qa.md")


def edition_pages(week_pages: list[str]) -> tuple[str, ...]:
    """Every page the Portuguese edition publishes (translated or falling back to English)."""
    return (*GENERATED_PAGES, *week_pages, *TRANSLATED_DOCS)


def tr(text: str, language: str) -> str:
    """``text`` (English, as written in the generators) in ``language``."""
    if language == PORTUGUESE:
        return PT_BR.get(text, text)
    return text


def site_path(page: str, language: str) -> str:
    """Where ``page`` (an English site path) lives in ``language``'s edition."""
    return PREFIX[language] + page


def link(target: str, language: str, edition: tuple[str, ...], *, here: str = "index.md") -> str:
    """A relative link from ``here`` to ``target`` (site paths relative to the edition's root):
    inside the edition when it has the page, else to the English page."""
    target_page, _, anchor = target.partition("#")
    destination = site_path(target_page, language) if target_page in edition else target_page
    relative = posixpath.relpath(destination, posixpath.dirname(site_path(here, language)) or ".")
    return relative + (f"#{anchor}" if anchor else "")


def front_matter(
    page: str,
    translated: bool,
    *,
    search: bool = True,
    title: str | None = None,
    language: str = ENGLISH,
) -> str:
    """YAML front matter with the language switcher's links to ``page`` in both languages
    (read by sitegen/overrides/partials/alternate.html), when the page has both."""
    lines = ["---"]
    if language != ENGLISH:
        # The theme's interface in this language (sitegen/overrides/partials/language.html).
        lines.append(f"ui_language: {language}")
    if title:
        lines.append("title: " + json.dumps(title, ensure_ascii=False))
    if translated:
        lines.append("alternate:")
        for edition in LANGUAGES:
            html = posixpath.splitext(site_path(page, edition))[0] + ".html"
            lines += [
                f"  - name: {NAMES[edition]}",
                f"    link: {html}",
                f"    lang: {HREFLANG[edition]}",
            ]
    if not search:
        lines += ["search:", "  exclude: true"]
    if len(lines) == 1:
        return ""
    return "\n".join([*lines, "---", ""])
