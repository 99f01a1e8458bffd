"""Who is calling: the bearer-token dependencies used by every protected route."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

from taskhub.auth.service import AuthService, LoginLimiters
from taskhub.core.database import DbSession
from taskhub.core.dependencies import CodecDep, HasherDep
from taskhub.core.errors import ForbiddenError
from taskhub.users.models import User, UserRole

# auto_error=True answers 401 itself when the header is missing; the HTTP error handler makes
# it a problem document.
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")


def get_login_limiters(request: Request) -> LoginLimiters:
    limiters: LoginLimiters = request.app.state.login_limiters
    return limiters


def get_auth_service(
    session: DbSession,
    hasher: HasherDep,
    codec: CodecDep,
    limiters: Annotated[LoginLimiters, Depends(get_login_limiters)],
) -> AuthService:
    return AuthService(session, hasher, codec, limiters)


AuthServiceDep = Annotated[AuthService, Depends(get_auth_service)]


def get_current_user(
    token: Annotated[str, Depends(oauth2_scheme)], service: AuthServiceDep
) -> User:
    return service.authenticate(token)


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_admin(user: CurrentUser) -> User:
    if user.role is not UserRole.ADMIN:
        raise ForbiddenError("Administrator role required.")
    return user


AdminUser = Annotated[User, Depends(require_admin)]
