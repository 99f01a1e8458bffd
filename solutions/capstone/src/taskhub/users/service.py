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
        # BEGIN SOLUTION: refuse a taken e-mail, hash the password, save and commit the user
        if self.users.get_by_email(data.email) is not None:
            raise ConflictError("An account with this e-mail already exists.")
        user = User(
            email=data.email,
            password_hash=self.hasher.hash(data.password),
            full_name=data.full_name,
            role=role,
        )
        try:
            self.users.add(user)
            self.session.commit()
        except IntegrityError as exc:  # a concurrent registration won the race
            self.session.rollback()
            raise ConflictError("An account with this e-mail already exists.") from exc
        return user
        # END SOLUTION

    def update_me(self, user: User, data: UserUpdate) -> User:
        """Apply ``PATCH /me``; a new password signs the user out everywhere."""
        # BEGIN SOLUTION: check the current password for e-mail/password changes, then apply
        sensitive = data.email is not None or data.new_password is not None
        if sensitive and not self.hasher.verify(data.current_password or "", user.password_hash):
            raise ForbiddenError("The current password is incorrect.")
        if "full_name" in data.model_fields_set:
            user.full_name = data.full_name
        if data.email is not None and data.email != user.email:
            if self.users.get_by_email(data.email) is not None:
                raise ConflictError("An account with this e-mail already exists.")
            user.email = data.email
        if data.new_password is not None:
            user.password_hash = self.hasher.hash(data.new_password)
            user.token_version += 1
            self.refresh_tokens.revoke_all_for_user(user.id, utcnow())
        user.updated_at = utcnow()
        try:
            self.session.commit()
        except IntegrityError as exc:
            self.session.rollback()
            raise ConflictError("An account with this e-mail already exists.") from exc
        return user
        # END SOLUTION

    def delete_me(self, user: User) -> None:
        """Delete the account; its tasks, tags and tokens go with it (ON DELETE CASCADE)."""
        # BEGIN SOLUTION: delete the user and commit
        self.users.delete(user)
        self.session.commit()
        # END SOLUTION

    def list_users(self, *, limit: int, offset: int) -> Page[UserRead]:
        # BEGIN SOLUTION: fetch a page of users and wrap it in a Page with its total
        users, total = self.users.list_page(limit=limit, offset=offset)
        return Page[UserRead](
            items=[UserRead.model_validate(user) for user in users],
            limit=limit,
            offset=offset,
            total=total,
        )
        # END SOLUTION

    def deactivate(self, admin: User, user_id: uuid.UUID) -> User:
        """Block an account: its tokens stop working at once."""
        # BEGIN SOLUTION: 404 for an unknown id, 409 for oneself; clear is_active, revoke tokens
        user = self.users.get(user_id)
        if user is None:
            raise NotFoundError("User not found.")
        if user.id == admin.id:
            raise ConflictError("Administrators cannot deactivate themselves.")
        user.is_active = False
        user.updated_at = utcnow()
        self.refresh_tokens.revoke_all_for_user(user.id, utcnow())
        self.session.commit()
        return user
        # END SOLUTION
