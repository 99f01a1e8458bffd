"""Test helpers: an API driver that registers users and logs them in."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy.orm import Session

from taskhub.core.security import PasswordHasher
from taskhub.users.models import UserRole
from taskhub.users.schemas import UserCreate
from taskhub.users.service import UserService

_counter = itertools.count(1)
DEFAULT_PASSWORD = "correct horse battery staple"


@dataclass
class Account:
    id: uuid.UUID
    email: str
    password: str
    access_token: str
    refresh_token: str
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


class Api:
    """Thin conveniences over the test client; every call is a real HTTP request."""

    def __init__(self, client: TestClient, session: Session, app: FastAPI) -> None:
        self.client = client
        self.session = session
        self.app = app

    def login(self, email: str, password: str = DEFAULT_PASSWORD) -> Response:
        return self.client.post(
            "/auth/token",
            data={"username": email, "password": password, "grant_type": "password"},
        )

    def account(
        self, *, role: UserRole = UserRole.USER, password: str = DEFAULT_PASSWORD
    ) -> Account:
        """Register (through the API, or the service for admins) and log in."""
        email = f"user{next(_counter)}-{uuid.uuid4().hex[:6]}@example.com"
        if role is UserRole.USER:
            response = self.client.post(
                "/auth/register", json={"email": email, "password": password}
            )
            assert response.status_code == 201, response.text
        else:
            hasher: PasswordHasher = self.app.state.password_hasher
            UserService(self.session, hasher, self.app.state.events).register(
                UserCreate(email=email, password=password), role=role
            )
            self.session.commit()
        response = self.login(email, password)
        assert response.status_code == 200, response.text
        tokens = response.json()
        me = self.client.get("/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
        return Account(
            id=uuid.UUID(me.json()["id"]),
            email=email,
            password=password,
            access_token=tokens["access_token"],
            refresh_token=tokens["refresh_token"],
        )

    def change_password(self, account: Account, new_password: str) -> None:
        """Change the account's password through PATCH /me (which asks for the current one)."""
        response = self.client.patch(
            "/me",
            json={"new_password": new_password, "current_password": DEFAULT_PASSWORD},
            headers=account.headers,
        )
        assert response.status_code == 200, response.text

    def tag(self, account: Account, name: str) -> dict[str, Any]:
        response = self.client.post("/tags", json={"name": name}, headers=account.headers)
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    def task(self, account: Account, **fields: Any) -> dict[str, Any]:
        payload = {"title": "A task", **fields}
        response = self.client.post("/tasks", json=payload, headers=account.headers)
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body
