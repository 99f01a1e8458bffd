"""What the accounts domain announces to the rest of the application."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CredentialsRevoked:
    """Every login of the user must end: the password changed or the account was blocked."""

    user_id: uuid.UUID
