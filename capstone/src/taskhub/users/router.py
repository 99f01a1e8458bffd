"""HTTP side of accounts: ``/me`` and ``/admin/users``."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from taskhub.auth.dependencies import AdminUser, CurrentUser
from taskhub.core.database import DbSession
from taskhub.core.dependencies import HasherDep
from taskhub.core.errors import problem_responses
from taskhub.core.pagination import Page
from taskhub.users.schemas import UserRead, UserUpdate
from taskhub.users.service import UserService

router = APIRouter(tags=["users"])

MAX_ADMIN_PAGE = 100


@router.get("/me", response_model=UserRead, responses=problem_responses(401))
def read_me(user: CurrentUser) -> UserRead:
    # TODO: return the current user
    raise NotImplementedError


@router.patch("/me", response_model=UserRead, responses=problem_responses(401, 403, 409, 413, 422))
def update_me(
    data: UserUpdate, user: CurrentUser, session: DbSession, hasher: HasherDep
) -> UserRead:
    """Update the profile. A new password signs you out everywhere (log in again)."""
    # TODO: apply the update through UserService
    raise NotImplementedError


@router.delete("/me", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401))
def delete_me(user: CurrentUser, session: DbSession, hasher: HasherDep) -> None:
    """Delete the account with all its tasks, tags and tokens."""
    # TODO: delete the account through UserService
    raise NotImplementedError


@router.get(
    "/admin/users",
    response_model=Page[UserRead],
    responses=problem_responses(401, 403, 422),
    tags=["admin"],
)
def list_users(
    _admin: AdminUser,
    session: DbSession,
    hasher: HasherDep,
    limit: Annotated[int, Query(ge=1, le=MAX_ADMIN_PAGE)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[UserRead]:
    # TODO: list one page of users
    raise NotImplementedError


@router.post(
    "/admin/users/{user_id}/deactivate",
    response_model=UserRead,
    responses=problem_responses(401, 403, 404, 409, 422),
    tags=["admin"],
)
def deactivate_user(
    user_id: uuid.UUID, admin: AdminUser, session: DbSession, hasher: HasherDep
) -> UserRead:
    """Block an account; its tokens stop working immediately."""
    # TODO: deactivate the user through UserService
    raise NotImplementedError
