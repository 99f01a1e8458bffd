"""Checks for week09/milestone_mvp: accounts, tokens and owner-scoped task CRUD over HTTP."""

from __future__ import annotations

import uuid
from pathlib import Path

from workbook.checking import CheckFailure, Learner, expect_true
from workbook.taskhub_checks import (
    PASSWORD,
    excerpt,
    expect_problem,
    json_body,
    open_taskhub,
)

_NO_SECRETS_HELP = (
    "Responses are built from UserRead, which has no password field: return "
    "UserRead.model_validate(user), never the ORM object or a dict of its columns."
)


def _leaks(text: str, password: str) -> list[str]:
    lowered = text.lower()
    found = [word for word in ("password", "$argon2") if word in lowered]
    return found + (["the password itself"] if password in text else [])


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
        leaks = _leaks(response.text, PASSWORD)
        expect_true(
            not leaks,
            what="POST /auth/register returned 201",
            expected="a body with no password and no password hash",
            actual=f"a body containing {', '.join(leaks)}: {excerpt(response)}",
            help=_NO_SECRETS_HELP,
        )
        expect_true(
            body.get("email") == email.lower(),
            what="POST /auth/register returned the e-mail",
            expected=repr(email.lower()),
            actual=repr(body.get("email")),
            help="E-mail addresses are compared without case, so the schema stores them in "
            "lower case; return the stored value.",
        )


def test_duplicate_email(learner: Learner, tmp_path: Path) -> None:
    """refuses an e-mail that is already registered with 409"""
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


def test_token(learner: Learner, tmp_path: Path) -> None:
    """issues a bearer token at POST /auth/token for the right e-mail and password"""
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
            and str(token_type).lower() == "bearer",
            what="POST /auth/token returned 200",
            expected='{"access_token": "...", "token_type": "bearer", ...}',
            actual=excerpt(response),
            help="Return the TokenPair schema: the access token, its type 'bearer' and the "
            "refresh token.",
        )
        me = hub.request(
            "GET",
            "/me",
            headers={"Authorization": f"Bearer {body['access_token']}"},
            expect=200,
            help="The access token must be accepted as 'Authorization: Bearer <token>' "
            "(AuthService.authenticate decodes it and loads the user).",
        )
        expect_true(
            json_body("GET /me", me, help="Return the user as JSON.").get("id") == user["id"],
            what="GET /me with the new token",
            expected=f"the account {user['id']}",
            actual=excerpt(me),
            help="The token's subject is the user id; authenticate must load that user.",
        )


def test_wrong_password(learner: Learner, tmp_path: Path) -> None:
    """answers a wrong password or an unknown e-mail with a 401 problem"""
    with open_taskhub(learner, tmp_path) as hub:
        user = hub.register("careful")
        cases = [
            ("a wrong password", user["email"], "not the right password"),
            ("an unknown e-mail", f"nobody-{uuid.uuid4().hex[:6]}@example.com", PASSWORD),
        ]
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
            expect_problem(
                f"POST /auth/token with {what}",
                response,
                401,
                help="Raise the UnauthorizedError of core/errors.py; its handler writes the "
                "problem document.",
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
            help="GET /me returns the user the token speaks for (the CurrentUser dependency).",
        )
        body = json_body("GET /me", response, help="Return the user as JSON.")
        expect_true(
            isinstance(body, dict) and body.get("email") == account.email,
            what="GET /me returned",
            expected=f"the account {account.email!r}",
            actual=excerpt(response),
            help="Load the user named by the token's subject, not, say, the first user.",
        )
        leaks = _leaks(response.text, PASSWORD)
        expect_true(
            not leaks,
            what="GET /me returned 200",
            expected="a body with no password and no password hash",
            actual=f"a body containing {', '.join(leaks)}: {excerpt(response)}",
            help=_NO_SECRETS_HELP,
        )


def test_task_crud(learner: Learner, tmp_path: Path) -> None:
    """creates, reads, updates and deletes a task with the right status codes"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("crud")
        task = hub.task(account, title="Water the plants", description="Twice a week")
        expect_true(
            task.get("title") == "Water the plants" and task.get("status") == "todo",
            what="POST /tasks returned 201",
            expected="the new task, titled 'Water the plants', in status 'todo'",
            actual=excerpt_of(task),
            help="A new task starts in 'todo'; return the saved task as TaskRead.",
        )
        path = f"/tasks/{task['id']}"
        read = hub.request(
            "GET",
            path,
            account=account,
            expect=200,
            help="GET /tasks/{id} returns the caller's task (TaskService.get_task).",
        )
        expect_true(
            json_body(f"GET {path}", read, help="Return the task as JSON.").get("title")
            == "Water the plants",
            what=f"GET {path}",
            expected="the task just created",
            actual=excerpt(read),
            help="Select the task by its id (and its owner).",
        )
        updated = hub.request(
            "PATCH",
            path,
            account=account,
            json={"title": "Water the garden"},
            expect=200,
            help="PATCH changes only the fields present in the body and answers 200 with the "
            "updated task (TaskService.update_task).",
        )
        changed = json_body(f"PATCH {path}", updated, help="Return the task as JSON.")
        expect_true(
            changed.get("title") == "Water the garden"
            and changed.get("description") == "Twice a week",
            what=f"PATCH {path} with a new title",
            expected="the new title, and the description unchanged",
            actual=excerpt(updated),
            help="Apply only the fields the client sent: model_dump(exclude_unset=True) tells "
            "them apart from the ones it left out.",
        )
        hub.request(
            "DELETE",
            path,
            account=account,
            expect=204,
            help="DELETE answers 204 No Content once the task is gone (TaskService.delete_task).",
        )
        hub.request(
            "GET",
            path,
            account=account,
            expect=404,
            help="A deleted task no longer exists: reading it is a 404 (raise NotFoundError "
            "when the repository finds nothing).",
        )


def excerpt_of(value: object) -> str:
    text = str(value)
    return text if len(text) <= 200 else text[:197] + "..."


def test_list_only_own(learner: Learner, tmp_path: Path) -> None:
    """lists only the caller's tasks"""
    with open_taskhub(learner, tmp_path) as hub:
        alice = hub.account("alice")
        bob = hub.account("bob")
        mine = {hub.task(alice, title=f"Alice's task {n}")["id"] for n in range(2)}
        theirs = {hub.task(bob, title="Bob's task")["id"]}
        for account, expected, other in ((alice, mine, theirs), (bob, theirs, mine)):
            listed = hub.list_ids(account)
            expect_true(
                set(listed) == expected,
                what=f"GET /tasks as {account.email.split('-')[0]}",
                expected=f"exactly their {len(expected)} task(s)",
                actual=f"{len(listed)} task(s)"
                + (", including another user's" if set(listed) & other else ""),
                help="Every task query starts from WHERE owner_id = the current user's id; "
                "a list without it shows everybody's tasks.",
            )


def test_other_users_task_is_404(learner: Learner, tmp_path: Path) -> None:
    """answers 404, never 403, for another user's task on GET, PATCH and DELETE"""
    with open_taskhub(learner, tmp_path) as hub:
        owner = hub.account("owner")
        intruder = hub.account("intruder")
        task = hub.task(owner, title="Private plans")
        path = f"/tasks/{task['id']}"
        help_text = (
            "Look the task up by its id AND its owner, and raise NotFoundError when nothing "
            "matches: a 403 would confirm that the id exists."
        )
        hub.request("GET", path, account=intruder, expect=404, help=help_text)
        hub.request(
            "PATCH", path, account=intruder, json={"title": "Hacked"}, expect=404, help=help_text
        )
        hub.request("DELETE", path, account=intruder, expect=404, help=help_text)
        still = hub.request(
            "GET",
            path,
            account=owner,
            expect=200,
            help="Another user's DELETE must not remove the task: it should have been a 404 "
            "before anything was deleted.",
        )
        expect_true(
            json_body(f"GET {path}", still, help="Return the task as JSON.").get("title")
            == "Private plans",
            what=f"GET {path} as the owner, after another user's PATCH",
            expected="the title 'Private plans'",
            actual=excerpt(still),
            help="Check ownership before changing anything: the 404 must come before the update.",
        )


def test_requires_token(learner: Learner, tmp_path: Path) -> None:
    """answers 401 to a request without a token or with an invalid one"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("holder")
        task = hub.task(account)
        requests = [
            ("GET", "/me", None),
            ("GET", "/tasks", None),
            ("POST", "/tasks", {"title": "No token"}),
            ("GET", f"/tasks/{task['id']}", None),
            ("DELETE", f"/tasks/{task['id']}", None),
        ]
        for method, path, payload in requests:
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
        hub.request(
            "GET",
            "/tasks",
            headers={"Authorization": "Bearer this-is-not-a-token"},
            expect=401,
            help="A token that does not decode is refused with 401: AuthService.authenticate "
            "catches the decoding error and raises UnauthorizedError.",
        )
        hub.request(
            "GET",
            f"/tasks/{task['id']}",
            account=account,
            expect=200,
            help="The task must survive the DELETE that had no token.",
        )


def test_owner_cannot_be_reassigned(learner: Learner, tmp_path: Path) -> None:
    """never lets a request body choose or change a task's owner"""
    with open_taskhub(learner, tmp_path) as hub:
        alice = hub.account("alice")
        mallory = hub.account("mallory")
        help_text = (
            "The owner always comes from the token, never from the body: request schemas "
            "refuse unknown fields (extra='forbid'), so owner_id is a 422."
        )
        created = hub.request(
            "POST",
            "/tasks",
            account=mallory,
            json={"title": "Planted", "owner_id": alice.id},
            expect=(201, 422),
            help=help_text,
        )
        if created.status_code == 201:
            planted = json_body("POST /tasks", created, help="Return the task as JSON.")
            if str(planted.get("id")) in hub.list_ids(alice):
                raise CheckFailure(
                    "POST /tasks by one user with another user's owner_id in the body created "
                    "a task in the other user's list",
                    expected="a 422, or a task owned by the caller",
                    actual="a task owned by the user named in the body",
                    help=help_text,
                )
        task = hub.task(mallory, title="Mallory's own")
        path = f"/tasks/{task['id']}"
        hub.request(
            "PATCH",
            path,
            account=mallory,
            json={"owner_id": alice.id},
            expect=(200, 422),
            help=help_text,
        )
        hub.request(
            "GET",
            path,
            account=mallory,
            expect=200,
            help="After a PATCH with owner_id in the body, the task must still belong to the "
            "caller. " + help_text,
        )
        expect_true(
            task["id"] not in hub.list_ids(alice),
            what=f"PATCH {path} with another user's owner_id, then GET /tasks as that user",
            expected="a list without the task",
            actual="the task moved to the other user",
            help=help_text,
        )
