"""The committed manifest of hashes (``checkers.sha256``, in ``sha256sum`` format): read it."""

from __future__ import annotations

import hashlib
from pathlib import Path

MANIFEST_NAME = "checkers.sha256"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(root: Path) -> dict[str, str] | None:
    """Relative path -> hash, or None when the manifest is missing or unreadable."""
    try:
        text = (root / MANIFEST_NAME).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    entries: dict[str, str] = {}
    for line in text.splitlines():
        hashed, _, name = line.partition("  ")
        if hashed and name:
            entries[name.strip()] = hashed.strip()
    return entries
