"""The application factory."""

from __future__ import annotations

from fastapi import FastAPI

from . import tasks
from .settings import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """A new FastAPI app titled ``settings.app_name``, with its own state and the domains'
    routers.

    ``app.state.settings`` is the settings (``Settings()`` when none are given) and
    ``app.state.tasks`` a new ``TaskService(settings.max_tasks)``. ``GET /health`` answers
    ``{"status": "ok", "app": <app_name>}``.
    """
    # BEGIN SOLUTION: build the app, give it fresh state, include the router, add /health
    settings = settings or Settings()
    app = FastAPI(title=settings.app_name)
    app.state.settings = settings
    app.state.tasks = tasks.TaskService(settings.max_tasks)
    app.include_router(tasks.router)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "app": settings.app_name}

    return app
    # END SOLUTION
