"""Request and response bodies of the account endpoints."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from taskhub.core.fields import NO_NUL_PATTERN, omittable_not_null
from taskhub.users.models import UserRole


def _normalise_email(value: str) -> str:
    """Validate the syntax (no DNS lookup) and return the address in lower case.

    Reserved test domains (``.test``) are accepted: the OpenAPI ``format: email`` allows them,
    and TaskHub sends no mail, so refusing them would only refuse valid requests.
    """
    try:
        parsed = validate_email(value, check_deliverability=False, test_environment=True)
    except EmailNotValidError as exc:
        raise ValueError(f"value is not a valid email address: {exc}") from exc
    return parsed.normalized.lower()


#: E-mail addresses are compared case-insensitively, so they are stored in lower case.
Email = Annotated[
    str,
    Field(max_length=320, json_schema_extra={"format": "email"}),
    AfterValidator(_normalise_email),
]
# 128 characters is plenty for a passphrase and stops hashing from being used for a DoS.
Password = Annotated[str, Field(min_length=8, max_length=128)]
FullName = Annotated[str, Field(min_length=1, max_length=100, pattern=NO_NUL_PATTERN)]


class InputModel(BaseModel):
    """Base of every request body: unknown fields (``role``, ``owner_id``...) are an error."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class UserCreate(InputModel):
    email: Email
    password: Password
    full_name: FullName | None = None


class UserUpdate(InputModel):
    """``PATCH /me``. Changing ``email`` or ``password`` needs the right ``current_password``.

    A missing or wrong ``current_password`` is a 403 from the service (the request is well
    formed, the caller just has not proved who they are), so the schema can describe it.
    """

    full_name: FullName | None = None
    email: Annotated[Email | None, Field(json_schema_extra=omittable_not_null)] = None
    new_password: Password | None = None
    current_password: Annotated[str, Field(min_length=1, max_length=128)] | None = None

    @model_validator(mode="after")
    def _email_is_not_null(self) -> UserUpdate:
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
