"""Queries on ``users``. The only place that builds SQL for accounts."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from taskhub.users.models import User


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: uuid.UUID) -> User | None:
        # BEGIN SOLUTION: load the user by primary key
        return self.session.get(User, user_id)
        # END SOLUTION

    def get_by_email(self, email: str) -> User | None:
        # BEGIN SOLUTION: select the user whose e-mail matches (e-mails are stored lower-case)
        return self.session.scalars(select(User).where(User.email == email.lower())).one_or_none()
        # END SOLUTION

    def add(self, user: User) -> User:
        self.session.add(user)
        self.session.flush()
        return user

    def flush(self) -> None:
        """Send pending changes to the database (the request commits them)."""
        self.session.flush()

    def delete(self, user: User) -> None:
        self.session.delete(user)
        self.session.flush()

    def list_page(self, *, limit: int, offset: int) -> tuple[Sequence[User], int]:
        """A page of all users, oldest first, and the total count."""
        # BEGIN SOLUTION: page through users ordered by (created_at, id) and count them all
        users = self.session.scalars(
            select(User).order_by(User.created_at, User.id).limit(limit).offset(offset)
        ).all()
        total = self.session.scalar(select(func.count()).select_from(User)) or 0
        return users, total
        # END SOLUTION
