"""Checks for week07/ex07_auth_flow: the learner's tests pass on the auth API and catch bugs.

The learner's test file runs with pytest in a child process, once against the original
auth_api.py and once against each copy with one planted security bug. A good suite passes on
the first and fails on every copy. Reports name the kind of bug that escaped, never its code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.checking import Learner
from workbook.checking_tests import (
    PlantedBug,
    SuiteRun,
    expect_bugs_caught,
    expect_tests_pass,
    learner_suite,
    shown_beside,
)

#: normalised_sha256 of the shipped auth_api.py (update it when that file changes).
REFERENCE_SHA256 = "a98ffdb13866f497f47e5233c820bed4fd323a37498de18e8e55f460544cfe42"

ACCOUNT_BUGS = [
    PlantedBug("hash_in_response", "a register answer that includes the password hash",
               ("status_code=status.HTTP_201_CREATED, response_model=UserOut)",
                "status_code=status.HTTP_201_CREATED)")),
    PlantedBug("register_replaces", "a register that replaces an existing user",
               ("    if body.username in db.users:\n", "    if False:\n")),
    PlantedBug("leaky_401", "a login whose answer tells which usernames exist",
               ('detail="Incorrect username or password"',
                'detail="Incorrect username or password" if stored else "Unknown user"')),
    PlantedBug("no_rate_limit", "a login without a rate limit",
               ("if db.failures.get(form.username, 0) >= MAX_FAILED_LOGINS:",
                "if db.failures.get(form.username, 0) >= 10 * MAX_FAILED_LOGINS:")),
    PlantedBug("limit_off_by_one", "a rate limit that allows a sixth attempt",
               ("if db.failures.get(form.username, 0) >= MAX_FAILED_LOGINS:",
                "if db.failures.get(form.username, 0) > MAX_FAILED_LOGINS:")),
]
TOKEN_BUGS = [
    PlantedBug("no_expiry", "an access token that never expires",
               ('options={"require": REQUIRED_CLAIMS})',
                'options={"require": REQUIRED_CLAIMS, "verify_exp": False})')),
    PlantedBug("no_signature", "a token whose signature is not checked",
               ('options={"require": REQUIRED_CLAIMS})',
                'options={"require": REQUIRED_CLAIMS, "verify_signature": False})')),
    PlantedBug("no_www_authenticate", "a /me 401 without WWW-Authenticate",
               ('detail="Could not validate credentials",\n'
                '                            headers={"WWW-Authenticate": "Bearer"})',
                'detail="Could not validate credentials")')),
    PlantedBug("any_type", "a refresh token accepted as an access token",
               ('    if claims["type"] != kind:\n', '    if claims["type"] not in TTL:\n')),
    PlantedBug("reuse_allowed", "a refresh token that works more than once",
               ('    db.used_refresh.add(claims["jti"])\n', "")),
]


def suite(learner: Learner, tmp_path: Path) -> SuiteRun:
    """The learner's tests, run on the original API and on every planted bug (once)."""
    return learner_suite(
        learner,
        tmp_path,
        subject="auth_api.py",
        tests="test_auth_api.py",
        sha256=REFERENCE_SHA256,
        bugs=[*ACCOUNT_BUGS, *TOKEN_BUGS],
    )


def test_passes_on_the_api(learner: Learner, tmp_path: Path) -> None:
    """your tests pass on the correct API"""
    shown = shown_beside(learner, "test_auth_api.py")
    expect_tests_pass(suite(learner, tmp_path), shown=shown, minimum=8)


@pytest.mark.requires("test_passes_on_the_api")
def test_catches_account_bugs(learner: Learner, tmp_path: Path) -> None:
    """your tests catch broken registration and login"""
    expect_bugs_caught(suite(learner, tmp_path), ACCOUNT_BUGS,
                       help="Compare the whole register body, register the same username "
                       "twice and log in with the first password, compare the bodies of both "
                       "failed logins, and send the right password after exactly 5 failures.")


@pytest.mark.requires("test_passes_on_the_api")
def test_catches_token_bugs(learner: Learner, tmp_path: Path) -> None:
    """your tests catch tokens that are accepted when they must not be"""
    expect_bugs_caught(suite(learner, tmp_path), TOKEN_BUGS,
                       help="Log in 16 minutes in the past (override get_now) and call /me, "
                       "send a token whose payload was swapped, check WWW-Authenticate on "
                       "/me's 401, use each token where the other belongs, and post one "
                       "refresh token twice.")
