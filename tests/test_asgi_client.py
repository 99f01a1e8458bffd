"""The in-thread client behaves as the checks expect of Starlette's TestClient."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from fastapi import FastAPI, Request, WebSocket
from fastapi.responses import RedirectResponse

from workbook.asgi_client import InThreadClient


def make_app(events: list[str]) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[dict[str, Any]]:
        events.append("startup")
        yield {"greeting": "hello"}
        events.append("shutdown")

    app = FastAPI(lifespan=lifespan)

    @app.get("/state")
    async def state(request: Request) -> dict[str, Any]:
        return {"greeting": request.state.greeting, "client": request.client.host}  # type: ignore[union-attr]

    @app.get("/thread")
    def thread() -> dict[str, bool]:  # a plain def endpoint: FastAPI's own thread hop
        return {"main": threading.current_thread() is threading.main_thread()}

    @app.get("/old")
    async def old() -> RedirectResponse:
        return RedirectResponse("/state", status_code=307)

    @app.get("/boom")
    async def boom() -> None:
        raise ValueError("broken on purpose")

    @app.websocket("/echo")
    async def echo(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_json({"echo": await websocket.receive_text()})
        await websocket.close()

    return app


def test_the_lifespan_runs_around_the_requests_and_its_state_reaches_them() -> None:
    events: list[str] = []
    with InThreadClient(make_app(events)) as client:
        assert events == ["startup"]
        answer = client.get("/state")
        assert answer.status_code == 200
        assert answer.json() == {"greeting": "hello", "client": "testclient"}
    assert events == ["startup", "shutdown"]


def test_async_endpoints_run_in_this_thread_and_def_endpoints_in_a_worker() -> None:
    with InThreadClient(make_app([])) as client:
        assert client.get("/thread").json() == {"main": False}


def test_redirects_are_followed_unless_turned_off() -> None:
    with InThreadClient(make_app([])) as client:
        assert client.get("/old").json()["greeting"] == "hello"
        client.follow_redirects = False
        answer = client.get("/old")
        assert (answer.status_code, answer.headers["location"]) == (307, "/state")


def test_the_apps_exceptions_reach_the_caller() -> None:
    with InThreadClient(make_app([])) as client, pytest.raises(ValueError, match="on purpose"):
        client.get("/boom")


def test_a_lifespan_that_fails_to_start_raises_its_error() -> None:
    unwritten = [True]  # a stub's lifespan: it raises before it yields

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if unwritten[0]:
            raise NotImplementedError("write the lifespan")
        yield

    client = InThreadClient(FastAPI(lifespan=lifespan))
    with pytest.raises(NotImplementedError, match="write the lifespan"), client:
        pass


def test_websockets_go_through_a_test_client_with_the_same_state() -> None:
    with InThreadClient(make_app([])) as client, client.websocket_connect("/echo") as socket:
        socket.send_text("ping")
        assert socket.receive_json() == {"echo": "ping"}
