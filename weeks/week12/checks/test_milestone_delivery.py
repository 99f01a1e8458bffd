"""Checks for week12/milestone_delivery: Dockerfile, Compose file, .env.example and README.

Docker is not run here: the files are read and checked statically. Build and start the stack
yourself (docker compose up --build) to prove that it really works.
"""

from __future__ import annotations

import importlib
import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from workbook.checking import CheckFailure, Learner, NotStarted, expect_true
from workbook.taskhub_checks import project_dir, settings_class, shown_project

README_MARKER = "<!-- TODO: write this README (delivery milestone) -->"
COMPOSE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")
STATIC_NOTE = (
    " (The check reads the file; it cannot run Docker, so also try "
    "'docker compose up --build' yourself.)"
)
# PyYAML ships no type information; the check only calls safe_load and catches YAMLError.
yaml = importlib.import_module("yaml")
_PLACEHOLDER_WORDS = ("change", "replace", "your", "example", "generate", "placeholder", "<", "xxx")


# --- Dockerfile ---------------------------------------------------------------------------


def _instructions(text: str) -> list[tuple[str, str]]:
    """``(INSTRUCTION, arguments)`` pairs, with continuation lines joined and comments removed."""
    result: list[tuple[str, str]] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        keyword, _, arguments = line.partition(" ")
        result.append((keyword.upper(), arguments.strip()))
    if pending:
        keyword, _, arguments = pending.strip().partition(" ")
        result.append((keyword.upper(), arguments.strip()))
    return result


def _copy_sources(arguments: str) -> list[str]:
    """The source paths of a COPY or ADD instruction (flags and the destination left out)."""
    if arguments.startswith("["):
        try:
            parts = [str(p) for p in json.loads(arguments)]
        except ValueError:
            parts = arguments.strip("[]").replace('"', "").split(",")
    else:
        try:
            parts = shlex.split(arguments)
        except ValueError:
            parts = arguments.split()
    parts = [p.strip() for p in parts if not p.strip().startswith("--")]
    return parts[:-1]


def _read_deliverable(learner: Learner, name: str, help: str) -> str:
    path = project_dir(learner) / name
    if not path.is_file():
        raise NotStarted(f"{shown_project(learner)}/{name} does not exist yet", help=help)
    text = path.read_text(encoding="utf-8", errors="replace")
    if not text.strip():
        raise NotStarted(f"{shown_project(learner)}/{name} is empty", help=help)
    return text


def test_dockerfile(learner: Learner) -> None:
    """builds a multi-stage image that runs as a non-root user and leaves .env out"""
    shown = f"{shown_project(learner)}/Dockerfile"
    text = _read_deliverable(
        learner,
        "Dockerfile",
        help="Write a multi-stage Dockerfile in the project folder: a build stage that "
        "installs the dependencies, and a slim runtime stage that runs as a non-root user."
        + STATIC_NOTE,
    )
    steps = _instructions(text)
    stages = [arguments for keyword, arguments in steps if keyword == "FROM"]
    expect_true(
        len(stages) >= 2,
        what=f"{shown} has",
        expected="two or more FROM lines (a build stage and a runtime stage)",
        actual=f"{len(stages)} FROM line(s)",
        help="Install in a build stage, then COPY --from=<build stage> only what runs into a "
        "fresh slim image: no compilers, caches or sources in what you ship." + STATIC_NOTE,
    )
    last_from = max(i for i, (keyword, _) in enumerate(steps) if keyword == "FROM")
    users = [arguments for keyword, arguments in steps[last_from:] if keyword == "USER"]
    final_user = users[-1].split(":")[0].strip() if users else ""
    expect_true(
        bool(users) and final_user not in ("root", "0"),
        what=f"the final stage of {shown}",
        expected="a USER instruction naming an unprivileged user",
        actual=f"USER {users[-1]}" if users else "no USER instruction (the image runs as root)",
        help="Create a system user in the runtime stage (useradd or adduser) and switch to it "
        "with USER before CMD, so a bug in the app cannot act as root in the container."
        + STATIC_NOTE,
    )
    for keyword, arguments in steps:
        if keyword not in ("COPY", "ADD"):
            continue
        sources = _copy_sources(arguments)
        dotenv = [
            s
            for s in sources
            if Path(s).name == ".env" or (Path(s).name.startswith(".env") and "*" in s)
        ]
        expect_true(
            not dotenv,
            what=f"{shown} line '{keyword} {arguments}'",
            expected="no .env file copied into the image",
            actual=f"copies {dotenv[0]}" if dotenv else "",
            help="Secrets reach the container at run time (environment variables, env_file in "
            "Compose, the platform's settings), never inside the image, where anyone who "
            "pulls it can read them." + STATIC_NOTE,
        )
        if "--from" not in arguments and any(s in (".", "./") for s in sources):
            ignore = project_dir(learner) / ".dockerignore"
            patterns = (
                {line.strip().lstrip("/") for line in ignore.read_text().splitlines()}
                if ignore.is_file()
                else set()
            )
            expect_true(
                bool(patterns & {".env", ".env*", "*.env", "**/.env", ".env.*"}),
                what=f"{shown} line '{keyword} {arguments}' copies the whole folder, and "
                ".dockerignore",
                expected="a .dockerignore that lists .env",
                actual="no .dockerignore" if not ignore.is_file() else "no .env line in it",
                help="'COPY . .' sends everything in the folder, your local .env included: "
                "list .env (and .venv, .git, tests) in .dockerignore, or copy only what the "
                "image needs." + STATIC_NOTE,
            )
    baked = [
        arguments
        for keyword, arguments in steps
        if keyword in ("ENV", "ARG") and re.search(r"SECRET_KEY\s*[= ]\s*\S", arguments)
    ]
    expect_true(
        not baked,
        what=f"{shown}",
        expected="no signing key set in the image",
        actual=f"sets {baked[0][:60]}" if baked else "",
        help="TASKHUB_SECRET_KEY comes from the environment the container runs in; an ENV "
        "line bakes it into every copy of the image." + STATIC_NOTE,
    )


# --- Compose ------------------------------------------------------------------------------


def _compose(learner: Learner) -> tuple[str, dict[str, dict[str, Any]]]:
    project = project_dir(learner)
    found = [name for name in COMPOSE_NAMES if (project / name).is_file()]
    if not found:
        raise NotStarted(
            f"{shown_project(learner)} has no Compose file yet (compose.yaml or "
            "docker-compose.yml)",
            help="Describe the stack in compose.yaml: PostgreSQL with a health check, a "
            "one-shot migration service and the API." + STATIC_NOTE,
        )
    shown = f"{shown_project(learner)}/{found[0]}"
    try:
        data = yaml.safe_load((project / found[0]).read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CheckFailure(
            f"{shown} is not valid YAML: {' '.join(str(error).split())[:200]}",
            expected="a YAML document",
            actual="a parse error",
            help="Indentation is the usual culprit: use spaces only, two per level, and "
            "quote values that contain ': '." + STATIC_NOTE,
        ) from None
    services = data.get("services") if isinstance(data, dict) else None
    if not isinstance(services, dict) or not services:
        raise CheckFailure(
            f"{shown} has no 'services' mapping",
            expected="a top-level 'services:' with the database and the API",
            actual=f"top-level keys {sorted(data) if isinstance(data, dict) else data!r}",
            help="A Compose file lists its containers under 'services:'." + STATIC_NOTE,
        )
    return shown, {str(k): v if isinstance(v, dict) else {} for k, v in services.items()}


def _command(service: dict[str, Any]) -> str:
    parts = []
    for key in ("entrypoint", "command"):
        value = service.get(key)
        if isinstance(value, list):
            parts.append(" ".join(str(v) for v in value))
        elif value is not None:
            parts.append(str(value))
    return " ".join(parts)


def _database(shown: str, services: dict[str, dict[str, Any]]) -> str:
    for name, service in services.items():
        if "postgres" in str(service.get("image", "")).lower():
            return name
    raise CheckFailure(
        f"{shown} has no PostgreSQL service",
        expected="a service with image: postgres:16 (or another postgres tag)",
        actual=f"services {sorted(services)}",
        help="Production runs on PostgreSQL: add a database service from the official "
        "postgres image, with a named volume for its data." + STATIC_NOTE,
    )


def _is_migration(service: dict[str, Any]) -> bool:
    command = _command(service)
    return "alembic" in command and "upgrade" in command and "uvicorn" not in command


def _api(shown: str, services: dict[str, dict[str, Any]], database: str) -> str:
    candidates = [
        name
        for name, service in services.items()
        if name != database and not _is_migration(service)
    ]

    def score(name: str) -> int:
        service = services[name]
        return (
            4 * ("uvicorn" in _command(service))
            + 2 * (name in ("api", "app", "web", "taskhub"))
            + bool(service.get("ports"))
            + bool(service.get("build"))
        )

    best = max(candidates, key=score, default=None)
    if best is not None and score(best) > 0:
        return best
    raise CheckFailure(
        f"{shown} has no API service",
        expected="a service that builds the image and publishes the API's port",
        actual=f"services {sorted(services)}",
        help="Add a service (api) with 'build: .' and 'ports: [\"8000:8000\"]'." + STATIC_NOTE,
    )


def _depends(service: dict[str, Any]) -> dict[str, str]:
    """``depends_on`` as ``{service: condition}`` (the short list form means 'started')."""
    value = service.get("depends_on") or {}
    if isinstance(value, list):
        return {str(name): "service_started" for name in value}
    if isinstance(value, dict):
        return {
            str(name): str((spec or {}).get("condition", "service_started"))
            if isinstance(spec, dict)
            else "service_started"
            for name, spec in value.items()
        }
    return {}


def test_compose_database(learner: Learner) -> None:
    """runs PostgreSQL in Compose with a health check"""
    shown, services = _compose(learner)
    database = _database(shown, services)
    check = services[database].get("healthcheck")
    expect_true(
        isinstance(check, dict) and bool(check.get("test")) and not check.get("disable"),
        what=f"the {database!r} service of {shown}",
        expected="a healthcheck whose test runs pg_isready",
        actual=f"healthcheck {check!r}" if check else "no healthcheck",
        help="A started container is not a ready database: give the service a healthcheck "
        "(pg_isready -U <user> -d <db>) so others can wait for 'service_healthy'." + STATIC_NOTE,
    )


def test_compose_startup_order(learner: Learner) -> None:
    """starts the API only after a healthy database and completed migrations"""
    shown, services = _compose(learner)
    database = _database(shown, services)
    api = _api(shown, services, database)
    needs = _depends(services[api])
    migrations = [
        name
        for name, condition in needs.items()
        if condition == "service_completed_successfully" and _is_migration(services.get(name, {}))
    ]
    runs_own = "alembic" in _command(services[api]) and "upgrade" in _command(services[api])
    expect_true(
        bool(migrations) or runs_own,
        what=f"the {api!r} service of {shown}",
        expected="depends_on a migration service (alembic upgrade head) with condition "
        "service_completed_successfully, or a command that runs alembic upgrade head first",
        actual=f"depends_on {needs}" if needs else "no depends_on",
        help="The schema must exist before the API serves: run the migrations as a one-shot "
        "service and make the API wait for it to finish successfully." + STATIC_NOTE,
    )
    healthy = needs.get(database) == "service_healthy" or any(
        _depends(services[name]).get(database) == "service_healthy" for name in migrations
    )
    expect_true(
        healthy,
        what=f"the {api!r} service of {shown}",
        expected=f"to wait for {database!r} with condition service_healthy (directly or "
        "through the migration service)",
        actual=f"depends_on {needs}" if needs else "no depends_on",
        help="The short form of depends_on only waits for the container to start, not for "
        "PostgreSQL to accept connections; use the long form with 'condition: "
        "service_healthy'." + STATIC_NOTE,
    )


def _environment(service: dict[str, Any]) -> dict[str, str | None]:
    value = service.get("environment") or {}
    if isinstance(value, list):
        pairs = [str(item).partition("=") for item in value]
        return {name: (rest if sep else None) for name, sep, rest in pairs}
    if isinstance(value, dict):
        return {str(k): None if v is None else str(v) for k, v in value.items()}
    return {}


def test_compose_secret(learner: Learner) -> None:
    """gives the API its signing key from the environment, not from the Compose file"""
    shown, services = _compose(learner)
    database = _database(shown, services)
    api = _api(shown, services, database)
    environment = _environment(services[api])
    literal = environment.get("TASKHUB_SECRET_KEY")
    expect_true(
        literal is None or "${" in literal,
        what=f"the {api!r} service of {shown}",
        expected="TASKHUB_SECRET_KEY taken from .env (env_file) or ${TASKHUB_SECRET_KEY}",
        actual=f"TASKHUB_SECRET_KEY: {literal[:12]}..." if literal else "",
        help="A key written in a committed file is a leaked key: read it from .env (which "
        "git ignores) or from the shell." + STATIC_NOTE,
    )
    expect_true(
        "TASKHUB_SECRET_KEY" in environment or bool(services[api].get("env_file")),
        what=f"the {api!r} service of {shown}",
        expected="an env_file (.env) or a TASKHUB_SECRET_KEY entry in its environment",
        actual="neither, so the API starts without a key",
        help="In production the settings refuse to start without a real key; pass it in "
        "with 'env_file: .env' or 'TASKHUB_SECRET_KEY: ${TASKHUB_SECRET_KEY}'." + STATIC_NOTE,
    )


# --- .env.example ---------------------------------------------------------------------------


@pytest.mark.requires("test_dockerfile")
def test_env_example(learner: Learner) -> None:
    """documents the settings in .env.example without a real secret, and git ignores .env"""
    project = project_dir(learner)
    shown = f"{shown_project(learner)}/.env.example"
    path = project / ".env.example"
    expect_true(
        path.is_file(),
        what=f"the project folder {shown_project(learner)}",
        expected="a .env.example file",
        actual="none",
        help="A reviewer copies .env.example to .env and fills it in: it lists every "
        "variable, with safe example values and comments.",
    )
    settings = settings_class(learner)
    prefix = str(settings.model_config.get("env_prefix", "TASKHUB_")).upper()
    known = {prefix + name.upper() for name in settings.model_fields}
    active: dict[str, str] = {}
    mentioned: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s*(#\s*)?(?:export\s+)?([A-Z][A-Z0-9_]*)\s*=(.*)$", line)
        if not match:
            continue
        name = match.group(2)
        mentioned.add(name)
        if match.group(1) is None:
            active[name] = match.group(3).strip().strip("'\"")
    needed = [
        prefix + name.upper()
        for name in ("environment", "database_url", "secret_key")
        if name in settings.model_fields
    ]
    missing = [name for name in needed if name not in active]
    expect_true(
        not missing,
        what=shown,
        expected=f"a line for each of {', '.join(needed)}",
        actual=f"no {', '.join(missing)}",
        help="List the variables a deployment must set (environment, database URL, signing "
        "key), then the optional ones with their defaults.",
    )
    unknown = sorted(n for n in mentioned if n.startswith(prefix) and n not in known)
    expect_true(
        not unknown,
        what=shown,
        expected="only variables that Settings reads",
        actual=f"{', '.join(unknown)}, which no Settings field reads",
        help=f"A misspelt variable is silently ignored: each {prefix}NAME must match a field "
        "of Settings in core/config.py (the name in upper case, after the prefix).",
    )
    secret = active.get(prefix + "SECRET_KEY", "")
    expect_true(
        len(secret) < 32 or any(word in secret.lower() for word in _PLACEHOLDER_WORDS),
        what=f"{prefix}SECRET_KEY in {shown}",
        expected="an empty value or an obvious placeholder",
        actual="a value that looks like a real key",
        help="The example file is committed: leave the key empty and say how to generate "
        "one; if a real key was ever committed, replace it.",
    )
    ignore = project / ".gitignore"
    ignored = ignore.is_file() and any(
        line.strip().lstrip("/") in (".env", ".env*", "*.env")
        for line in ignore.read_text(encoding="utf-8").splitlines()
    )
    expect_true(
        ignored,
        what=f"{shown_project(learner)}/.gitignore",
        expected="a line '.env', so the real file is never committed",
        actual="no such line" if ignore.is_file() else "no .gitignore",
        help="Keep .env in .gitignore; only .env.example belongs in the repository.",
    )


# --- README ---------------------------------------------------------------------------------


def _readme(learner: Learner) -> tuple[str, str]:
    shown = f"{shown_project(learner)}/README.md"
    text = _read_deliverable(
        learner,
        "README.md",
        help="Write the README as the project's front page: what TaskHub is, setup, the "
        "endpoints, a curl walk-through, the architecture and your decisions.",
    )
    if README_MARKER in text:
        raise NotStarted(
            f"{shown} is still the starter README",
            help="Replace the marked section of the starter README with your own, and remove "
            f"the line {README_MARKER}.",
        )
    return shown, text


def _headings(text: str) -> list[str]:
    return [line.lstrip("#").strip().lower() for line in text.splitlines() if line.startswith("#")]


def test_readme_sections(learner: Learner) -> None:
    """has a README with setup, architecture and decisions sections"""
    shown, text = _readme(learner)
    headings = _headings(text)
    wanted = {
        "setup": ("setup", "set up", "getting started", "quick start", "quickstart", "install"),
        "architecture": ("architecture", "structure", "design", "layout", "organi"),
        "decisions": ("decision", "trade-off", "tradeoff", "why "),
    }
    missing = [
        section
        for section, words in wanted.items()
        if not any(word in heading for heading in headings for word in words)
    ]
    expect_true(
        not missing,
        what=f"the headings of {shown}",
        expected="sections for setup, architecture and decisions",
        actual=f"no heading for {', '.join(missing)}",
        help="A reviewer looks for how to run it, how it is built and why: give each a "
        "heading (## Setup, ## Architecture, ## Decisions) so they find it at a glance.",
    )


def test_readme_endpoints_and_curl(learner: Learner) -> None:
    """lists the endpoints in a table and shows at least three curl examples"""
    shown, text = _readme(learner)
    rows = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("|"))
    paths = ("/auth/register", "/auth/token", "/me", "/tasks", "/tags")
    missing = [path for path in paths if path not in rows]
    expect_true(
        not missing,
        what=f"the tables of {shown}",
        expected=f"an endpoints table with rows for {', '.join(paths)}",
        actual=f"no row for {', '.join(missing)}",
        help="A Markdown table with one row per method and path (| Method | Path | ... |) "
        "tells a reader what the API offers without opening /docs.",
    )
    curls = len(re.findall(r"(?m)(^|[\s$(`])curl\s", text))
    expect_true(
        curls >= 3,
        what=shown,
        expected="at least three curl examples",
        actual=f"{curls}",
        help="Walk through a real session: register, log in to get a token, then create and "
        "list tasks with the Authorization header.",
    )
