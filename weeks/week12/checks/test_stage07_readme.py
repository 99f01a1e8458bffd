"""Checks for week12/stage07_readme: the README as the project's front page.

The endpoints table is compared with the routes the application really serves (its OpenAPI
document), so a route added later and never documented is found.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbook.checking import Learner, NotStarted, expect_true
from workbook.checking_delivery import read_deliverable
from workbook.taskhub_checks import open_taskhub, project_dir, shown_project

README_MARKER = "<!-- TODO: write this README (delivery milestone) -->"
START_HELP = ("Write the README as the project's front page: what TaskHub is, setup, the "
              "endpoints, a curl walk-through, the architecture and your decisions.")
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def _readme(learner: Learner) -> tuple[str, str]:
    shown = f"{shown_project(learner)}/README.md"
    path = read_deliverable(project_dir(learner), ["README.md"],
                            shown_project=shown_project(learner), help=START_HELP)
    text = path.read_text(encoding="utf-8", errors="replace")
    if README_MARKER in text:
        raise NotStarted(
            f"{shown} is still the starter README",
            help="Replace the marked section of the starter README with your own, and remove "
            f"the line {README_MARKER}.",
        )
    return shown, text


def _headings(text: str) -> list[str]:
    return [line.lstrip("#").strip().lower() for line in text.splitlines() if line.startswith("#")]


def _documented(text: str) -> set[tuple[str, str]]:
    """``(METHOD, /path)`` pairs named in the README's table rows (path parameters as {}).

    A row may give the method in its own cell (| GET | /tasks |) or with the path
    (| `GET /tasks` |).
    """
    found: set[tuple[str, str]] = set()
    for line in text.splitlines():
        if not line.lstrip().startswith("|"):
            continue
        cells = [cell.strip().strip("`").strip() for cell in line.strip().strip("|").split("|")]
        methods = [m for cell in cells for m in _METHODS if re.match(rf"^{m}\b", cell)]
        paths = [p for cell in cells for p in re.findall(r"(/[\w\-/{}.]*)", cell)]
        for method in methods[:1]:
            for path in paths[:1]:
                found.add((method, re.sub(r"\{[^}]*\}", "{}", path.rstrip("/") or "/")))
    return found


def test_readme_sections(learner: Learner) -> None:
    """has sections for setup, architecture and decisions"""
    shown, text = _readme(learner)
    headings = _headings(text)
    wanted = {
        "setup": ("setup", "set up", "getting started", "quick start", "quickstart", "install"),
        "architecture": ("architecture", "structure", "design", "layout", "organi"),
        "decisions": ("decision", "trade-off", "tradeoff", "why "),
    }
    missing = [section for section, words in wanted.items()
               if not any(word in heading for heading in headings for word in words)]
    expect_true(
        not missing, what=f"the headings of {shown}",
        expected="sections for setup, architecture and decisions",
        actual=f"no heading for {', '.join(missing)}",
        help="A reviewer looks for how to run it, how it is built and why: give each a "
        "heading (## Setup, ## Architecture, ## Decisions) so they find it at a glance.",
    )


def test_endpoints_table_matches_the_app(learner: Learner, tmp_path: Path) -> None:
    """lists in a table every route the application serves"""
    shown, text = _readme(learner)
    with open_taskhub(learner, tmp_path) as hub:
        document = hub.app.openapi()
    served = {
        (method.upper(), re.sub(r"\{[^}]*\}", "{}", path.rstrip("/") or "/")): path
        for path, operations in document.get("paths", {}).items()
        for method in operations if method.upper() in _METHODS
    }
    documented = _documented(text)
    missing = sorted(((method, path) for (method, _shape), path in served.items()
                      if (method, _shape) not in documented), key=lambda pair: (pair[1], pair[0]))
    expect_true(
        not missing, what=f"the tables of {shown}",
        expected=f"a row for each of the {len(served)} routes of the OpenAPI document",
        actual="no row for " + ", ".join(f"{m} {p}" for m, p in missing[:8])
        + (f" and {len(missing) - 8} more" if len(missing) > 8 else ""),
        help="One Markdown table row per method and path (| GET | /tasks/{task_id} | ... |) "
        "tells a reader what the API offers without opening /docs; keep it in step with the "
        "routers.",
    )


def test_curl_walkthrough(learner: Learner) -> None:
    """walks through a session with curl: at least three calls, one of them the login"""
    shown, text = _readme(learner)
    calls = re.findall(r"(?m)(?:^|[\s$(`|])curl\s[^\n]*(?:\\\n[^\n]*)*", text)
    expect_true(
        len(calls) >= 3, what=shown, expected="at least three curl examples",
        actual=f"{len(calls)}",
        help="Walk through a real session: register, log in to get a token, then create and "
        "list tasks with the Authorization header.",
    )
    expect_true(
        any("/auth/token" in call for call in calls), what=f"the curl examples of {shown}",
        expected="one that logs in (POST /auth/token) to get the token the others send",
        actual="no curl call to /auth/token",
        help="Show where the token comes from: curl -X POST $API/auth/token -d "
        "'username=...&password=...', then -H \"Authorization: Bearer $TOKEN\".",
    )


def test_docker_quick_start(learner: Learner) -> None:
    """tells how to start the whole stack with docker compose"""
    shown, text = _readme(learner)
    expect_true(
        re.search(r"docker[ -]compose\s+up", text) is not None, what=shown,
        expected="the command that starts the stack: docker compose up --build",
        actual="no 'docker compose up' in the README",
        help="A reviewer should run your project with two commands: cp .env.example .env, "
        "then docker compose up --build.",
    )
