"""FastAPI dependencies that hand out the per-application singletons kept on ``app.state``."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from taskhub.core.config import Settings
from taskhub.core.security import PasswordHasher, TokenCodec


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_password_hasher(request: Request) -> PasswordHasher:
    hasher: PasswordHasher = request.app.state.password_hasher
    return hasher


def get_token_codec(request: Request) -> TokenCodec:
    codec: TokenCodec = request.app.state.token_codec
    return codec


SettingsDep = Annotated[Settings, Depends(get_settings)]
HasherDep = Annotated[PasswordHasher, Depends(get_password_hasher)]
CodecDep = Annotated[TokenCodec, Depends(get_token_codec)]
