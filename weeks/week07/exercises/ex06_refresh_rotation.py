"""Refresh tokens that rotate, detect reuse, and end with logout.

A login starts a *family*: one access token (a JWT, 15 minutes) and one refresh token (random,
opaque, 14 days). Every refresh revokes the refresh token it was given and issues a new pair in
the same family, so each refresh token works exactly once. When a rotated token comes back,
two parties hold copies of it (the user and a thief), and we cannot tell which is which: the
whole family is revoked and both must log in again.

Only a SHA-256 hash of each refresh token is stored, so a leaked table cannot be replayed.
Logout revokes the family and puts the access token's ``jti`` on a deny-list until it expires.

``clock`` is a function returning the current UTC time (a fake one in tests); refresh-token
expiry is measured with it.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

ALGORITHM = "HS256"
ACCESS_TOKEN_TTL = timedelta(minutes=15)
REFRESH_TOKEN_TTL = timedelta(days=14)


class InvalidRefreshToken(Exception):
    """A refresh token that is unknown, expired or revoked by logout or by reuse detection."""


class ReuseDetected(InvalidRefreshToken):
    """A refresh token that was already rotated came back; its family is now revoked."""


class InvalidAccessToken(Exception):
    """An access token that is not valid or was revoked by logout."""


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str


@dataclass
class RefreshRecord:
    """What the server keeps about one refresh token (never the token itself)."""

    user_id: str
    family_id: str
    expires_at: datetime
    revoked_at: datetime | None = None
    revoked_reason: str | None = None  # "rotated", "logout" or "reuse"


def hash_token(token: str) -> str:
    """The SHA-256 hex digest under which a refresh token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class AuthSessions:
    secret: str
    clock: Callable[[], datetime] = utc_now
    records: dict[str, RefreshRecord] = field(default_factory=dict)  # by hash_token(token)
    denied_access: dict[str, datetime] = field(default_factory=dict)  # jti -> its exp

    def _access_token(self, user_id: str, now: datetime) -> str:
        claims = {"sub": user_id, "type": "access", "jti": uuid.uuid4().hex, "iat": now,
                  "exp": now + ACCESS_TOKEN_TTL}
        return jwt.encode(claims, self.secret, algorithm=ALGORITHM)

    def issue_pair(self, user_id: str, family_id: str) -> TokenPair:
        """A new access token and a new refresh token of ``family_id`` (stored by its hash).

        The refresh token is ``secrets.token_urlsafe(32)``: 32 random bytes, 43 characters.
        """
        # TODO: make a random refresh token, store its record by hash, return the pair
        raise NotImplementedError

    def login(self, user_id: str) -> TokenPair:
        """Start a new family (a new device's session) for a user who just authenticated."""
        return self.issue_pair(user_id, uuid.uuid4().hex)

    def revoke_family(self, family_id: str, reason: str) -> None:
        """Revoke every token of the family that is not revoked yet, with ``reason``."""
        # TODO: stamp revoked_at and the reason on the family's live records
        raise NotImplementedError

    def refresh(self, refresh_token: str) -> TokenPair:
        """Rotate: revoke ``refresh_token`` ("rotated") and return a new pair of its family.

        Raises ``InvalidRefreshToken("unknown refresh token")``, ``InvalidRefreshToken("refresh
        token expired")`` (from ``expires_at`` on; the token is valid strictly before it),
        ``InvalidRefreshToken("refresh token revoked")`` for a token revoked by logout or reuse
        detection, and, for a token that was already rotated, revokes its family ("reuse") and
        raises ``ReuseDetected("refresh token reused; the session was revoked")``.
        """
        # TODO: find the record by hash, refuse or detect reuse, rotate
        raise NotImplementedError

    def logout(self, refresh_token: str, access_token: str) -> None:
        """End the session: revoke the refresh token's family ("logout") and deny the access
        token's ``jti`` until its ``exp``. An unknown refresh token is not an error."""
        # TODO: revoke the family if the token is known, deny the access token's jti
        raise NotImplementedError

    def user_claims(self, access_token: str) -> dict[str, Any]:
        """The claims of a valid access token (signature, expiry, type); else InvalidAccessToken."""
        try:
            claims: dict[str, Any] = jwt.decode(
                access_token, self.secret, algorithms=[ALGORITHM],
                options={"require": ["sub", "type", "jti", "exp"]},
            )
        except jwt.InvalidTokenError:
            raise InvalidAccessToken("invalid access token") from None
        if claims["type"] != "access":
            raise InvalidAccessToken("invalid access token")
        return claims

    def authenticate(self, access_token: str) -> str:
        """The user id of a valid access token; ``InvalidAccessToken("access token revoked")``
        once its session was logged out."""
        # TODO: decode the token, then refuse a denied jti
        raise NotImplementedError
