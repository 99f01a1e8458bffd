"""What changes between environments: read from the environment in production, built by hand
in tests (``Settings(max_tasks=1)``)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Settings(BaseModel):
    app_name: str = "Tasks API"
    max_tasks: int = Field(default=100, ge=1)
