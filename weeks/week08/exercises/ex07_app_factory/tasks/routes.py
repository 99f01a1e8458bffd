"""HTTP for the tasks domain: ``GET /tasks`` and ``POST /tasks`` (409 past the limit)."""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel, Field

from .service import Task, TaskLimitReached, TaskService

router = APIRouter(prefix="/tasks", tags=["tasks"])


class TaskCreate(BaseModel):
    title: str = Field(min_length=1, max_length=200)


def get_service(request: Request) -> TaskService:
    """The TaskService of the app serving this request (``app.state.tasks``)."""
    # TODO: read the service from the state of the request's app
    raise NotImplementedError


Service = Annotated[TaskService, Depends(get_service)]


@router.get("")
def list_tasks(service: Service) -> list[Task]:
    return service.all()


@router.post("", status_code=status.HTTP_201_CREATED)
def create_task(payload: TaskCreate, service: Service) -> Task:
    """201 with the task, or 409 with the limit error's message."""
    # TODO: add the task and turn TaskLimitReached into a 409
    raise NotImplementedError
