"""The site's source is assembled from the repository and builds without a single warning."""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from sitegen import SiteSource, assemble_site
from sitegen.home import HOME_CARDS, NEXT_STEPS
from sitegen.i18n import edition_pages
from sitegen.lesson import day_topics, deliverables, section, sessions
from sitegen.links import LinkRewriter
from sitegen.roadmap import ARCS
from sitegen.strings_pt import HOME_QUICK_START_PT, PT_BR
from sitegen.translations import source_digest
from tests.site.conftest import ROOT, SAMPLE_PROGRESS, Build, run_build, site_config
from workbook.catalog import load_catalog

NAV_PAGES = [
    "index.md",
    "roadmap.md",
    *[f"weeks/week{number:02d}.md" for number in range(1, 14)],
    "katas.md",
    "exercises.md",
    "progress.md",
    "404.md",
    *[f"pt-BR/{page}" for page in edition_pages([f"weeks/week{n:02d}.md" for n in range(1, 14)])],
]


def test_mkdocs_builds_the_site_strictly(mkdocs_build: Build) -> None:
    """mkdocs build --strict succeeds and logs no warning."""
    assert mkdocs_build.returncode == 0, mkdocs_build.output
    assert "WARNING" not in mkdocs_build.output, mkdocs_build.output
    for page in ["index.html", "roadmap.html", "weeks/week03.html", "progress.html"]:
        assert (mkdocs_build.site / page).is_file(), f"{page} was not built"
    assert (mkdocs_build.site / "search" / "search_index.js").is_file(), "offline search index"


def test_zensical_builds_the_site(
    site_source: SiteSource, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Zensical, the successor of Material for MkDocs, builds the same mkdocs.yml."""
    if importlib.util.find_spec("zensical") is None:
        pytest.skip("zensical is not installed in this environment")
    zensical = Path(sys.executable).with_name("zensical")
    folder = tmp_path_factory.mktemp("zensical")
    probe = run_build([str(zensical), "--version"], folder, folder)
    if probe.returncode != 0:
        pytest.skip(f"zensical cannot run here: {probe.output.strip()[-500:]}")
    # Zensical wants the sources inside the folder that holds its configuration.
    shutil.copytree(site_source.output, folder / "src")
    config = site_config(folder / "src", folder / "site", folder)
    command = [str(zensical), "build", "--strict", "--config-file", str(config)]
    build = run_build(command, folder / "site", folder)
    assert build.returncode == 0, build.output
    assert (build.site / "weeks" / "week03.html").is_file()
    assert (build.site / "progress.html").is_file()


def test_every_nav_page_is_assembled(site_source: SiteSource) -> None:
    """The generated and rendered pages exist next to every hand-written page in docs/."""
    hand_written = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    for page in NAV_PAGES + hand_written:
        assert (site_source.output / page).is_file(), f"{page} is missing from the site source"
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in hand_written:
        assert page in nav, f"docs/{page} is not in the nav of mkdocs.yml"


def _without_front_matter(text: str) -> str:
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def test_week_pages_are_rendered_from_the_lessons(site_source: SiteSource) -> None:
    lesson = (ROOT / "weeks" / "week03" / "README.md").read_text(encoding="utf-8")
    page = (site_source.output / "weeks" / "week03.md").read_text(encoding="utf-8")
    assert _without_front_matter(page).splitlines()[0] == lesson.splitlines()[0]
    assert '=== "2 hours a day"' in page


def test_week_pages_show_both_paths_from_the_metadata(site_source: SiteSource) -> None:
    """each week page gives the hours of the 5 h/week (core) and 2 h/day paths"""
    catalog = load_catalog(ROOT)
    for unit in catalog.units:
        if unit.syllabus is None or not unit.exercises:
            continue
        page = (site_source.output / "weeks" / f"{unit.name}.md").read_text(encoding="utf-8")
        assert "**5 h/week path (the core):**" in page, unit.name
        assert "**2 h/day path (everything):**" in page, unit.name
        for exercise in unit.exercises:
            if exercise.core:
                assert f"`{exercise.slug}`" in page.split("**2 h/day path", 1)[0], exercise.id
    roadmap = (site_source.output / "roadmap.md").read_text(encoding="utf-8")
    assert "5 h/week: hours · exercises" in roadmap
    catalog_page = (site_source.output / "exercises.md").read_text(encoding="utf-8")
    assert "**core**" in catalog_page and "extra" in catalog_page
    progress = (site_source.output / "progress.md").read_text(encoding="utf-8")
    assert "Core exercises (the 5 h/week path)" in progress


def test_pages_of_both_languages_link_each_other(site_source: SiteSource) -> None:
    """the switcher's links in the front matter point at the same page in each language"""
    english = (site_source.output / "weeks" / "week03.md").read_text(encoding="utf-8")
    portuguese = (site_source.output / "pt-BR" / "weeks" / "week03.md").read_text("utf-8")
    for text in (english, portuguese):
        assert "link: weeks/week03.html" in text
        assert "link: pt-BR/weeks/week03.html" in text


def test_an_untranslated_page_falls_back_with_a_note(tmp_path: Path) -> None:
    """without a translation the pt-BR page is the English text, a note on top, not searched"""
    site = assemble_site(ROOT, tmp_path / "src", SAMPLE_PROGRESS, tmp_path / "none")
    page = (site.output / "pt-BR" / "mentor-guide.md").read_text(encoding="utf-8")
    assert "Tradução a caminho" in page
    assert "exclude: true" in page
    english = (ROOT / "docs" / "mentor-guide.md").read_text(encoding="utf-8")
    assert english.splitlines()[0] in page
    assert "[edição em inglês](../mentor-guide.md)" in page


def test_a_translation_replaces_the_english_text(tmp_path: Path) -> None:
    """a translated lesson is published in the pt-BR tree, its links kept inside the edition"""
    source = ROOT / "weeks" / "week03" / "README.md"
    folder = tmp_path / "translations" / "pt-BR" / "weeks" / "week03"
    folder.mkdir(parents=True)
    digest = source_digest(source)
    (folder / "README.md").write_text(
        f"<!-- translation-of: weeks/week03/README.md sha256: {digest} -->\n"
        "# Semana 03 · Exemplo\n\nVeja o [capstone](../../docs/capstone.md) e os "
        "[recursos](../../docs/resources.md).\n",
        encoding="utf-8",
    )
    site = assemble_site(ROOT, tmp_path / "src", SAMPLE_PROGRESS, tmp_path / "translations")
    page = (site.output / "pt-BR" / "weeks" / "week03.md").read_text(encoding="utf-8")
    assert "# Semana 03 · Exemplo" in page
    assert "[capstone](../capstone.md)" in page
    assert "[recursos](../../resources.md)" in page
    assert "Tradução a caminho" not in page
    roadmap = (site.output / "pt-BR" / "roadmap.md").read_text(encoding="utf-8")
    assert "Semana 03 · Exemplo" in roadmap


def test_every_generated_string_has_a_portuguese_text() -> None:
    """each English text the generators pass to tr() has its pt-BR entry"""
    missing = [text for text in _translated_literals() if text not in PT_BR]
    assert not missing, f"add these to sitegen/strings_pt.py: {missing}"


def _translated_literals() -> list[str]:
    found: list[str] = []
    for file in (ROOT / "sitegen").glob("*.py"):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"tr", "t"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append(node.args[0].value)
    found += [text for card in HOME_CARDS for text in card[:2] if text]
    found += [text for step in NEXT_STEPS for text in (step[0], step[2])]
    found += [arc[2] for arc in ARCS]
    return found


def test_the_site_has_its_diagrams(built_site: Path) -> None:
    """at least twelve Mermaid diagrams in the English site, among them the roadmap's"""
    pages = [p for p in built_site.rglob("*.html") if "pt-BR" not in p.parts]
    count = sum(p.read_text(encoding="utf-8").count('class="mermaid"') for p in pages)
    assert count >= 12, f"only {count} diagrams"
    roadmap = (built_site / "roadmap.html").read_text(encoding="utf-8")
    assert roadmap.count('class="mermaid"') >= 2
    assert (built_site / "capstone.html").read_text("utf-8").count('class="mermaid"') >= 5


def test_the_404_page_links_relatively(built_site: Path) -> None:
    """404.html opened from disk still finds its style and the home page"""
    text = (built_site / "404.html").read_text(encoding="utf-8")
    assert not re.search(r'(?:href|src)="/(?!/)', text), "a root-absolute link in 404.html"
    assert 'href="index.html"' in text or 'href="./index.html"' in text


def test_the_home_page_links_its_next_steps(site_source: SiteSource) -> None:
    """the home page's next steps are links, and its sample verdict names a real exercise"""
    home = (site_source.output / "index.md").read_text(encoding="utf-8")
    assert "[Roadmap](roadmap.md)" in home
    assert "[Glossary](glossary.md)" in home
    assert '<div class="grid cards" markdown>' in home
    slugs = {exercise.slug for exercise in load_catalog(ROOT).all_exercises()}
    named = re.findall(r"✘ failed\s+(\S+)", home)
    assert named and all(slug in slugs for slug in named), named


def test_the_portuguese_home_keeps_the_readme_commands() -> None:
    """the pt-BR quick start shows the README's commands unchanged, so the two never drift"""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = section(readme, "Quick start") or ""
    blocks = re.findall(r"^```console\n(.*?)^```", quick_start, flags=re.M | re.S)
    assert blocks, "the README's quick start should have a console block"
    for block in blocks:
        assert block in HOME_QUICK_START_PT, f"update sitegen/strings_pt.py: {block!r}"


def test_the_interview_answers_are_collapsible() -> None:
    """every interview question is a closed ??? block, so the reader answers first"""
    text = (ROOT / "docs" / "interview-qa.md").read_text(encoding="utf-8")
    assert text.count('??? question "') == 79
    assert not re.search(r"^### \d+\.", text, flags=re.M)


def test_roadmap_shows_every_week_and_both_paces(site_source: SiteSource) -> None:
    roadmap = (site_source.output / "roadmap.md").read_text(encoding="utf-8")
    catalog = load_catalog(ROOT)
    for unit in catalog.units:
        if unit.syllabus is not None:
            assert unit.title in roadmap
            assert unit.syllabus.milestone in roadmap
    assert '=== "2 hours a day"' in roadmap
    assert '=== "5 hours a week"' in roadmap
    assert "## Capstone milestones" in roadmap


def test_catalog_lists_every_graded_and_planned_exercise(site_source: SiteSource) -> None:
    text = (site_source.output / "exercises.md").read_text(encoding="utf-8")
    catalog = load_catalog(ROOT)
    for exercise in catalog.all_exercises():
        assert f"`{exercise.slug}`" in text
    planned = text.split("## Planned exercises", 1)[1]
    for unit in catalog.units:
        ready = {exercise.slug for exercise in unit.exercises}
        for item in unit.syllabus.planned if unit.syllabus else ():
            if item.slug not in ready:
                assert f"`{item.slug}`" in planned


def test_progress_without_a_progress_file_ticks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKBOOK_PROGRESS", raising=False)
    site = assemble_site(ROOT, tmp_path / "src", tmp_path / "no-such-progress.json")
    progress = (site.output / "progress.md").read_text(encoding="utf-8")
    assert site.progress is None
    assert "- [x]" not in progress
    assert "workbook check week01" in progress
    assert "nox -s docs" in progress


def test_progress_file_can_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBOOK_PROGRESS", str(SAMPLE_PROGRESS))
    site = assemble_site(ROOT, tmp_path / "src")
    assert site.progress is not None
    assert "katas/k01_valid_username" in site.progress.passed
    assert "- [x] `k01_valid_username`" in (site.output / "progress.md").read_text("utf-8")


def test_a_corrupt_progress_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    broken = tmp_path / "progress.json"
    broken.write_text("{not json", encoding="utf-8")
    site = assemble_site(ROOT, tmp_path / "src", broken)
    assert site.progress is not None and site.progress.warning is not None
    assert broken.read_text(encoding="utf-8") == "{not json"
    assert "- [x]" not in (site.output / "progress.md").read_text("utf-8")


def test_the_output_folder_must_be_one_sitegen_made(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(Exception, match="not made by sitegen"):
        assemble_site(ROOT, tmp_path, SAMPLE_PROGRESS)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_sample_progress_fixture_matches_the_format() -> None:
    data = json.loads(SAMPLE_PROGRESS.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert any(entry["first_passed_at"] for entry in data["exercises"].values())


LESSON = """\
# Week 03 · Sample

See [the stub](exercises/ex01.py), [`exercises/ex02.py`](exercises/ex02.py) and
[next week](../week04/README.md#plan), [the capstone](../../docs/capstone.md),
[the katas](../../katas/), [HTTP](https://example.org/a.md) and [above](#plan).
`[not a link](exercises/ex03.py)` stays as it is.

```python
# Deliverables
print("[code](exercises/ex04.py)")
```

## Plan

=== "2 hours a day"

    | Day | Topic | What to do |
    | --- | --- | --- |
    | Day 15 | HTTP messages | Read. |
    | Day 16 | Status codes | Write. |

=== "5 hours a week"

    **Session 1 (about 1 h 30): HTTP by hand.** Messages.

    **Session 2 (about 2 h): the rest.** Everything else.

## Deliverables

- [ ] A cheat sheet
- [ ] A design that wraps
  onto a second line

## If you are behind

- [ ] not a deliverable
"""


def test_links_are_rewritten_for_the_site() -> None:
    pages = {
        "weeks/week04/README.md": "weeks/week04.md",
        "docs/capstone.md": "capstone.md",
        "katas/README.md": "katas.md",
    }
    text = LinkRewriter(ROOT, pages).rewrite(LESSON, "weeks/week03/README.md", "weeks/week03.md")
    assert "the stub (`weeks/week03/exercises/ex01.py`)" in text
    assert "`weeks/week03/exercises/ex02.py`" in text
    assert "[next week](week04.md#plan)" in text
    assert "[the capstone](../capstone.md)" in text
    assert "[the katas](../katas.md)" in text
    assert "[HTTP](https://example.org/a.md)" in text
    assert "[above](#plan)" in text
    assert "`[not a link](exercises/ex03.py)`" in text
    assert 'print("[code](exercises/ex04.py)")' in text


def test_lesson_parts_are_found() -> None:
    assert deliverables(LESSON) == ["A cheat sheet", "A design that wraps onto a second line"]
    assert day_topics(LESSON) == {15: "HTTP messages", 16: "Status codes"}
    assert sessions(LESSON) == [
        "Session 1 (about 1 h 30): HTTP by hand",
        "Session 2 (about 2 h): the rest",
    ]
    assert section(LESSON, "Nowhere") is None
    assert re.search(r"wraps\s+onto", section(LESSON, "Deliverables") or "")
