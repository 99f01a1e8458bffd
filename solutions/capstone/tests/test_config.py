"""Settings refuse an insecure secret outside development and test."""

from __future__ import annotations

import pytest
from pydantic import SecretStr, ValidationError

from taskhub.core.config import INSECURE_DEFAULT_SECRET, Settings

STRONG_SECRET = "q7Xv-2mKp9Lr_Tz4Wb8Nc1Hd6Fj3Gs5Ye0Ua"


@pytest.mark.parametrize(
    "secret",
    [" " * 32, " " * 40, "a" * 48, "ab" * 24, "  short-but-padded-with-spaces   " + " " * 8],
    ids=["32 spaces", "40 spaces", "one character", "two characters", "padded"],
)
def test_blank_or_repetitive_secret_is_refused(secret: str) -> None:
    with pytest.raises(ValidationError, match="TASKHUB_SECRET_KEY"):
        Settings(environment="production", secret_key=SecretStr(secret))


def test_random_secret_is_accepted() -> None:
    assert Settings(environment="production", secret_key=SecretStr(STRONG_SECRET)).secret_key


@pytest.mark.parametrize("environment", ["production", "staging"])
def test_default_secret_is_refused(environment: str) -> None:
    with pytest.raises(ValidationError, match="TASKHUB_SECRET_KEY"):
        Settings(environment=environment)


def test_short_secret_is_refused() -> None:
    with pytest.raises(ValidationError, match="at least 32"):
        Settings(environment="production", secret_key=SecretStr("too-short"))


def test_unset_environment_means_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TASKHUB_ENVIRONMENT", raising=False)
    with pytest.raises(ValidationError):
        Settings(_env_file=None)


@pytest.mark.parametrize("environment", ["development", "test"])
def test_default_secret_is_fine_locally(environment: str) -> None:
    settings = Settings(environment=environment)
    assert settings.secret_key.get_secret_value() == INSECURE_DEFAULT_SECRET


def test_strong_secret_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TASKHUB_ENVIRONMENT", "production")
    monkeypatch.setenv("TASKHUB_SECRET_KEY", STRONG_SECRET)
    monkeypatch.setenv("TASKHUB_CORS_ORIGINS", '["https://app.example.com"]')
    settings = Settings(_env_file=None)
    assert settings.cors_origins == ["https://app.example.com"]
    assert STRONG_SECRET not in repr(settings)
