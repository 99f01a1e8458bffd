"""Checks for week08/ex01_rbac_permissions: grants stored as rows, one guard for every route."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, delete, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from workbook.checking import Learner, call, expect_equal
from workbook.checking_app import Api, learner_app, open_api

ADMIN = {"X-User-Id": "1"}
MEMBER = {"X-User-Id": "2"}
GUEST = {"X-User-Id": "3"}


@dataclass
class World:
    api: Api
    sessions: sessionmaker[Session]
    learner: Learner

    def grant(self, role: str, permission: str) -> None:
        models = self.learner
        with self.sessions() as session:
            found = session.scalars(
                select(models.cls("Permission")).where(
                    models.cls("Permission").name == permission)).one()
            session.add(models.cls("RolePermission")(role=role, permission_id=found.id))
            session.commit()

    def revoke(self, role: str) -> None:
        with self.sessions() as session:
            grants = self.learner.cls("RolePermission")
            session.execute(delete(grants).where(grants.role == role))
            session.commit()


@contextmanager
def fresh_world(learner: Learner) -> Iterator[World]:
    """The learner's app on a fresh, seeded in-memory database the check can change."""
    engine = create_engine("sqlite://", connect_args={"check_same_thread": False},
                           poolclass=StaticPool)
    learner.attribute("Base").metadata.create_all(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    with sessions() as session:
        learner.function("seed")(session)

    def get_session() -> Iterator[Session]:
        with sessions() as session:
            yield session

    app = learner_app(learner)
    app.dependency_overrides[learner.function("get_session")] = get_session
    try:
        with open_api(learner) as api:
            yield World(api, sessions, learner)
    finally:
        app.dependency_overrides.clear()
        engine.dispose()


def permissions_of(world: World, role: str) -> Any:
    role_permissions = world.learner.function("role_permissions")
    with world.sessions() as session:
        return call(role_permissions, session, role,
                    help="role_permissions(session, role) must query the database and return "
                    "a set of names.")


def test_role_permissions_query(learner: Learner) -> None:
    """reads a role's permissions from the tables"""
    with fresh_world(learner) as world:
        help = ("Select Permission.name, join RolePermission on permission_id, keep the rows "
                "whose role matches, and return the names as a set.")
        expect_equal(permissions_of(world, "admin"),
                     {"tasks:read", "tasks:delete", "reports:read"},
                     what="role_permissions(session, 'admin')", help=help)
        expect_equal(permissions_of(world, "member"), {"tasks:read"},
                     what="role_permissions(session, 'member')",
                     help="Only the member role's rows count: filter on RolePermission.role.")
        expect_equal(permissions_of(world, "guest"), set(),
                     what="role_permissions(session, 'guest')",
                     help="A role without grants has the empty set.")
        expect_equal(permissions_of(world, "nobody"), set(),
                     what="role_permissions(session, 'nobody')",
                     help="An unknown role has no grants: the empty set, not an error.")


def test_guard_allows_and_refuses(learner: Learner) -> None:
    """lets a granted role through, answers 403 naming the missing permission, 401 first"""
    help = ("The guard compares the route's permission with role_permissions(session, "
            "user.role) and raises HTTPException(403, f\"Missing permission {permission!r}\").")
    with fresh_world(learner) as world:
        api = world.api
        api.get("/tasks", headers=MEMBER, expect=200, help=help).expect_json(
            {"items": [], "viewer": "bob"}, help="The guard returns the caller to the route.")
        api.delete("/tasks/5", headers=ADMIN, expect=204, help=help)
        api.delete("/tasks/5", headers=MEMBER, expect=403, help=help).expect_json(
            {"detail": "Missing permission 'tasks:delete'"}, help=help)
        api.get("/reports", headers=MEMBER, expect=403, help=help).expect_json(
            {"detail": "Missing permission 'reports:read'"},
            help="Each route's guard names its own permission.")
        api.get("/tasks", headers=GUEST, expect=403, help=help)
        api.get("/reports", headers=ADMIN, expect=200, help=help)
        anonymous = ("The guard depends on current_user, so an anonymous caller is refused with "
                     "401 before any permission is looked at.")
        api.get("/reports", expect=401, help=anonymous,
                note="without an X-User-Id header").expect_json(
            {"detail": "Not authenticated"}, help=anonymous)


def test_grants_live_in_the_database(learner: Learner) -> None:
    """obeys a grant or a revoke written to the tables, with no restart"""
    help = ("Read the grants from the database on every request: a dictionary filled at "
            "start-up does not see a new row in role_permissions.")
    with fresh_world(learner) as world:
        world.api.get("/reports", headers=MEMBER, expect=403, help=help)
        world.grant("member", "reports:read")
        world.api.get("/reports", headers=MEMBER, expect=200, help=help)
        world.revoke("admin")
        world.api.get("/reports", headers=ADMIN, expect=403, help=help)
