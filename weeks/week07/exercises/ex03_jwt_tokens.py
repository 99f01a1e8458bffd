"""Access and refresh tokens as JWTs, signed with HS256 by PyJWT.

Every token this service issues carries the same claims::

    {"sub": "42", "type": "access", "iss": "taskhub", "iat": ..., "nbf": ..., "exp": ...,
     "jti": "5c0b..."}

A token is only as trustworthy as its checks: the algorithm is pinned to HS256 (a token that
says ``"alg": "none"`` or any other algorithm is refused, whatever it claims), every claim
above except ``jti`` is required, the issuer must be ours, and the ``type`` claim keeps a
refresh token from being used as an access token. ``leeway`` forgives small clock differences
between servers when ``exp``, ``nbf`` and ``iat`` are compared with the current time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

ALGORITHM = "HS256"
ACCESS = "access"
REFRESH = "refresh"
REQUIRED_CLAIMS = ["exp", "iat", "nbf", "iss", "sub", "type"]


class TokenError(Exception):
    """A token that must not be accepted; ``str(error)`` never holds the token."""


@dataclass(frozen=True)
class TokenSettings:
    """What signing and checking tokens needs (in the app, read from the environment)."""

    secret: str
    issuer: str = "taskhub"
    access_ttl: timedelta = timedelta(minutes=15)
    refresh_ttl: timedelta = timedelta(days=14)
    leeway: timedelta = timedelta(seconds=30)


def create_token(
    subject: str, token_type: str, settings: TokenSettings, *, now: datetime | None = None
) -> str:
    """A signed token for ``subject`` of type ``"access"`` or ``"refresh"``.

    ``iat`` and ``nbf`` are ``now`` (the current UTC time by default), ``exp`` is ``now`` plus
    the type's lifetime (``access_ttl`` or ``refresh_ttl``), and ``jti`` is a new random id.
    Raises ``ValueError("unknown token type: 'session'")`` for any other type.
    """
    # TODO: pick the lifetime for the type, build the claims, sign with HS256
    raise NotImplementedError


def decode_token(token: str, expected_type: str, settings: TokenSettings) -> dict[str, Any]:
    """The claims of a valid token of ``expected_type``; ``TokenError`` for anything else.

    The messages are ``"token expired"`` (past ``exp`` by more than the leeway), ``"wrong token
    type"`` (a valid token whose ``type`` is not ``expected_type``) and ``"invalid token"`` for
    every other problem: a bad signature, another algorithm, a missing claim, another issuer, a
    token not valid yet, or text that is not a JWT at all.
    """
    # TODO: decode with the algorithm pinned and claims required, then check the type
    raise NotImplementedError
