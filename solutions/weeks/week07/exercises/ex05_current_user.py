"""Who is calling? The current-user dependencies of TaskHub's API, and the 401/403/404 decision.

=======  ==================  =====================================================================
method   path                answer
=======  ==================  =====================================================================
GET      /me                 200 the caller (without the password hash)
GET      /tasks/{task_id}    200 the caller's task; 404 ``{"detail": "Task 7 not found"}`` for a
                             task that does not exist *and* for another user's task
DELETE   /users/{user_id}    204 for an admin (409 for their own id); 403 ``{"detail": "Admin
                             role required"}`` for everyone else
=======  ==================  =====================================================================

Every route needs a valid access token. The three answers mean different things:

* 401 ``{"detail": "Could not validate credentials"}`` with ``WWW-Authenticate: Bearer``: we do
  not know who you are (a missing, malformed, expired, tampered or refresh token, a token for a
  user that no longer exists). Without any token, FastAPI's scheme answers 401 "Not
  authenticated" by itself.
* 403 ``{"detail": "Inactive user"}`` or ``{"detail": "Admin role required"}``: we know who you
  are, and you may not do this.
* 404: the thing does not exist *for you*; answering 403 for another user's task would tell
  the caller that the task exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Annotated

import jwt
from fastapi import Depends, FastAPI, HTTPException, Response, status
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel

SECRET_KEY = "dev-only-secret-key-for-the-week07-exercises-0123456789"
ALGORITHM = "HS256"
ACCESS_TOKEN_TTL = timedelta(minutes=15)

app = FastAPI(title="TaskHub: who is calling?")
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")


@dataclass
class User:
    id: int
    username: str
    full_name: str
    password_hash: str
    is_active: bool = True
    is_admin: bool = False


@dataclass
class Task:
    id: int
    owner_id: int
    title: str


@dataclass
class Store:
    users: dict[int, User] = field(default_factory=dict)
    tasks: dict[int, Task] = field(default_factory=dict)

    def user_by_username(self, username: str) -> User | None:
        return next((u for u in self.users.values() if u.username == username), None)


class UserOut(BaseModel):
    id: int
    username: str
    full_name: str
    is_admin: bool


class TaskOut(BaseModel):
    id: int
    title: str


store = Store()


def get_store() -> Store:
    return store


def create_access_token(username: str, *, now: datetime | None = None) -> str:
    """An access token for ``username`` (what the login route of ex04 returns)."""
    issued = now or datetime.now(UTC)
    claims = {"sub": username, "type": "access", "iat": issued, "exp": issued + ACCESS_TOKEN_TTL}
    return jwt.encode(claims, SECRET_KEY, algorithm=ALGORITHM)


def get_current_user(
    token: Annotated[str, Depends(oauth2_scheme)],
    db: Annotated[Store, Depends(get_store)],
) -> User:
    """The user an access token names, or 401 "Could not validate credentials".

    The token must be signed with HS256 (and no other algorithm), carry ``sub``, ``type``,
    ``iat`` and ``exp``, not be expired, have ``type`` ``"access"``, and name an existing user.
    """
    # BEGIN SOLUTION: decode with the algorithm pinned, check the type, load the user; else 401
    unauthorized = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )
    try:
        claims = jwt.decode(
            token, SECRET_KEY, algorithms=[ALGORITHM],
            options={"require": ["sub", "type", "iat", "exp"]},
        )
    except jwt.InvalidTokenError:
        raise unauthorized from None
    if claims["type"] != "access":
        raise unauthorized
    user = db.user_by_username(claims["sub"])
    if user is None:
        raise unauthorized
    return user
    # END SOLUTION


def get_active_user(user: Annotated[User, Depends(get_current_user)]) -> User:
    """The current user, or 403 "Inactive user" for a deactivated account."""
    # BEGIN SOLUTION: refuse a deactivated account with 403
    if not user.is_active:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Inactive user")
    return user
    # END SOLUTION


def require_admin(user: Annotated[User, Depends(get_active_user)]) -> User:
    """The current active user if they are an admin, or 403 "Admin role required"."""
    # BEGIN SOLUTION: refuse a user who is not an admin with 403
    if not user.is_admin:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Admin role required")
    return user
    # END SOLUTION


@app.get("/me")
def read_me(user: Annotated[User, Depends(get_active_user)]) -> UserOut:
    return UserOut(id=user.id, username=user.username, full_name=user.full_name,
                   is_admin=user.is_admin)


@app.get("/tasks/{task_id}")
def read_task(
    task_id: int,
    user: Annotated[User, Depends(get_active_user)],
    db: Annotated[Store, Depends(get_store)],
) -> TaskOut:
    """The caller's task; 404 naming the task when it is missing or belongs to someone else."""
    # BEGIN SOLUTION: answer 404 alike for a missing task and another user's task
    task = db.tasks.get(task_id)
    if task is None or task.owner_id != user.id:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND,
                            detail=f"Task {task_id} not found")
    return TaskOut(id=task.id, title=task.title)
    # END SOLUTION


@app.delete("/users/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_user(
    user_id: int,
    admin: Annotated[User, Depends(require_admin)],
    db: Annotated[Store, Depends(get_store)],
) -> Response:
    if user_id == admin.id:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT,
                            detail="Admins cannot delete themselves")
    db.users.pop(user_id, None)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
