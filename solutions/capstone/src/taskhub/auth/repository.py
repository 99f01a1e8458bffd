"""Queries on ``refresh_tokens``."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from taskhub.auth.models import RefreshToken


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
