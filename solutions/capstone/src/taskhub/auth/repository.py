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
        # BEGIN SOLUTION: select the stored token with this hash, locking the row for the rotation
        return self.session.scalars(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash).with_for_update()
        ).one_or_none()
        # END SOLUTION

    def user_for_access_token(
        self, user_id: uuid.UUID, token_version: int, family_id: str
    ) -> User | None:
        """The user an access token speaks for, in one statement, or None.

        None when the account is gone or blocked, the password changed since (token
        version), or the login (refresh family) the token belongs to was revoked by a logout,
        a password change or reuse detection.
        """
        # BEGIN SOLUTION: select the active user with this token version whose family is alive
        family_revoked = (
            select(RefreshToken.id)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_not(None))
            .exists()
        )
        return self.session.scalars(
            select(User).where(
                User.id == user_id,
                User.is_active.is_(True),
                User.token_version == token_version,
                ~family_revoked,
            )
        ).one_or_none()
        # END SOLUTION

    def revoke_family(self, family_id: str, now: datetime) -> None:
        # BEGIN SOLUTION: set revoked_at on every still-valid token of the family
        self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        # END SOLUTION

    def revoke_all_for_user(self, user_id: uuid.UUID, now: datetime) -> None:
        # BEGIN SOLUTION: set revoked_at on every still-valid token of the user
        self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        # END SOLUTION
