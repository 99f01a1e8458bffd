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
        # TODO: select the stored token with this hash, locking the row for the rotation
        raise NotImplementedError

    def revoke_family(self, family_id: str, now: datetime) -> None:
        # TODO: set revoked_at on every still-valid token of the family
        raise NotImplementedError

    def revoke_all_for_user(self, user_id: uuid.UUID, now: datetime) -> None:
        # TODO: set revoked_at on every still-valid token of the user
        raise NotImplementedError
