"""Kata k11: parse and compare semantic versions.

A deployment service refuses to roll back by accident: it only deploys a release whose
version is greater than the running one. Versions follow Semantic Versioning
(https://semver.org)::

    MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]      e.g. 2.0.0-rc.1+build.7

Write two functions.

``parse_semver(text)`` returns a ``Version`` (defined below):

- ``MAJOR``, ``MINOR`` and ``PATCH`` are non-negative integers written with ASCII digits and
  without leading zeros (``0`` is fine, ``01`` is not);
- the optional pre-release after ``-`` is one or more identifiers separated by dots; each
  identifier is non-empty and made of ASCII letters, digits and ``-``. It is stored as written
  (``"rc.1"``); without one, ``prerelease`` is ``""``;
- the optional build metadata after ``+`` follows the same identifier rule and is dropped;
- anything else (missing or extra numbers, a leading ``v``, spaces, empty identifiers) raises
  ``ValueError`` with a message that quotes ``text``.

``compare_versions(a, b)`` parses both strings and returns ``-1`` if ``a`` comes before ``b``,
``0`` if they have the same precedence and ``1`` if ``a`` comes after ``b``:

1. compare MAJOR, then MINOR, then PATCH as numbers (``1.10.0`` comes after ``1.9.0``);
2. if they are equal, a version with a pre-release comes before the same version without one
   (``1.0.0-rc.1`` < ``1.0.0``);
3. two pre-releases are compared identifier by identifier from the left: numeric identifiers
   compare as numbers (``rc.2`` < ``rc.10``); a numeric identifier comes before a non-numeric
   one; other identifiers compare as text (``alpha`` < ``beta``); if all shared identifiers are
   equal, the one with fewer identifiers comes first (``alpha`` < ``alpha.1``);
4. build metadata never matters: ``1.0.0+a`` and ``1.0.0+b`` compare as ``0``.

Examples::

    >>> parse_semver("2.0.0-rc.1+build.7")
    Version(major=2, minor=0, patch=0, prerelease='rc.1')
    >>> compare_versions("1.10.0", "1.9.0")
    1
    >>> compare_versions("1.0.0-rc.2", "1.0.0-rc.10")
    -1
"""

import re
from typing import NamedTuple


class Version(NamedTuple):
    """A parsed semantic version (the build metadata is not kept)."""

    major: int
    minor: int
    patch: int
    prerelease: str = ""


# BEGIN SOLUTION
_NUMBER = r"(?:0|[1-9][0-9]*)"
_IDENTIFIERS = r"[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*"
_SEMVER = re.compile(
    rf"(?P<major>{_NUMBER})\.(?P<minor>{_NUMBER})\.(?P<patch>{_NUMBER})"
    rf"(?:-(?P<prerelease>{_IDENTIFIERS}))?(?:\+{_IDENTIFIERS})?"
)
_SortKey = tuple[int, int, int, int, list[tuple[int, int, str]]]
# STUB: # Optional: module-level constants (a compiled regular expression, say) go here.
# END SOLUTION


def parse_semver(text: str) -> Version:
    """Parse ``MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`` into a Version."""
    # BEGIN SOLUTION: match the whole text against the grammar, then convert the numbers
    match = _SEMVER.fullmatch(text)
    if match is None:
        raise ValueError(f"not a semantic version: {text!r}")
    return Version(
        int(match["major"]), int(match["minor"]), int(match["patch"]), match["prerelease"] or ""
    )
    # END SOLUTION


def compare_versions(a: str, b: str) -> int:
    """Return -1, 0 or 1 as version ``a`` comes before, with or after version ``b``."""
    # BEGIN SOLUTION: compare the numbers first, then the pre-releases by the rules above
    left, right = _sort_key(parse_semver(a)), _sort_key(parse_semver(b))
    return (left > right) - (left < right)
    # END SOLUTION


# BEGIN SOLUTION
def _sort_key(version: Version) -> _SortKey:
    """Releases sort after pre-releases; numeric identifiers sort before the others."""
    identifiers = [
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in version.prerelease.split(".")
        if version.prerelease
    ]
    is_release = 0 if version.prerelease else 1
    return version.major, version.minor, version.patch, is_release, identifiers
# STUB: # Optional: helpers for the comparison go here.
# END SOLUTION
