"""Queries on ``refresh_tokens``."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from taskhub.auth.models import RefreshToken
from taskhub.users.models import User


class RefreshTokenRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, token: RefreshToken) -> RefreshToken:
        self.session.add(token)
        self.session.flush()
        return token

    def get_by_hash(self, token_hash: str) -> RefreshToken | None:
        # TODO: select the stored token with this hash, locking the row for the rotation
        raise NotImplementedError

    def user_for_access_token(
        self, user_id: uuid.UUID, token_version: int, family_id: str
    ) -> User | None:
        """The user an access token speaks for, in one statement, or None.

        None when the account is gone or blocked, the password changed since (token
        version), or the login (refresh family) the token belongs to was revoked by a logout,
        a password change or reuse detection.
        """
        # TODO: select the active user with this token version whose family is alive
        raise NotImplementedError

    def revoke_family(self, family_id: str, now: datetime) -> None:
        # TODO: set revoked_at on every still-valid token of the family
        raise NotImplementedError

    def revoke_all_for_user(self, user_id: uuid.UUID, now: datetime) -> None:
        # TODO: set revoked_at on every still-valid token of the user
        raise NotImplementedError
