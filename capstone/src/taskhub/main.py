"""The application factory."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from taskhub import __version__
from taskhub.auth.router import router as auth_router
from taskhub.auth.service import LoginLimiters, subscribe_handlers
from taskhub.core import health
from taskhub.core.config import Settings
from taskhub.core.database import (
    create_db_engine,
    create_read_session_factory,
    create_session_factory,
)
from taskhub.core.errors import install_error_handlers, install_problem_openapi
from taskhub.core.events import EventBus
from taskhub.core.logging import configure_logging
from taskhub.core.middleware import (
    BodySizeLimitMiddleware,
    RequestContextMiddleware,
    SecurityHeadersMiddleware,
)
from taskhub.core.ratelimit import RateLimiter, RedisSlidingWindowLimiter, SlidingWindowLimiter
from taskhub.core.security import PasswordHasher, TokenCodec
from taskhub.tasks.router import router as tasks_router
from taskhub.users.router import router as users_router

#: Allocations (net of frees) that start a collection of the youngest generation; Python's
#: default is 700.
YOUNG_GENERATION_THRESHOLD = 10_000

DESCRIPTION = """
TaskHub keeps your tasks and tags. Register, then use **Authorize** (e-mail as username)
to try every endpoint. Every error is an RFC 9457 `application/problem+json` document.
"""


def create_limiters(settings: Settings) -> LoginLimiters:
    """In-process limiters, or limiters shared through Redis when ``redis_url`` is set."""
    window = settings.login_rate_limit_window_seconds
    limits = {
        "login-ip": settings.login_rate_limit_per_ip,
        "login-account": settings.login_rate_limit_per_account,
        "register-ip": settings.register_rate_limit_per_ip,
    }
    limiters: dict[str, RateLimiter]
    if settings.redis_url:
        from redis import Redis  # only needed when configured

        client = Redis.from_url(settings.redis_url)
        limiters = {
            name: RedisSlidingWindowLimiter(client, limit, window, prefix=f"taskhub:rl:{name}:")
            for name, limit in limits.items()
        }
    else:
        limiters = {name: SlidingWindowLimiter(limit, window) for name, limit in limits.items()}
    return LoginLimiters(
        per_ip=limiters["login-ip"],
        per_account=limiters["login-account"],
        register_per_ip=limiters["register-ip"],
    )


def create_app(settings: Settings) -> FastAPI:
    """Build a TaskHub application wired to ``settings``."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = app.state.settings.thread_pool_size
        yield
        app.state.engine.dispose()

    app = FastAPI(
        title=settings.app_name,
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=[
            {"name": "auth", "description": "Accounts and tokens."},
            {"name": "users", "description": "Your own account."},
            {"name": "tasks", "description": "Your tasks."},
            {"name": "tags", "description": "Your tags."},
            {"name": "admin", "description": "Administration (admin role)."},
            {"name": "health", "description": "Probes for orchestrators."},
        ],
    )
    install_state(app, settings)

    install_error_handlers(app)
    install_problem_openapi(app)

    # Added innermost first: the request context middleware ends up outermost.
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_request_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "X-Request-ID"],
            expose_headers=["ETag", "Location", "Retry-After", "X-Request-ID"],
        )
    app.add_middleware(RequestContextMiddleware)

    app.include_router(health.router)
    app.include_router(auth_router)
    app.include_router(users_router)
    app.include_router(tasks_router)
    return app


def install_state(app: FastAPI, settings: Settings) -> None:
    """Give ``app`` everything its requests share: the engine, sessions, security, limiters.

    :func:`create_app` calls it once; a test suite may call it again to start an existing app
    afresh (new engine, empty limiters, no subscribers but the application's own), which costs
    far less than building another app.
    """
    engine = create_db_engine(settings)
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = create_session_factory(engine)
    app.state.read_session_factory = create_read_session_factory(engine)
    app.state.database_slots = asyncio.Semaphore(settings.database_connections)
    app.state.password_hasher = PasswordHasher.from_settings(settings)
    app.state.token_codec = TokenCodec(settings)
    app.state.login_limiters = create_limiters(settings)
    app.state.events = EventBus()
    subscribe_handlers(app.state.events)


def tune_garbage_collector() -> None:
    """Make Python's cycle collector cheap for a long-running server process.

    Under load the collector took 10-17 % of the server's CPU (the README's Benchmark
    section). Most of it scanned the same objects again and again: the modules, the app,
    its routes and models, about 115 000 objects that live as long as the process.
    ``gc.freeze()`` moves everything alive at startup out of the collector's sight. A young
    generation of ``YOUNG_GENERATION_THRESHOLD`` instead of 700 lets most of a request's
    objects die by reference counting, as they do, before a collection ever looks at them;
    the cycles they leave are still collected, just less often.
    """
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, middle, oldest)


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory taskhub.main:app_from_env``: settings from the env.

    This is the server's entry point, so it also tunes the garbage collector for a
    long-running process (tests build their apps with :func:`create_app` and leave it alone).
    """
    settings = Settings()
    configure_logging(settings.log_level, json_lines=settings.log_json)
    app = create_app(settings)
    tune_garbage_collector()
    return app
