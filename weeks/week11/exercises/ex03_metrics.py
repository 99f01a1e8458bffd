"""Request counters and a latency histogram, exposed on ``/metrics`` for Prometheus.

Every request except the scrape itself is counted in ``http_requests_total`` with three
labels: the method, the route *template* (``/tasks/{task_id}``, never ``/tasks/42``) and the
status code. Its duration goes into the histogram ``http_request_duration_seconds``, labelled
by method and route. A path no route matches is labelled ``UNMATCHED``, so a scanner trying
a thousand URLs adds one time series, not a thousand: each label value makes a new series
that Prometheus stores for good.

Each application gets its own ``CollectorRegistry``. The global default registry would
refuse a second app in the same process (a test suite creating one app per test) and would
mix in metrics nobody asked for.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import FastAPI, HTTPException, Request, Response, status
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from pydantic import BaseModel

METRICS_PATH = "/metrics"
UNMATCHED = "unmatched"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


@dataclass(frozen=True)
class Metrics:
    """One app's registry and the two metrics in it."""

    registry: CollectorRegistry
    requests: Counter
    latency: Histogram


def create_metrics() -> Metrics:
    """A new registry holding the two metrics, each with a one-line help text (the ``# HELP``
    line that tells whoever reads a dashboard what the numbers mean):

    - ``http_requests_total``: a counter, labels ``method``, ``route``, ``status``;
    - ``http_request_duration_seconds``: a histogram, labels ``method``, ``route``, with
      ``LATENCY_BUCKETS``.
    """
    # TODO: a CollectorRegistry, then a Counter and a Histogram registered in it
    raise NotImplementedError


def route_label(request: Request) -> str:
    """The template of the route that served ``request`` (``/tasks/{task_id}``), or
    ``UNMATCHED`` when no route matched. Call it after the route has run: the router stores
    the matched route in ``request.scope["route"]``."""
    # TODO: read the route's path template from the scope
    raise NotImplementedError


class Task(BaseModel):
    id: int
    title: str


class NewTask(BaseModel):
    title: str


def create_app() -> FastAPI:
    """The tasks API with its own metrics, served on ``METRICS_PATH``."""
    app = FastAPI(title="Tasks API")
    metrics = create_metrics()
    app.state.metrics = metrics
    tasks = {1: Task(id=1, title="Write the runbook"), 2: Task(id=2, title="Set up alerts")}

    @app.middleware("http")
    async def record_metrics(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        """Time the request; count it and observe its duration unless it is the scrape."""
        # TODO: time call_next, then label by method, route template and status
        raise NotImplementedError

    @app.get(METRICS_PATH, include_in_schema=False)
    def scrape() -> Response:
        """The registry in the Prometheus text format, with its content type."""
        # TODO: generate_latest(registry) with media type CONTENT_TYPE_LATEST
        raise NotImplementedError

    @app.get("/tasks")
    def list_tasks() -> list[Task]:
        return list(tasks.values())

    @app.get("/tasks/{task_id}")
    def read_task(task_id: int) -> Task:
        if task_id not in tasks:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"task {task_id} not found")
        return tasks[task_id]

    @app.post("/tasks", status_code=status.HTTP_201_CREATED)
    def create_task(new: NewTask) -> Task:
        task = Task(id=max(tasks, default=0) + 1, title=new.title)
        tasks[task.id] = task
        return task

    return app


app = create_app()
