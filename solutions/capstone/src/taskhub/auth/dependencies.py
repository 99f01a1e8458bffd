"""Dependencies of the authentication endpoints: the AuthService of a request.

``async def`` because it only builds an object: FastAPI would run a plain ``def`` in a thread.
It reads the application's singletons (hasher, token codec, limiters, settings) straight from
``app.state``: every dependency FastAPI resolves costs time on each request, and
``CurrentUser`` resolves this one on every protected route.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request

from taskhub.auth.service import AuthService
from taskhub.core.config import Settings
from taskhub.core.database import DbSession


async def get_auth_service(request: Request, session: DbSession) -> AuthService:
    state = request.app.state
    settings: Settings = state.settings
    return AuthService(
        session,
        state.password_hasher,
        state.token_codec,
        state.login_limiters,
        reuse_grace=timedelta(seconds=settings.refresh_reuse_grace_seconds),
    )


AuthServiceDep = Annotated[AuthService, Depends(get_auth_service)]
