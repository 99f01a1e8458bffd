"""Checks for week09/stage02_log_in: POST /auth/token issues a token pair for the right password."""

from __future__ import annotations

import uuid
from pathlib import Path

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import (
    PASSWORD,
    excerpt,
    expect_problem,
    json_body,
    open_taskhub,
)


def test_token(learner: Learner, tmp_path: Path) -> None:
    """issues a bearer token pair at POST /auth/token for the right e-mail and password"""
    with open_taskhub(learner, tmp_path) as hub:
        user = hub.register("login")
        response = hub.request(
            "POST",
            "/auth/token",
            data={"username": user["email"], "password": PASSWORD, "grant_type": "password"},
            expect=200,
            help="The token endpoint reads form fields, as OAuth2 prescribes: 'username' holds "
            "the e-mail. Verify the password with the hasher, then issue the token pair.",
        )
        body = json_body("POST /auth/token", response, help="Return the token pair as JSON.")
        token_type = body.get("token_type") if isinstance(body, dict) else None
        expect_true(
            isinstance(body, dict)
            and isinstance(body.get("access_token"), str)
            and isinstance(body.get("refresh_token"), str)
            and str(token_type).lower() == "bearer",
            what="POST /auth/token returned 200",
            expected='{"access_token": "...", "token_type": "bearer", "refresh_token": "...", ...}',
            actual=excerpt(response),
            help="Return the TokenPair schema: the access token, its type 'bearer' and the "
            "refresh token (AuthService.login issues both).",
        )
        cache = response.headers.get("cache-control", "")
        expect_true(
            "no-store" in cache.lower(),
            what="POST /auth/token returned a token pair",
            expected="a Cache-Control: no-store header",
            actual=f"Cache-Control {cache!r}" if cache else "no Cache-Control header",
            help="RFC 6749 (section 5.1) asks for Cache-Control: no-store on a token response, "
            "so no proxy or browser keeps a copy; set it on the route's Response.",
        )


def test_wrong_password(learner: Learner, tmp_path: Path) -> None:
    """answers a wrong password or an unknown e-mail with the same 401 problem"""
    with open_taskhub(learner, tmp_path) as hub:
        user = hub.register("careful")
        cases = [
            ("a wrong password", user["email"], "not the right password"),
            ("an unknown e-mail", f"nobody-{uuid.uuid4().hex[:6]}@example.com", PASSWORD),
        ]
        details = []
        for what, email, password in cases:
            response = hub.request(
                "POST",
                "/auth/token",
                data={"username": email, "password": password, "grant_type": "password"},
                expect=401,
                help="Refuse bad credentials with UnauthorizedError, and give the same answer "
                "for an unknown e-mail and for a wrong password, so nobody can probe which "
                "accounts exist.",
            )
            problem = expect_problem(
                f"POST /auth/token with {what}",
                response,
                401,
                help="Raise the UnauthorizedError of core/errors.py; its handler writes the "
                "problem document.",
            )
            details.append(problem.get("detail"))
        expect_true(
            details[0] == details[1],
            what="POST /auth/token with a wrong password, then with an unknown e-mail",
            expected="the same problem detail for both",
            actual=f"{details[0]!r} and {details[1]!r}",
            help="Two different messages tell an attacker which e-mails have an account: raise "
            "the same UnauthorizedError (one message) in both cases.",
        )


def test_email_case_at_login(learner: Learner, tmp_path: Path) -> None:
    """logs in with the e-mail typed in any letter case"""
    with open_taskhub(learner, tmp_path) as hub:
        user = hub.register("casual")
        shouted = str(user["email"]).upper()
        hub.request(
            "POST",
            "/auth/token",
            data={"username": shouted, "password": PASSWORD, "grant_type": "password"},
            expect=200,
            help="The e-mail is stored lower-cased, but the login form is not a schema that "
            "lower-cases it: normalise the username before looking the account up.",
        )
