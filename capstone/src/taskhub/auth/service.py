"""Login, token rotation, logout and access-token authentication."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from taskhub.auth.models import RefreshToken
from taskhub.auth.repository import RefreshTokenRepository
from taskhub.auth.schemas import TokenPair
from taskhub.core.database import utcnow
from taskhub.core.errors import RateLimitedError, UnauthorizedError
from taskhub.core.ratelimit import SlidingWindowLimiter
from taskhub.core.security import InvalidTokenError, PasswordHasher, TokenCodec, hash_token
from taskhub.users.models import User
from taskhub.users.repository import UserRepository

BAD_CREDENTIALS = "Incorrect e-mail or password."
BAD_REFRESH = "The refresh token is invalid, expired or revoked."


class LoginLimiters:
    """The two login limiters: one keyed by client IP, one by account e-mail."""

    def __init__(self, per_ip: SlidingWindowLimiter, per_account: SlidingWindowLimiter) -> None:
        self.per_ip = per_ip
        self.per_account = per_account


class AuthService:
    def __init__(
        self,
        session: Session,
        hasher: PasswordHasher,
        codec: TokenCodec,
        limiters: LoginLimiters,
    ) -> None:
        self.session = session
        self.hasher = hasher
        self.codec = codec
        self.limiters = limiters
        self.users = UserRepository(session)
        self.tokens = RefreshTokenRepository(session)

    def login(self, email: str, password: str, client_ip: str) -> TokenPair:
        """Password grant. Unknown e-mail and wrong password look (and take) the same."""
        # TODO: apply both rate limits, verify the password, then issue a token pair
        raise NotImplementedError

    def refresh(self, refresh_token: str) -> TokenPair:
        """Rotate: the presented token is used up and a new pair is issued in its family.

        Presenting a token that was already rotated means it leaked (or the client is
        confused): the whole family is revoked, so the thief's copy dies too.
        """
        # TODO: validate the JWT and its stored row, detect reuse, rotate
        raise NotImplementedError

    def logout(self, refresh_token: str) -> None:
        """Revoke the family of ``refresh_token`` (the login it came from)."""
        # TODO: validate the JWT, then revoke its family if the token is known
        raise NotImplementedError

    def authenticate(self, access_token: str) -> User:
        """The active user an access token speaks for, or 401."""
        # TODO: decode the access token, load its user, check active and token version
        raise NotImplementedError

    def _issue_pair(self, user: User, *, family: str) -> TokenPair:
        access = self.codec.issue(user.id, "access", token_version=user.token_version)
        refresh = self.codec.issue(
            user.id, "refresh", token_version=user.token_version, family=family
        )
        self.tokens.add(
            RefreshToken(
                user_id=user.id,
                family_id=family,
                token_hash=hash_token(refresh.token),
                expires_at=refresh.claims.expires_at,
            )
        )
        return TokenPair(
            access_token=access.token,
            expires_in=int(self.codec.ttl("access").total_seconds()),
            refresh_token=refresh.token,
            refresh_expires_in=int(self.codec.ttl("refresh").total_seconds()),
        )
