"""The service's settings, read from ``TASKHUB_*`` environment variables and a ``.env`` file.

Secrets are ``SecretStr``: their ``repr`` and ``str`` show ``**********``, so a settings object
printed in a log or a traceback does not leak them, and reading one takes an explicit
``.get_secret_value()``. Outside development the service refuses to start with a weak secret,
and the error names the variable to fix without ever printing its value::

    TASKHUB_SECRET_KEY is shorter than 32 characters

An environment variable wins over the same name in ``.env``; ``.env`` holds the values of one
machine and is never committed (``.env.example`` lists the names, without real values).
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "TASKHUB_"
DEFAULT_SECRET = "change-me"
MIN_SECRET_LENGTH = 32
GUARDED_SECRETS = ("secret_key", "webhook_secret")


def secret_problem(value: str) -> str | None:
    """What is wrong with a secret, or ``None`` when it may be used outside development.

    In this order: ``"is empty"``, ``"is only whitespace"``, ``"is the default placeholder"``
    (``DEFAULT_SECRET``), ``"is shorter than 32 characters"`` (``MIN_SECRET_LENGTH``; exactly 32
    is enough).
    """
    # BEGIN SOLUTION: test the four problems in the order the docstring gives
    if value == "":
        return "is empty"
    if value.strip() == "":
        return "is only whitespace"
    if value == DEFAULT_SECRET:
        return "is the default placeholder"
    if len(value) < MIN_SECRET_LENGTH:
        return f"is shorter than {MIN_SECRET_LENGTH} characters"
    return None
    # END SOLUTION


class Settings(BaseSettings):
    """Settings for one run of the service.

    ``environment`` is ``development`` (the default), ``test`` or ``production``;
    ``secret_key`` signs tokens and ``webhook_secret`` signs outgoing webhooks, both secrets
    defaulting to ``DEFAULT_SECRET``; ``access_token_minutes`` is 1 to 60 (default 15).
    A validation error never repeats the input it refused: pydantic shows the raw input values
    (secrets included) unless ``hide_input_in_errors`` is set.
    """

    # BEGIN SOLUTION: configure the source, keep inputs out of errors, declare the four settings
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_file=".env", extra="ignore", hide_input_in_errors=True
    )
    environment: Literal["development", "test", "production"] = "development"
    secret_key: SecretStr = SecretStr(DEFAULT_SECRET)
    webhook_secret: SecretStr = SecretStr(DEFAULT_SECRET)
    access_token_minutes: int = Field(default=15, ge=1, le=60)
    # STUB: model_config = SettingsConfigDict(
    # STUB:     env_prefix=ENV_PREFIX, env_file=".env", extra="ignore"
    # STUB: )
    # STUB: environment: str = "development"
    # STUB: secret_key: str = DEFAULT_SECRET
    # STUB: webhook_secret: str = DEFAULT_SECRET
    # STUB: access_token_minutes: int = 15
    # END SOLUTION

    @model_validator(mode="after")
    def refuse_weak_secrets(self) -> Self:
        """Outside development, raise ``ValueError`` naming every weak secret's variable.

        The message joins one ``"<VARIABLE> <problem>"`` per weak secret with ``"; "``, in the
        order of ``GUARDED_SECRETS`` (``TASKHUB_SECRET_KEY is empty; TASKHUB_WEBHOOK_SECRET is
        the default placeholder``). It never contains a secret's value.
        """
        # BEGIN SOLUTION: collect each guarded secret's problem, named by its variable
        if self.environment == "development":
            return self
        problems = []
        for name in GUARDED_SECRETS:
            secret: SecretStr = getattr(self, name)
            problem = secret_problem(secret.get_secret_value())
            if problem is not None:
                problems.append(f"{ENV_PREFIX}{name.upper()} {problem}")
        if problems:
            raise ValueError("; ".join(problems))
        return self
        # END SOLUTION
