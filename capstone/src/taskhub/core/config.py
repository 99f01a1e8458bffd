"""Application settings, read from the environment (prefix ``TASKHUB_``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The secret shipped for local development. It is public, so it must never sign real tokens.
INSECURE_DEFAULT_SECRET = "insecure-development-secret-change-me-please-0000"  # noqa: S105
MIN_SECRET_LENGTH = 32
#: A random secret of 32 characters has far more distinct characters than this; "aaaa..." or
#: 32 spaces have one.
MIN_SECRET_DISTINCT_CHARACTERS = 10

Environment = Literal["development", "test", "staging", "production"]


class Settings(BaseSettings):
    """Every knob of the service. Values come from ``TASKHUB_*`` variables or a ``.env`` file."""

    model_config = SettingsConfigDict(
        env_prefix="TASKHUB_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    # Fail closed: an unconfigured deployment is treated as production.
    environment: Environment = "production"
    app_name: str = "TaskHub"
    database_url: str = "sqlite:///./taskhub.db"
    database_echo: bool = False
    # FastAPI runs sync endpoints and dependencies on AnyIO's thread pool; this sets its size.
    thread_pool_size: int = Field(default=40, ge=1, le=1000)
    # One connection per worker thread, so a thread never waits for a connection. At most this
    # many requests use the database at once; the others wait (without a thread) at most
    # db_pool_timeout_seconds and then get a 503 with Retry-After.
    db_pool_size: int | None = Field(default=None, ge=1, description="default: thread_pool_size")
    db_pool_timeout_seconds: float = Field(default=2.0, gt=0)
    # Connections are replaced after this age instead of being pinged before every checkout.
    db_pool_recycle_seconds: int = Field(default=1800, ge=1)
    # SQLite: how long a writer waits for another writer's lock before the request is a 503.
    sqlite_busy_timeout_ms: int = Field(default=5000, ge=0)

    secret_key: SecretStr = SecretStr(INSECURE_DEFAULT_SECRET)
    access_token_ttl_seconds: int = Field(default=15 * 60, ge=30, le=24 * 3600)
    refresh_token_ttl_seconds: int = Field(default=14 * 24 * 3600, ge=60)
    jwt_issuer: str = "taskhub"
    # Two tabs that refresh with the same token at once: the second one within this many
    # seconds gets its own new pair instead of setting off reuse detection.
    refresh_reuse_grace_seconds: int = Field(default=10, ge=0, le=60)

    # Argon2id cost parameters (the library defaults follow RFC 9106's second recommendation).
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_cost_kib: int = Field(default=64 * 1024, ge=8)
    argon2_parallelism: int = Field(default=4, ge=1)

    login_rate_limit_per_ip: int = Field(default=20, ge=1)
    login_rate_limit_per_account: int = Field(default=5, ge=1)
    login_rate_limit_window_seconds: int = Field(default=60, ge=1)
    register_rate_limit_per_ip: int = Field(default=10, ge=1)
    # When set (redis://host:6379/0), the rate limits are shared by every worker and replica.
    redis_url: str | None = None

    max_request_body_bytes: int = Field(default=64 * 1024, ge=1024)

    cors_origins: list[str] = Field(default_factory=list)
    log_level: str = "INFO"
    log_json: bool = True

    @model_validator(mode="after")
    def _refuse_insecure_secret(self) -> Settings:
        if self.environment in ("development", "test"):
            return self
        secret = self.secret_key.get_secret_value()
        if (
            secret == INSECURE_DEFAULT_SECRET
            or len(secret.strip()) < MIN_SECRET_LENGTH
            or len(set(secret)) < MIN_SECRET_DISTINCT_CHARACTERS
        ):
            raise ValueError(
                "TASKHUB_SECRET_KEY must be set to a random value of at least "
                f"{MIN_SECRET_LENGTH} characters (not blank, not one repeated character) outside "
                "development and test "
                '(generate one with: python -c "import secrets; print(secrets.token_urlsafe(48))")'
            )
        return self

    @property
    def database_connections(self) -> int:
        """Size of the connection pool: ``db_pool_size``, else one per worker thread."""
        return self.db_pool_size or self.thread_pool_size

    @property
    def is_sqlite(self) -> bool:
        """True when the configured database is SQLite."""
        return self.database_url.startswith("sqlite")
