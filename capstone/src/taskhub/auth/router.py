"""HTTP side of authentication: ``/auth/*``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response, status

from taskhub.auth.dependencies import AuthServiceDep
from taskhub.auth.schemas import RefreshRequest, TokenPair
from taskhub.core.database import DbSession
from taskhub.core.dependencies import HasherDep
from taskhub.core.errors import problem_responses
from taskhub.users.schemas import UserCreate, UserRead
from taskhub.users.service import UserService

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    response_model=UserRead,
    responses=problem_responses(409, 413, 422),
    summary="Create an account",
)
def register(data: UserCreate, session: DbSession, hasher: HasherDep) -> UserRead:
    # TODO: register the user through UserService and return it as UserRead
    raise NotImplementedError


@router.post(
    "/token",
    response_model=TokenPair,
    responses=problem_responses(401, 413, 422, 429),
    summary="Log in (OAuth2 password grant, form encoded)",
)
def issue_token(
    request: Request,
    response: Response,
    service: AuthServiceDep,
    username: Annotated[str, Form(max_length=320, description="The account's e-mail.")],
    password: Annotated[str, Form(max_length=128)],
    grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
) -> TokenPair:
    """Exchange e-mail and password for an access token and a refresh token.

    Form fields follow RFC 6749 section 4.3, so Swagger UI's *Authorize* button works.
    """
    # TODO: log in with the client's IP and forbid caching of the token response
    raise NotImplementedError


@router.post(
    "/refresh",
    response_model=TokenPair,
    responses=problem_responses(401, 413, 422),
    summary="Rotate a refresh token",
)
def refresh(data: RefreshRequest, response: Response, service: AuthServiceDep) -> TokenPair:
    # TODO: rotate the refresh token and forbid caching of the response
    raise NotImplementedError


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 413, 422),
    summary="Revoke the login a refresh token belongs to",
)
def logout(data: RefreshRequest, service: AuthServiceDep) -> None:
    # TODO: revoke the refresh token's family
    raise NotImplementedError
