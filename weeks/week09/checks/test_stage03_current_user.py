"""Checks for week09/stage03_current_user: the bearer token names the caller, GET /me shows them."""

from __future__ import annotations

from pathlib import Path

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import (
    NO_SECRETS_HELP,
    PASSWORD,
    excerpt,
    expect_problem,
    json_body,
    leaked_secrets,
    open_taskhub,
)


def test_me(learner: Learner, tmp_path: Path) -> None:
    """returns the caller's own account at GET /me, without the password hash"""
    with open_taskhub(learner, tmp_path) as hub:
        hub.account("someone-else")
        account = hub.account("me")
        response = hub.request(
            "GET",
            "/me",
            account=account,
            expect=200,
            help="The access token must be accepted as 'Authorization: Bearer <token>': "
            "AuthService.authenticate decodes it and loads the user, and GET /me returns the "
            "user the CurrentUser dependency gives it.",
        )
        body = json_body("GET /me", response, help="Return the user as JSON.")
        expect_true(
            isinstance(body, dict) and body.get("id") == account.id,
            what="GET /me returned",
            expected=f"the account {account.email!r} (id {account.id})",
            actual=excerpt(response),
            help="The token's subject is the user id: load the user it names, not, say, the "
            "first user in the table.",
        )
        leaks = leaked_secrets(response.text, PASSWORD)
        expect_true(
            not leaks,
            what="GET /me returned 200",
            expected="a body with no password and no password hash",
            actual=f"a body containing {', '.join(leaks)}: {excerpt(response)}",
            help=NO_SECRETS_HELP,
        )


def test_requires_token(learner: Learner, tmp_path: Path) -> None:
    """answers 401 to a request without a token or with an invalid one"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("holder")
        for method, path, payload in (
            ("GET", "/me", None),
            ("GET", "/tasks", None),
            ("POST", "/tasks", {"title": "No token"}),
        ):
            response = hub.request(
                method,
                path,
                json=payload,
                expect=401,
                help="Every task and account route depends on CurrentUser, which refuses a "
                "missing token with 401.",
            )
            expect_problem(
                f"{method} {path} without a token",
                response,
                401,
                help="The 401 comes from the security dependency; the installed error "
                "handlers turn it into a problem document.",
            )
        signed, signature = account.token.rsplit(".", 1)
        forged = f"{signed}.{'B' if signature.startswith('A') else 'A'}{signature[1:]}"
        for what, token in (
            ("a token that does not decode", "this-is-not-a-token"),
            ("a token with a forged signature", forged),
        ):
            response = hub.request(
                "GET",
                "/me",
                headers={"Authorization": f"Bearer {token}"},
                expect=401,
                help="A token that does not verify is refused with 401: AuthService.authenticate "
                "catches the decoding error and raises UnauthorizedError.",
            )
            expect_problem(
                f"GET /me with {what}",
                response,
                401,
                help="Raise the UnauthorizedError of core/errors.py.",
            )


def test_refresh_token_is_not_an_access_token(learner: Learner, tmp_path: Path) -> None:
    """refuses a refresh token presented as a bearer access token (401)"""
    with open_taskhub(learner, tmp_path) as hub:
        user = hub.register("kinds")
        response = hub.request(
            "POST",
            "/auth/token",
            data={"username": user["email"], "password": PASSWORD, "grant_type": "password"},
            expect=200,
            help="POST /auth/token answers 200 with a token pair for the right password.",
        )
        refresh = json_body("POST /auth/token", response, help="Return JSON.").get("refresh_token")
        hub.request(
            "GET",
            "/me",
            headers={"Authorization": f"Bearer {refresh}"},
            expect=401,
            help="Both tokens are signed with the same key, so only their 'type' claim tells "
            "them apart: decode the bearer token as an access token (codec.decode(token, "
            "'access')), which refuses the long-lived refresh token.",
        )
