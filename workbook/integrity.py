"""Detect modified checkers: a committed manifest of SHA-256 hashes, in ``sha256sum`` format.

A mentor can verify it by hand with ``sha256sum -c checkers.sha256``. Modified files are not
refused; they are named in the verdict and in the results file (``tampered``), so a reviewer
sees them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from workbook.catalog import Catalog

MANIFEST_NAME = "checkers.sha256"


def guarded_files(catalog: Catalog) -> list[Path]:
    """The files whose changes would alter a verdict: every checker and the engine itself."""
    checkers = [
        unit.directory / exercise.checker for unit in catalog.units for exercise in unit.exercises
    ]
    engine = sorted((catalog.root / "workbook").glob("*.py"))
    return sorted({*checkers, *engine})


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render_manifest(catalog: Catalog) -> str:
    lines = [
        f"{_digest(path)}  {path.relative_to(catalog.root).as_posix()}"
        for path in guarded_files(catalog)
    ]
    return "\n".join(lines) + "\n"


def read_manifest(root: Path) -> dict[str, str] | None:
    """Relative path -> hash, or None when the manifest is missing."""
    try:
        text = (root / MANIFEST_NAME).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    entries: dict[str, str] = {}
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        if digest and name:
            entries[name.strip()] = digest.strip()
    return entries


def tampered_files(catalog: Catalog) -> list[str]:
    """Guarded files that differ from the manifest, are missing, or are not recorded in it."""
    recorded = read_manifest(catalog.root)
    if recorded is None:
        return [f"{MANIFEST_NAME} (missing)"]
    changed = []
    current = {p.relative_to(catalog.root).as_posix(): p for p in guarded_files(catalog)}
    for name, path in current.items():
        if recorded.get(name) != _digest(path):
            changed.append(name)
    changed += [name for name in recorded if name not in current]
    return sorted(changed)


def write_manifest(catalog: Catalog) -> Path:
    path = catalog.root / MANIFEST_NAME
    path.write_text(render_manifest(catalog), encoding="utf-8")
    return path


def manifest_is_current(catalog: Catalog) -> bool:
    path = catalog.root / MANIFEST_NAME
    return path.is_file() and path.read_text(encoding="utf-8") == render_manifest(catalog)
