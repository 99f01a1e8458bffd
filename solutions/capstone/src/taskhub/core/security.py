"""Password hashing (argon2id via pwdlib) and JSON Web Tokens (PyJWT, HS256 pinned)."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import jwt
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from taskhub.core.config import Settings

TokenType = Literal["access", "refresh"]

#: The only algorithm accepted. Reading it from the token header is what enables the
#: ``alg: none`` and key-confusion attacks, so it is fixed here.
JWT_ALGORITHM = "HS256"
REQUIRED_CLAIMS = ("exp", "iat", "sub", "type", "jti")


class PasswordHasher:
    """Hash and verify passwords with argon2id; unknown accounts cost the same time."""

    def __init__(self, time_cost: int, memory_cost_kib: int, parallelism: int) -> None:
        self._hash = PasswordHash(
            (
                Argon2Hasher(
                    time_cost=time_cost, memory_cost=memory_cost_kib, parallelism=parallelism
                ),
            )
        )
        # Verified against when the e-mail is unknown, so both paths do one argon2 computation.
        self._dummy_hash = self._hash.hash(secrets.token_urlsafe(16))

    @classmethod
    def from_settings(cls, settings: Settings) -> PasswordHasher:
        return cls(
            settings.argon2_time_cost, settings.argon2_memory_cost_kib, settings.argon2_parallelism
        )

    def hash(self, password: str) -> str:
        return self._hash.hash(password)

    def verify(self, password: str, password_hash: str | None) -> bool:
        """Check ``password``; with ``password_hash=None`` burn the same time and fail."""
        if password_hash is None:
            self._hash.verify(password, self._dummy_hash)
            return False
        return self._hash.verify(password, password_hash)


@dataclass(frozen=True, slots=True)
class TokenClaims:
    """The validated claims of a TaskHub JWT."""

    subject: uuid.UUID
    token_type: TokenType
    jti: str
    issued_at: datetime
    expires_at: datetime
    token_version: int
    family: str | None


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: str
    claims: TokenClaims


class InvalidTokenError(Exception):
    """The token is malformed, forged, expired, or of the wrong type."""


class TokenCodec:
    """Sign and verify TaskHub tokens."""

    def __init__(self, settings: Settings) -> None:
        self._key = settings.secret_key.get_secret_value()
        self._issuer = settings.jwt_issuer
        self._ttl: dict[TokenType, timedelta] = {
            "access": timedelta(seconds=settings.access_token_ttl_seconds),
            "refresh": timedelta(seconds=settings.refresh_token_ttl_seconds),
        }

    def ttl(self, token_type: TokenType) -> timedelta:
        return self._ttl[token_type]

    def issue(
        self,
        subject: uuid.UUID,
        token_type: TokenType,
        *,
        token_version: int,
        family: str | None = None,
        now: datetime | None = None,
    ) -> IssuedToken:
        issued_at = (now or datetime.now(UTC)).replace(microsecond=0)
        claims = TokenClaims(
            subject=subject,
            token_type=token_type,
            jti=uuid.uuid4().hex,
            issued_at=issued_at,
            expires_at=issued_at + self._ttl[token_type],
            token_version=token_version,
            family=family,
        )
        payload: dict[str, Any] = {
            "iss": self._issuer,
            "sub": str(subject),
            "type": token_type,
            "jti": claims.jti,
            "iat": issued_at,
            "exp": claims.expires_at,
            "ver": token_version,
        }
        if family is not None:
            payload["fam"] = family
        return IssuedToken(jwt.encode(payload, self._key, algorithm=JWT_ALGORITHM), claims)

    def decode(self, token: str, expected_type: TokenType) -> TokenClaims:
        """Verify signature, expiry, issuer and required claims, then the token type."""
        try:
            payload = jwt.decode(
                token,
                self._key,
                algorithms=[JWT_ALGORITHM],
                issuer=self._issuer,
                options={"require": [*REQUIRED_CLAIMS, "iss", "ver"]},
            )
            subject = uuid.UUID(str(payload["sub"]))
            version = payload["ver"]
            family = payload.get("fam")
        except (jwt.PyJWTError, ValueError) as exc:
            raise InvalidTokenError(str(exc)) from exc
        if payload["type"] != expected_type:
            raise InvalidTokenError(f"expected a {expected_type} token")
        if not isinstance(version, int) or (family is not None and not isinstance(family, str)):
            raise InvalidTokenError("malformed claims")
        return TokenClaims(
            subject=subject,
            token_type=expected_type,
            jti=str(payload["jti"]),
            issued_at=datetime.fromtimestamp(int(payload["iat"]), UTC),
            expires_at=datetime.fromtimestamp(int(payload["exp"]), UTC),
            token_version=version,
            family=family,
        )


def hash_token(token: str) -> str:
    """SHA-256 of a token, the form in which refresh tokens are stored."""
    return hashlib.sha256(token.encode()).hexdigest()
