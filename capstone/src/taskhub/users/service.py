"""Account rules: registration, profile changes, deletion and administration."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from taskhub.core.database import utcnow
from taskhub.core.errors import ConflictError, ForbiddenError, NotFoundError
from taskhub.core.events import EventBus
from taskhub.core.security import PasswordHasher
from taskhub.users.events import CredentialsRevoked
from taskhub.users.models import User, UserRole
from taskhub.users.repository import UserRepository
from taskhub.users.schemas import UserCreate, UserUpdate

EMAIL_TAKEN = "An account with this e-mail already exists."


@dataclass(frozen=True, slots=True)
class UserPage:
    """One page of accounts and how many there are in all."""

    users: Sequence[User]
    total: int


class UserService:
    """Account rules. Writes are flushed; the request's session commits them."""

    def __init__(self, session: Session, hasher: PasswordHasher, events: EventBus) -> None:
        self.session = session
        self.hasher = hasher
        self.events = events
        self.users = UserRepository(session)

    def register(self, data: UserCreate, *, role: UserRole = UserRole.USER) -> User:
        """Create an account; 409 when the e-mail is taken."""
        # TODO: refuse a taken e-mail, hash the password, save (flush) the user
        raise NotImplementedError

    def update_me(self, user: User, data: UserUpdate) -> User:
        """Apply ``PATCH /me``; a new password signs the user out everywhere.

        Changing ``email`` or ``password`` without the right ``current_password`` is a 403.
        """
        # TODO: check the current password for e-mail/password changes, then apply
        raise NotImplementedError

    def delete_me(self, user: User) -> None:
        """Delete the account; its tasks, tags and tokens go with it (ON DELETE CASCADE)."""
        # TODO: delete the user
        raise NotImplementedError

    def list_users(self, *, limit: int, offset: int) -> UserPage:
        # TODO: fetch a page of users with the total count
        raise NotImplementedError

    def deactivate(self, admin: User, user_id: uuid.UUID) -> User:
        """Block an account: its tokens stop working at once."""
        # TODO: 404 for an unknown id, 409 for oneself; clear is_active, announce it
        raise NotImplementedError
