"""HTTP side of authentication: ``/auth/*``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response, status

from taskhub.auth.dependencies import AuthServiceDep
from taskhub.auth.schemas import RefreshRequest, TokenPair
from taskhub.core.errors import problem_responses
from taskhub.core.fields import NO_NUL_PATTERN
from taskhub.dependencies import UserServiceDep
from taskhub.users.schemas import UserCreate, UserRead

router = APIRouter(prefix="/auth", tags=["auth"])


def client_address(request: Request) -> str:
    """The client's IP as uvicorn reports it (see the README on proxies)."""
    return request.client.host if request.client else "unknown"


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    response_model=UserRead,
    responses=problem_responses(409, 413, 422, 429),
    summary="Create an account",
)
def register(
    data: UserCreate, request: Request, auth: AuthServiceDep, users: UserServiceDep
) -> UserRead:
    """Create an account. A taken e-mail is a 409 (see the README's security notes)."""
    # TODO: apply the per-IP limit, register through UserService, return UserRead
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
    username: Annotated[
        str, Form(max_length=320, pattern=NO_NUL_PATTERN, description="The account's e-mail.")
    ],
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
