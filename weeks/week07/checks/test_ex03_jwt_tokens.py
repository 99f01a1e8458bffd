"""Checks for week07/ex03_jwt_tokens: the claims a token carries and every token that is refused.

Tokens are made with ``create_token(..., now=...)`` at a fixed time and read back without
verification, so their claims can be compared exactly; the tokens that must be refused are
forged with PyJWT, relative to the current time, with margins of several seconds.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest

from workbook.checking import CheckFailure, Learner, call, expect_equal, expect_raises, expect_true
from workbook.checking_security import describe_token, expect_refused, sign_token, token_parts

SECRET = "test-secret-that-is-long-enough-for-hs256-and-hs512-0123456789abcdef"
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
STAMP = int(NOW.timestamp())


def settings(learner: Learner, **fields: Any) -> Any:
    return call(learner.cls("TokenSettings"), secret=SECRET, **fields,
                help="TokenSettings is given: a frozen dataclass.")


def error_type(learner: Learner) -> type[BaseException]:
    error: type[BaseException] = learner.cls("TokenError")
    return error


def claims_of(token: object, what: str) -> dict[str, Any]:
    parts = token_parts(token)
    expect_true(parts is not None, what=what, expected="a JWT (three base64 parts)",
                actual=describe_token(token),
                help="Return what jwt.encode(claims, settings.secret, algorithm='HS256') gives.")
    assert parts is not None
    return parts[1]


def valid_claims(token_type: str = "access", /, **changes: Any) -> dict[str, Any]:
    """Claims a correct decode_token accepts, made relative to the current time."""
    now = int(time.time())
    claims: dict[str, Any] = {"sub": "42", "type": token_type, "iss": "taskhub", "iat": now,
                              "nbf": now, "exp": now + 900, "jti": "a1b2c3"}
    claims.update(changes)
    return {key: value for key, value in claims.items() if value is not None}


def test_access_token_claims(learner: Learner) -> None:
    """creates an access token with sub, type, iss, iat, nbf, exp and jti"""
    create_token = learner.function(
        "create_token",
        signature="create_token(subject, token_type, settings, *, now=None) -> str")
    token = call(create_token, "42", "access", settings(learner), now=NOW,
                 help="create_token returns the encoded token.")
    what = f"create_token('42', 'access', settings, now={NOW.isoformat()})"
    claims = claims_of(token, what)
    jti = claims.pop("jti", None)
    expect_equal(claims, {"sub": "42", "type": "access", "iss": "taskhub", "iat": STAMP,
                          "nbf": STAMP, "exp": STAMP + 900},
                 what=f"the claims of {what} (without jti)",
                 help="iat and nbf are now, exp is now + access_ttl (15 minutes), iss is "
                 "settings.issuer; PyJWT turns datetimes into Unix seconds.")
    expect_true(isinstance(jti, str) and len(jti) >= 16, what=f"the jti of {what}",
                expected="a random id string (uuid4().hex)", actual=repr(jti),
                help="jti names one token, so that it can be revoked later.")
    header = jwt.get_unverified_header(token)
    expect_equal(header.get("alg"), "HS256", what=f"the alg header of {what}",
                 help="Sign with algorithm=ALGORITHM.")
    try:
        jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False,
                                                                  "verify_nbf": False,
                                                                  "verify_iat": False})
    except jwt.InvalidTokenError as error:
        raise CheckFailure(f"{what} is not signed with settings.secret: {error}",
                           expected="an HS256 signature made with settings.secret",
                           actual=str(error),
                           help="Pass settings.secret as the key to jwt.encode.") from None


def test_lifetimes_and_issuer_come_from_settings(learner: Learner) -> None:
    """uses the type's lifetime and the issuer from the settings"""
    create_token = learner.function("create_token")
    refresh = claims_of(call(create_token, "42", "refresh", settings(learner), now=NOW,
                             help="A refresh token is made the same way."), "a refresh token")
    expect_equal((refresh.get("type"), refresh.get("exp")), ("refresh", STAMP + 14 * 86400),
                 what="(type, exp) of create_token('42', 'refresh', settings, now=NOW)",
                 help="A refresh token lives refresh_ttl (14 days), not access_ttl.")
    custom = settings(learner, issuer="billing", access_ttl=timedelta(minutes=5))
    claims = claims_of(call(create_token, "7", "access", custom, now=NOW,
                            help="create_token reads the settings it is given."), "a token")
    expect_equal((claims.get("sub"), claims.get("iss"), claims.get("exp")),
                 ("7", "billing", STAMP + 300),
                 what="(sub, iss, exp) with issuer='billing' and access_ttl=5 minutes",
                 help="Take the issuer and the lifetime from settings, never hard-code them.")
    before = int(time.time())
    claims = claims_of(call(create_token, "7", "access", custom,
                            help="Without now, use datetime.now(UTC)."), "a token")
    expect_true(before - 2 <= claims.get("iat", 0) <= time.time() + 2,
                what="iat of a token made without now", expected=f"about {before}",
                actual=repr(claims.get("iat")), help="now defaults to datetime.now(UTC).")


def test_unknown_type_and_fresh_ids(learner: Learner) -> None:
    """refuses an unknown token type and gives every token its own jti"""
    create_token = learner.function("create_token")
    expect_raises(ValueError, create_token, "42", "session", settings(learner), now=NOW,
                  match="unknown token type: 'session'",
                  help="Only 'access' and 'refresh' exist; raise ValueError naming the type.")
    first = claims_of(create_token("42", "access", settings(learner), now=NOW), "a token")
    second = claims_of(create_token("42", "access", settings(learner), now=NOW), "a token")
    expect_true(first.get("jti") != second.get("jti"), what="the jti of two tokens made at once",
                expected="two different ids", actual=f"both {first.get('jti')!r}",
                help="Make a new uuid4 for every token.")


def test_decodes_its_own_tokens(learner: Learner) -> None:
    """decodes a valid token of the expected type and returns its claims"""
    create_token = learner.function("create_token")
    decode_token = learner.function(
        "decode_token", signature="decode_token(token, expected_type, settings) -> dict")
    for token_type in ("access", "refresh"):
        token = call(create_token, "42", token_type, settings(learner),
                     help="create_token makes the token.")
        claims = call(decode_token, token, token_type, settings(learner),
                      help="A token just made by create_token is valid.")
        expect_true(isinstance(claims, dict) and claims.get("sub") == "42"
                    and claims.get("type") == token_type,
                    what=f"decode_token(<new {token_type} token>, {token_type!r}, settings)",
                    expected=f"the claims, with sub '42' and type {token_type!r}",
                    actual=repr(claims), help="Return the dict jwt.decode gives.")


def test_refuses_the_wrong_type(learner: Learner) -> None:
    """refuses a refresh token used as an access token, and the reverse"""
    decode_token = learner.function("decode_token")
    for made, expected in (("refresh", "access"), ("access", "refresh")):
        expect_refused(decode_token, sign_token(valid_claims(made), SECRET), expected,
                       settings(learner), error=error_type(learner), match="wrong token type",
                       why=f"a {made} token where an {expected} token is expected",
                       help="A valid signature is not enough: compare the type claim with "
                       "expected_type and raise TokenError('wrong token type').")


@pytest.mark.parametrize(("label", "algorithm", "key"), [
    ("alg none (unsigned)", "none", None),
    ("HS512 with the right secret", "HS512", SECRET),
    ("HS256 with another secret", "HS256", SECRET[::-1]),
])
def test_refuses_other_algorithms_and_keys(learner: Learner, label: str, algorithm: str,
                                           key: str | None) -> None:
    """refuses alg none, another algorithm and another key"""
    decode_token = learner.function("decode_token")
    token = sign_token(valid_claims(), key, algorithm=algorithm)
    expect_refused(decode_token, token, "access", settings(learner), error=error_type(learner),
                   match="invalid token", why=f"a token signed with {label}",
                   help="Pin the algorithm: jwt.decode(..., algorithms=[ALGORITHM]) and turn "
                   "jwt.InvalidTokenError into TokenError('invalid token'); never read the "
                   "algorithm from the token's own header.")


def test_refuses_tampered_and_garbage(learner: Learner) -> None:
    """refuses a tampered token and text that is not a JWT"""
    decode_token = learner.function("decode_token")
    header, _, signature = sign_token(valid_claims(), SECRET).split(".")
    _, forged_claims, _ = sign_token(valid_claims(sub="1"), SECRET).split(".")
    for token, why in ((f"{header}.{forged_claims}.{signature}", "a token whose sub was changed"),
                       ("not-a-jwt", "text that is not a JWT"), ("", "an empty token")):
        expect_refused(decode_token, token, "access", settings(learner),
                       error=error_type(learner), match="invalid token", why=why,
                       help="Every jwt.InvalidTokenError (DecodeError, InvalidSignatureError, "
                       "...) becomes TokenError('invalid token').")


@pytest.mark.parametrize("claim", ["exp", "iat", "nbf", "iss", "sub", "type"])
def test_requires_claims(learner: Learner, claim: str) -> None:
    """refuses a token missing a required claim"""
    decode_token = learner.function("decode_token")
    expect_refused(decode_token, sign_token(valid_claims(**{claim: None}), SECRET), "access",
                   settings(learner), error=error_type(learner), match="invalid token",
                   why=f"a token without {claim!r}",
                   help="PyJWT only checks claims that are present unless told otherwise: pass "
                   "options={'require': REQUIRED_CLAIMS}.")


def test_refuses_another_issuer(learner: Learner) -> None:
    """refuses a token from another issuer"""
    decode_token = learner.function("decode_token")
    expect_refused(decode_token, sign_token(valid_claims(iss="someone-else"), SECRET), "access",
                   settings(learner), error=error_type(learner), match="invalid token",
                   why="a token with iss 'someone-else'",
                   help="Pass issuer=settings.issuer to jwt.decode.")


def test_expiry_with_leeway(learner: Learner) -> None:
    """refuses an expired token, forgiving the clock leeway"""
    decode_token = learner.function("decode_token")
    now = int(time.time())
    late = sign_token(valid_claims(iat=now - 1000, nbf=now - 1000, exp=now - 20), SECRET)
    claims = call(decode_token, late, "access", settings(learner),
                  help="A token that expired 20 s ago is still inside the 30 s leeway: pass "
                  "leeway=settings.leeway to jwt.decode.")
    expect_true(isinstance(claims, dict), what="decode_token(<expired 20 s ago>, ...)",
                expected="the claims", actual=repr(claims), help="Return the claims.")
    expired = sign_token(valid_claims(iat=now - 1000, nbf=now - 1000, exp=now - 40), SECRET)
    expect_refused(decode_token, expired, "access", settings(learner), error=error_type(learner),
                   match="token expired", why="a token that expired 40 s ago (leeway 30 s)",
                   help="Catch jwt.ExpiredSignatureError before jwt.InvalidTokenError (it is a "
                   "subclass) and raise TokenError('token expired').")
    strict = settings(learner, leeway=timedelta(0))
    expect_refused(decode_token, late, "access", strict, error=error_type(learner),
                   match="token expired", why="a token that expired 20 s ago with leeway 0",
                   help="The leeway comes from the settings, not from a constant.")


def test_not_valid_yet(learner: Learner) -> None:
    """refuses a token that is not valid yet, forgiving the clock leeway"""
    decode_token = learner.function("decode_token")
    now = int(time.time())
    for claim in ("nbf", "iat"):
        soon = sign_token(valid_claims(**{claim: now + 15}), SECRET)
        call(decode_token, soon, "access", settings(learner),
             help=f"A token whose {claim} is 15 s ahead is inside the leeway (another server's "
             "clock may be a little fast).")
        later = sign_token(valid_claims(**{claim: now + 120}), SECRET)
        expect_refused(decode_token, later, "access", settings(learner),
                       error=error_type(learner), match="invalid token",
                       why=f"a token whose {claim} is 2 minutes ahead",
                       help="PyJWT refuses nbf and iat in the future (ImmatureSignatureError, an "
                       "InvalidTokenError) once they are beyond the leeway.")
