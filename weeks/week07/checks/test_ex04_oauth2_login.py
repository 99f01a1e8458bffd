"""Checks for week07/ex04_oauth2_login: the OAuth2 password form, one 401, a login rate limit.

Each check gives the app a fresh user store (with ada and bob), a fresh LoginAttempts and a
clock it moves by hand, through ``app.dependency_overrides``; logins are sent as the form
Swagger's Authorize button sends.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import jwt
import pytest

from workbook.checking import CheckFailure, Learner, call, expect_equal, expect_true
from workbook.checking_app import (
    Answer,
    Api,
    Sent,
    crash_failure,
    expect_status,
    open_api,
    openapi_document,
    openapi_operation,
)
from workbook.checking_security import FakeClock, describe_token

ADA = ("ada", "correct horse battery")
BOB = ("bob", "tr0ub4dor&3")
WRONG = "Incorrect username or password"
TOO_MANY = "Too many failed logins, try again later"


@pytest.fixture
def clock() -> FakeClock:
    """Starts at the real time, so that the tokens the app issues are valid for GET /me."""
    return FakeClock(datetime.now(UTC))


@pytest.fixture
def api(learner: Learner, clock: FakeClock) -> Iterator[Api]:
    module = learner
    app = module.attribute("app")
    users = call(module.cls("UserStore"), help="UserStore() is given.")
    for username, password in (ADA, BOB):
        users.add(username, username.title(), password)
    limiter = call(module.cls("LoginAttempts"), help="LoginAttempts() takes its defaults.")
    app.dependency_overrides[module.function("get_users")] = lambda: users
    app.dependency_overrides[module.function("get_attempts")] = lambda: limiter
    app.dependency_overrides[module.function("get_now")] = clock.now
    try:
        with open_api(learner) as opened:
            yield opened
    finally:
        app.dependency_overrides.clear()


def login(api: Api, username: str, password: str, *, expect: int, help: str) -> Answer:
    """POST /auth/token with the OAuth2 password form."""
    shown = "*" * len(password) if password else "(empty)"
    sent = Sent("POST", "/auth/token", note=f"with the form username={username}&password={shown}")
    api.crashes.clear()
    try:
        response = api.client.post("/auth/token",
                                   data={"username": username, "password": password})
    except NotImplementedError:
        raise
    except Exception as error:
        raise crash_failure(sent, error, (expect,), help) from error
    answer = Answer(sent, response)
    expect_status(answer, expect, help=help, crashes=api.crashes)
    return answer


def test_login_returns_a_bearer_token(learner: Learner, api: Api, clock: FakeClock) -> None:
    """logs in with the password form and returns a bearer token"""
    answer = login(api, *ADA, expect=200,
                   help="Authenticate the form's username and password and return a Token.")
    body = answer.json(help="The token endpoint answers JSON.")
    expect_equal(sorted(body) if isinstance(body, dict) else body,
                 ["access_token", "token_type"], what="the keys of the login answer",
                 help="OAuth2 clients (Swagger included) read access_token and token_type.")
    expect_equal(body["token_type"], "bearer", what="token_type",
                 help="The token type is the word 'bearer'.")
    token = body["access_token"]
    try:
        claims = jwt.decode(token, learner.attribute("SECRET_KEY"), algorithms=["HS256"],
                            options={"verify_exp": False, "verify_iat": False})
    except jwt.InvalidTokenError as error:
        raise CheckFailure(f"the access_token is not a token this app signed: {error}",
                           expected="create_access_token(user.username, now)",
                           actual=describe_token(token),
                           help="Return the token create_access_token makes.") from None
    stamp = int(clock.now().timestamp())
    expect_equal((claims.get("sub"), claims.get("iat")), ("ada", stamp),
                 what=f"(sub, iat) of the token, {describe_token(token)}",
                 help="Pass the user's username and the request's now (the get_now "
                 "dependency) to create_access_token.")
    me = api.get("/me", headers={"Authorization": f"Bearer {token}"}, expect=200,
                 help="The token from the login opens GET /me.")
    me.expect_fields({"username": "ada"}, help="GET /me names the user of the token.")


def test_json_is_not_the_form(api: Api) -> None:
    """refuses a JSON body: the password flow sends a form"""
    api.post("/auth/token", json={"username": ADA[0], "password": ADA[1]}, expect=422,
             help="Take the credentials with Annotated[OAuth2PasswordRequestForm, Depends()], "
             "which reads form fields, not JSON.")


def test_one_answer_for_every_failed_login(api: Api) -> None:
    """answers the same 401 with WWW-Authenticate for a wrong password and an unknown user"""
    for username, password, case in (("ada", "Correct horse battery", "a wrong password"),
                                     ("eve", ADA[1], "an unknown username")):
        answer = login(api, username, password, expect=401,
                       help=f"For {case}, raise HTTPException(401, ...).")
        answer.expect_json({"detail": WRONG},
                           help="Say the same thing whether the user exists or not, so the "
                           "answer does not tell which usernames have accounts.")
        answer.expect_header("www-authenticate", "Bearer",
                             help="RFC 6750: a 401 for a bearer-token API carries "
                             "WWW-Authenticate: Bearer (headers={...} on the HTTPException).")


def test_blocks_after_five_failures(api: Api) -> None:
    """blocks a username with 429 and Retry-After after 5 failures, even with the right password"""
    for attempt in range(1, 6):
        login(api, "ada", f"guess {attempt}", expect=401,
              help=f"Attempt {attempt} of 5 is still checked: block only after "
              "MAX_FAILED_LOGINS failures.")
    blocked = login(api, *ADA, expect=429,
                    help="With 5 recent failures, answer 429 before checking the password, so "
                    "that guessing stops working.")
    blocked.expect_json({"detail": TOO_MANY}, help="Use the detail the docstring gives.")
    blocked.expect_header("retry-after", "60",
                          help="Retry-After tells the client how many seconds to wait: the "
                          "window, 60.")
    login(api, *BOB, expect=200, help="The limit counts failures per username: bob may log in.")


def test_failures_expire_after_the_window(api: Api, clock: FakeClock) -> None:
    """forgets failures 60 seconds after they happened, not earlier"""
    for attempt in range(5):
        login(api, "ada", f"guess {attempt}", expect=401, help="A wrong password is 401.")
    clock.advance(seconds=59, microseconds=999_999)
    login(api, *ADA, expect=429,
          help="A failure still counts just before the 60 s window ends (now - when < window).")
    clock.advance(microseconds=1)
    login(api, *ADA, expect=200,
          help="Exactly 60 s after the failures they no longer count: keep only the failures "
          "with now - when < window.")


def test_success_resets_the_count(api: Api) -> None:
    """clears a username's failures when it logs in"""
    for attempt in range(4):
        login(api, "ada", f"guess {attempt}", expect=401, help="A wrong password is 401.")
    login(api, *ADA, expect=200, help="4 failures do not block.")
    login(api, "ada", "one more guess", expect=401, help="A wrong password is 401.")
    login(api, *ADA, expect=200,
          help="A successful login clears the username's failures (limiter.reset), so the "
          "earlier 4 do not count any more.")


def test_openapi_has_the_password_flow(learner: Learner, api: Api) -> None:
    """documents the form and the OAuth2 password scheme for Swagger's Authorize button"""
    document = openapi_document(api.app, help="The OpenAPI document must build.")
    operation = openapi_operation(document, "POST", "/auth/token",
                                  help="The login route is POST /auth/token.")
    content = operation.get("requestBody", {}).get("content", {})
    expect_true("application/x-www-form-urlencoded" in content,
                what="the request body of POST /auth/token",
                expected="a form (application/x-www-form-urlencoded)",
                actual=", ".join(content) or "no body", help="Use OAuth2PasswordRequestForm.")
    schemes: dict[str, Any] = document.get("components", {}).get("securitySchemes", {})
    expect_equal(schemes.get("OAuth2PasswordBearer"),
                 {"type": "oauth2", "flows": {"password": {"scopes": {},
                                                           "tokenUrl": "/auth/token"}}},
                 what="components.securitySchemes.OAuth2PasswordBearer",
                 help="OAuth2PasswordBearer(tokenUrl='/auth/token') tells Swagger where the "
                 "Authorize button sends the username and password.")
    me = openapi_operation(document, "GET", "/me", help="GET /me is given.")
    expect_equal(me.get("security"), [{"OAuth2PasswordBearer": []}],
                 what="the security of GET /me",
                 help="GET /me depends on oauth2_scheme, which documents the lock icon.")
