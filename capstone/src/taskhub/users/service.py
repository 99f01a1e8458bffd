"""Account rules: registration, profile changes, deletion and administration."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from taskhub.auth.repository import RefreshTokenRepository
from taskhub.core.database import utcnow
from taskhub.core.errors import ConflictError, ForbiddenError, NotFoundError
from taskhub.core.pagination import Page
from taskhub.core.security import PasswordHasher
from taskhub.users.models import User, UserRole
from taskhub.users.repository import UserRepository
from taskhub.users.schemas import UserCreate, UserRead, UserUpdate


class UserService:
    def __init__(self, session: Session, hasher: PasswordHasher) -> None:
        self.session = session
        self.hasher = hasher
        self.users = UserRepository(session)
        self.refresh_tokens = RefreshTokenRepository(session)

    def register(self, data: UserCreate, *, role: UserRole = UserRole.USER) -> User:
        """Create an account; 409 when the e-mail is taken."""
        # TODO: refuse a taken e-mail, hash the password, save and commit the user
        raise NotImplementedError

    def update_me(self, user: User, data: UserUpdate) -> User:
        """Apply ``PATCH /me``; a new password signs the user out everywhere."""
        # TODO: check the current password for e-mail/password changes, then apply
        raise NotImplementedError

    def delete_me(self, user: User) -> None:
        """Delete the account; its tasks, tags and tokens go with it (ON DELETE CASCADE)."""
        # TODO: delete the user and commit
        raise NotImplementedError

    def list_users(self, *, limit: int, offset: int) -> Page[UserRead]:
        # TODO: fetch a page of users and wrap it in a Page with its total
        raise NotImplementedError

    def deactivate(self, admin: User, user_id: uuid.UUID) -> User:
        """Block an account: its tokens stop working at once."""
        # TODO: 404 for an unknown id, 409 for oneself; clear is_active, revoke tokens
        raise NotImplementedError
