"""HTTP side of accounts: ``/me`` and ``/admin/users``."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from taskhub.core.errors import problem_responses
from taskhub.core.pagination import Page
from taskhub.dependencies import AdminUser, CurrentUser, UserServiceDep
from taskhub.users.schemas import UserRead, UserUpdate

router = APIRouter(tags=["users"])

MAX_ADMIN_PAGE = 100


@router.get("/me", response_model=UserRead, responses=problem_responses(401))
def read_me(user: CurrentUser) -> UserRead:
    # BEGIN SOLUTION: return the current user
    return UserRead.model_validate(user)
    # END SOLUTION


@router.patch("/me", response_model=UserRead, responses=problem_responses(401, 403, 409, 413, 422))
def update_me(data: UserUpdate, user: CurrentUser, users: UserServiceDep) -> UserRead:
    """Update the profile. A new password signs you out everywhere (log in again).

    Changing ``email`` or ``new_password`` needs ``current_password`` (403 without it).
    """
    # BEGIN SOLUTION: apply the update through UserService
    return UserRead.model_validate(users.update_me(user, data))
    # END SOLUTION


@router.delete("/me", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401))
def delete_me(user: CurrentUser, users: UserServiceDep) -> None:
    """Delete the account with all its tasks, tags and tokens."""
    # BEGIN SOLUTION: delete the account through UserService
    users.delete_me(user)
    # END SOLUTION


@router.get(
    "/admin/users",
    response_model=Page[UserRead],
    responses=problem_responses(401, 403, 422),
    tags=["admin"],
)
def list_users(
    _admin: AdminUser,
    users: UserServiceDep,
    limit: Annotated[int, Query(ge=1, le=MAX_ADMIN_PAGE)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[UserRead]:
    # BEGIN SOLUTION: list one page of users and build the Page of UserRead
    page = users.list_users(limit=limit, offset=offset)
    return Page[UserRead](
        items=[UserRead.model_validate(user) for user in page.users],
        limit=limit,
        offset=offset,
        total=page.total,
    )
    # END SOLUTION


@router.post(
    "/admin/users/{user_id}/deactivate",
    response_model=UserRead,
    responses=problem_responses(401, 403, 404, 409, 422),
    tags=["admin"],
)
def deactivate_user(user_id: uuid.UUID, admin: AdminUser, users: UserServiceDep) -> UserRead:
    """Block an account; its tokens stop working immediately."""
    # BEGIN SOLUTION: deactivate the user through UserService
    return UserRead.model_validate(users.deactivate(admin, user_id))
    # END SOLUTION
