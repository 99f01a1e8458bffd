"""The built site, read in a real browser: Chromium served over HTTP, and opened from disk."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.site.conftest import ROOT, SAMPLE_PROGRESS, BrowserErrors
from workbook.catalog import load_catalog

OpenPage = Callable[[str], tuple[Page, BrowserErrors]]


def test_home_page_shows_the_quick_start(site_url: str, open_page: OpenPage) -> None:
    page, errors = open_page(site_url + "index.html")
    expect(page).to_have_title(re.compile("Python Backend Workbook"))
    content = page.locator("article.md-content__inner")
    expect(content.get_by_role("heading", name="Quick start")).to_be_visible()
    expect(content.locator("code", has_text="nox -s week01")).to_be_visible()
    expect(content.get_by_role("heading", name="Reading a verdict")).to_be_visible()
    errors.check()


def test_navigation_reaches_week_03_by_clicking(site_url: str, open_page: OpenPage) -> None:
    page, errors = open_page(site_url + "index.html")
    sidebar = page.locator("nav.md-nav--primary")
    sidebar.locator("label.md-nav__link", has_text="Weeks").click()
    sidebar.get_by_role("link", name=re.compile(r"^Week 03")).click()
    expect(page).to_have_url(re.compile(r"weeks/week03\.html$"))
    expect(page.locator("h1")).to_contain_text("Week 03")
    tabs = page.locator("article .tabbed-labels label")
    expect(tabs.filter(has_text="2 hours a day")).to_be_visible()
    expect(tabs.filter(has_text="5 hours a week")).to_be_visible()
    errors.check()


def test_search_finds_idempotency(site_url: str, open_page: OpenPage) -> None:
    page, errors = open_page(site_url + "index.html")
    _search(page, "idempotency")
    errors.check()


def test_progress_page_ticks_the_passed_exercises(site_url: str, open_page: OpenPage) -> None:
    page, errors = open_page(site_url + "progress.html")
    expect(page.locator("h1")).to_contain_text("Progress")
    items: list[tuple[str, bool]] = page.eval_on_selector_all(
        "li.task-list-item",
        "items => items.map(item => [item.innerText.trim(), item.querySelector('input').checked])",
    )
    states = dict(items)
    sample = json.loads(SAMPLE_PROGRESS.read_text(encoding="utf-8"))["exercises"]
    exercises = load_catalog(ROOT).all_exercises()
    expected = {e.id for e in exercises if (sample.get(e.id) or {}).get("first_passed_at")}
    assert expected, "the sample progress file should pass at least one current exercise"
    assert len(expected) < len(exercises), "and leave at least one unpassed"
    for exercise in exercises:
        text = f"{exercise.slug}: {exercise.title}"
        assert text in states, f"{exercise.id} is missing from the progress page"
        assert states[text] == (exercise.id in expected), f"{exercise.id} ticked wrongly"
    ticked = {text for text, checked in states.items() if checked}
    assert len(ticked) == len(expected), f"only passed exercises are ticked: {sorted(ticked)}"
    for unit in load_catalog(ROOT).units:
        if unit.exercises:
            passed = sum(1 for e in unit.exercises if e.id in expected)
            anchor = unit.name if unit.name != "katas" else "katas"
            row = page.locator("table tr", has=page.locator(f"a[href='#{anchor}']"))
            expect(row).to_contain_text(f"{passed} of {len(unit.exercises)}")
    errors.check()


def test_site_opened_from_disk_has_its_style_and_search(
    built_site: Path, open_page: OpenPage
) -> None:
    page, errors = open_page((built_site / "weeks" / "week03.html").as_uri())
    expect(page.locator("h1")).to_contain_text("Week 03")
    header = page.locator("header.md-header")
    expect(header).to_be_visible()
    assert header.evaluate("element => getComputedStyle(element).position") == "sticky"
    assert page.evaluate("document.styleSheets.length") > 0
    _search(page, "idempotency")
    errors.check()


@pytest.mark.parametrize("opened", ["served", "from disk"])
def test_week_01_draws_its_mermaid_diagrams(
    opened: str, request: pytest.FixtureRequest, open_page: OpenPage
) -> None:
    """Every ```mermaid block of the lesson becomes an SVG drawn by the Mermaid shipped with
    the site (the fixtures fail the test on a console error or a request to another host)."""
    lesson = (ROOT / "weeks" / "week01" / "README.md").read_text(encoding="utf-8")
    count = lesson.count("```mermaid\n")
    assert count, "week 1 should have Mermaid diagrams"
    if opened == "served":
        url = request.getfixturevalue("site_url") + "weeks/week01.html"
    else:
        url = (request.getfixturevalue("built_site") / "weeks" / "week01.html").as_uri()
    page, errors = open_page(url)
    diagrams = page.locator("article div.mermaid")
    expect(diagrams).to_have_count(count, timeout=20_000)
    expect(page.locator("article pre.mermaid")).to_have_count(0)
    for number in range(count):
        svg = diagrams.nth(number).locator("svg")
        expect(svg).to_be_visible()
        expect(svg.locator("g.node").first).to_be_visible()
        expect(svg).not_to_contain_text("Syntax error")
    expect(diagrams.first.locator("svg")).to_contain_text("Add the day 1 setup check")
    errors.check()


def _search(page: Page, query: str) -> None:
    """Type into the header's search box and expect a result that mentions the query."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=20)
    results = page.locator("li.md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    expect(results.first).to_contain_text(re.compile(query[:9], re.IGNORECASE))
