"""Roles and permissions kept in the database, checked by one guard dependency.

Each user has one role; a role grants permissions through the ``role_permissions`` table::

    users(id, name, role)      permissions(id, name)      role_permissions(role, permission_id)

Because the grants are rows, an administrator changes what a role may do with an INSERT or a
DELETE, and the very next request obeys it: nothing is cached in a dictionary at start-up.
Routes name the permission they need with ``Depends(require("tasks:delete"))``; the guard
answers 401 when nobody is logged in and 403 ``{"detail": "Missing permission
'tasks:delete'"}`` when the caller's role lacks it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, status
from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

app = FastAPI(title="Tasks API", version="0.8.1")


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(50))


class Permission(Base):
    __tablename__ = "permissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class RolePermission(Base):
    __tablename__ = "role_permissions"

    role: Mapped[str] = mapped_column(String(50), primary_key=True)
    permission_id: Mapped[int] = mapped_column(ForeignKey("permissions.id"), primary_key=True)


GRANTS: dict[str, list[str]] = {
    "admin": ["tasks:read", "tasks:delete", "reports:read"],
    "member": ["tasks:read"],
    "guest": [],
}
"""The grants ``seed`` writes on a fresh database; after that the tables are the truth."""


def seed(session: Session) -> None:
    """Create the permissions, the grants of ``GRANTS`` and three users (1 admin, 2 member,
    3 guest)."""
    names = sorted({name for granted in GRANTS.values() for name in granted})
    permissions = {name: Permission(name=name) for name in names}
    session.add_all(permissions.values())
    session.flush()
    for role, granted in GRANTS.items():
        session.add_all(RolePermission(role=role, permission_id=permissions[name].id)
                        for name in granted)
    session.add_all([User(id=1, name="ada", role="admin"), User(id=2, name="bob", role="member"),
                     User(id=3, name="cy", role="guest")])
    session.commit()


engine = create_engine("sqlite://", connect_args={"check_same_thread": False},
                       poolclass=StaticPool)
Base.metadata.create_all(engine)
SessionLocal = sessionmaker(engine, expire_on_commit=False)
with SessionLocal() as _session:
    seed(_session)


def get_session() -> Iterator[Session]:
    with SessionLocal() as session:
        yield session


DbSession = Annotated[Session, Depends(get_session)]


def current_user(session: DbSession, x_user_id: Annotated[int | None, Header()] = None) -> User:
    """The caller, from the ``X-User-Id`` header (a stand-in for week 07's JWT); 401 if unknown."""
    user = session.get(User, x_user_id) if x_user_id is not None else None
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Not authenticated",
                            headers={"WWW-Authenticate": "Bearer"})
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def role_permissions(session: Session, role: str) -> set[str]:
    """The names of the permissions granted to ``role``, read from the database now.

    One query joining ``role_permissions`` to ``permissions``; a role without grants (or one
    that does not exist) has the empty set.
    """
    # BEGIN SOLUTION: select Permission.name joined to RolePermission where the role matches
    query = (
        select(Permission.name)
        .join(RolePermission, RolePermission.permission_id == Permission.id)
        .where(RolePermission.role == role)
    )
    return set(session.scalars(query))
    # END SOLUTION


def require(permission: str) -> Callable[[User, Session], User]:
    """A dependency that lets the request through only if the caller's role has ``permission``.

    It returns the caller so a route can use it; it raises 403 with the detail
    ``"Missing permission '<permission>'"`` otherwise. Authentication (401) comes first,
    through ``current_user``.
    """

    def guard(user: CurrentUser, session: DbSession) -> User:
        # BEGIN SOLUTION: answer 403 unless the permission is among the role's permissions
        if permission not in role_permissions(session, user.role):
            raise HTTPException(status.HTTP_403_FORBIDDEN,
                                detail=f"Missing permission {permission!r}")
        return user
        # END SOLUTION

    return guard


@app.get("/me")
def me(user: CurrentUser, session: DbSession) -> dict[str, object]:
    return {"name": user.name, "role": user.role,
            "permissions": sorted(role_permissions(session, user.role))}


@app.get("/tasks")
def list_tasks(user: Annotated[User, Depends(require("tasks:read"))]) -> dict[str, object]:
    return {"items": [], "viewer": user.name}


@app.delete("/tasks/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_task(task_id: int, user: Annotated[User, Depends(require("tasks:delete"))]) -> None:
    return None


@app.get("/reports")
def reports(user: Annotated[User, Depends(require("reports:read"))]) -> dict[str, object]:
    return {"reports": ["weekly"], "viewer": user.name}
