"""Request and response bodies of the account endpoints."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field, model_validator

from taskhub.users.models import UserRole


def _lower(value: str) -> str:
    return value.lower()


#: E-mail addresses are compared case-insensitively, so they are stored in lower case.
Email = Annotated[EmailStr, Field(max_length=320), AfterValidator(_lower)]
# 128 characters is plenty for a passphrase and stops hashing from being used for a DoS.
Password = Annotated[str, Field(min_length=8, max_length=128)]
FullName = Annotated[str, Field(min_length=1, max_length=100)]


class InputModel(BaseModel):
    """Base of every request body: unknown fields (``role``, ``owner_id``...) are an error."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class UserCreate(InputModel):
    email: Email
    password: Password
    full_name: FullName | None = None


class UserUpdate(InputModel):
    """``PATCH /me``. Changing ``email`` or ``password`` requires ``current_password``."""

    full_name: FullName | None = None
    email: Email | None = None
    new_password: Password | None = None
    current_password: Annotated[str, Field(max_length=128)] | None = None

    @model_validator(mode="after")
    def _sensitive_changes_need_current_password(self) -> UserUpdate:
        if (self.email is not None or self.new_password is not None) and not self.current_password:
            raise ValueError("current_password is required to change email or password")
        if "email" in self.model_fields_set and self.email is None:
            raise ValueError("email cannot be null")
        return self


class UserRead(BaseModel):
    """What clients see of an account. There is deliberately no password field here."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    full_name: str | None
    role: UserRole
    is_active: bool
    created_at: datetime
