"""Write the complete MkDocs source tree: copied pages, rendered lessons, generated pages."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sitegen.catalog_page import catalog_page
from sitegen.checklists import progress_page
from sitegen.home import home_page
from sitegen.links import LinkRewriter
from sitegen.progress_source import LearnerProgress, progress_file, read_progress
from sitegen.roadmap import roadmap_page
from sitegen.sources import SiteError, Week, plain, table
from workbook.catalog import WEEK_COUNT, Catalog, CatalogError, Unit, load_catalog, week_name

DEFAULT_OUTPUT = Path("build") / "site-src"
_MARKER = ".sitegen"  # marks a folder this package made, so it may be replaced
_ASSETS = Path(__file__).parent / "assets"
# Scripts shipped with the site instead of fetched from a CDN, so it works offline: the offline
# plugin's search shim (mkdocs.yml lists it under extra.polyfills) and Mermaid, which draws the
# diagrams (under extra_javascript). Their licences are next to them in sitegen/assets.
_VENDORED = {
    _ASSETS / "iframe-worker-shim.js": "assets/vendor/iframe-worker-shim.js",
    _ASSETS / "mermaid.min.js": "assets/vendor/mermaid.min.js",
}


@dataclass(frozen=True)
class SiteSource:
    """What was written: the folder, its pages (site paths) and the progress used."""

    output: Path
    pages: tuple[str, ...]
    progress: LearnerProgress | None


def assemble_site(
    root: Path, output: Path | None = None, progress: Path | None = None
) -> SiteSource:
    """Assemble the site's source under ``output`` (default ``build/site-src``), replacing
    what an earlier run wrote there. ``progress`` overrides ``$WORKBOOK_PROGRESS`` and the
    default ``.workbook/progress.json``."""
    root = root.resolve()
    output = (output if output is not None else root / DEFAULT_OUTPUT).resolve()
    try:
        catalog = load_catalog(root)
    except CatalogError as error:
        raise SiteError(f"the metadata has problems:\n{error}") from error
    weeks = _weeks(root, catalog)
    katas = next((unit for unit in catalog.units if unit.name == "katas"), None)
    progress_path = progress_file(root, progress)
    learner = read_progress(progress_path)

    _prepare(output)
    site_pages = _site_pages(root, weeks)
    rewriter = LinkRewriter(root, site_pages)
    pages: dict[str, str] = {}

    docs = root / "docs"
    for file in sorted(docs.rglob("*")) if docs.is_dir() else []:
        if file.is_file():
            source = file.relative_to(root).as_posix()
            page = site_pages[source]
            if file.suffix == ".md":
                text = file.read_text(encoding="utf-8")
                pages[page] = rewriter.rewrite(text, source, page)
            else:
                _copy(file, output / page)
    if "index.md" not in pages:
        readme = root / "README.md"
        if not readme.is_file():
            raise SiteError("README.md is missing: the home page is made from it")
        home = home_page(readme.read_text(encoding="utf-8"))
        pages["index.md"] = rewriter.rewrite(home, "README.md", "index.md")
    for week in weeks:
        if week.lesson is not None:
            source = f"weeks/{week.name}/README.md"
            pages[week.page] = rewriter.rewrite(week.lesson, source, week.page)
        else:
            pages[week.page] = _unpublished(week)
    katas_readme = root / "katas" / "README.md"
    if katas_readme.is_file():
        text = katas_readme.read_text(encoding="utf-8")
        pages["katas.md"] = rewriter.rewrite(text, "katas/README.md", "katas.md")
    else:
        pages["katas.md"] = _katas_fallback(katas)
    pages["roadmap.md"] = roadmap_page(weeks, katas)
    pages["exercises.md"] = catalog_page(weeks, katas)
    label = _label(root, progress_path)
    pages["progress.md"] = progress_page(weeks, katas, learner, label)

    for page, text in pages.items():
        target = output / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    for source, page in rewriter.assets.items():
        _copy(root / source, output / page)
    for file, page in _VENDORED.items():
        _copy(file, output / page)
    return SiteSource(output, tuple(sorted(pages)), learner)


def _weeks(root: Path, catalog: Catalog) -> list[Week]:
    units = {unit.name: unit for unit in catalog.units}
    weeks = []
    for number in range(1, WEEK_COUNT + 1):
        readme = root / "weeks" / week_name(number) / "README.md"
        text = readme.read_text(encoding="utf-8") if readme.is_file() else None
        weeks.append(Week(number, units.get(week_name(number)), text))
    return weeks


def _site_pages(root: Path, weeks: list[Week]) -> dict[str, str]:
    """Repository path -> site path for every file that becomes part of the site."""
    pages = {"README.md": "index.md", "katas/README.md": "katas.md"}
    docs = root / "docs"
    for file in docs.rglob("*") if docs.is_dir() else []:
        if file.is_file():
            pages[file.relative_to(root).as_posix()] = file.relative_to(docs).as_posix()
    for week in weeks:
        pages[f"weeks/{week.name}/README.md"] = week.page
    return pages


def _prepare(output: Path) -> None:
    """Empty ``output`` if this package made it; refuse to touch any other non-empty folder."""
    if output.exists():
        if not (output / _MARKER).is_file() and any(output.iterdir()):
            raise SiteError(
                f"{output} exists and was not made by sitegen; choose another output folder"
            )
        shutil.rmtree(output)
    output.mkdir(parents=True)
    (output / _MARKER).write_text(
        "Made by `python -m sitegen`; rebuilt from scratch on every run.\n", encoding="utf-8"
    )


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _label(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _unpublished(week: Week) -> str:
    text = [f"# {week.heading}", '!!! note "Coming soon"']
    syllabus = week.unit.syllabus if week.unit else None
    if syllabus is not None:
        text.append(f"    This lesson is being written. {syllabus.summary}")
    else:
        text.append("    This lesson is being written.")
    text.append("The [roadmap](../roadmap.md) shows where it fits.")
    return "\n\n".join(text)


def _katas_fallback(katas: Unit | None) -> str:
    parts = ["# Katas", "Short graded drills. Check them with `workbook check katas`."]
    if katas is not None:
        parts.append(
            table(
                ["Id", "Title", "Level", "Minutes"],
                [
                    [f"`{k.slug}`", plain(k.title), str(k.level), str(k.minutes)]
                    for k in katas.exercises
                ],
            )
        )
    return "\n\n".join(parts)
