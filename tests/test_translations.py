"""The Portuguese edition never drifts silently from the English it was translated from.

Every file under ``translations/pt-BR/`` starts with
``<!-- translation-of: <english file> sha256: <digest> -->``; the digest is the English file's
``sha256sum`` when the translation was last brought up to date. When the English file changes,
this test fails until the translation is updated and its digest recorded again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.sources import SiteError
from sitegen.translations import (
    PORTUGUESE,
    TRANSLATIONS,
    find_translations,
    read_translation,
    source_digest,
)

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / TRANSLATIONS / PORTUGUESE
FILES = sorted(FOLDER.rglob("*.md")) if FOLDER.is_dir() else []


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(FOLDER).as_posix() for p in FILES])
def test_translation_is_up_to_date_with_its_english_source(path: Path) -> None:
    """the translation records the digest of its English source as it is now"""
    translation = read_translation(ROOT, path)
    mirrored = path.relative_to(FOLDER).as_posix()
    assert translation.source == mirrored, (
        f"{path.relative_to(ROOT)} says it translates {translation.source}, "
        f"but it lives at the path of {mirrored}"
    )
    current = source_digest(ROOT / translation.source)
    assert translation.digest == current, (
        f"{translation.source} changed after {path.relative_to(ROOT)} was translated "
        f"(recorded sha256 {translation.digest[:12]}..., now {current[:12]}...). Bring the "
        f"translation up to date, then record `sha256sum {translation.source}` in its first line."
    )


def test_every_translation_is_found_by_the_site(tmp_path: Path) -> None:
    """the site builder reads every translation file, keyed by its English source"""
    found = find_translations(ROOT)
    assert sorted(t.path for t in found.values()) == FILES


def test_a_missing_header_is_refused(tmp_path: Path) -> None:
    """a translation without its header is an error that says what the first line must be"""
    folder = tmp_path / PORTUGUESE / "docs"
    folder.mkdir(parents=True)
    (folder / "capstone.md").write_text("# TaskHub\n", encoding="utf-8")
    with pytest.raises(SiteError, match="translation-of"):
        find_translations(ROOT, PORTUGUESE, tmp_path)


def test_a_stale_translation_is_detected(tmp_path: Path) -> None:
    """a digest that is not the English file's marks the translation stale"""
    folder = tmp_path / PORTUGUESE / "docs"
    folder.mkdir(parents=True)
    header = f"<!-- translation-of: docs/capstone.md sha256: {'0' * 64} -->"
    (folder / "capstone.md").write_text(f"{header}\n# TaskHub\n", encoding="utf-8")
    translation = find_translations(ROOT, PORTUGUESE, tmp_path)["docs/capstone.md"]
    assert translation.is_stale(ROOT)
    assert translation.text == "# TaskHub\n"
