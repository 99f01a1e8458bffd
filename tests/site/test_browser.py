"""The built site, read in a real browser: Chromium served over HTTP, and opened from disk."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitegen import SiteSource
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


@pytest.mark.parametrize(
    ("start", "query"), [("index.html", "idempotency"), ("pt-BR/index.html", "idempotência")]
)
def test_search_finds_idempotency_in_both_languages(
    start: str, query: str, site_url: str, open_page: OpenPage
) -> None:
    page, errors = open_page(site_url + start)
    _search(page, query)
    errors.check()


def test_home_page_cards_are_links(site_url: str, open_page: OpenPage) -> None:
    """the cards and the next steps are links that lead to their pages"""
    page, errors = open_page(site_url + "index.html")
    cards = page.locator("article .grid.cards")
    expect(cards.get_by_role("link", name="Roadmap")).to_have_attribute("href", "roadmap.html")
    next_steps = page.locator("article ul").last
    expect(next_steps.locator("code")).to_have_count(0)
    cards.get_by_role("link", name="Interview prep").click()
    expect(page).to_have_url(re.compile(r"interview-qa\.html$"))
    errors.check()


def test_interview_answers_start_closed_and_open_on_click(
    site_url: str, open_page: OpenPage
) -> None:
    page, errors = open_page(site_url + "interview-qa.html")
    questions = page.locator("article details.question")
    expect(questions).to_have_count(79)
    expect(page.locator("article details.question[open]")).to_have_count(0)
    first = questions.first
    answer = first.get_by_text(re.compile("^How to answer:"))
    expect(answer).to_be_hidden()
    first.locator("summary").click()
    expect(first).to_have_attribute("open", "")
    expect(answer).to_be_visible()
    expect(page.locator("article details.question[open]")).to_have_count(1)
    errors.check()


@pytest.mark.parametrize("opened", ["served", "from disk"])
def test_language_switcher_reaches_portuguese_week_03_and_back(
    opened: str, request: pytest.FixtureRequest, open_page: OpenPage
) -> None:
    """the header's switcher leads to the same page in the other language, both ways"""
    if opened == "served":
        url = request.getfixturevalue("site_url") + "weeks/week03.html"
    else:
        url = (request.getfixturevalue("built_site") / "weeks" / "week03.html").as_uri()
    page, errors = open_page(url)
    _switch_language(page, "pt")
    expect(page).to_have_url(re.compile(r"/pt-BR/weeks/week03\.html$"))
    expect(page.locator("h1")).to_contain_text("03")
    portuguese = page.locator("article")
    expect(portuguese).to_contain_text(re.compile("Semana 03|Tradução a caminho"))
    _switch_language(page, "en")
    expect(page).to_have_url(re.compile(r"(?<!pt-BR)/weeks/week03\.html$"))
    expect(page.locator("h1")).to_contain_text("Week 03")
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


@pytest.mark.parametrize(
    "name", ["roadmap", "weeks/week03", "capstone", "skills-map", "pt-BR/roadmap"]
)
def test_site_pages_draw_their_diagrams(
    name: str, site_url: str, site_source: SiteSource, open_page: OpenPage
) -> None:
    """the roadmap's timeline and milestones, a lesson's and the capstone's diagrams render"""
    source = (site_source.output / f"{name}.md").read_text(encoding="utf-8")
    count = source.count("```mermaid\n")
    assert count, f"{name} should have Mermaid diagrams"
    page, errors = open_page(f"{site_url}{name}.html")
    diagrams = page.locator("article div.mermaid")
    expect(diagrams).to_have_count(count, timeout=20_000)
    for number in range(count):
        svg = diagrams.nth(number).locator("svg")
        expect(svg).to_be_visible()
        expect(svg).not_to_contain_text("Syntax error")
    errors.check()


def _switch_language(page: Page, hreflang: str) -> None:
    """Open the header's language menu and pick a language."""
    menu = page.locator("header .md-select")
    menu.hover()
    menu.locator(f"a.md-select__link[hreflang='{hreflang}']").click()


def _search(page: Page, query: str) -> None:
    """Type into the header's search box and expect a result that mentions the query."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=20)
    results = page.locator("li.md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    expect(results.first).to_contain_text(re.compile(query[:9], re.IGNORECASE))
