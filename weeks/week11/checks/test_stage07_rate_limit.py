"""Checks for week11/stage07_rate_limit: failed logins are limited with 429 and Retry-After."""

from __future__ import annotations

from pathlib import Path

from workbook.checking import CheckFailure, Learner, expect_true
from workbook.taskhub_checks import PASSWORD, expect_problem, open_taskhub


def test_login_rate_limit(learner: Learner, tmp_path: Path) -> None:
    """limits repeated failed logins with 429 and a Retry-After header"""
    overrides = {"login_rate_limit_per_account": 3, "login_rate_limit_per_ip": 100}
    with open_taskhub(learner, tmp_path, **overrides) as hub:
        user = hub.register("target")
        form = {
            "username": str(user["email"]),
            "password": "wrong guess 1",
            "grant_type": "password",
        }
        statuses: list[int] = []
        limited = None
        for _ in range(8):
            response = hub.request(
                "POST",
                "/auth/token",
                data=form,
                expect=(401, 429),
                help="A wrong password is a 401 until the limit is reached, then a 429.",
            )
            statuses.append(response.status_code)
            if response.status_code == 429:
                limited = response
                break
        if limited is None:
            raise CheckFailure(
                "8 failed logins for one account (limit: 3 per window) were answered "
                f"{statuses}, expected a 429 after the third",
                expected="429 Too Many Requests once the limit is reached",
                actual=str(statuses),
                help="Count each attempt with the per-account limiter (and the per-IP one) "
                "before checking the password, and raise RateLimitedError when it refuses.",
            )
        expect_problem(
            "POST /auth/token past the limit",
            limited,
            429,
            help="Raise the RateLimitedError of core/errors.py.",
        )
        retry_after = limited.headers.get("retry-after", "")
        expect_true(
            retry_after.isdigit() and int(retry_after) >= 1,
            what="POST /auth/token past the limit returned 429",
            expected="a Retry-After header with a whole number of seconds",
            actual=f"Retry-After {retry_after!r}" if retry_after else "no Retry-After header",
            help="The limiter tells you how long until the oldest attempt leaves the window; "
            "pass it to RateLimitedError, which sets the header.",
        )


def test_success_resets_the_account_limit(learner: Learner, tmp_path: Path) -> None:
    """forgives earlier failures once the right password is given"""
    overrides = {"login_rate_limit_per_account": 3, "login_rate_limit_per_ip": 100}
    with open_taskhub(learner, tmp_path, **overrides) as hub:
        user = hub.register("forgetful")
        email = str(user["email"])
        sequence = [("wrong", 401), ("wrong", 401), (PASSWORD, 200)]
        sequence += [("wrong", 401), ("wrong", 401), ("wrong", 401)]
        seen: list[int] = []
        for password, _expected in sequence:
            response = hub.request(
                "POST",
                "/auth/token",
                data={"username": email, "password": password, "grant_type": "password"},
                expect=(200, 401, 429),
                help="A login answers 200, 401 or (past the limit) 429.",
            )
            seen.append(response.status_code)
        expected = [status for _, status in sequence]
        expect_true(
            seen == expected,
            what="2 failed logins, a good one, then 3 failed ones (limit: 3 per account)",
            expected=str(expected),
            actual=str(seen),
            help="A successful login resets the account's counter (limiter.reset(key)), so a "
            "user who mistyped twice is not locked out after getting it right.",
        )


def test_limit_per_ip(learner: Learner, tmp_path: Path) -> None:
    """limits failed logins from one address across many accounts"""
    overrides = {"login_rate_limit_per_account": 100, "login_rate_limit_per_ip": 3}
    with open_taskhub(learner, tmp_path, **overrides) as hub:
        users = [hub.register(f"spray{n}") for n in range(4)]
        seen: list[int] = []
        for user in users:
            response = hub.request(
                "POST",
                "/auth/token",
                data={"username": str(user["email"]), "password": "x", "grant_type": "password"},
                expect=(401, 429),
                help="A wrong password is a 401 until a limit is reached, then a 429.",
            )
            seen.append(response.status_code)
        expect_true(
            seen == [401, 401, 401, 429],
            what="one failed login for each of 4 accounts from one address (limit: 3 per IP)",
            expected="[401, 401, 401, 429]",
            actual=str(seen),
            help="Password spraying tries one password on many accounts: count every attempt "
            "with the per-IP limiter too (key it by request.client.host), not only per account.",
        )
