"""Check vocabulary for security code: tokens shown by their claims, forged tokens, a fake clock.

A failure about a token should say what the token was, not print 200 characters of base64:
``describe_token`` decodes a JWT *without verifying it* (only to show it in a message) and reads
``a JWT {"alg":"none"} {"sub":"42","type":"access"}``. ``sign_token`` makes the tokens a check
sends (an ``alg: none`` token, one signed with another key or algorithm, one missing a claim),
and ``expect_refused`` fails unless learner code raises for a token that must not pass::

    token = sign_token({"sub": "42", "type": "refresh"}, SECRET)
    expect_refused(decode_token, token, "access", settings, error=TokenError,
                   match="wrong token type", why="a refresh token used as an access token",
                   help="Compare the type claim with the type you expect.")

``FakeClock`` is a ``now()`` the check controls, for code that takes its clock as a parameter.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from workbook.checking import CheckFailure, describe_exception, show

_EXCERPT = 160


def _segment(text: str) -> Any:
    padded = text + "=" * (-len(text) % 4)
    return json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))


def _compact(value: object) -> str:
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 3] + "..."


def token_parts(token: object) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The header and claims of a JWT, read without checking the signature; None if not a JWT."""
    if not isinstance(token, str) or token.count(".") != 2:
        return None
    header_text, claims_text, _ = token.split(".")
    try:
        header, claims = _segment(header_text), _segment(claims_text)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(header, dict) or not isinstance(claims, dict):
        return None
    return header, claims


def describe_token(token: object) -> str:
    """``a JWT {"alg":"HS256","typ":"JWT"} {"sub":"42",...}``, or a short repr of a non-JWT."""
    parts = token_parts(token)
    if parts is None:
        return f"{show(token)} (not a JWT)" if isinstance(token, str) else show(token)
    header, claims = parts
    return f"a JWT {_compact(header)} {_compact(claims)}"


def sign_token(
    claims: Mapping[str, Any],
    key: str | None,
    *,
    algorithm: str = "HS256",
    headers: Mapping[str, Any] | None = None,
) -> str:
    """A JWT with these claims, signed with ``key`` (``algorithm="none"`` for an unsigned one)."""
    if algorithm == "none":
        return jwt.encode(dict(claims), None, algorithm="none", headers=dict(headers or {}))
    return jwt.encode(dict(claims), key, algorithm=algorithm, headers=dict(headers or {}))


def expect_refused(
    func: Callable[..., Any],
    token: str,
    *args: Any,
    error: type[BaseException],
    why: str,
    help: str,
    match: str | None = None,
) -> BaseException:
    """Call ``func(token, *args)`` and fail unless it raises ``error`` (mentioning ``match``).

    ``why`` says what is wrong with the token ("expired 31 s ago, leeway 30 s"); the message
    shows the token by its header and claims.
    """
    name = getattr(func, "__name__", "the function")
    want = error.__name__ + (f"({match!r})" if match else "")
    shown = f"{name}({describe_token(token)}{''.join(', ' + show(a) for a in args)})"
    try:
        result = func(token, *args)
    except NotImplementedError:
        raise
    except error as raised:
        if match is not None and match.lower() not in str(raised).lower():
            raise CheckFailure(
                f"called {shown} for {why}: it raised {describe_exception(raised)}, expected "
                f"{want}",
                expected=want,
                actual=describe_exception(raised),
                help=help,
            ) from None
        return raised
    except Exception as other:
        raise CheckFailure(
            f"called {shown} for {why}: it raised {describe_exception(other)}, expected {want}",
            expected=want,
            actual=describe_exception(other),
            help=help,
        ) from other
    raise CheckFailure(
        f"called {shown} for {why}: it accepted the token and returned {show(result)}, "
        f"expected {want}",
        expected=want,
        actual=f"returned {show(result)}",
        help=help,
    )


@dataclass
class FakeClock:
    """A clock the check moves by hand: pass ``clock.now`` where the code takes a ``now``."""

    current: datetime = field(default_factory=lambda: datetime(2026, 3, 1, 12, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        """Move forward by ``timedelta(**delta)`` (``seconds=901``) and return the new time."""
        self.current += timedelta(**delta)
        return self.current
