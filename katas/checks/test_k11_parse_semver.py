"""Checks for kata k11: parse and compare semantic versions."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call, expect_raises


def _parse(learner: Learner) -> Callable[..., Any]:
    return learner.function("parse_semver", signature="parse_semver(text: str) -> Version")


def _compare(learner: Learner) -> Callable[..., Any]:
    return learner.function("compare_versions", signature="compare_versions(a: str, b: str) -> int")


def test_parses_release(learner: Learner) -> None:
    """parses MAJOR.MINOR.PATCH into integers"""
    parse_semver = _parse(learner)
    version = learner.cls("Version")
    expect_call(parse_semver, "1.4.2", returns=version(1, 4, 2, ""),
                help="Split the three numbers apart and convert each to int; without a "
                     "pre-release, prerelease is ''.")
    expect_call(parse_semver, "10.0.123", returns=version(10, 0, 123, ""),
                help="Each number can have several digits, and 0 on its own is fine.")


def test_parses_prerelease_and_drops_build(learner: Learner) -> None:
    """keeps the pre-release text and drops the build metadata"""
    parse_semver = _parse(learner)
    version = learner.cls("Version")
    for text, expected in (("2.0.0-rc.1", version(2, 0, 0, "rc.1")),
                           ("2.0.0-rc.1+build.7", version(2, 0, 0, "rc.1")),
                           ("1.0.0+20240501", version(1, 0, 0, "")),
                           ("1.0.0-x-y.7", version(1, 0, 0, "x-y.7"))):
        expect_call(parse_semver, text, returns=expected,
                    help="The pre-release starts after the first '-' and ends at '+'; "
                         "everything after '+' is build metadata, which is dropped. "
                         "Identifiers may contain '-' themselves.")


def test_rejects_malformed(learner: Learner) -> None:
    """raises ValueError quoting text that is not a semantic version"""
    parse_semver = _parse(learner)
    for text in ("1.2", "1.2.3.4", "01.2.3", "1.02.3", "v1.2.3", "1.2.3 ", "1.2.x", "1.-2.3",
                 "1.2.3-", "1.2.3-rc..1", "1.2.3+", "1.2.3-rc_1", "", "1.2.٣"):
        expect_raises(ValueError, parse_semver, text, match=text or None,
                      help="Match the whole text against the grammar (re.fullmatch, not "
                           "re.match or re.search): three numbers without leading zeros, then "
                           "optional non-empty identifiers. Quote the text in the message.")


def test_compares_numbers(learner: Learner) -> None:
    """compares major, minor and patch as numbers, not as text"""
    compare_versions = _compare(learner)
    for a, b, result in (("1.10.0", "1.9.0", 1), ("1.2.3", "1.2.3", 0), ("0.9.9", "1.0.0", -1),
                         ("2.0.0", "10.0.0", -1), ("1.2.10", "1.2.9", 1)):
        expect_call(compare_versions, a, b, returns=result,
                    help="'10' < '9' as text but 10 > 9 as numbers. Compare the parsed "
                         "integers, major first, and return exactly -1, 0 or 1.")


def test_prerelease_before_release(learner: Learner) -> None:
    """puts a pre-release before the release with the same numbers"""
    compare_versions = _compare(learner)
    for a, b, result in (("1.0.0-rc.1", "1.0.0", -1), ("1.0.0", "1.0.0-rc.1", 1),
                         ("1.0.1-alpha", "1.0.0", 1)):
        expect_call(compare_versions, a, b, returns=result,
                    help="A pre-release comes before its release (1.0.0-rc.1 < 1.0.0), but "
                         "the numbers are compared first: 1.0.1-alpha is still after 1.0.0. "
                         "Note that '' sorts before any text, the opposite of what you need.")


def test_compares_prerelease_identifiers(learner: Learner) -> None:
    """compares pre-release identifiers by the semver rules"""
    compare_versions = _compare(learner)
    for a, b, result in (("1.0.0-rc.2", "1.0.0-rc.10", -1), ("1.0.0-alpha", "1.0.0-alpha.1", -1),
                         ("1.0.0-alpha.1", "1.0.0-alpha.beta", -1),
                         ("1.0.0-beta", "1.0.0-alpha", 1), ("1.0.0-rc.1", "1.0.0-rc.1", 0),
                         ("1.0.0-beta.11", "1.0.0-beta.2", 1)):
        expect_call(compare_versions, a, b, returns=result,
                    help="Split the pre-release on '.' and compare one identifier at a time: "
                         "numbers as numbers, a number before a word, words as text, and a "
                         "shorter list first when all shared identifiers are equal.")


def test_ignores_build_metadata(learner: Learner) -> None:
    """ignores build metadata when comparing"""
    compare_versions = _compare(learner)
    for a, b in (("1.0.0+a", "1.0.0+b"), ("1.0.0+build.9", "1.0.0"),
                 ("2.1.0-rc.1+x", "2.1.0-rc.1+y")):
        expect_call(compare_versions, a, b, returns=0,
                    help="Build metadata after '+' never affects precedence: versions that "
                         "differ only there compare as equal.")
