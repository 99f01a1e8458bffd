"""HTTP side of tasks and tags: ``/tasks`` and ``/tags``."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response, status

from taskhub.core.database import DbSession
from taskhub.core.errors import problem_responses
from taskhub.core.pagination import Page, json_response
from taskhub.dependencies import CurrentUser
from taskhub.tasks.schemas import TagCreate, TagRead, TaskCreate, TaskQuery, TaskRead, TaskUpdate
from taskhub.tasks.service import TaskService, etag_for

router = APIRouter(tags=["tasks"])

_ETAG_HEADER: dict[str, Any] = {
    "ETag": {
        "description": "Version of the task; send it back in If-Match.",
        "schema": {"type": "string"},
    }
}


def _with_etag(success: int, *errors: int) -> dict[int | str, dict[str, Any]]:
    responses = problem_responses(*errors)
    responses[success] = {"headers": _ETAG_HEADER}
    return responses


@router.get(
    "/tasks",
    response_model=Page[TaskRead],
    responses=problem_responses(400, 401, 422),
    summary="List your tasks (filters, sorting, offset or cursor pagination)",
)
def list_tasks(
    query: Annotated[TaskQuery, Query()], user: CurrentUser, session: DbSession
) -> Response:
    # TODO: list the user's tasks through TaskService and answer the Page as JSON
    raise NotImplementedError


@router.post(
    "/tasks",
    status_code=status.HTTP_201_CREATED,
    response_model=TaskRead,
    responses=_with_etag(201, 401, 404, 413, 422),
)
def create_task(data: TaskCreate, user: CurrentUser, session: DbSession) -> Response:
    # TODO: create the task; answer 201 with Location and ETag headers
    raise NotImplementedError


@router.get("/tasks/{task_id}", response_model=TaskRead, responses=_with_etag(200, 401, 404, 422))
def get_task(task_id: uuid.UUID, user: CurrentUser, session: DbSession) -> Response:
    # TODO: fetch the task; answer it with its ETag header
    raise NotImplementedError


@router.patch(
    "/tasks/{task_id}",
    response_model=TaskRead,
    responses=_with_etag(200, 401, 404, 409, 412, 413, 422),
)
def update_task(
    task_id: uuid.UUID,
    data: TaskUpdate,
    user: CurrentUser,
    session: DbSession,
    if_match: Annotated[
        str | None,
        Header(max_length=256, description="ETag from a previous read; 412 if it is stale."),
    ] = None,
) -> Response:
    """Change some fields. Status moves follow the workflow (409 otherwise)."""
    # TODO: update through TaskService with the If-Match value, answer the new ETag
    raise NotImplementedError


@router.delete(
    "/tasks/{task_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 404, 422),
)
def delete_task(task_id: uuid.UUID, user: CurrentUser, session: DbSession) -> None:
    # TODO: delete through TaskService
    raise NotImplementedError


@router.get("/tags", response_model=list[TagRead], responses=problem_responses(401), tags=["tags"])
def list_tags(user: CurrentUser, session: DbSession) -> list[TagRead]:
    # TODO: list the user's tags
    raise NotImplementedError


@router.post(
    "/tags",
    status_code=status.HTTP_201_CREATED,
    response_model=TagRead,
    responses=problem_responses(401, 409, 413, 422),
    tags=["tags"],
)
def create_tag(data: TagCreate, user: CurrentUser, session: DbSession) -> TagRead:
    # TODO: create the tag through TaskService
    raise NotImplementedError


@router.delete(
    "/tags/{tag_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 404, 422),
    tags=["tags"],
)
def delete_tag(tag_id: uuid.UUID, user: CurrentUser, session: DbSession) -> None:
    """Delete a tag; it disappears from every task that carried it."""
    # TODO: delete through TaskService
    raise NotImplementedError
