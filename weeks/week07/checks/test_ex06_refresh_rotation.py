"""Checks for week07/ex06_refresh_rotation: rotation, reuse detection, expiry and logout.

Each check builds ``AuthSessions`` with a fake clock that starts at the real time (access tokens
are JWTs whose expiry PyJWT compares with the real clock) and moves it by hand for the 14-day
refresh-token expiry.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from workbook.checking import Learner, call, expect_call, expect_equal, expect_raises, expect_true
from workbook.checking_security import FakeClock, token_parts

SECRET = "test-secret-for-refresh-rotation-checks-0123456789abcdef"
REUSED = "refresh token reused; the session was revoked"


def sessions(learner: Learner) -> tuple[Any, FakeClock]:
    clock = FakeClock(datetime.now(UTC))
    made = call(learner.cls("AuthSessions"), SECRET, clock.now,
                help="AuthSessions(secret, clock) is given.")
    return made, clock


def login(made: Any, user_id: str = "42") -> Any:
    return call(made.login, user_id, help="login(user_id) returns a TokenPair.")


def invalid(learner: Learner) -> type[BaseException]:
    error: type[BaseException] = learner.cls("InvalidRefreshToken")
    return error


def test_login_issues_a_pair(learner: Learner) -> None:
    """issues an access JWT and an opaque refresh token stored only as a hash"""
    made, _ = sessions(learner)
    pair = login(made)
    expect_call(made.authenticate, pair.access_token, returns="42",
                help="The access token of a new pair names the user.")
    refresh = pair.refresh_token
    expect_true(isinstance(refresh, str) and len(refresh) == 43 and token_parts(refresh) is None,
                what="the refresh token of login('42')",
                expected="a random opaque string (secrets.token_urlsafe(32), 43 characters)",
                actual=repr(refresh),
                help="A refresh token needs no claims: it is a key to a record on the server.")
    stored = list(made.records)
    expect_true(len(stored) == 1 and refresh not in repr(made.records),
                what="AuthSessions.records after one login",
                expected="one record, keyed by hash_token(refresh_token), without the token",
                actual=repr(made.records),
                help="Store the record under hash_token(refresh_token); a copy of the table "
                "must not be enough to use the tokens.")
    record = made.records.get(learner.function("hash_token")(refresh))
    expect_true(record is not None and record.user_id == "42"
                and record.expires_at == made.clock() + timedelta(days=14),
                what="the record stored for the refresh token",
                expected="user_id '42', expires_at 14 days from now",
                actual=repr(record), help="expires_at is clock() + REFRESH_TOKEN_TTL.")
    other = login(made)
    expect_true(other.refresh_token != refresh, what="the refresh tokens of two logins",
                expected="two different tokens", actual=f"both {refresh!r}",
                help="Make a new random token each time.")


def test_refresh_rotates(learner: Learner) -> None:
    """returns a new pair and makes the old refresh token unusable"""
    made, _ = sessions(learner)
    first = login(made)
    second = call(made.refresh, first.refresh_token, help="A fresh refresh token works once.")
    expect_true(second.refresh_token != first.refresh_token,
                what="the refresh token after refresh", expected="a new token",
                actual=repr(second.refresh_token), help="Issue a new pair on every refresh.")
    expect_call(made.authenticate, second.access_token, returns="42",
                help="The new access token names the same user.")
    old = made.records[learner.function("hash_token")(first.refresh_token)]
    new = made.records[learner.function("hash_token")(second.refresh_token)]
    expect_equal((old.revoked_at, old.revoked_reason, new.family_id, new.revoked_at),
                 (made.clock(), "rotated", old.family_id, None),
                 what="(old record's revoked_at and revoked_reason, new record's family_id and "
                 "revoked_at)",
                 help="Stamp the used token's revoked_at with now and the reason 'rotated'; "
                 "the new token keeps the family and is not revoked.")
    third = call(made.refresh, second.refresh_token, help="The new refresh token works too.")
    expect_true(third.refresh_token not in (first.refresh_token, second.refresh_token),
                what="the third refresh token", expected="yet another token",
                actual=repr(third.refresh_token), help="Each rotation issues a new token.")


def test_reuse_revokes_the_family(learner: Learner) -> None:
    """revokes the whole family when a rotated token is used again, and only that family"""
    made, _ = sessions(learner)
    first = login(made)
    laptop = login(made)
    second = call(made.refresh, first.refresh_token, help="The first refresh works.")
    expect_raises(learner.cls("ReuseDetected"), made.refresh, first.refresh_token, match=REUSED,
                  help="A rotated token that comes back means two parties hold it: raise "
                  "ReuseDetected with the docstring's message.")
    expect_raises(invalid(learner), made.refresh, second.refresh_token,
                  match="refresh token revoked",
                  help="Reuse revokes the whole family ('reuse'), so the newest token of the "
                  "family is refused too, as revoked.")
    hashed = learner.function("hash_token")
    newest = made.records[hashed(second.refresh_token)]
    expect_equal((newest.revoked_at, newest.revoked_reason), (made.clock(), "reuse"),
                 what="(revoked_at, revoked_reason) of the family's newest record after reuse",
                 help="revoke_family stamps now and the reason on every live record of the "
                 "family.")
    call(made.refresh, laptop.refresh_token,
         help="Another login of the same user is another family: it keeps working.")


def test_unknown_and_expired(learner: Learner) -> None:
    """refuses an unknown token, and a token from exactly 14 days on"""
    made, clock = sessions(learner)
    expect_raises(invalid(learner), made.refresh, "made-up-token", match="unknown refresh token",
                  help="No record under the token's hash means it was never issued here.")
    early, late = login(made), login(made)
    clock.advance(days=14, microseconds=-1)
    call(made.refresh, early.refresh_token,
         help="A refresh token is valid strictly before expires_at.")
    clock.advance(microseconds=1)
    expect_raises(invalid(learner), made.refresh, late.refresh_token,
                  match="refresh token expired",
                  help="From expires_at on (now >= expires_at) the token is expired.")


def test_logout(learner: Learner) -> None:
    """ends the session: the refresh token is revoked and the access token denied"""
    made, _ = sessions(learner)
    pair, other = login(made), login(made)
    call(made.logout, pair.refresh_token, pair.access_token, help="logout returns None.")
    expect_raises(invalid(learner), made.refresh, pair.refresh_token,
                  match="refresh token revoked",
                  help="Logout revokes the family with the reason 'logout', which is refused "
                  "as revoked, not treated as reuse.")
    record = made.records[learner.function("hash_token")(pair.refresh_token)]
    expect_equal((record.revoked_at, record.revoked_reason), (made.clock(), "logout"),
                 what="(revoked_at, revoked_reason) of the record after logout",
                 help="Logout revokes the family with the reason 'logout'.")
    expect_raises(learner.cls("InvalidAccessToken"), made.authenticate, pair.access_token,
                  match="access token revoked",
                  help="The access token would live 15 more minutes: put its jti in "
                  "denied_access and check it in authenticate.")
    expect_call(made.authenticate, other.access_token, returns="42",
                help="Only the logged-out session ends; another device stays logged in.")
    call(made.refresh, other.refresh_token, help="The other session's refresh token works.")
    third = login(made)
    call(made.logout, "unknown-token", third.access_token,
         help="An unknown refresh token is not an error: still deny the access token.")
    expect_raises(learner.cls("InvalidAccessToken"), made.authenticate, third.access_token,
                  match="access token revoked",
                  help="Deny the access token even when the refresh token is unknown.")
