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
    # BEGIN SOLUTION: read the service from the state of the request's app
    return cast(TaskService, request.app.state.tasks)
    # END SOLUTION


Service = Annotated[TaskService, Depends(get_service)]


@router.get("")
def list_tasks(service: Service) -> list[Task]:
    return service.all()


@router.post("", status_code=status.HTTP_201_CREATED)
def create_task(payload: TaskCreate, service: Service) -> Task:
    """201 with the task, or 409 with the limit error's message."""
    # BEGIN SOLUTION: add the task and turn TaskLimitReached into a 409
    try:
        return service.add(payload.title)
    except TaskLimitReached as error:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(error)) from error
    # END SOLUTION
