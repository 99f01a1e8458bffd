"""Login, token rotation, logout and access-token authentication."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from taskhub.auth.models import RefreshToken
from taskhub.auth.repository import RefreshTokenRepository
from taskhub.auth.schemas import TokenPair
from taskhub.core.database import utcnow
from taskhub.core.errors import RateLimitedError, UnauthorizedError
from taskhub.core.events import EventBus
from taskhub.core.ratelimit import RateLimiter
from taskhub.core.security import InvalidTokenError, PasswordHasher, TokenCodec, hash_token
from taskhub.users.events import CredentialsRevoked
from taskhub.users.models import User
from taskhub.users.repository import UserRepository

BAD_CREDENTIALS = "Incorrect e-mail or password."
BAD_REFRESH = "The refresh token is invalid, expired or revoked."


class TokenReuseError(UnauthorizedError):
    """A rotated refresh token came back: the family is revoked, and that must be kept."""

    keep_changes = True


@dataclass(frozen=True, slots=True)
class LoginLimiters:
    """The limiters of the anonymous endpoints.

    ``per_ip`` counts every login attempt of a client address; ``per_account`` counts the
    *failed* attempts on one account from one address, so someone guessing from elsewhere
    cannot lock the real user out; ``register_per_ip`` counts registrations.
    """

    per_ip: RateLimiter
    per_account: RateLimiter
    register_per_ip: RateLimiter


def revoke_sessions(session: Session, event: CredentialsRevoked) -> None:
    """Handler of :class:`CredentialsRevoked`: end every login (refresh family) of the user."""
    RefreshTokenRepository(session).revoke_all_for_user(event.user_id, utcnow())


def subscribe_handlers(events: EventBus) -> None:
    """Let ``auth`` react to what ``users`` announces."""
    events.subscribe(CredentialsRevoked, revoke_sessions)


class AuthService:
    """Login, refresh, logout and access-token checks. Writes are flushed, not committed."""

    def __init__(
        self,
        session: Session,
        hasher: PasswordHasher,
        codec: TokenCodec,
        limiters: LoginLimiters,
        *,
        reuse_grace: timedelta = timedelta(seconds=10),
    ) -> None:
        self.session = session
        self.hasher = hasher
        self.codec = codec
        self.limiters = limiters
        self.reuse_grace = reuse_grace
        self.users = UserRepository(session)
        self.tokens = RefreshTokenRepository(session)

    def check_register_rate(self, client_ip: str) -> None:
        """429 when this address registered too many accounts within the window."""
        retry_after = self.limiters.register_per_ip.hit(f"register-ip:{client_ip}")
        if retry_after:
            raise RateLimitedError(retry_after)

    def login(self, email: str, password: str, client_ip: str) -> TokenPair:
        """Password grant. Unknown e-mail and wrong password look (and take) the same.

        Every attempt counts against the client address; only failures count against the
        (account, address) pair, and a success clears that pair's count.
        """
        # TODO: check both rate limits, verify the password, count a failure, issue
        raise NotImplementedError

    def refresh(self, refresh_token: str) -> TokenPair:
        """Rotate: the presented token is used up and a new pair is issued in its family.

        Presenting a token that was already rotated means it leaked (or the client is
        confused): the whole family is revoked, so the thief's copy dies too. Within
        ``reuse_grace`` of the first use it is two tabs refreshing at once, and the second
        simply gets a pair of its own in the same family.
        """
        # TODO: validate the JWT and its (locked) row, detect reuse after grace, rotate
        raise NotImplementedError

    def logout(self, refresh_token: str) -> None:
        """Revoke the family of ``refresh_token`` (the login it came from)."""
        # TODO: validate the JWT, then revoke its family if the token is known
        raise NotImplementedError

    def authenticate(self, access_token: str) -> User:
        """The active user an access token speaks for, or 401.

        The token's login must still be alive: after a logout its access tokens stop working
        at once, not when they expire.
        """
        # TODO: decode the access token, then load its user if the login is alive
        raise NotImplementedError

    def _issue_pair(self, user: User, *, family: str) -> TokenPair:
        access = self.codec.issue(
            user.id, "access", token_version=user.token_version, family=family
        )
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
