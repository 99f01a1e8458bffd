"""Checks for week07/ex05_current_user: 401 for every bad token, 403 and 404 where they belong.

Each check gives the app a fresh store through ``app.dependency_overrides``: ada (id 1), bob
(id 2), carol (id 3, deactivated) and root (id 4, admin), with task 10 owned by ada and task 20
owned by bob. Tokens are forged with the app's SECRET_KEY, relative to the current time.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from workbook.checking import Learner, call
from workbook.checking_app import Api, open_api
from workbook.checking_security import describe_token, sign_token

INVALID = {"detail": "Could not validate credentials"}


@pytest.fixture
def api(learner: Learner) -> Iterator[Api]:
    app = learner.attribute("app")
    user, task = learner.cls("User"), learner.cls("Task")
    db = call(learner.cls("Store"), help="Store() is given.")
    for number, (name, active, admin) in enumerate(
        [("ada", True, False), ("bob", True, False), ("carol", False, False),
         ("root", True, True)], start=1):
        db.users[number] = user(number, name, name.title(), "$argon2id$not-shown",
                                is_active=active, is_admin=admin)
    db.tasks[10] = task(10, 1, "Ada's task")
    db.tasks[20] = task(20, 2, "Bob's task")
    app.dependency_overrides[learner.function("get_store")] = lambda: db
    try:
        with open_api(learner) as opened:
            yield opened
    finally:
        app.dependency_overrides.clear()


def claims(**changes: Any) -> dict[str, Any]:
    now = int(time.time())
    made: dict[str, Any] = {"sub": "ada", "type": "access", "iat": now, "exp": now + 900}
    made.update(changes)
    return {key: value for key, value in made.items() if value is not None}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def secret(learner: Learner) -> str:
    key: str = learner.attribute("SECRET_KEY")
    return key


def test_me_with_a_valid_token(learner: Learner, api: Api) -> None:
    """loads the user a valid access token names"""
    token = sign_token(claims(), secret(learner))
    answer = api.get("/me", headers=bearer(token), expect=200,
                     help=f"A valid access token ({describe_token(token)}) names ada: decode "
                     "it, then look the user up by sub.")
    answer.expect_json({"id": 1, "username": "ada", "full_name": "Ada", "is_admin": False},
                       help="GET /me returns the user the token's sub names.")
    root = sign_token(claims(sub="root"), secret(learner))
    api.get("/me", headers=bearer(root), expect=200,
            help="Each token names its own user.").expect_fields(
        {"username": "root"}, help="Look the user up by the token's sub.")


@pytest.mark.requires("test_me_with_a_valid_token")
def test_no_token(api: Api) -> None:
    """answers 401 with WWW-Authenticate: Bearer without a token"""
    for headers in (None, {"Authorization": "Basic YWRhOnB3"}):
        answer = api.get("/me", headers=headers, expect=401,
                         help="Depend on oauth2_scheme: it answers 401 when there is no bearer "
                         "token.")
        answer.expect_header("www-authenticate", "Bearer",
                             help="The 401 tells the client which scheme to use.")


@pytest.mark.parametrize(("why", "changes", "algorithm", "good_key"), [
    ("an expired token", {"iat": -2000, "exp": -1000}, "HS256", True),
    ("a token signed with alg none", {}, "none", True),
    ("a token signed with another key", {}, "HS256", False),
    ("a refresh token", {"type": "refresh"}, "HS256", True),
    ("a token without a type", {"type": None}, "HS256", True),
    ("a token without exp", {"exp": None}, "HS256", True),
    ("a token without iat", {"iat": None}, "HS256", True),
    ("a token without sub", {"sub": None}, "HS256", True),
    ("a token for a user that does not exist", {"sub": "mallory"}, "HS256", True),
])
def test_bad_tokens_are_401(learner: Learner, api: Api, why: str, changes: dict[str, Any],
                            algorithm: str, good_key: bool) -> None:
    """answers 401 with WWW-Authenticate: Bearer for every bad token"""
    now = int(time.time())
    shifted = {key: (now + value if key in ("iat", "exp") and value is not None else value)
               for key, value in changes.items()}
    key = secret(learner) if good_key else secret(learner)[::-1]
    token = sign_token(claims(**shifted), key, algorithm=algorithm)
    answer = api.get("/me", headers=bearer(token), expect=401,
                     help=f"For {why}: jwt.decode with algorithms=[ALGORITHM] and "
                     "options={'require': [...]} raises InvalidTokenError; the type must be "
                     "'access' and the user must exist. Every case is the same 401.")
    answer.expect_json(INVALID, help="One detail for every bad token: do not tell an attacker "
                       "which check failed.")
    answer.expect_header("www-authenticate", "Bearer",
                         help="Give the HTTPException headers={'WWW-Authenticate': 'Bearer'}.")


def test_malformed_token(api: Api) -> None:
    """answers 401 for a bearer value that is not a JWT"""
    for value in ("not-a-jwt", "a.b.c"):
        api.get("/me", headers=bearer(value), expect=401,
                help="jwt.decode raises DecodeError (an InvalidTokenError) for text that is "
                "not a JWT; turn it into the 401, not a 500.").expect_json(
            INVALID, help="The same detail as for every other bad token.")


def test_inactive_user_is_403(learner: Learner, api: Api) -> None:
    """answers 403 for a deactivated user, who is known but not allowed"""
    token = sign_token(claims(sub="carol"), secret(learner))
    api.get("/me", headers=bearer(token), expect=403,
            help="The token is valid, so this is not 401: get_active_user refuses the "
            "deactivated account with 403.").expect_json(
        {"detail": "Inactive user"}, help="Use the detail the docstring gives.")


def test_admin_only_route(learner: Learner, api: Api) -> None:
    """lets an admin delete a user and answers 403 to everyone else"""
    ada = sign_token(claims(), secret(learner))
    api.delete("/users/2", headers=bearer(ada), expect=403,
               help="ada is logged in but not an admin: 403 from require_admin.").expect_json(
        {"detail": "Admin role required"}, help="Use the detail the docstring gives.")
    carol = sign_token(claims(sub="carol"), secret(learner))
    api.delete("/users/2", headers=bearer(carol), expect=403,
               help="require_admin builds on get_active_user, so a deactivated user is refused "
               "first.").expect_json({"detail": "Inactive user"},
                                     help="Depend on get_active_user inside require_admin.")
    root = sign_token(claims(sub="root"), secret(learner))
    api.delete("/users/2", headers=bearer(root), expect=204,
               help="root is an admin: require_admin returns the user.")
    api.delete("/users/4", headers=bearer(root), expect=409,
               help="delete_user compares the id with the admin require_admin returns: return "
               "the user, not just nothing.")


def test_someone_elses_task_is_404(learner: Learner, api: Api) -> None:
    """shows the caller's task and answers 404 alike for a missing task and another user's"""
    ada = sign_token(claims(), secret(learner))
    api.get("/tasks/10", headers=bearer(ada), expect=200,
            help="Task 10 belongs to ada.").expect_json(
        {"id": 10, "title": "Ada's task"}, help="Return the task as TaskOut.")
    for task_id in (20, 99):
        api.get(f"/tasks/{task_id}", headers=bearer(ada), expect=404,
                help="Another user's task is answered exactly like a missing one, so the "
                "answer does not reveal that it exists.").expect_json(
            {"detail": f"Task {task_id} not found"}, help="Name the task in the detail.")
