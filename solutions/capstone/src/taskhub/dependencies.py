"""Who is calling: the current-user dependencies every protected router shares.

They sit above the domains: ``users``, ``tasks`` and ``auth`` routers import them, while the
domains' services and repositories depend one way only (``auth`` on ``users``). Those that
only build objects are ``async def``, so FastAPI does not hand them to a thread.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

from taskhub.auth.dependencies import AuthServiceDep
from taskhub.core.database import DbSession
from taskhub.core.errors import ForbiddenError
from taskhub.core.events import EventBus
from taskhub.users.models import User, UserRole
from taskhub.users.service import UserService

# auto_error=True answers 401 itself when the header is missing; the HTTP error handler makes
# it a problem document.
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")


def get_current_user(
    token: Annotated[str, Depends(oauth2_scheme)], service: AuthServiceDep
) -> User:
    """The caller (a database query, so a plain ``def``: FastAPI runs it in a thread)."""
    return service.authenticate(token)


CurrentUser = Annotated[User, Depends(get_current_user)]


async def require_admin(user: CurrentUser) -> User:
    if user.role is not UserRole.ADMIN:
        raise ForbiddenError("Administrator role required.")
    return user


AdminUser = Annotated[User, Depends(require_admin)]


async def get_user_service(request: Request, session: DbSession) -> UserService:
    state = request.app.state
    events: EventBus = state.events
    return UserService(session, state.password_hasher, events)


UserServiceDep = Annotated[UserService, Depends(get_user_service)]
