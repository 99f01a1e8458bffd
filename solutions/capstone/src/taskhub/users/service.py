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
        # BEGIN SOLUTION: refuse a taken e-mail, hash the password, save (flush) the user
        if self.users.get_by_email(data.email) is not None:
            raise ConflictError(EMAIL_TAKEN)
        user = User(
            email=data.email,
            password_hash=self.hasher.hash(data.password),
            full_name=data.full_name,
            role=role,
        )
        try:
            self.users.add(user)
        except IntegrityError as exc:  # a concurrent registration won the race
            raise ConflictError(EMAIL_TAKEN) from exc
        return user
        # END SOLUTION

    def update_me(self, user: User, data: UserUpdate) -> User:
        """Apply ``PATCH /me``; a new password signs the user out everywhere.

        Changing ``email`` or ``password`` without the right ``current_password`` is a 403.
        """
        # BEGIN SOLUTION: check the current password for e-mail/password changes, then apply
        sensitive = data.email is not None or data.new_password is not None
        if sensitive and not (
            data.current_password and self.hasher.verify(data.current_password, user.password_hash)
        ):
            raise ForbiddenError("The current password is missing or incorrect.")
        if "full_name" in data.model_fields_set:
            user.full_name = data.full_name
        if data.email is not None and data.email != user.email:
            if self.users.get_by_email(data.email) is not None:
                raise ConflictError(EMAIL_TAKEN)
            user.email = data.email
        if data.new_password is not None:
            user.password_hash = self.hasher.hash(data.new_password)
            user.token_version += 1
            self.events.publish(self.session, CredentialsRevoked(user.id))
        user.updated_at = utcnow()
        try:
            self.users.flush()
        except IntegrityError as exc:  # a concurrent change took the e-mail first
            raise ConflictError(EMAIL_TAKEN) from exc
        return user
        # END SOLUTION

    def delete_me(self, user: User) -> None:
        """Delete the account; its tasks, tags and tokens go with it (ON DELETE CASCADE)."""
        # BEGIN SOLUTION: delete the user
        self.users.delete(user)
        # END SOLUTION

    def list_users(self, *, limit: int, offset: int) -> UserPage:
        # BEGIN SOLUTION: fetch a page of users with the total count
        users, total = self.users.list_page(limit=limit, offset=offset)
        return UserPage(users, total)
        # END SOLUTION

    def deactivate(self, admin: User, user_id: uuid.UUID) -> User:
        """Block an account: its tokens stop working at once."""
        # BEGIN SOLUTION: 404 for an unknown id, 409 for oneself; clear is_active, announce it
        user = self.users.get(user_id)
        if user is None:
            raise NotFoundError("User not found.")
        if user.id == admin.id:
            raise ConflictError("Administrators cannot deactivate themselves.")
        user.is_active = False
        user.updated_at = utcnow()
        self.events.publish(self.session, CredentialsRevoked(user.id))
        self.users.flush()
        return user
        # END SOLUTION
