"""Read the parts of a lesson's Markdown that the generated pages reuse.

A lesson (``weeks/weekNN/README.md``) is written for people; these functions pick out its
deliverables, one section, the day-by-day topics of the "2 hours a day" plan and the session
headlines of the "5 hours a week" plan. Fenced code is skipped, so a ``# comment`` inside a
code block is never taken for a heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}$")  # a trailing attr_list such as { #plan }
_TASK = re.compile(r"^- \[[ xX]\]\s+(.*)$")
_DAY_ROW = re.compile(r"^\s*\|\s*(?:Day|Dia)\s+(\d+)\s*\|\s*([^|]*?)\s*\|")
_TAB = re.compile(r'^===\s+"([^"]+)"\s*$')
_SESSION = re.compile(r"^\s+\*\*((?:Session|Sessão)\b[^*]*?)\*\*")
# The plan's tabs, as the English lessons and their pt-BR translations title them.
DAILY_TABS = ("2 hours a day", "2 horas por dia")
WEEKLY_TABS = ("5 hours a week", "5 horas por semana")


def _lines_outside_code(markdown: str) -> Iterator[tuple[str, bool]]:
    """Yield each line with True when it is outside fenced code (fence lines count as code)."""
    fence: str | None = None
    for line in markdown.splitlines():
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * 3
            yield line, False
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            yield line, False
        else:
            yield line, True


def heading(line: str) -> tuple[int, str] | None:
    """``## Plan`` -> ``(2, "Plan")``; None when the line is not an ATX heading."""
    match = _HEADING.match(line)
    if match is None:
        return None
    return len(match.group(1)), _ATTRIBUTES.sub("", match.group(2))


def title(markdown: str) -> str | None:
    """The text of the first level-1 heading."""
    for line, outside in _lines_outside_code(markdown):
        found = heading(line) if outside else None
        if found and found[0] == 1:
            return found[1]
    return None


def section(markdown: str, name: str, level: int = 2) -> str | None:
    """The body of the heading ``name`` at ``level``, up to the next heading at that level or
    above; None when there is no such heading."""
    body: list[str] | None = None
    for line, outside in _lines_outside_code(markdown):
        found = heading(line) if outside else None
        if body is None:
            if found == (level, name):
                body = []
            continue
        if found and found[0] <= level:
            break
        body.append(line)
    return "\n".join(body).strip("\n") if body is not None else None


def before_first_section(markdown: str) -> str:
    """What comes between the title and the first level-2 heading."""
    body: list[str] = []
    for line, outside in _lines_outside_code(markdown):
        found = heading(line) if outside else None
        if found and found[0] == 1 and not body:
            continue
        if found and found[0] <= 2:
            break
        body.append(line)
    return "\n".join(body).strip("\n")


def deliverables(markdown: str, name: str = "Deliverables") -> list[str]:
    """The items of the ``## Deliverables`` list (``- [ ] ...``), continuation lines joined."""
    body = section(markdown, name)
    if body is None:
        return []
    items: list[str] = []
    for line in body.splitlines():
        task = _TASK.match(line)
        if task:
            items.append(task.group(1).strip())
        elif items and line.startswith((" ", "\t")) and line.strip():
            items[-1] = f"{items[-1]} {line.strip()}"
    return items


def tab(markdown: str, label: str) -> str | None:
    """The dedented body of the content tab ``=== "label"``; None when there is none."""
    body: list[str] | None = None
    for line in markdown.splitlines():
        if body is None:
            match = _TAB.match(line)
            if match and match.group(1) == label:
                body = []
            continue
        if line.strip() and not line.startswith((" ", "\t")):
            break
        body.append(line.removeprefix("    "))
    return "\n".join(body).strip("\n") if body is not None else None


def day_topics(markdown: str) -> dict[int, str]:
    """``| Day 15 | HTTP messages | ...`` rows of the "2 hours a day" plan: day -> topic
    (``| Dia 15 |`` under "2 horas por dia" in a translation)."""
    plan = next((body for label in DAILY_TABS if (body := tab(markdown, label))), "")
    topics: dict[int, str] = {}
    for line in plan.splitlines():
        match = _DAY_ROW.match(line)
        if match:
            topics[int(match.group(1))] = match.group(2)
    return topics


def sessions(markdown: str) -> list[str]:
    """The bold headlines of the "5 hours a week" plan, e.g. "Session 1 (about 1 h 30): ..."
    ("5 horas por semana" and "Sessão 1" in a translation)."""
    plan = next((body for label in WEEKLY_TABS if (body := tab(markdown, label))), None)
    if plan is None:
        return []
    found: list[str] = []
    for line in plan.splitlines():
        match = _SESSION.match(" " + line)
        if match:
            found.append(match.group(1).strip().rstrip("."))
    return found
