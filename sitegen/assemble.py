"""Write the complete MkDocs source tree: copied pages, rendered lessons, generated pages."""

from __future__ import annotations

import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path

from sitegen.catalog_page import catalog_page
from sitegen.checklists import progress_page
from sitegen.home import home_page
from sitegen.i18n import ENGLISH, TRANSLATED_DOCS, edition_pages, front_matter, site_path, tr
from sitegen.links import LinkRewriter
from sitegen.progress_source import LearnerProgress, progress_file, read_progress
from sitegen.roadmap import roadmap_page
from sitegen.sources import SiteError, Week, plain, table
from sitegen.translations import PORTUGUESE, Translation, find_translations
from sitegen.week_page import glossary_terms, read_glossary, with_paths
from workbook.catalog import WEEK_COUNT, Catalog, CatalogError, Unit, load_catalog, week_name

DEFAULT_OUTPUT = Path("build") / "site-src"
_MARKER = ".sitegen"  # marks a folder this package made, so it may be replaced
_ASSETS = Path(__file__).parent / "assets"
# Files shipped with the site instead of fetched from a CDN, so it works offline: the offline
# plugin's search shim (mkdocs.yml lists it under extra.polyfills), Mermaid, which draws the
# diagrams (under extra_javascript), and the site's few style rules (extra_css). The scripts'
# licences are next to them in sitegen/assets.
_VENDORED = {
    _ASSETS / "iframe-worker-shim.js": "assets/vendor/iframe-worker-shim.js",
    _ASSETS / "mermaid.min.js": "assets/vendor/mermaid.min.js",
    _ASSETS / "workbook.css": "assets/stylesheets/workbook.css",
}


@dataclass(frozen=True)
class SiteSource:
    """What was written: the folder, its pages (site paths) and the progress used."""

    output: Path
    pages: tuple[str, ...]
    progress: LearnerProgress | None


def assemble_site(
    root: Path,
    output: Path | None = None,
    progress: Path | None = None,
    translations: Path | None = None,
) -> SiteSource:
    """Assemble the site's source under ``output`` (default ``build/site-src``), replacing
    what an earlier run wrote there. ``progress`` overrides ``$WORKBOOK_PROGRESS`` and the
    default ``.workbook/progress.json``; ``translations`` is the folder that holds
    ``pt-BR/`` (default ``<root>/translations``)."""
    root = root.resolve()
    output = (output if output is not None else root / DEFAULT_OUTPUT).resolve()
    try:
        catalog = load_catalog(root)
    except CatalogError as error:
        raise SiteError(f"the metadata has problems:\n{error}") from error
    portuguese = find_translations(root, PORTUGUESE, translations)
    weeks = _weeks(root, catalog, portuguese)
    katas = next((unit for unit in catalog.units if unit.name == "katas"), None)
    progress_path = progress_file(root, progress)
    learner = read_progress(progress_path)

    _prepare(output)
    site_pages = _site_pages(root, weeks)
    edition = edition_pages([week.page for week in weeks])
    rewriter = LinkRewriter(root, site_pages)
    readme = root / "README.md"
    if not readme.is_file():
        raise SiteError("README.md is missing: the home page is made from it")
    # The README's links are rewritten for the home page; the generated pages' links are
    # already site links.
    readme_text = rewriter.rewrite(readme.read_text(encoding="utf-8"), "README.md", "index.md")
    label = _label(root, progress_path)
    pages = _english(root, output, weeks, katas, learner, label, readme_text, site_pages, rewriter)
    translated = _edition(
        root, weeks, katas, learner, label, readme_text, portuguese, rewriter, edition
    )
    for page in edition:
        if page in pages:
            pages[page] = front_matter(page, translated=True) + pages[page]
    pages.update(translated)

    for page, text in pages.items():
        target = output / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    for source, page in rewriter.assets.items():
        _copy(root / source, output / page)
    for file, page in _VENDORED.items():
        _copy(file, output / page)
    return SiteSource(output, tuple(sorted(pages)), learner)


def _english(
    root: Path,
    output: Path,
    weeks: list[Week],
    katas: Unit | None,
    learner: LearnerProgress | None,
    label: str,
    readme: str,
    site_pages: dict[str, str],
    rewriter: LinkRewriter,
) -> dict[str, str]:
    """The English site: docs/ copied, lessons rendered, generated pages; other files of docs/
    (images) are copied to ``output`` straight away."""
    pages: dict[str, str] = {}
    terms = read_glossary(root / "docs" / "glossary.md")
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
        pages["index.md"] = home_page(readme, weeks, learner)
    for week in weeks:
        if week.lesson is not None:
            source = f"weeks/{week.name}/README.md"
            text = with_paths(week.lesson, week, terms, ENGLISH, "../../docs/glossary.md")
            pages[week.page] = rewriter.rewrite(text, source, week.page)
        else:
            pages[week.page] = _unpublished(week, ENGLISH)
    katas_readme = root / "katas" / "README.md"
    if katas_readme.is_file():
        text = katas_readme.read_text(encoding="utf-8")
        pages["katas.md"] = rewriter.rewrite(text, "katas/README.md", "katas.md")
    else:
        pages["katas.md"] = _katas_fallback(katas)
    pages["roadmap.md"] = roadmap_page(weeks, katas)
    pages["exercises.md"] = catalog_page(weeks, katas)
    pages["progress.md"] = progress_page(weeks, katas, learner, label)
    pages["404.md"] = _not_found()
    return pages


def _edition(
    root: Path,
    weeks: list[Week],
    katas: Unit | None,
    learner: LearnerProgress | None,
    label: str,
    readme: str,
    translations: dict[str, Translation],
    english: LinkRewriter,
    edition: tuple[str, ...],
) -> dict[str, str]:
    """The Portuguese edition: generated pages in Portuguese, translated pages, and the
    English text with a note where a translation is still missing."""
    language = PORTUGUESE
    site_pages = english.site_pages
    in_edition = {
        source: site_path(page, language) if page in edition else page
        for source, page in site_pages.items()
    }
    # Images are shared with the English pages, so they are copied once, wherever first used.
    rewriter = LinkRewriter(root, in_edition, english.assets)
    glossary = translations.get("docs/glossary.md")
    terms = glossary_terms(glossary.text) if glossary else read_glossary(root / "docs/glossary.md")
    lessons = {
        week.number: translations[f"weeks/{week.name}/README.md"].text
        for week in weeks
        if f"weeks/{week.name}/README.md" in translations
    }
    generated = {
        "index.md": home_page(readme, weeks, learner, language, edition),
        "roadmap.md": roadmap_page(weeks, katas, language, edition),
        "exercises.md": catalog_page(weeks, katas, language, edition),
        "progress.md": progress_page(weeks, katas, learner, label, language, edition, lessons),
    }
    sources: dict[str, Week | None] = {f"weeks/{week.name}/README.md": week for week in weeks}
    sources |= {f"docs/{page}": None for page in TRANSLATED_DOCS}
    pages: dict[str, str] = {}
    for page, text in generated.items():
        matter = front_matter(page, translated=True, language=language)
        pages[site_path(page, language)] = matter + text
    for source, week in sources.items():
        page = site_pages[source]
        target = site_path(page, language)
        translation = translations.get(source)
        note = None
        if translation is not None:
            text = translation.text
            note = _stale_note(page) if translation.is_stale(root) else None
        elif week is not None and week.lesson is None:
            matter = front_matter(page, translated=True, language=language)
            pages[target] = matter + _unpublished(week, language)
            continue
        elif (root / source).is_file():
            text = (root / source).read_text(encoding="utf-8")
            note = _fallback_note(page)
        else:
            continue
        if week is not None:
            text = with_paths(text, week, terms, language, "../../docs/glossary.md")
        body = rewriter.rewrite(text, source, target)
        if note is not None:
            body = _with_note(body, note)
        # An English lesson in the edition keeps its English title; the menu shows the week's
        # Portuguese heading.
        title = week.heading_in(language) if week is not None and translation is None else None
        matter = front_matter(
            page, translated=True, search=translation is not None, title=title, language=language
        )
        pages[target] = matter + body
    return pages


def _with_note(text: str, note: str) -> str:
    """``text`` with ``note`` right under its title."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", note, "", *lines[index + 1 :]])
    return note + "\n\n" + text


def _fallback_note(page: str) -> str:
    english = posixpath.relpath(page, posixpath.dirname(site_path(page, PORTUGUESE)))
    return (
        '!!! info "Tradução a caminho"\n'
        "    Esta página ainda não foi traduzida para o português: abaixo está o texto em "
        f"inglês, o mesmo da [edição em inglês]({english}). Os links levam às páginas em "
        "português sempre que elas existem."
    )


def _stale_note(page: str) -> str:
    english = posixpath.relpath(page, posixpath.dirname(site_path(page, PORTUGUESE)))
    return (
        '!!! warning "Tradução desatualizada"\n'
        "    O texto em inglês mudou depois desta tradução. Na dúvida, confira a "
        f"[versão em inglês]({english})."
    )


def _not_found() -> str:
    return "\n\n".join(
        [
            "---\nsearch:\n  exclude: true\n---\n\n# Page not found · Página não encontrada",
            "This page does not exist (any more). Start again from [the home page](index.md), "
            "[the roadmap](roadmap.md) or the search box.",
            "Esta página não existe (mais). Recomece pelo [início](pt-BR/index.md), pelo "
            "[roteiro](pt-BR/roadmap.md) ou pela busca.",
        ]
    )


def _weeks(root: Path, catalog: Catalog, translations: dict[str, Translation]) -> list[Week]:
    units = {unit.name: unit for unit in catalog.units}
    weeks = []
    for number in range(1, WEEK_COUNT + 1):
        readme = root / "weeks" / week_name(number) / "README.md"
        text = readme.read_text(encoding="utf-8") if readme.is_file() else None
        translation = translations.get(f"weeks/{week_name(number)}/README.md")
        translated = translation.text if translation else None
        weeks.append(Week(number, units.get(week_name(number)), text, translated))
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


def _unpublished(week: Week, language: str) -> str:
    text = [f"# {week.heading_in(language)}", f'!!! note "{tr("Coming soon", language)}"']
    syllabus = week.unit.syllabus if week.unit else None
    being_written = tr("This lesson is being written.", language)
    if syllabus is not None:
        text.append(f"    {being_written} {tr(syllabus.summary, language)}")
    else:
        text.append(f"    {being_written}")
    text.append(tr("The [roadmap](../roadmap.md) shows where it fits.", language))
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
