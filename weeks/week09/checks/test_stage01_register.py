"""Checks for week09/stage01_register: POST /auth/register creates an account, once per e-mail."""

from __future__ import annotations

import uuid
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


def test_register(learner: Learner, tmp_path: Path) -> None:
    """registers an account with 201 and never returns the password or its hash"""
    with open_taskhub(learner, tmp_path) as hub:
        email = f"Ada.Lovelace-{uuid.uuid4().hex[:6]}@Example.com"
        response = hub.request(
            "POST",
            "/auth/register",
            json={"email": email, "password": PASSWORD, "full_name": "Ada Lovelace"},
            expect=201,
            help="Registration answers 201 Created with the new account (UserService.register "
            "hashes the password and saves the user; the route returns it as UserRead).",
        )
        body = json_body("POST /auth/register", response, help="Return the user as JSON.")
        expect_true(
            isinstance(body, dict) and isinstance(body.get("id"), str),
            what="POST /auth/register returned 201",
            expected="the new user with its 'id', 'email' and 'full_name'",
            actual=excerpt(response),
            help="Return the saved user as UserRead: the id comes from the database row.",
        )
        leaks = leaked_secrets(response.text, PASSWORD)
        expect_true(
            not leaks,
            what="POST /auth/register returned 201",
            expected="a body with no password and no password hash",
            actual=f"a body containing {', '.join(leaks)}: {excerpt(response)}",
            help=NO_SECRETS_HELP,
        )
        expect_true(
            body.get("email") == email.lower() and body.get("full_name") == "Ada Lovelace",
            what="POST /auth/register returned the account",
            expected=f"email {email.lower()!r} and full_name 'Ada Lovelace'",
            actual=f"email {body.get('email')!r} and full_name {body.get('full_name')!r}",
            help="E-mail addresses are compared without case, so the schema stores them in "
            "lower case; save every field of UserCreate and return the stored values.",
        )


def test_duplicate_email(learner: Learner, tmp_path: Path) -> None:
    """refuses an e-mail that is already registered with a 409 problem"""
    with open_taskhub(learner, tmp_path) as hub:
        user = hub.register("twice")
        response = hub.request(
            "POST",
            "/auth/register",
            json={"email": user["email"], "password": "another password 123"},
            expect=409,
            help="Look the e-mail up before creating the account and raise ConflictError when "
            "it is taken; the unique index is the safety net for two requests at once.",
        )
        expect_problem(
            "POST /auth/register (a taken e-mail)",
            response,
            409,
            help="Raise the ConflictError of core/errors.py; its handler writes the problem.",
        )


def test_duplicate_email_in_another_case(learner: Learner, tmp_path: Path) -> None:
    """treats the same e-mail in other letter case as taken (409)"""
    with open_taskhub(learner, tmp_path) as hub:
        email = f"grace-{uuid.uuid4().hex[:6]}@example.com"
        hub.request(
            "POST",
            "/auth/register",
            json={"email": email, "password": PASSWORD},
            expect=201,
            help="Registration answers 201 Created with the new account.",
        )
        shouted = email.upper()
        response = hub.request(
            "POST",
            "/auth/register",
            json={"email": shouted, "password": PASSWORD},
            expect=409,
            help=f"{shouted!r} is the account {email!r} again: look it up by the lower-cased "
            "e-mail (the schema lower-cases it; UserRepository.get_by_email compares it).",
        )
        expect_problem(
            f"POST /auth/register with {shouted!r}",
            response,
            409,
            help="Raise the ConflictError of core/errors.py.",
        )
