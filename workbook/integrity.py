"""Detect modified checkers, engine and metadata.

Two references, because a manifest edited together with a checker would hide the change:

- the committed manifest of SHA-256 hashes (``checkers.sha256``, in ``sha256sum`` format; a
  mentor can verify it by hand with ``sha256sum -c checkers.sha256``);
- git, when the workbook is a repository: the guarded files (and the manifest itself) are
  compared with the merge base of ``HEAD`` and its upstream branch (the course's branch in a
  fork or clone), or with ``HEAD`` when there is no upstream.

Modified files are not refused; they are named in the verdict and in the results file
(``tampered``), so a reviewer sees them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from workbook.catalog import Catalog
from workbook.manifest import MANIFEST_NAME, digest, read_manifest


def guarded_files(catalog: Catalog) -> list[Path]:
    """The files whose changes would alter a verdict: every checker, the metadata and the engine.

    A metadata file that cannot be read still counts (its own digest tells it changed); only
    the checkers it would name are unknown.
    """
    checkers = [
        unit.directory / exercise.checker
        for unit in catalog.readable_units()
        for exercise in unit.exercises
    ]
    engine = sorted((catalog.root / "workbook").glob("*.py"))
    return sorted({*checkers, *engine, *catalog.metadata_files})


def render_manifest(catalog: Catalog) -> str:
    lines = [
        f"{digest(path)}  {path.relative_to(catalog.root).as_posix()}"
        for path in guarded_files(catalog)
    ]
    return "\n".join(lines) + "\n"


def tampered_files(catalog: Catalog) -> list[str]:
    """Guarded files changed against the manifest or against git's reference commit."""
    return sorted({*_against_manifest(catalog), *changed_since_base(catalog)})


def _git(root: Path, *arguments: str) -> str | None:
    git = shutil.which("git")
    if git is None or not (root / ".git").exists():
        return None
    try:
        done = subprocess.run(
            [git, "-C", str(root), *arguments],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def git_base(root: Path) -> str | None:
    """The commit the guarded files must match: merge base with the upstream, else HEAD."""
    upstream = _git(root, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}")
    if upstream and upstream.strip():
        base = _git(root, "merge-base", "HEAD", upstream.strip())
        if base and base.strip():
            return base.strip()
    head = _git(root, "rev-parse", "--verify", "HEAD")
    return head.strip() if head and head.strip() else None


def changed_since_base(catalog: Catalog) -> list[str]:
    """Guarded files (and the manifest) that differ from git's reference commit."""
    base = git_base(catalog.root)
    if base is None:
        return []
    guarded = [p.relative_to(catalog.root).as_posix() for p in guarded_files(catalog)]
    listed = _git(
        catalog.root,
        "ls-tree",
        "-r",
        "--name-only",
        base,
        "--",
        "workbook",
        "weeks",
        "katas",
        MANIFEST_NAME,
    )
    in_base = set(listed.splitlines()) if listed is not None else set()
    tracked_guarded = [name for name in guarded if name in in_base]
    changed = _git(catalog.root, "diff", "--name-only", base, "--", MANIFEST_NAME, *tracked_guarded)
    names = set(changed.splitlines()) if changed else set()
    names |= {f"{name} (not in {base[:12]})" for name in guarded if name not in in_base}
    return sorted(names)


def _against_manifest(catalog: Catalog) -> list[str]:
    """Guarded files that differ from the manifest, are missing, or are not recorded in it."""
    recorded = read_manifest(catalog.root)
    if recorded is None:
        return [f"{MANIFEST_NAME} (missing)"]
    changed = []
    current = {p.relative_to(catalog.root).as_posix(): p for p in guarded_files(catalog)}
    for name, path in current.items():
        if recorded.get(name) != digest(path):
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
