"""Bodies of the token endpoints."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

#: Upper bound for any token a client sends back (ours are about 300 characters).
TokenString = Annotated[str, Field(min_length=1, max_length=2048)]


class TokenPair(BaseModel):
    """The OAuth 2.0 token response (RFC 6749, section 5.1) plus the refresh token."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 (a token type, not a secret)
    expires_in: int = Field(description="Lifetime of the access token in seconds.")
    refresh_token: str
    refresh_expires_in: int = Field(description="Lifetime of the refresh token in seconds.")


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: TokenString
