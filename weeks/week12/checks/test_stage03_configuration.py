"""Checks for week12/stage03_configuration: what the deployment reads from its environment.

The Compose file says which variables the stack needs; .env.example must document them without
a real secret, .gitignore must keep .env out, and the API must run with production settings
that refuse the built-in signing key.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

import pytest

from workbook.checking import CheckFailure, Learner, expect_true
from workbook.checking_delivery import ComposeFile, compose_environment, read_compose
from workbook.taskhub_checks import project_dir, settings_class, shown_project

START_HELP = "Write compose.yaml first (stage 2): it says what the environment must provide."
_PLACEHOLDER_WORDS = ("change", "replace", "your", "example", "generate", "placeholder", "<", "xxx")
_INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)")


def _compose(learner: Learner) -> tuple[str, ComposeFile, str]:
    project = project_dir(learner)
    shown, compose = read_compose(project, shown_project=shown_project(learner), help=START_HELP)
    text = (project / shown.rsplit("/", 1)[-1]).read_text(encoding="utf-8")
    return shown, compose, text


def _api(compose: ComposeFile) -> str:
    """The service that publishes a port and is built from the project (the API)."""
    built = [n for n, s in compose.services.items() if s.build is not None and s.ports]
    return built[0] if built else next(iter(compose.services))


def _env_example(learner: Learner) -> tuple[str, dict[str, str], set[str]]:
    """``(shown path, active NAME=value lines, every name mentioned, commented or not)``."""
    shown = f"{shown_project(learner)}/.env.example"
    path = project_dir(learner) / ".env.example"
    expect_true(
        path.is_file(), what=f"the project folder {shown_project(learner)}",
        expected="a .env.example file", actual="none",
        help="A reviewer copies .env.example to .env and fills it in: it lists every "
        "variable, with safe example values and comments.",
    )
    active: dict[str, str] = {}
    mentioned: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s*(#\s*)?(?:export\s+)?([A-Z][A-Z0-9_]*)\s*=(.*)$", line)
        if match:
            mentioned.add(match.group(2))
            if match.group(1) is None:
                active[match.group(2)] = match.group(3).strip().strip("'\"")
    return shown, active, mentioned


def test_env_example_documents_compose(learner: Learner) -> None:
    """documents in .env.example every variable the Compose file reads, with no real secret"""
    shown_compose, _compose_file, text = _compose(learner)
    shown, active, mentioned = _env_example(learner)
    settings = settings_class(learner)
    prefix = str(settings.model_config.get("env_prefix", "TASKHUB_")).upper()
    read = sorted(set(_INTERPOLATION.findall(text)))
    needed = [*read, *(prefix + name.upper() for name in ("environment", "secret_key")
                       if name in settings.model_fields)]
    missing = [name for name in dict.fromkeys(needed) if name not in active]
    expect_true(
        not missing, what=shown,
        expected=f"a NAME= line for each variable {shown_compose} reads and each setting a "
        f"deployment must give ({', '.join(dict.fromkeys(needed))})",
        actual=f"no line for {', '.join(missing)}",
        help="docker compose fills ${NAME} from .env: every name it reads belongs in "
        ".env.example (empty when it is a secret), or the next person's stack starts half "
        "configured.",
    )
    known = {prefix + name.upper() for name in settings.model_fields}
    unknown = sorted(n for n in mentioned if n.startswith(prefix) and n not in known)
    expect_true(
        not unknown, what=shown, expected="only variables that Settings reads",
        actual=f"{', '.join(unknown)}, which no Settings field reads",
        help=f"A misspelt variable is silently ignored: each {prefix}NAME must match a field "
        "of Settings in core/config.py (the name in upper case, after the prefix).",
    )
    for name, value in active.items():
        secret_like = re.search(r"SECRET|PASSWORD|TOKEN|KEY", name)
        expect_true(
            not secret_like or len(value) < 16
            or any(word in value.lower() for word in _PLACEHOLDER_WORDS),
            what=f"{name} in {shown}", expected="an empty value or an obvious placeholder",
            actual="a value that looks like a real secret",
            help="The example file is committed: leave secrets empty and say how to generate "
            "one; if a real one was ever committed, replace it.",
        )
    ignore = project_dir(learner) / ".gitignore"
    ignored = ignore.is_file() and any(
        line.strip().lstrip("/") in (".env", ".env*", "*.env")
        for line in ignore.read_text(encoding="utf-8").splitlines()
    )
    expect_true(
        ignored, what=f"{shown_project(learner)}/.gitignore",
        expected="a line '.env', so the real file is never committed",
        actual="no such line" if ignore.is_file() else "no .gitignore",
        help="Keep .env in .gitignore; only .env.example belongs in the repository.",
    )


def test_signing_key_from_environment(learner: Learner) -> None:
    """gives the API its signing key from the environment, never written in the Compose file"""
    shown, compose, _text = _compose(learner)
    api = _api(compose)
    service = compose.services[api]
    prefix = str(settings_class(learner).model_config.get("env_prefix", "TASKHUB_")).upper()
    literal = compose_environment(service).get(prefix + "SECRET_KEY")
    expect_true(
        literal is None or "${" in literal,
        what=f"the {api!r} service of {shown}",
        expected=f"{prefix}SECRET_KEY taken from .env (env_file) or ${{{prefix}SECRET_KEY}}",
        actual=f"{prefix}SECRET_KEY: {(literal or '')[:6]}... written in the file",
        help="A key written in a committed file is a leaked key: read it from .env (which "
        "git ignores) or from the shell.",
    )
    expect_true(
        prefix + "SECRET_KEY" in compose_environment(service) or service.env_file is not None,
        what=f"the {api!r} service of {shown}",
        expected=f"an env_file (.env) or a {prefix}SECRET_KEY entry in its environment",
        actual="neither, so the API starts without a key",
        help="In production the settings refuse to start without a real key; pass it in "
        f"with 'env_file: .env' or '{prefix}SECRET_KEY: ${{{prefix}SECRET_KEY}}'.",
    )


def test_production_refuses_builtin_key(
    learner: Learner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """runs the API with production settings, which refuse the built-in signing key"""
    shown, compose, _text = _compose(learner)
    api = _api(compose)
    settings = settings_class(learner)
    prefix = str(settings.model_config.get("env_prefix", "TASKHUB_")).upper()
    environment = compose_environment(compose.services[api]).get(prefix + "ENVIRONMENT")
    field = settings.model_fields.get("environment")
    chosen = environment or (str(field.default) if field is not None else "production")
    expect_true(
        chosen not in ("development", "test"),
        what=f"the {api!r} service of {shown}",
        expected=f"{prefix}ENVIRONMENT production (or unset: the default is production)",
        actual=f"{prefix}ENVIRONMENT {chosen}",
        help="The deployed stack is production: development settings accept the public "
        "built-in key and show details a visitor must not see.",
    )
    monkeypatch.chdir(tmp_path)  # no .env of the learner's is read
    for name in [n for n in os.environ if n.startswith(prefix)]:
        monkeypatch.delenv(name)
    default = settings.model_fields["secret_key"].default
    builtin = default.get_secret_value() if hasattr(default, "get_secret_value") else default
    try:
        settings(_env_file=None, environment=chosen, secret_key=builtin)
    except NotImplementedError:
        raise
    except Exception as error:
        message = " ".join(str(error).split())
        expect_true(
            "secret" in message.lower(),
            what=f"Settings(environment={chosen!r}) with the built-in key", expected="a "
            "refusal that names the secret key", actual=message[:200],
            help="Say what is wrong and how to fix it: the key is the built-in one, generate "
            "a random one of 32 characters or more.",
        )
    else:
        raise CheckFailure(
            f"Settings(environment={chosen!r}, secret_key=<the built-in default>) was accepted",
            expected="a validation error: production refuses the built-in key",
            actual="the settings were created",
            help="Refuse the built-in (public) key outside development and test, in a "
            "model_validator of Settings, so a forgotten variable cannot sign real tokens.",
        )
    strong = secrets.token_urlsafe(48)
    try:
        settings(_env_file=None, environment=chosen, secret_key=strong)
    except Exception as error:
        raise CheckFailure(
            f"Settings(environment={chosen!r}, secret_key=<48 random characters>) raised "
            f"{type(error).__name__}: {' '.join(str(error).split())[:200]}",
            expected="the settings accept a strong random key",
            actual=type(error).__name__,
            help="Refuse only weak keys: a random key of 32 characters or more must start "
            "the service.",
        ) from None
