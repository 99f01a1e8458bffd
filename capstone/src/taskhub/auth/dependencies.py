"""Dependencies of the authentication endpoints: the login limiters and the AuthService.

``async def`` because they only build objects: FastAPI would run a plain ``def`` in a thread.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request

from taskhub.auth.service import AuthService, LoginLimiters
from taskhub.core.database import DbSession
from taskhub.core.dependencies import CodecDep, HasherDep, SettingsDep


async def get_login_limiters(request: Request) -> LoginLimiters:
    limiters: LoginLimiters = request.app.state.login_limiters
    return limiters


async def get_auth_service(
    session: DbSession,
    hasher: HasherDep,
    codec: CodecDep,
    settings: SettingsDep,
    limiters: Annotated[LoginLimiters, Depends(get_login_limiters)],
) -> AuthService:
    return AuthService(
        session,
        hasher,
        codec,
        limiters,
        reuse_grace=timedelta(seconds=settings.refresh_reuse_grace_seconds),
    )


AuthServiceDep = Annotated[AuthService, Depends(get_auth_service)]
