"""FastAPI dependencies that hand out the per-application singletons kept on ``app.state``.

They are ``async def`` although they never await: FastAPI runs a plain ``def`` dependency in
its thread pool, and a hop to a thread costs more than reading an attribute.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from taskhub.core.config import Settings
from taskhub.core.security import PasswordHasher, TokenCodec


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_password_hasher(request: Request) -> PasswordHasher:
    hasher: PasswordHasher = request.app.state.password_hasher
    return hasher


async def get_token_codec(request: Request) -> TokenCodec:
    codec: TokenCodec = request.app.state.token_codec
    return codec


SettingsDep = Annotated[Settings, Depends(get_settings)]
HasherDep = Annotated[PasswordHasher, Depends(get_password_hasher)]
CodecDep = Annotated[TokenCodec, Depends(get_token_codec)]
