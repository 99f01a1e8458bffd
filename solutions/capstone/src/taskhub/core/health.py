"""Liveness and readiness probes."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from taskhub.core.database import DbSession
from taskhub.core.errors import PROBLEM_TYPE_PREFIX, problem_response, problem_responses

router = APIRouter(tags=["health"])
logger = logging.getLogger(__name__)


class HealthStatus(BaseModel):
    status: str


@router.get("/healthz", response_model=HealthStatus, summary="Liveness: the process answers")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    response_model=HealthStatus,
    responses=problem_responses(503),
    summary="Readiness: the database answers SELECT 1",
)
def readyz(request: Request, session: DbSession) -> Any:
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        logger.warning("readiness check failed: database unreachable", exc_info=True)
        return problem_response(
            request,
            503,
            title="Service unavailable",
            detail="The database is not reachable.",
            type_=f"{PROBLEM_TYPE_PREFIX}unavailable",
        )
    return {"status": "ok"}
