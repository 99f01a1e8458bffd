"""Probes for ``bench.py --probes``: the same requests on two other designs (not TaskHub's code).

``app_with_probes`` is TaskHub from the environment plus read-only routes that answer what
``GET /tasks/{id}`` and ``GET /tasks?...`` answer, for the caller's own tasks:

- ``/probe/async/...``: ``async def`` endpoints on an ``AsyncSession`` (psycopg's async
  driver) that run TaskHub's own sync services through ``AsyncSession.run_sync``: no thread
  hops, the same ORM work.
- ``/probe/sql/tasks/{id}``: no ORM at all. Two driver-level statements, the task's tags
  aggregated into JSON by PostgreSQL, the row validated into ``TaskRead``.
- ``/probe/sql/tasks?status=...&limit=...``: the same for a page (newest first; no cursor,
  offset or other filters): the user, the page with its tags, and the count.

They let the benchmark tell apart what the thread pool costs and what the ORM costs.
PostgreSQL only. Errors are TaskHub's problem documents (its handlers serve these routes too).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request, Response
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session

from taskhub.auth.service import AuthService
from taskhub.core.errors import NotFoundError, UnauthorizedError
from taskhub.core.pagination import Page, json_response
from taskhub.core.security import InvalidTokenError
from taskhub.dependencies import oauth2_scheme
from taskhub.main import app_from_env
from taskhub.tasks.models import TaskStatus
from taskhub.tasks.schemas import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, TaskQuery, TaskRead
from taskhub.tasks.service import TaskService, etag_for
from taskhub.users.models import User

USER_SQL = """
SELECT id FROM users
WHERE id = %(user)s AND is_active AND token_version = %(version)s
  AND NOT EXISTS (
    SELECT 1 FROM refresh_tokens WHERE family_id = %(family)s AND revoked_at IS NOT NULL)
"""
#: A task's columns as TaskRead has them, its tags aggregated to JSON by PostgreSQL.
TASK_SELECT = """
SELECT t.id, t.title, t.description, t.status, t.priority, t.due_date, t.version,
       t.created_at, t.updated_at,
       coalesce((SELECT json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY g.name)
                 FROM task_tags tt JOIN tags g ON g.id = tt.tag_id
                 WHERE tt.task_id = t.id AND g.owner_id = t.owner_id), '[]') AS tags
FROM tasks t
"""
TASK_SQL = TASK_SELECT + "WHERE t.id = %(task)s AND t.owner_id = %(owner)s"
PAGE_SQL = TASK_SELECT + (
    "WHERE t.owner_id = %(owner)s AND t.status = %(status)s "
    "ORDER BY t.created_at DESC, t.id DESC LIMIT %(limit)s"
)
COUNT_SQL = "SELECT count(*) FROM tasks WHERE owner_id = %(owner)s AND status = %(status)s"
TASK_COLUMNS = (
    "id", "title", "description", "status", "priority", "due_date", "version", "created_at",
    "updated_at", "tags",
)  # fmt: skip


def async_engine(database_url: str, connections: int) -> AsyncEngine:
    url = database_url.replace("postgresql+psycopg://", "postgresql+psycopg_async://")
    return create_async_engine(
        url,
        pool_size=connections,
        max_overflow=0,
        pool_recycle=1800,
        isolation_level="AUTOCOMMIT",
    )


def app_with_probes() -> FastAPI:
    """TaskHub (settings from the environment) with the probe routes added."""
    app = app_from_env()
    settings = app.state.settings
    app.state.probe_engine = async_engine(settings.database_url, settings.database_connections)
    app.state.probe_sessions = async_sessionmaker(
        app.state.probe_engine, expire_on_commit=False, autoflush=False
    )
    # Waiting here, first come first served, keeps the waits for a connection fair.
    app.state.probe_slots = asyncio.Semaphore(settings.database_connections)
    app.get("/probe/async/tasks/{task_id}", include_in_schema=False)(async_get)
    app.get("/probe/async/tasks", include_in_schema=False)(async_list)
    app.get("/probe/sql/tasks/{task_id}", include_in_schema=False)(sql_get)
    app.get("/probe/sql/tasks", include_in_schema=False)(sql_list)
    return app


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    state = request.app.state
    async with state.probe_slots, state.probe_sessions() as session:
        yield session


ProbeSession = Annotated[AsyncSession, Depends(get_session)]


async def current_user(
    request: Request, token: Annotated[str, Depends(oauth2_scheme)], db: ProbeSession
) -> User:
    state = request.app.state

    def authenticate(session: Session) -> User:
        grace = timedelta(seconds=state.settings.refresh_reuse_grace_seconds)
        hasher, codec, limiters = state.password_hasher, state.token_codec, state.login_limiters
        return AuthService(session, hasher, codec, limiters, reuse_grace=grace).authenticate(token)

    return await db.run_sync(authenticate)


Caller = Annotated[User, Depends(current_user)]


async def async_get(task_id: uuid.UUID, user: Caller, db: ProbeSession) -> Response:
    task = await db.run_sync(lambda session: TaskService(session).get_task(user, task_id))
    return json_response(TaskRead.model_validate(task), headers={"ETag": etag_for(task)})


async def async_list(
    query: Annotated[TaskQuery, Query()], user: Caller, db: ProbeSession
) -> Response:
    page = await db.run_sync(lambda session: TaskService(session).list_tasks(user, query))
    body = Page[TaskRead](
        items=[TaskRead.model_validate(task) for task in page.tasks],
        limit=query.limit,
        offset=query.offset or 0,
        total=page.total,
        next_cursor=page.next_cursor,
    )
    return json_response(body)


async def sql_caller(request: Request, token: str, conn: AsyncConnection) -> uuid.UUID:
    """The id of the active user the token speaks for (one statement), or 401."""
    try:
        claims = request.app.state.token_codec.decode(token, "access")
    except InvalidTokenError as exc:
        raise UnauthorizedError() from exc
    params = {"user": claims.subject, "version": claims.token_version, "family": claims.family}
    user = (await conn.exec_driver_sql(USER_SQL, params)).first()
    if user is None:
        raise UnauthorizedError()
    user_id: uuid.UUID = user[0]
    return user_id


def task_from_row(row: Sequence[Any]) -> TaskRead:
    return TaskRead.model_validate(dict(zip(TASK_COLUMNS, row, strict=True)))


async def sql_get(
    request: Request, task_id: uuid.UUID, token: Annotated[str, Depends(oauth2_scheme)]
) -> Response:
    state = request.app.state
    engine: AsyncEngine = state.probe_engine
    async with state.probe_slots, engine.connect() as conn:
        owner = await sql_caller(request, token, conn)
        row = (await conn.exec_driver_sql(TASK_SQL, {"task": task_id, "owner": owner})).first()
    if row is None:
        raise NotFoundError("Task not found.")
    task = task_from_row(row)
    return json_response(task, headers={"ETag": f'"{task.version}"'})


async def sql_list(
    request: Request,
    token: Annotated[str, Depends(oauth2_scheme)],
    status: TaskStatus = TaskStatus.TODO,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
) -> Response:
    state = request.app.state
    engine: AsyncEngine = state.probe_engine
    async with state.probe_slots, engine.connect() as conn:
        owner = await sql_caller(request, token, conn)
        params = {"owner": owner, "status": status.value, "limit": limit}
        rows = (await conn.exec_driver_sql(PAGE_SQL, params)).all()
        total = (await conn.exec_driver_sql(COUNT_SQL, params)).scalar_one()
    items = [task_from_row(row) for row in rows]
    return json_response(Page[TaskRead](items=items, limit=limit, offset=0, total=total))
