"""Pure ASGI middleware: request ids, access logs, the 500 safety net and the body size cap."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from taskhub.core.errors import problem_response
from taskhub.core.logging import request_id_var

logger = logging.getLogger("taskhub.request")

REQUEST_ID_HEADER = "X-Request-ID"
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestContextMiddleware:
    """Give each request an id, log one access line, and turn crashes into a 500 problem.

    It is the outermost middleware, so even the 500 answer carries ``X-Request-ID`` and no
    traceback ever reaches the client.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get(REQUEST_ID_HEADER, "")
        request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                MutableHeaders(scope=message).append(REQUEST_ID_HEADER, request_id)
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            logger.exception("unhandled error")
            if not response_started:
                status = 500
                response = problem_response(
                    None,
                    500,
                    detail="An unexpected error occurred. Quote the request id when reporting it.",
                    instance=scope.get("path", ""),
                    extensions={"request_id": request_id},
                )
                await response(scope, receive, send_with_id)
        finally:
            logger.info(
                "%s %s %s",
                scope["method"],
                scope["path"],
                status,
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "client": (scope.get("client") or ("-",))[0],
                },
            )
            request_id_var.reset(token)


class BodySizeLimitMiddleware:
    """Refuse request bodies larger than ``max_bytes`` with a 413 problem.

    A declared ``Content-Length`` is checked before anything is read; a chunked body is
    counted as it streams in.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            response = problem_response(
                None,
                413,
                detail=f"The request body exceeds {self.max_bytes} bytes.",
                instance=scope["path"],
            )
            await response(scope, receive, send)
            return

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Raised while FastAPI reads the body; the HTTP error handler answers 413.
                    raise HTTPException(
                        413, detail=f"The request body exceeds {self.max_bytes} bytes."
                    )
            return message

        await self.app(scope, limited_receive, send)


#: Paths that serve the interactive documentation (HTML that loads Swagger UI's scripts).
DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})


class SecurityHeadersMiddleware:
    """Headers every response carries; the reasons are in the README's security notes.

    - ``X-Content-Type-Options: nosniff``: a browser must not guess an HTML type for JSON.
    - ``Cache-Control: no-store`` unless the route set its own: responses are personal
      (tasks, ``/me``, tokens) and must not be kept by a browser or a shared cache.
    - ``Referrer-Policy: no-referrer`` and, except on the documentation pages,
      ``Content-Security-Policy: default-src 'none'; frame-ancestors 'none'``: a JSON API
      loads nothing and is never framed.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_docs = scope["path"] in DOCS_PATHS

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Cache-Control", "no-store")
                headers.setdefault("Referrer-Policy", "no-referrer")
                if not is_docs:
                    headers.setdefault(
                        "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"
                    )
            await send(message)

        await self.app(scope, receive, send_with_headers)
