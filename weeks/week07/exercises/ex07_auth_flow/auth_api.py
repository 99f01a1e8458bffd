"""The auth API your tests cover. Do not change this file: your tests are graded against it.

==========  ==============  ======================================================================
method      path            answer
==========  ==============  ======================================================================
POST        /auth/register  JSON ``{"username": 3-30 chars, "password": 8-128 chars}``; 201
                            ``{"username": ...}`` (never the hash); 409 ``{"detail": "Username
                            already taken"}``; 422 outside the bounds
POST        /auth/token     the OAuth2 password form; 200 ``{"access_token", "refresh_token",
                            "token_type": "bearer"}``; 401 ``{"detail": "Incorrect username or
                            password"}`` with ``WWW-Authenticate: Bearer`` for an unknown user and
                            a wrong password alike; 429 once a username has 5 failed logins
GET         /me             200 ``{"username": ...}`` with a valid access token; 401 ``{"detail":
                            "Could not validate credentials"}`` with ``WWW-Authenticate: Bearer``
                            for an expired, tampered or refresh token
POST        /auth/refresh   JSON ``{"refresh_token": ...}``; 200 a new pair; 401 for an access
                            token, an invalid token, or a refresh token already used once
==========  ==============  ======================================================================

Access tokens live 15 minutes, refresh tokens 14 days. The state (users, failed logins, used
refresh tokens) is the ``get_state`` dependency and the time is ``get_now``, so a test can give
each test a fresh state and log in "20 minutes ago" with ``app.dependency_overrides``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import jwt
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from pydantic import BaseModel, Field

SECRET_KEY = "dev-only-secret-key-for-the-week07-exercises-0123456789"
ALGORITHM = "HS256"
ACCESS, REFRESH = "access", "refresh"
TTL = {ACCESS: timedelta(minutes=15), REFRESH: timedelta(days=14)}
REQUIRED_CLAIMS = ["sub", "type", "jti", "iat", "exp"]
MAX_FAILED_LOGINS = 5

password_hash = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))
app = FastAPI(title="TaskHub auth")
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")


class RegisterIn(BaseModel):
    username: str = Field(min_length=3, max_length=30)
    password: str = Field(min_length=8, max_length=128)


class UserOut(BaseModel):
    username: str


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"


class RefreshIn(BaseModel):
    refresh_token: str


@dataclass
class AuthState:
    users: dict[str, str] = field(default_factory=dict)  # username -> password hash
    failures: dict[str, int] = field(default_factory=dict)
    used_refresh: set[str] = field(default_factory=set)  # jti of refresh tokens already used
    dummy_hash: str = field(default_factory=lambda: password_hash.hash("nobody's password"))


state = AuthState()


def get_state() -> AuthState:
    return state


def get_now() -> datetime:
    return datetime.now(UTC)


def make_token(username: str, kind: str, now: datetime) -> str:
    claims = {"sub": username, "type": kind, "jti": uuid.uuid4().hex, "iat": now,
              "exp": now + TTL[kind]}
    return jwt.encode(claims, SECRET_KEY, algorithm=ALGORITHM)


def make_pair(username: str, now: datetime) -> TokenPair:
    return TokenPair(access_token=make_token(username, ACCESS, now),
                     refresh_token=make_token(username, REFRESH, now))


def read_token(token: str, kind: str) -> dict[str, Any] | None:
    """The claims of a valid token of this kind, or None."""
    try:
        claims: dict[str, Any] = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM],
                                            options={"require": REQUIRED_CLAIMS})
    except jwt.InvalidTokenError:
        return None
    if claims["type"] != kind:
        return None
    return claims


@app.post("/auth/register", status_code=status.HTTP_201_CREATED, response_model=UserOut)
def register(body: RegisterIn, db: Annotated[AuthState, Depends(get_state)]) -> Any:
    if body.username in db.users:
        raise HTTPException(status.HTTP_409_CONFLICT, detail="Username already taken")
    hashed = password_hash.hash(body.password)
    db.users[body.username] = hashed
    return {"username": body.username, "password_hash": hashed}


@app.post("/auth/token")
def login(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    db: Annotated[AuthState, Depends(get_state)],
    now: Annotated[datetime, Depends(get_now)],
) -> TokenPair:
    if db.failures.get(form.username, 0) >= MAX_FAILED_LOGINS:
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, detail="Too many failed logins")
    stored = db.users.get(form.username)
    ok = password_hash.verify(form.password, stored if stored is not None else db.dummy_hash)
    if stored is None or not ok:
        db.failures[form.username] = db.failures.get(form.username, 0) + 1
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Incorrect username or password",
                            headers={"WWW-Authenticate": "Bearer"})
    db.failures.pop(form.username, None)
    return make_pair(form.username, now)


def current_username(
    token: Annotated[str, Depends(oauth2_scheme)],
    db: Annotated[AuthState, Depends(get_state)],
) -> str:
    claims = read_token(token, ACCESS)
    if claims is None or claims["sub"] not in db.users:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Could not validate credentials",
                            headers={"WWW-Authenticate": "Bearer"})
    username: str = claims["sub"]
    return username


@app.get("/me")
def read_me(username: Annotated[str, Depends(current_username)]) -> UserOut:
    return UserOut(username=username)


@app.post("/auth/refresh")
def refresh(
    body: RefreshIn,
    db: Annotated[AuthState, Depends(get_state)],
    now: Annotated[datetime, Depends(get_now)],
) -> TokenPair:
    claims = read_token(body.refresh_token, REFRESH)
    if claims is None or claims["jti"] in db.used_refresh:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Invalid refresh token",
                            headers={"WWW-Authenticate": "Bearer"})
    db.used_refresh.add(claims["jti"])
    return make_pair(claims["sub"], now)
