"""An HTTP client that calls an ASGI application on an event loop in the calling thread.

Starlette's ``TestClient`` runs the application in a second thread and hands every message of
every request across (anyio's blocking portal): on a FastAPI week that was most of a check's
time. This client keeps one event loop in the check's own thread and sends each request through
``ASGITransport`` of httpx2 (the httpx that Starlette's test client uses), so a request costs
one ``run_until_complete`` (and, for a plain ``def`` endpoint, the one thread hop FastAPI
itself makes). It behaves as the checks expect of ``TestClient``: the lifespan runs on
entering, its state reaches every request, redirects are followed, the app's exceptions
propagate, and the client's address is ``testclient``. WebSockets, which httpx2 cannot speak,
go through a ``TestClient`` made on first use.
"""

from __future__ import annotations

import asyncio
from collections.abc import MutableMapping
from types import TracebackType
from typing import Any

import httpx2 as httpx
from starlette.types import ASGIApp, Message, Receive, Scope, Send

BASE_URL = "http://testserver"
CLIENT_ADDRESS = ("testclient", 50000)


class InThreadClient:
    """``with InThreadClient(app) as client: client.get("/tasks")``: answers are httpx2's."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        base_url: str = BASE_URL,
        client: tuple[str, int] = CLIENT_ADDRESS,
        raise_server_exceptions: bool = True,
    ) -> None:
        self.app = app
        self._state: dict[str, Any] = {}
        self._loop = asyncio.new_event_loop()
        transport = httpx.ASGITransport(
            app=self._with_state, client=client, raise_app_exceptions=raise_server_exceptions
        )
        self._client = httpx.AsyncClient(
            transport=transport, base_url=base_url, follow_redirects=True
        )
        self._lifespan: asyncio.Task[None] | None = None
        self._to_app: asyncio.Queue[Message] = asyncio.Queue()
        self._from_app: asyncio.Queue[Message] = asyncio.Queue()
        self._websockets: Any = None  # a TestClient, made by websocket_connect

    # -- requests ------------------------------------------------------------------------

    @property
    def follow_redirects(self) -> bool:
        return self._client.follow_redirects

    @follow_redirects.setter
    def follow_redirects(self, value: bool) -> None:
        self._client.follow_redirects = value

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """One request, as ``httpx.Client.request`` takes it (the engine's wrappers call this)."""
        return self._loop.run_until_complete(self._client.request(method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def websocket_connect(self, url: str, **kwargs: Any) -> Any:
        """A WebSocket session (Starlette's ``TestClient``: httpx has no WebSockets)."""
        if self._websockets is None:
            from starlette.testclient import TestClient

            self._websockets = TestClient(self._with_state)
        return self._websockets.websocket_connect(url, **kwargs)

    async def _with_state(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            scope = {**scope, "state": dict(self._state)}
        await self.app(scope, receive, send)

    # -- the lifespan --------------------------------------------------------------------

    def __enter__(self) -> InThreadClient:
        try:
            self._loop.run_until_complete(self._start())
        except BaseException:
            self._close()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if self._lifespan is not None:
                self._loop.run_until_complete(self._stop())
        finally:
            self._close()

    def _close(self) -> None:
        self._loop.run_until_complete(self._client.aclose())
        self._loop.close()

    async def _start(self) -> None:
        scope: MutableMapping[str, Any] = {
            "type": "lifespan",
            "asgi": {"version": "3.0", "spec_version": "2.0"},
            "state": self._state,
        }
        self._lifespan = asyncio.create_task(
            self.app(scope, self._to_app.get, self._from_app.put)  # type: ignore[arg-type]
        )
        await self._to_app.put({"type": "lifespan.startup"})
        await self._answer("lifespan.startup")

    async def _stop(self) -> None:
        await self._to_app.put({"type": "lifespan.shutdown"})
        await self._answer("lifespan.shutdown")

    async def _answer(self, step: str) -> None:
        """Wait for the app to finish ``step``; raise what it raised, as TestClient does."""
        assert self._lifespan is not None
        reply = asyncio.ensure_future(self._from_app.get())
        await asyncio.wait({reply, self._lifespan}, return_when=asyncio.FIRST_COMPLETED)
        if reply.done():
            message = reply.result()
            if message["type"] == f"{step}.failed":
                await asyncio.wait({self._lifespan})  # the app raises after reporting it
                self._lifespan.result()
                raise RuntimeError(message.get("message", f"{step} failed"))
            return
        reply.cancel()
        self._lifespan.result()  # an exception, or an app without a lifespan: nothing to do
