"""The login route of TaskHub's API: the OAuth2 password flow that Swagger's Authorize uses.

=======  ============  ===========================================================================
method   path          answer
=======  ============  ===========================================================================
POST     /auth/token   a form (``application/x-www-form-urlencoded``) with ``username`` and
                       ``password``; 200 ``{"access_token": "<jwt>", "token_type": "bearer"}``;
                       401 ``{"detail": "Incorrect username or password"}`` with
                       ``WWW-Authenticate: Bearer`` for an unknown user and a wrong password
                       alike; 429 ``{"detail": "Too many failed logins, try again later"}`` with
                       ``Retry-After: 60`` once a username has 5 failures in the last 60 s
GET      /me           the user the bearer token names (given, to try the Authorize button)
=======  ============  ===========================================================================

Run it with ``uvicorn weeks.week07.exercises.ex04_oauth2_login:app --reload``, open ``/docs``,
press Authorize and log in as ``ada`` / ``correct horse battery``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Annotated

import jwt
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from pydantic import BaseModel

SECRET_KEY = "dev-only-secret-key-for-the-week07-exercises-0123456789"  # from settings in an app
ALGORITHM = "HS256"
ACCESS_TOKEN_TTL = timedelta(minutes=15)
MAX_FAILED_LOGINS = 5
LOCKOUT_WINDOW = timedelta(seconds=60)

# Cheap Argon2 parameters so that the exercise's checks run fast; an app uses the defaults.
password_hash = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))

app = FastAPI(title="TaskHub auth")

# BEGIN SOLUTION: declare oauth2_scheme, the bearer scheme whose tokenUrl is the login route
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")
# END SOLUTION


class Token(BaseModel):
    access_token: str
    token_type: str


class UserOut(BaseModel):
    username: str
    full_name: str


@dataclass
class User:
    username: str
    full_name: str
    password_hash: str


@dataclass
class UserStore:
    """Users by username, with the login rule of ex01 (same work for an unknown user)."""

    users: dict[str, User] = field(default_factory=dict)
    dummy_hash: str = field(default_factory=lambda: password_hash.hash("nobody's password"))

    def add(self, username: str, full_name: str, password: str) -> User:
        user = User(username, full_name, password_hash.hash(password))
        self.users[username] = user
        return user

    def authenticate(self, username: str, password: str) -> User | None:
        user = self.users.get(username)
        if user is None:
            password_hash.verify(password, self.dummy_hash)
            return None
        return user if password_hash.verify(password, user.password_hash) else None


@dataclass
class LoginAttempts:
    """Failed logins per username, forgotten ``window`` after they happened."""

    limit: int = MAX_FAILED_LOGINS
    window: timedelta = LOCKOUT_WINDOW
    failures: dict[str, list[datetime]] = field(default_factory=dict)

    def blocked(self, username: str, now: datetime) -> bool:
        """Whether ``username`` has ``limit`` failures or more that are younger than ``window``.

        A failure at ``t`` still counts at ``t + window - 1 µs`` and no longer at ``t + window``.
        """
        # BEGIN SOLUTION: forget the old failures, then compare the count with the limit
        recent = [when for when in self.failures.get(username, []) if now - when < self.window]
        self.failures[username] = recent
        return len(recent) >= self.limit
        # END SOLUTION

    def record_failure(self, username: str, now: datetime) -> None:
        # BEGIN SOLUTION: remember when this username failed
        self.failures.setdefault(username, []).append(now)
        # END SOLUTION

    def reset(self, username: str) -> None:
        """Forget the failures of ``username`` (after a successful login)."""
        # BEGIN SOLUTION: drop the username's failures
        self.failures.pop(username, None)
        # END SOLUTION


store = UserStore()
store.add("ada", "Ada Lovelace", "correct horse battery")
attempts = LoginAttempts()


def get_users() -> UserStore:
    return store


def get_attempts() -> LoginAttempts:
    return attempts


def get_now() -> datetime:
    return datetime.now(UTC)


def create_access_token(username: str, now: datetime) -> str:
    claims = {"sub": username, "type": "access", "iat": now, "exp": now + ACCESS_TOKEN_TTL}
    return jwt.encode(claims, SECRET_KEY, algorithm=ALGORITHM)


@app.post("/auth/token")
def login(
    form_data: Annotated[OAuth2PasswordRequestForm, Depends()],
    users: Annotated[UserStore, Depends(get_users)],
    limiter: Annotated[LoginAttempts, Depends(get_attempts)],
    now: Annotated[datetime, Depends(get_now)],
) -> Token:
    """Log in with the OAuth2 password form and receive a bearer access token.

    Checks the limiter before the password, so a blocked username gets 429 even with the right
    password; a failure is recorded, a success clears the username's failures.
    """
    # BEGIN SOLUTION: refuse blocked usernames, authenticate, record or reset, issue the token
    username = form_data.username
    if limiter.blocked(username, now):
        raise HTTPException(
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            detail="Too many failed logins, try again later",
            headers={"Retry-After": str(int(LOCKOUT_WINDOW.total_seconds()))},
        )
    user = users.authenticate(username, form_data.password)
    if user is None:
        limiter.record_failure(username, now)
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect username or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    limiter.reset(username)
    return Token(access_token=create_access_token(user.username, now), token_type="bearer")
    # END SOLUTION


@app.get("/me")
def read_me(
    token: Annotated[str, Depends(oauth2_scheme)],
    users: Annotated[UserStore, Depends(get_users)],
) -> UserOut:
    """The user the token names (ex05 makes this dependency complete)."""
    unauthorized = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )
    try:
        claims = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
    except jwt.InvalidTokenError:
        raise unauthorized from None
    user = users.users.get(claims.get("sub", ""))
    if user is None:
        raise unauthorized
    return UserOut(username=user.username, full_name=user.full_name)
