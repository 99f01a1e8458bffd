"""The site's source is assembled from the repository and builds without a single warning."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from sitegen import SiteSource, assemble_site
from sitegen.lesson import day_topics, deliverables, section, sessions
from sitegen.links import LinkRewriter
from tests.site.conftest import ROOT, SAMPLE_PROGRESS, Build, run_build, site_config
from workbook.catalog import load_catalog

NAV_PAGES = [
    "index.md",
    "roadmap.md",
    *[f"weeks/week{number:02d}.md" for number in range(1, 14)],
    "katas.md",
    "exercises.md",
    "progress.md",
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


def test_week_pages_are_rendered_from_the_lessons(site_source: SiteSource) -> None:
    lesson = (ROOT / "weeks" / "week03" / "README.md").read_text(encoding="utf-8")
    page = (site_source.output / "weeks" / "week03.md").read_text(encoding="utf-8")
    assert page.splitlines()[0] == lesson.splitlines()[0]
    assert '=== "2 hours a day"' in page


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
