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
    # BEGIN SOLUTION: list the user's tasks through TaskService and answer the Page as JSON
    page = TaskService(session).list_tasks(user, query)
    keyset = query.cursor is not None
    body = Page[TaskRead](
        items=[TaskRead.model_validate(task) for task in page.tasks],
        limit=query.limit,
        offset=query.offset if keyset else (query.offset or 0),
        total=page.total,
        next_cursor=page.next_cursor,
    )
    return json_response(body)
    # END SOLUTION


@router.post(
    "/tasks",
    status_code=status.HTTP_201_CREATED,
    response_model=TaskRead,
    responses=_with_etag(201, 401, 404, 413, 422),
)
def create_task(data: TaskCreate, user: CurrentUser, session: DbSession) -> Response:
    # BEGIN SOLUTION: create the task; answer 201 with Location and ETag headers
    task = TaskService(session).create_task(user, data)
    headers = {"Location": f"/tasks/{task.id}", "ETag": etag_for(task)}
    return json_response(TaskRead.model_validate(task), status_code=201, headers=headers)
    # END SOLUTION


@router.get("/tasks/{task_id}", response_model=TaskRead, responses=_with_etag(200, 401, 404, 422))
def get_task(task_id: uuid.UUID, user: CurrentUser, session: DbSession) -> Response:
    # BEGIN SOLUTION: fetch the task; answer it with its ETag header
    task = TaskService(session).get_task(user, task_id)
    return json_response(TaskRead.model_validate(task), headers={"ETag": etag_for(task)})
    # END SOLUTION


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
    # BEGIN SOLUTION: update through TaskService with the If-Match value, answer the new ETag
    task = TaskService(session).update_task(user, task_id, data, if_match=if_match)
    return json_response(TaskRead.model_validate(task), headers={"ETag": etag_for(task)})
    # END SOLUTION


@router.delete(
    "/tasks/{task_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 404, 422),
)
def delete_task(task_id: uuid.UUID, user: CurrentUser, session: DbSession) -> None:
    # BEGIN SOLUTION: delete through TaskService
    TaskService(session).delete_task(user, task_id)
    # END SOLUTION


@router.get("/tags", response_model=list[TagRead], responses=problem_responses(401), tags=["tags"])
def list_tags(user: CurrentUser, session: DbSession) -> list[TagRead]:
    # BEGIN SOLUTION: list the user's tags
    return [TagRead.model_validate(tag) for tag in TaskService(session).list_tags(user)]
    # END SOLUTION


@router.post(
    "/tags",
    status_code=status.HTTP_201_CREATED,
    response_model=TagRead,
    responses=problem_responses(401, 409, 413, 422),
    tags=["tags"],
)
def create_tag(data: TagCreate, user: CurrentUser, session: DbSession) -> TagRead:
    # BEGIN SOLUTION: create the tag through TaskService
    return TagRead.model_validate(TaskService(session).create_tag(user, data))
    # END SOLUTION


@router.delete(
    "/tags/{tag_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 404, 422),
    tags=["tags"],
)
def delete_tag(tag_id: uuid.UUID, user: CurrentUser, session: DbSession) -> None:
    """Delete a tag; it disappears from every task that carried it."""
    # BEGIN SOLUTION: delete through TaskService
    TaskService(session).delete_tag(user, tag_id)
    # END SOLUTION
