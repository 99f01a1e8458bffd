"""Checks for week07/ex02_settings_and_secrets: settings from the environment that guard secrets.

Every check runs in an empty temporary folder (so no real ``.env`` is read) with the
``TASKHUB_*`` variables cleared, then sets exactly what it needs.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from workbook.checking import Learner, call, expect_call, expect_equal, expect_raises, expect_true

NAMES = ("ENVIRONMENT", "SECRET_KEY", "WEBHOOK_SECRET", "ACCESS_TOKEN_MINUTES", "LOG_LEVEL")
GOOD = "k3y-4f9a1c2e7b8d6f5a3c1e9b7d5f3a1c2e"  # 36 characters
GOOD_WEBHOOK = "wh-0a1b2c3d4e5f60718293a4b5c6d7e8f9"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in NAMES:
        monkeypatch.delenv(f"TASKHUB_{name}", raising=False)
    monkeypatch.chdir(tmp_path)


def settings_class(learner: Learner) -> Any:
    return learner.cls("Settings")


def secret_value(settings: Any, name: str) -> object:
    value = getattr(settings, name, None)
    reveal = getattr(value, "get_secret_value", None)
    expect_true(callable(reveal), what=f"settings.{name}", expected="a SecretStr",
                actual=f"{type(value).__name__}: {value!r}",
                help="Declare secrets as SecretStr so that printing the settings hides them.")
    assert reveal is not None
    return reveal()


def test_secret_problem(learner: Learner) -> None:
    """names what is wrong with a secret, in order, and accepts exactly 32 characters"""
    secret_problem = learner.function("secret_problem",
                                      signature="secret_problem(value: str) -> str | None")
    cases = [
        ("", "is empty", "The empty string is the first problem."),
        ("   ", "is only whitespace", "Test value.strip() == '' after the empty case."),
        (" \t\n" * 12, "is only whitespace",
         "A long run of spaces is still only whitespace: test that before the length."),
        ("change-me", "is the default placeholder",
         "The placeholder is shorter than 32 characters too: test it before the length."),
        ("x" * 31, "is shorter than 32 characters",
         "31 characters is one short of MIN_SECRET_LENGTH."),
        ("x" * 32, None, "Exactly MIN_SECRET_LENGTH characters is enough: use <, not <=."),
        (GOOD, None, "A long random secret has no problem: return None."),
    ]
    for value, problem, help in cases:
        expect_call(secret_problem, value, returns=problem, help=help)


def test_reads_the_environment(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """reads TASKHUB_* variables, secrets as SecretStr"""
    monkeypatch.setenv("TASKHUB_ENVIRONMENT", "production")
    monkeypatch.setenv("TASKHUB_SECRET_KEY", GOOD)
    monkeypatch.setenv("TASKHUB_WEBHOOK_SECRET", GOOD_WEBHOOK)
    monkeypatch.setenv("TASKHUB_ACCESS_TOKEN_MINUTES", "30")
    settings = call(settings_class(learner),
                    help="With good secrets, Settings() builds in production.")
    expect_equal((settings.environment, settings.access_token_minutes), ("production", 30),
                 what="(environment, access_token_minutes) read from TASKHUB_* variables",
                 help="env_prefix='TASKHUB_' maps TASKHUB_ACCESS_TOKEN_MINUTES to "
                 "access_token_minutes, converted to int.")
    expect_equal((secret_value(settings, "secret_key"), secret_value(settings, "webhook_secret")),
                 (GOOD, GOOD_WEBHOOK), what="the two secrets' values",
                 help="get_secret_value() gives back the variable's text.")
    for shown in (repr(settings), str(settings)):
        expect_true(GOOD not in shown and GOOD_WEBHOOK not in shown,
                    what="repr and str of the settings", expected="secrets shown as **********",
                    actual=shown, help="SecretStr hides its value when printed.")


def test_defaults_for_development(learner: Learner) -> None:
    """defaults to development, where the placeholder secrets are allowed"""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        settings = call(settings_class(learner), help="With nothing set, Settings() builds: "
                        "development allows placeholders.")
    expect_true(not caught, what="warnings while building Settings()", expected="none",
                actual="; ".join(str(w.message).splitlines()[0] for w in caught),
                help="A model validator in mode='after' must return self; pydantic warns "
                "about any other value.")
    expect_equal((settings.environment, settings.access_token_minutes), ("development", 15),
                 what="(environment, access_token_minutes) with nothing set",
                 help="The defaults are 'development' and 15 minutes.")
    expect_equal((secret_value(settings, "secret_key"), secret_value(settings, "webhook_secret")),
                 ("change-me", "change-me"), what="the secrets with nothing set",
                 help="Both secrets default to SecretStr(DEFAULT_SECRET).")


def test_dotenv_file(learner: Learner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """reads .env, lets the environment win, and ignores variables it does not know"""
    (tmp_path / ".env").write_text(
        f"TASKHUB_ENVIRONMENT=test\nTASKHUB_SECRET_KEY={GOOD}\n"
        f"TASKHUB_WEBHOOK_SECRET={GOOD_WEBHOOK}\nTASKHUB_ACCESS_TOKEN_MINUTES=20\n"
        "TASKHUB_LOG_LEVEL=debug\n", encoding="utf-8")
    monkeypatch.setenv("TASKHUB_ACCESS_TOKEN_MINUTES", "45")
    settings = call(settings_class(learner),
                    help="Settings() reads .env from the current folder (env_file='.env'); "
                    "TASKHUB_LOG_LEVEL belongs to another part of the service (extra='ignore').")
    expect_equal((settings.environment, secret_value(settings, "secret_key"),
                  settings.access_token_minutes), ("test", GOOD, 45),
                 what="(environment, secret_key, access_token_minutes) from .env with "
                 "TASKHUB_ACCESS_TOKEN_MINUTES=45 in the environment",
                 help="Values come from .env, but a real environment variable wins over it.")


@pytest.mark.parametrize("environment", ["production", "test"])
def test_refuses_weak_secrets(learner: Learner, environment: str) -> None:
    """refuses a weak secret outside development, naming the variable, never the value"""
    settings = settings_class(learner)
    short = "Sup3r-Secret-Value-Of-31-Chars!"
    cases = [
        ({"secret_key": ""}, "TASKHUB_SECRET_KEY is empty"),
        ({"secret_key": "    "}, "TASKHUB_SECRET_KEY is only whitespace"),
        ({"secret_key": "change-me"}, "TASKHUB_SECRET_KEY is the default placeholder"),
        ({"secret_key": short}, "TASKHUB_SECRET_KEY is shorter than 32 characters"),
        ({"webhook_secret": short}, "TASKHUB_WEBHOOK_SECRET is shorter than 32 characters"),
        ({"secret_key": "", "webhook_secret": "change-me"},
         "TASKHUB_SECRET_KEY is empty; TASKHUB_WEBHOOK_SECRET is the default placeholder"),
    ]
    for weak, message in cases:
        fields = {"environment": environment, "secret_key": GOOD, "webhook_secret": GOOD_WEBHOOK,
                  **weak}
        error = expect_raises(ValidationError, settings, **fields, match=message,
                              help=f"Outside development ({environment!r} here) each guarded "
                              "secret with a problem adds '<VARIABLE> <problem>' to the "
                              "message, joined with '; '.")
    leaked = {"environment": environment, "secret_key": GOOD, "webhook_secret": "hunter2"}
    error = expect_raises(ValidationError, settings, **leaked,
                          match="TASKHUB_WEBHOOK_SECRET is shorter than 32 characters",
                          help="A 7-character webhook secret is too short.")
    for secret in ("hunter2", GOOD):
        expect_true(secret not in str(error), what="the error for webhook_secret='hunter2'",
                    expected=f"a message without {secret!r}", actual=str(error),
                    help="Pydantic repeats the input in its errors: set "
                    "hide_input_in_errors=True in model_config, and never put a value in your "
                    "own message.")


def test_accepts_strong_secrets(learner: Learner) -> None:
    """accepts secrets of exactly 32 characters in production"""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        settings = call(settings_class(learner), environment="production",
                        secret_key="s" * 32, webhook_secret="w" * 32,
                        help="32 characters is the minimum, so it is allowed.")
    expect_true(not caught, what="warnings while building Settings in production",
                expected="none", actual="; ".join(str(w.message).splitlines()[0] for w in caught),
                help="After the checks pass, the validator must still return self.")
    expect_equal(secret_value(settings, "secret_key"), "s" * 32,
                 what="secret_key with 32 characters", help="Keep the secret as given.")


def test_bounds(learner: Learner) -> None:
    """keeps access_token_minutes within 1 to 60 and the environment within its three names"""
    settings = settings_class(learner)
    for minutes in (1, 60):
        made = call(settings, access_token_minutes=minutes,
                    help="1 and 60 are both allowed: Field(ge=1, le=60).")
        expect_equal(made.access_token_minutes, minutes,
                     what=f"Settings(access_token_minutes={minutes}).access_token_minutes",
                     help="Keep the value given.")
    for minutes in (0, 61):
        expect_raises(ValidationError, settings, access_token_minutes=minutes,
                      help="0 and 61 are outside 1 to 60: Field(ge=1, le=60).")
    expect_raises(ValidationError, settings, environment="prod",
                  help="environment is one of 'development', 'test', 'production': a Literal.")
