"""The Portuguese (pt-BR) edition: where translations live and whether they are up to date.

A translation sits in ``translations/pt-BR/`` at the same relative path as its English source
(``weeks/week03/README.md`` -> ``translations/pt-BR/weeks/week03/README.md``), and its first line
records the digest of the English file it was made from::

    <!-- translation-of: weeks/week03/README.md sha256: <64 hex digits> -->

A translation whose source has changed since is stale: it is still published, with a note, and
``tests/test_translations.py`` fails until it is brought up to date.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from sitegen.sources import SiteError

PORTUGUESE = "pt-BR"
TRANSLATIONS = Path("translations")
HEADER = re.compile(
    r"^<!-- translation-of: (?P<source>\S+) sha256: (?P<digest>[0-9a-f]{64}) -->\s*$"
)


@dataclass(frozen=True)
class Translation:
    """One translated file: its English source, the digest it was made from, and its text."""

    path: Path
    source: str
    digest: str
    text: str

    def is_stale(self, root: Path) -> bool:
        """Whether the English source changed after this translation was brought up to date."""
        return source_digest(root / self.source) != self.digest


def source_digest(path: Path) -> str:
    """``sha256sum`` of a file's bytes, as the translation header records it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_translation(root: Path, path: Path) -> Translation:
    """Read ``path`` (under ``translations/<language>/``) and check its header."""
    text = path.read_text(encoding="utf-8")
    first, _, body = text.partition("\n")
    match = HEADER.match(first)
    shown = _shown(root, path)
    if match is None:
        raise SiteError(
            f"{shown} must start with "
            "'<!-- translation-of: <english file> sha256: <its sha256sum> -->'"
        )
    source = match.group("source")
    if not (root / source).is_file():
        raise SiteError(f"{shown} is a translation of {source}, which does not exist")
    return Translation(path, source, match.group("digest"), body.lstrip("\n"))


def find_translations(
    root: Path, language: str = PORTUGUESE, translations: Path | None = None
) -> dict[str, Translation]:
    """English source path -> its translation, for every Markdown file of ``language`` under
    ``translations`` (default ``<root>/translations``)."""
    folder = (translations if translations is not None else root / TRANSLATIONS) / language
    found: dict[str, Translation] = {}
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        translation = read_translation(root, path)
        expected = path.relative_to(folder).as_posix()
        if translation.source != expected:
            raise SiteError(
                f"{_shown(root, path)} says it translates {translation.source}; "
                f"a translation lives at the same path as its source ({expected})"
            )
        found[translation.source] = translation
    return found


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
