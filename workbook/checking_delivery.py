"""Check vocabulary for delivery files: a Dockerfile, a Compose file, a GitHub Actions workflow.

Each file is parsed into plain records first, then judged by rules that return ``Problem``s
(the line, what is wrong, how to fix it); ``expect_no_problems`` turns the problems of one rule
into a failure that lists them. The rules know nothing about one project: the checks pass the
names they care about.

* ``parse_dockerfile`` reads instructions (continuation lines joined, comments and parser
  directives skipped, heredocs kept whole) into stages; ``dockerfile_problems`` judges the
  FROM lines (pinned by a tag or a digest), the stages (multi-stage), the final stage's USER
  (not root), secrets (ENV or ARG named like a secret, a ``.env`` copied, ``COPY .`` without a
  ``.dockerignore`` that lists ``.env``), the HEALTHCHECK and an exec-form CMD.
* ``load_compose`` validates a Compose file against ``ComposeFile``, a pydantic model of the
  subset of the Compose specification the workbook uses (unknown service keys are named, with
  the key that was probably meant), then ``compose_problems`` checks what the schema cannot:
  a service without an image or a build, ``depends_on`` naming a service that does not exist,
  a named volume that is not declared.
* ``load_workflow`` validates a GitHub Actions workflow (``Workflow``: triggers, jobs with
  ``runs-on`` and steps, each step either ``uses`` or ``run``), and ``workflow_problems``
  checks ``needs`` and that each job that runs commands checks the code out first.
  ``jobs_running`` finds the steps that run a tool (lint, tests, a build).
* ``docker_engine`` says whether a Docker engine answers here (``docker info``), and
  ``build_image`` and ``run_until_healthy`` build an image and wait for its health check.
  Without an engine the checks say so in their name (``names_docker``) and in the report.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import itertools
import json
import os
import re
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from workbook.checking import CheckFailure, NotStarted

__all__ = [
    "COMPOSE_NAMES",
    "ComposeFile",
    "ComposeService",
    "DockerEngine",
    "Dockerfile",
    "Instruction",
    "Problem",
    "ServerCommand",
    "Stage",
    "Workflow",
    "WorkflowJob",
    "WorkflowStep",
    "build_image",
    "compose_command",
    "compose_depends",
    "compose_environment",
    "compose_problems",
    "context_problems",
    "docker_engine",
    "dockerfile_problems",
    "dockerignore_lists",
    "expect_no_problems",
    "exposed_ports",
    "find_compose",
    "find_workflows",
    "healthcheck_url",
    "image_command",
    "load_compose",
    "load_workflow",
    "looks_secret",
    "names_docker",
    "parse_dockerfile",
    "read_compose",
    "read_deliverable",
    "read_dockerfile",
    "run_until_healthy",
    "server_command",
    "services_running",
    "services_with_image",
    "steps_running",
    "workflow_problems",
    "workflow_triggers",
]

# PyYAML ships no type information; only safe_load and YAMLError are used.
_yaml: Any = importlib.import_module("yaml")
_Test = TypeVar("_Test", bound=Callable[..., Any])

COMPOSE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: the rule it breaks, where, what, and how to fix it."""

    rule: str
    line: int | None
    message: str
    help: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


def expect_no_problems(
    problems: Iterable[Problem], *, rule: str, shown: str, expected: str
) -> None:
    """Fail when ``problems`` hold any of ``rule``: list them all, help from the first."""
    found = [problem for problem in problems if problem.rule == rule]
    if not found:
        return
    listed = "\n".join(f"    {problem}" for problem in found)
    raise CheckFailure(
        f"{shown}:\n{listed}",
        expected=expected,
        actual="; ".join(str(problem) for problem in found),
        help=found[0].help,
    )


def read_deliverable(project: Path, names: Sequence[str], *, shown_project: str, help: str) -> Path:
    """The first of ``names`` in ``project``; "not started" when none exists or it is empty."""
    for name in names:
        path = project / name
        if path.is_file():
            if not path.read_text(encoding="utf-8", errors="replace").strip():
                raise NotStarted(f"{shown_project}/{name} is empty", help=help)
            return path
    raise NotStarted(f"{shown_project}/{' or '.join(names)} does not exist yet", help=help)


# --- Dockerfile --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Instruction:
    """One instruction: its first line in the file, the keyword in upper case, the arguments."""

    line: int
    keyword: str
    arguments: str

    def __str__(self) -> str:
        return f"{self.keyword} {self.arguments}".strip()

    @property
    def flags(self) -> dict[str, str]:
        """The leading ``--name=value`` flags (``COPY --from=build``, ``FROM --platform=...``)."""
        found: dict[str, str] = {}
        for word in self.arguments.split():
            if not word.startswith("--"):
                break
            name, _, value = word[2:].partition("=")
            found[name] = value
        return found

    @property
    def words(self) -> list[str]:
        """The arguments without the leading flags: a JSON array's items, or shell words."""
        rest = self.arguments
        while rest.startswith("--"):
            rest = rest.split(None, 1)[1] if " " in rest.strip() else ""
        exec_form = exec_form_words(rest)
        if exec_form is not None:
            return exec_form
        try:
            return shlex.split(rest, comments=False)
        except ValueError:
            return rest.split()


def exec_form_words(arguments: str) -> list[str] | None:
    """The items of an exec-form (JSON array) argument list, or None for the shell form."""
    text = arguments.strip()
    if not text.startswith("["):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    return None


@dataclass
class Stage:
    """A build stage: its FROM instruction, its base image, its name (``AS``) and instructions."""

    index: int
    start: Instruction
    base: str
    name: str | None
    instructions: list[Instruction] = field(default_factory=list)

    def last(self, keyword: str) -> Instruction | None:
        """The last instruction ``keyword`` of the stage (the one that wins), or None."""
        found = [i for i in self.instructions if i.keyword == keyword]
        return found[-1] if found else None


@dataclass
class Dockerfile:
    """A parsed Dockerfile: the ARGs before the first FROM, every instruction and the stages."""

    instructions: list[Instruction]
    stages: list[Stage]
    global_args: dict[str, str]

    @property
    def final(self) -> Stage | None:
        return self.stages[-1] if self.stages else None


_DIRECTIVE = re.compile(r"^#\s*(syntax|escape|check)\s*=\s*(\S+)\s*$", re.IGNORECASE)
_HEREDOC = re.compile(r"<<-?\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?")


def parse_dockerfile(text: str) -> Dockerfile:
    """Parse a Dockerfile into instructions and stages (line numbers start at 1)."""
    lines = text.splitlines()
    escape = "\\"
    for raw in lines:  # parser directives come first, before any other line
        match = _DIRECTIVE.match(raw.strip())
        if not match:
            break
        if match.group(1).lower() == "escape":
            escape = match.group(2)
    instructions: list[Instruction] = []
    number = 0
    while number < len(lines):
        raw = lines[number].strip()
        number += 1
        if not raw or raw.startswith("#"):
            continue
        first = number
        parts: list[str] = []
        line = raw
        while line.endswith(escape):
            parts.append(line[: -len(escape)].strip())
            line = ""
            while number < len(lines):
                line = lines[number].strip()
                number += 1
                if line and not line.startswith("#"):
                    break
                line = ""
            if not line:
                break
        if line:
            parts.append(line)
        joined = " ".join(part for part in parts if part)
        heredoc = _HEREDOC.search(joined)
        if heredoc:  # RUN <<EOF ... EOF: the body belongs to this instruction
            body: list[str] = []
            while number < len(lines) and lines[number].strip() != heredoc.group(1):
                body.append(lines[number])
                number += 1
            number += 1
            joined = "\n".join([joined, *body])
        keyword, _, arguments = joined.partition(" ")
        instructions.append(Instruction(first, keyword.upper(), arguments.strip()))
    return _stages(instructions)


def _stages(instructions: list[Instruction]) -> Dockerfile:
    stages: list[Stage] = []
    global_args: dict[str, str] = {}
    for instruction in instructions:
        if instruction.keyword == "FROM":
            words = instruction.words
            base = words[0] if words else ""
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            stages.append(Stage(len(stages), instruction, base, name))
        elif stages:
            stages[-1].instructions.append(instruction)
        elif instruction.keyword == "ARG":
            for word in instruction.words:
                key, _, value = word.partition("=")
                global_args[key] = value
    return Dockerfile(instructions, stages, global_args)


_SECRET_WORDS = frozenset({"SECRET", "SECRETS", "PASSWORD", "PASSWORDS", "PASSWD", "TOKEN",
                           "TOKENS", "CREDENTIAL", "CREDENTIALS", "APIKEY"})
_KEY_KINDS = frozenset({"API", "PRIVATE", "ACCESS", "SIGNING", "ENCRYPTION"})


def looks_secret(name: str) -> bool:
    """Whether a variable name says it holds a secret: a word of it is SECRET, PASSWORD,
    TOKEN, CREDENTIALS..., or KEY after API, PRIVATE, ACCESS (``TOKENIZERS_PARALLELISM`` is
    not one)."""
    words = [word for word in re.split(r"[^A-Za-z0-9]+", name.upper()) if word]
    if any(word in _SECRET_WORDS for word in words):
        return True
    return any(kind in _KEY_KINDS and after == "KEY" for kind, after in itertools.pairwise(words))


_SAFE_ENV_SUFFIXES = (".example", ".sample", ".template", ".dist")


def _env_names(instruction: Instruction) -> list[str]:
    """The variable names an ENV or ARG instruction sets (``ENV a=1 b=2`` and ``ENV a 1``)."""
    words = instruction.words
    if instruction.keyword == "ENV" and words and "=" not in words[0]:
        return [words[0]]
    return [word.partition("=")[0] for word in words]


def _resolve(reference: str, args: Mapping[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        return args.get(name, "") or match.group(0)

    return re.sub(r"\$\{(\w+)(?::?[-+][^}]*)?\}|\$(\w+)", value, reference)


def image_pin(reference: str) -> Literal["digest", "tag", "latest", "none"]:
    """How an image reference is pinned: a digest, a tag, the moving ``latest`` tag, or nothing."""
    if "@" in reference:
        return "digest"
    last = reference.rsplit("/", 1)[-1]
    if ":" not in last:
        return "none"
    return "latest" if last.rsplit(":", 1)[1] == "latest" else "tag"


def dockerignore_lists(text: str | None, name: str) -> bool:
    """Whether a ``.dockerignore`` (its text, None when absent) keeps the file ``name`` out."""
    if text is None:
        return False
    kept_out = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        pattern = line.lstrip("!").lstrip("/").removeprefix("**/")
        if re.fullmatch(re.escape(pattern).replace(r"\*", "[^/]*"), name):
            kept_out = not negated
    return kept_out


def dockerfile_problems(dockerfile: Dockerfile, *, dockerignore: str | None) -> list[Problem]:
    """Every problem of the Dockerfile, in file order; ``dockerignore`` is its text (or None).

    Rules: ``stages`` (a FROM, two stages or more), ``pinned`` (base images pinned by a tag
    other than latest or by a digest), ``user`` (a non-root USER in the final stage),
    ``secrets`` (no secret-like ENV or ARG, no .env copied, ``COPY .`` only with a
    .dockerignore that lists .env), ``healthcheck`` (a HEALTHCHECK in the final stage) and
    ``command`` (CMD or ENTRYPOINT of the final stage in exec form).
    """
    problems: list[Problem] = []
    final = dockerfile.final
    if final is None:
        return [Problem("stages", None, "has no FROM instruction",
                        "A Dockerfile starts with FROM <base image>:<tag>.")]
    if len(dockerfile.stages) < 2:
        problems.append(Problem(
            "stages", final.start.line,
            f"{final.start} is the only stage: the image ships the build tools with the app",
            "Install the dependencies in a build stage (FROM ... AS build), then start a fresh "
            "runtime stage and COPY --from=build only what runs.",
        ))
    names = {stage.name for stage in dockerfile.stages if stage.name}
    for stage in dockerfile.stages:
        base = _resolve(stage.base, dockerfile.global_args)
        if base in names or base == "scratch":
            continue
        pin = image_pin(base)
        if pin in ("latest", "none"):
            why = "the moving tag 'latest'" if pin == "latest" else "no tag"
            problems.append(Problem(
                "pinned", stage.start.line,
                f"{stage.start} uses {why}: the next build may get another base image",
                "Pin the base image with a tag (python:3.11-slim) or a digest "
                "(python@sha256:...), so every build starts from the same image.",
            ))
    user = final.last("USER")
    account = user.words[0].split(":")[0] if user and user.words else ""
    if user is None:
        problems.append(Problem(
            "user", final.start.line,
            f"the final stage ({final.start}) has no USER: the container runs as root",
            "Create an unprivileged user in the final stage (useradd --system app) and switch "
            "to it with USER app before CMD.",
        ))
    elif account in ("root", "0"):
        problems.append(Problem(
            "user", user.line, f"{user} runs the container as root",
            "Switch to an unprivileged user (USER app) after the steps that need root.",
        ))
    for instruction in dockerfile.instructions:
        if instruction.keyword in ("ENV", "ARG"):
            for name in _env_names(instruction):
                if looks_secret(name):
                    problems.append(Problem(
                        "secrets", instruction.line,
                        f"{instruction.keyword} {name} puts a secret into the image",
                        "Anyone who pulls the image reads its ENV and ARG values (docker "
                        "history, docker inspect): give secrets at run time (environment, "
                        "env_file, the platform's settings) or to RUN with --mount=type=secret.",
                    ))
        if instruction.keyword not in ("COPY", "ADD") or "from" in instruction.flags:
            continue
        sources = instruction.words[:-1]
        for source in sources:
            name = Path(source).name
            if name.startswith(".env") and not name.endswith(_SAFE_ENV_SUFFIXES):
                problems.append(Problem(
                    "secrets", instruction.line, f"{instruction} copies {source} into the image",
                    "Secrets reach the container at run time, never inside the image, where "
                    "anyone who pulls it can read them: remove the .env from the COPY.",
                ))
            elif source in (".", "./") and not dockerignore_lists(dockerignore, ".env"):
                where = "no .dockerignore" if dockerignore is None else "its .dockerignore"
                problems.append(Problem(
                    "secrets", instruction.line,
                    f"{instruction} copies the whole folder, and {where} does not list .env",
                    "'COPY . .' sends everything in the folder, a local .env included: list "
                    ".env (and .venv, .git) in .dockerignore, or copy only what the image needs.",
                ))
    check = final.last("HEALTHCHECK")
    if check is None or check.arguments.upper().startswith("NONE"):
        problems.append(Problem(
            "healthcheck", check.line if check else final.start.line,
            f"the final stage ({final.start}) has no HEALTHCHECK",
            "Add HEALTHCHECK CMD ... that asks the app's liveness route, so Docker (and "
            "Compose, and the platform) know when the container is healthy.",
        ))
    command = final.last("CMD") or final.last("ENTRYPOINT")
    if command is None:
        problems.append(Problem(
            "command", final.start.line, f"the final stage ({final.start}) has no CMD",
            "End with CMD [\"uvicorn\", ...] in exec form: the command the container runs.",
        ))
    elif exec_form_words(command.arguments) is None:
        problems.append(Problem(
            "command", command.line,
            f"{command.keyword} is in shell form: the app runs under /bin/sh and never "
            "receives SIGTERM",
            f"Write it as a JSON array: {command.keyword} [\"uvicorn\", \"...\"], so the app "
            "is process 1 and stops cleanly on docker stop.",
        ))
    return problems


# --- Compose -----------------------------------------------------------------------------------

#: Every key the Compose specification allows in a service (for unknown-key messages).
_SERVICE_KEYS_TEXT = """
    annotations attach blkio_config build cap_add cap_drop cgroup cgroup_parent command configs
    container_name cpu_count cpu_percent cpu_period cpu_quota cpu_rt_period cpu_rt_runtime
    cpu_shares cpus cpuset credential_spec depends_on deploy develop device_cgroup_rules devices
    dns dns_opt dns_search domainname driver_opts entrypoint env_file environment expose extends
    external_links extra_hosts gpus group_add healthcheck hostname image init ipc isolation
    labels label_file links logging mac_address mem_limit mem_reservation mem_swappiness
    memswap_limit models network_mode networks oom_kill_disable oom_score_adj pid pids_limit
    platform ports post_start pre_stop privileged profiles provider pull_policy read_only
    restart runtime scale secrets security_opt shm_size stdin_open stop_grace_period
    stop_signal storage_opt sysctls tmpfs tty ulimits use_api_socket user userns_mode uts
    volumes volumes_from working_dir
"""
COMPOSE_SERVICE_KEYS = frozenset(_SERVICE_KEYS_TEXT.split())
_COMPOSE_TOP_KEYS = ("version", "name", "services", "volumes", "networks", "configs", "secrets",
                     "include", "models")

Condition = Literal["service_started", "service_healthy", "service_completed_successfully"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ComposeHealthcheck(_Strict):
    test: str | list[str] | None = None
    interval: str | None = None
    timeout: str | None = None
    retries: int | None = None
    start_period: str | None = None
    start_interval: str | None = None
    disable: bool | None = None

    @field_validator("test")
    @classmethod
    def _test_form(cls, value: str | list[str] | None) -> str | list[str] | None:
        if isinstance(value, list) and value and value[0] not in ("NONE", "CMD", "CMD-SHELL"):
            raise ValueError("a list test starts with CMD, CMD-SHELL or NONE")
        return value


class ComposeDependency(_Strict):
    condition: Condition = "service_started"
    restart: bool | None = None
    required: bool | None = None


class ComposeBuild(BaseModel):
    model_config = ConfigDict(extra="allow")
    context: str = "."
    dockerfile: str | None = None
    target: str | None = None
    args: dict[str, str | int | float | bool | None] | list[str] | None = None


class ComposePort(_Strict):
    target: int
    published: str | int | None = None
    host_ip: str | None = None
    protocol: str | None = None
    mode: str | None = None
    name: str | None = None
    app_protocol: str | None = None


class ComposeEnvFile(_Strict):
    path: str
    required: bool = True
    format: str | None = None


Scalar = str | int | float | bool | None


class ComposeService(BaseModel):
    """A service: the keys the workbook reads are typed, the other Compose keys pass."""

    model_config = ConfigDict(extra="allow")
    image: str | None = None
    build: str | ComposeBuild | None = None
    command: str | list[str] | None = None
    entrypoint: str | list[str] | None = None
    environment: dict[str, Scalar] | list[str] | None = None
    env_file: str | list[str | ComposeEnvFile] | None = None
    ports: list[str | int | ComposePort] | None = None
    depends_on: list[str] | dict[str, ComposeDependency] | None = None
    healthcheck: ComposeHealthcheck | None = None
    volumes: list[str | dict[str, Any]] | None = None
    restart: str | bool | None = None  # YAML 1.1 reads an unquoted no as False
    user: str | int | None = None

    @field_validator("restart")
    @classmethod
    def _restart_policy(cls, value: str | bool | None) -> str | bool | None:
        if isinstance(value, str) and not re.fullmatch(
            r"no|always|unless-stopped|on-failure(:\d+)?", value
        ):
            raise ValueError("restart is one of no, always, on-failure[:N], unless-stopped")
        if value is True:
            raise ValueError("restart is one of no, always, on-failure[:N], unless-stopped")
        return value


class ComposeFile(BaseModel):
    """The subset of the Compose specification the workbook reads (``x-`` keys allowed)."""

    model_config = ConfigDict(extra="allow")
    version: str | None = None
    name: str | None = None
    services: dict[str, ComposeService] = Field(min_length=1)
    volumes: dict[str, dict[str, Any] | None] | None = None
    networks: dict[str, dict[str, Any] | None] | None = None
    configs: dict[str, Any] | None = None
    secrets: dict[str, Any] | None = None


_UNION_TAGS = frozenset({"str", "int", "float", "bool", "none", "dict", "list"})


def _location(loc: Sequence[int | str]) -> str:
    """A pydantic error location as a path (``services.api.ports[0]``), without the names
    pydantic gives to the members of a union it tried."""
    shown = ""
    for part in loc:
        if isinstance(part, int):
            shown += f"[{part}]"
        elif part in _UNION_TAGS or "[" in part or part in _MODEL_NAMES:
            continue
        else:
            shown += f".{part}" if shown else part
    return shown


def _validation_lines(error: ValidationError) -> list[str]:
    """One line per wrong value. When a union's members all refuse a value, pydantic reports
    each; a wrong type is shown only where no member got further into the value."""
    found = [(_location(item["loc"]), item["msg"], item["type"].endswith("_type"))
             for item in error.errors()]
    deeper = {path for path, _msg, wrong_type in found if not wrong_type}
    lines: dict[str, list[str]] = {}
    for path, message, wrong_type in found:
        if wrong_type and any(other.startswith(path) and other != path for other in deeper):
            continue
        if wrong_type and path in deeper:
            continue
        kept = lines.setdefault(path, [])
        if message not in kept:
            kept.append(message.removeprefix("Input should be ") if kept else message)
    return [f"{path}: {', or '.join(messages)}" for path, messages in lines.items()]


def _load_yaml(path: Path, shown: str) -> Any:
    try:
        return _yaml.safe_load(path.read_text(encoding="utf-8"))
    except _yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or " ".join(str(error).split())
        raise CheckFailure(
            f"{shown} is not valid YAML{where}: {problem}",
            expected="a YAML document",
            actual="a parse error",
            help="Indentation is the usual culprit: spaces only, the same number per level, "
            "and quotes around values that contain ': '.",
        ) from None


_MODEL_NAMES = frozenset({
    "ComposeHealthcheck", "ComposeDependency", "ComposeBuild", "ComposePort", "ComposeEnvFile",
    "ComposeService", "WorkflowStep", "WorkflowService", "WorkflowJob",
})


def find_compose(project: Path) -> Path | None:
    """The project's Compose file (``compose.yaml``, ``docker-compose.yml``, ...), or None."""
    return next((project / n for n in COMPOSE_NAMES if (project / n).is_file()), None)


def load_compose(path: Path, shown: str) -> ComposeFile:
    """Read and validate a Compose file; a failure lists every key that breaks the schema."""
    data = _load_yaml(path, shown)
    if not isinstance(data, dict):
        raise CheckFailure(
            f"{shown} is not a mapping of keys (it holds {type(data).__name__})",
            expected="top-level keys such as services: and volumes:",
            actual=type(data).__name__,
            help="A Compose file is a YAML mapping whose main key is services:.",
        )
    lines = [
        f"{key}: not a Compose key" + _did_you_mean(str(key), _COMPOSE_TOP_KEYS)
        for key in data
        if key not in _COMPOSE_TOP_KEYS and not str(key).startswith("x-")
    ]
    for name, service in (data.get("services") or {}).items():
        if isinstance(service, dict):
            lines += [
                f"services.{name}.{key}: not a Compose service key"
                + _did_you_mean(str(key), COMPOSE_SERVICE_KEYS)
                for key in service
                if key not in COMPOSE_SERVICE_KEYS and not str(key).startswith("x-")
            ]
    try:
        compose = ComposeFile.model_validate(data)
    except ValidationError as error:
        lines += _validation_lines(error)
        compose = None
    if lines or compose is None:
        listed = "\n".join(f"    {line}" for line in lines)
        raise CheckFailure(
            f"{shown} does not follow the Compose format:\n{listed}",
            expected="a file docker compose accepts",
            actual="; ".join(lines),
            help="docker compose config prints the same complaints: fix the keys it names "
            "(a misspelt key is not ignored, it stops the whole stack).",
        )
    return compose


def _did_you_mean(key: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.75)
    return f" (did you mean {close[0]}?)" if close else ""


def compose_command(service: ComposeService) -> str:
    """The service's entrypoint and command as one line of text."""
    parts = []
    for value in (service.entrypoint, service.command):
        if isinstance(value, list):
            parts.append(" ".join(value))
        elif value:
            parts.append(value)
    return " ".join(parts)


def compose_depends(service: ComposeService) -> dict[str, Condition]:
    """``depends_on`` as ``{service: condition}``; the short list form means ``service_started``."""
    if isinstance(service.depends_on, list):
        return dict.fromkeys(service.depends_on, "service_started")
    return {name: spec.condition for name, spec in (service.depends_on or {}).items()}


def compose_environment(service: ComposeService) -> dict[str, str | None]:
    """The service's ``environment`` as ``{name: value}`` (None: taken from the shell)."""
    value = service.environment
    if isinstance(value, list):
        pairs = [item.partition("=") for item in value]
        return {name: (rest if sep else None) for name, sep, rest in pairs}
    return {k: None if v is None else str(v) for k, v in (value or {}).items()}


def compose_problems(compose: ComposeFile) -> list[Problem]:
    """What the schema cannot see: an image or a build per service, dependencies, volumes.

    Rules: ``image`` (each service has an image or a build), ``depends`` (depends_on names
    services of the file), ``volumes`` (a named volume is declared under the top-level
    ``volumes:``).
    """
    problems: list[Problem] = []
    declared = set(compose.volumes or {})
    for name, service in compose.services.items():
        if not service.image and service.build is None:
            problems.append(Problem(
                "image", None, f"service {name!r} has neither image: nor build:",
                "Every service runs an image: name one (image: postgres:16) or build it "
                "(build: .).",
            ))
        for needed in compose_depends(service):
            if needed not in compose.services:
                problems.append(Problem(
                    "depends", None,
                    f"service {name!r} depends on {needed!r}, which is not a service of the file",
                    "depends_on names other services of the same file; check the spelling.",
                ))
        for volume in service.volumes or []:
            source = (
                volume.split(":", 1)[0] if isinstance(volume, str) and ":" in volume
                else str(volume.get("source", "")) if isinstance(volume, dict)
                and volume.get("type", "volume") == "volume" else ""
            )
            if source and not source.startswith((".", "/", "~", "$")) and source not in declared:
                problems.append(Problem(
                    "volumes", None,
                    f"service {name!r} mounts the volume {source!r}, which is not declared",
                    f"Declare named volumes at the top level: volumes: {{{source}: {{}}}}.",
                ))
    return problems


# --- GitHub Actions ----------------------------------------------------------------------------


class WorkflowStep(BaseModel):
    """A step: an action (``uses``) or commands (``run``), never both."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    id: str | None = None
    name: str | None = None
    uses: str | None = None
    run: str | None = None
    with_: dict[str, Scalar] | None = Field(default=None, alias="with")
    env: dict[str, Scalar] | str | None = None
    if_: str | bool | None = Field(default=None, alias="if")
    shell: str | None = None
    working_directory: str | None = Field(default=None, alias="working-directory")
    continue_on_error: bool | str | None = Field(default=None, alias="continue-on-error")
    timeout_minutes: int | float | str | None = Field(default=None, alias="timeout-minutes")

    @field_validator("uses")
    @classmethod
    def _pinned_action(cls, value: str | None) -> str | None:
        if value and not value.startswith(("./", "docker://")) and "@" not in value:
            raise ValueError(f"{value!r} names no version: write {value}@v4 (a tag or a commit)")
        return value

    @model_validator(mode="after")
    def _uses_or_run(self) -> WorkflowStep:
        if (self.uses is None) == (self.run is None):
            raise ValueError("a step has either uses: or run:, exactly one of them")
        return self


class WorkflowService(BaseModel):
    model_config = ConfigDict(extra="forbid")
    image: str
    env: dict[str, Scalar] | None = None
    ports: list[str | int] | None = None
    options: str | None = None
    volumes: list[str] | None = None
    credentials: dict[str, str] | None = None


class WorkflowJob(BaseModel):
    """A job: where it runs, its service containers and its steps."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)
    name: str | None = None
    runs_on: str | list[str] | dict[str, Any] = Field(alias="runs-on")
    needs: str | list[str] | None = None
    services: dict[str, WorkflowService] | None = None
    env: dict[str, Scalar] | str | None = None
    steps: list[WorkflowStep] = Field(min_length=1)

    @property
    def needed(self) -> list[str]:
        return [self.needs] if isinstance(self.needs, str) else list(self.needs or [])


class Workflow(BaseModel):
    """A GitHub Actions workflow file."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)
    name: str | None = None
    on: str | list[str] | dict[str, Any]
    env: dict[str, Scalar] | None = None
    jobs: dict[str, WorkflowJob] = Field(min_length=1)


def find_workflows(project: Path) -> list[Path]:
    """Workflow files GitHub would run for ``project``.

    Those of ``<project>/.github/workflows`` when the project is its own repository; otherwise
    those of the repository around it that mention the project's folder (``working-directory:
    capstone``), since GitHub only reads the workflows at a repository's root.
    """
    def listed(folder: Path) -> list[Path]:
        return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yml", ".yaml"))

    own = listed(project / ".github" / "workflows")
    if own:
        return own
    for parent in project.resolve().parents:
        folder = parent / ".github" / "workflows"
        if folder.is_dir():
            relative = project.resolve().relative_to(parent).as_posix()
            return [
                p for p in listed(folder)
                if re.search(rf"(?<![\w.-]){re.escape(relative)}(?![\w.-])",
                             p.read_text(encoding="utf-8", errors="replace"))
            ]
        if (parent / ".git").exists():
            break
    return []


def load_workflow(path: Path, shown: str) -> Workflow:
    """Read and validate a workflow; a failure lists every key that breaks the structure."""
    data = _load_yaml(path, shown)
    if isinstance(data, dict) and True in data and "on" not in data:
        data["on"] = data.pop(True)  # YAML 1.1 reads the key on as the boolean true
    try:
        return Workflow.model_validate(data)
    except ValidationError as error:
        lines = _validation_lines(error)
        listed = "\n".join(f"    {line}" for line in lines)
        raise CheckFailure(
            f"{shown} is not a valid GitHub Actions workflow:\n{listed}",
            expected="on:, and jobs: whose jobs each have runs-on: and steps:",
            actual="; ".join(lines),
            help="GitHub refuses a workflow it cannot read and runs nothing: fix the keys "
            "named above (the Actions tab shows the same error on the commit).",
        ) from None


def workflow_triggers(workflow: Workflow) -> list[str]:
    """The events that start the workflow (``push``, ``pull_request``, ...)."""
    if isinstance(workflow.on, str):
        return [workflow.on]
    return [str(event) for event in workflow.on]


def workflow_problems(workflow: Workflow) -> list[Problem]:
    """Rules: ``needs`` (a job needs only jobs of the file), ``checkout`` (a job that runs
    commands checks the code out first)."""
    problems: list[Problem] = []
    for name, job in workflow.jobs.items():
        for needed in job.needed:
            if needed not in workflow.jobs:
                problems.append(Problem(
                    "needs", None, f"job {name!r} needs {needed!r}, which is not a job of the file",
                    "needs: names other jobs of the same workflow; check the spelling.",
                ))
        first_run = next((i for i, step in enumerate(job.steps) if step.run), None)
        checkout = next(
            (i for i, step in enumerate(job.steps)
             if step.uses and step.uses.split("@")[0] == "actions/checkout"), None
        )
        if first_run is not None and (checkout is None or checkout > first_run):
            problems.append(Problem(
                "checkout", None,
                f"job {name!r} runs commands before checking out the code",
                "A job starts on an empty machine: make its first step "
                "uses: actions/checkout@v4.",
            ))
    return problems


def _step_text(step: WorkflowStep) -> str:
    return " ".join(filter(None, [step.uses, step.run]))


def steps_running(
    workflow: Workflow, patterns: Sequence[str]
) -> list[tuple[str, WorkflowJob, WorkflowStep]]:
    """``(job name, job, step)`` for every step whose ``uses`` or ``run`` matches a pattern.

    Patterns are regular expressions searched in the step's text (``r"\\bpytest\\b"``).
    """
    return [
        (name, job, step)
        for name, job in workflow.jobs.items()
        for step in job.steps
        if any(re.search(pattern, _step_text(step)) for pattern in patterns)
    ]


# --- Docker engine -----------------------------------------------------------------------------

SKIP_DOCKER_VARIABLE = "WORKBOOK_SKIP_DOCKER"


@dataclass(frozen=True)
class DockerEngine:
    """A Docker engine that answered ``docker info``, or why there is none (``version`` None)."""

    version: str | None
    reason: str = ""

    @property
    def available(self) -> bool:
        return self.version is not None


@functools.cache
def docker_engine() -> DockerEngine:
    """Whether a Docker engine answers here (asked once per process)."""
    if os.environ.get(SKIP_DOCKER_VARIABLE, "").strip().lower() in ("1", "true", "yes"):
        return DockerEngine(None, f"{SKIP_DOCKER_VARIABLE} is set")
    docker = shutil.which("docker")
    if docker is None:
        return DockerEngine(None, "the docker command is not installed")
    try:
        answer = subprocess.run(
            [docker, "info", "--format", "{{.ServerVersion}}"],
            capture_output=True, text=True, timeout=15, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return DockerEngine(None, f"docker info failed: {error}")
    version = answer.stdout.strip()
    if answer.returncode != 0 or not version:
        first = (answer.stderr.strip().splitlines() or ["no answer"])[0]
        return DockerEngine(None, f"docker info: {first}")
    return DockerEngine(version)


def names_docker(test: _Test) -> _Test:
    """Append to a check's name whether the image was really built: ``(Docker 28.2)`` or
    ``(no Docker engine here: not built)``."""
    engine = docker_engine()
    doc = (test.__doc__ or test.__name__.removeprefix("test_").replace("_", " ")).strip()
    first, _, rest = doc.partition("\n")
    suffix = f"Docker {engine.version}" if engine.available else "no Docker engine here: not built"
    test.__doc__ = f"{first} ({suffix})" + (f"\n{rest}" if rest else "")
    return test


def _docker(arguments: Sequence[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [shutil.which("docker") or "docker", *arguments],
        capture_output=True, text=True, timeout=timeout, check=False,
    )


def _tail(text: str, lines: int = 12) -> str:
    kept = text.strip().splitlines()[-lines:]
    return "\n".join(f"    {line}" for line in kept) or "    (no output)"


def build_image(context: Path, *, shown: str, timeout: float = 600) -> str:
    """``docker build`` the folder ``context``; the image's tag, or a failure with the log's end."""
    tag = f"workbook-check-{uuid.uuid4().hex[:10]}"
    try:
        result = _docker(["build", "--quiet", "--tag", tag, str(context)], timeout=timeout)
    except subprocess.TimeoutExpired:
        raise CheckFailure(
            f"docker build {shown} did not finish within {timeout:g} s",
            expected="an image",
            actual="still building",
            help="A build that long usually downloads on every run: copy the dependency files "
            "and install them before copying the sources, so the layer is cached.",
        ) from None
    if result.returncode != 0:
        raise CheckFailure(
            f"docker build {shown} failed (exit {result.returncode}):\n{_tail(result.stderr)}",
            expected="the image builds",
            actual=f"exit status {result.returncode}",
            help="Run the same docker build yourself and read the first error from the top: "
            "usually a file the COPY expects that .dockerignore leaves out, or a missing lock.",
        )
    return tag


def run_until_healthy(
    image: str, *, environment: Mapping[str, str], timeout: float = 90, shown: str
) -> float:
    """Start ``image`` and wait until its HEALTHCHECK says healthy; the seconds it took.

    The container is removed afterwards. A container that exits or turns unhealthy fails
    with the end of its log.
    """
    name = f"{image}-run"
    command = ["run", "--detach", "--name", name]
    for key, value in environment.items():
        command += ["--env", f"{key}={value}"]
    begin = time.monotonic()
    status = ""
    try:
        started = _docker([*command, image], timeout=60)
        if started.returncode != 0:
            raise CheckFailure(
                f"docker run {shown} failed: {_tail(started.stderr, 3).strip()}",
                expected="the container starts",
                actual=f"exit status {started.returncode}",
                help="Read the error above: docker run says why it could not start the container.",
            )
        while time.monotonic() - begin < timeout:
            answer = _docker(
                ["inspect", "--format", "{{.State.Status}} {{if .State.Health}}"
                 "{{.State.Health.Status}}{{else}}none{{end}}", name], timeout=15,
            )
            state, _, status = answer.stdout.strip().partition(" ")
            if status == "healthy":
                return time.monotonic() - begin
            if state in ("exited", "dead") or status in ("unhealthy", "none"):
                break
            time.sleep(1)
        logs = _docker(["logs", "--tail", "20", name], timeout=15)
        raise CheckFailure(
            f"the container of {shown} is {status or 'not healthy'} after "
            f"{time.monotonic() - begin:.0f} s; its log ends with:\n"
            f"{_tail(logs.stdout + logs.stderr)}",
            expected="health status 'healthy'",
            actual=status or "no health status",
            help="docker logs shows why: a setting the app refuses to start without, a port "
            "other than the one the HEALTHCHECK asks, or a health command missing from the "
            "slim image.",
        )
    finally:
        _docker(["rm", "--force", name], timeout=30)
        _docker(["image", "rm", "--force", image], timeout=60)


# --- reading a project's delivery files --------------------------------------------------------


def read_dockerfile(
    project: Path, *, shown_project: str, help: str
) -> tuple[str, Dockerfile, str | None]:
    """``(shown path, parsed Dockerfile, .dockerignore text or None)``; "not started" when the
    project has no Dockerfile yet."""
    path = read_deliverable(project, ["Dockerfile"], shown_project=shown_project, help=help)
    ignore = project / ".dockerignore"
    ignored = ignore.read_text(encoding="utf-8", errors="replace") if ignore.is_file() else None
    dockerfile = parse_dockerfile(path.read_text(encoding="utf-8", errors="replace"))
    return f"{shown_project}/Dockerfile", dockerfile, ignored


def read_compose(project: Path, *, shown_project: str, help: str) -> tuple[str, ComposeFile]:
    """``(shown path, validated Compose file)``; "not started" when there is none yet."""
    path = read_deliverable(project, COMPOSE_NAMES, shown_project=shown_project, help=help)
    shown = f"{shown_project}/{path.name}"
    return shown, load_compose(path, shown)


def services_with_image(compose: ComposeFile, word: str) -> list[str]:
    """The services whose image name contains ``word`` (``postgres``, ``redis``)."""
    return [
        name for name, service in compose.services.items()
        if word in (service.image or "").lower().rsplit("/", 1)[-1].split(":")[0]
    ]


def services_running(compose: ComposeFile, *patterns: str) -> list[str]:
    """The services whose entrypoint and command match every regular expression of ``patterns``."""
    return [
        name for name, service in compose.services.items()
        if all(re.search(pattern, compose_command(service)) for pattern in patterns)
    ]


# --- what the image runs -------------------------------------------------------------------------


@dataclass(frozen=True)
class ServerCommand:
    """An ASGI server's command line: the ``module:attribute`` it serves, and how."""

    server: str
    target: str
    factory: bool
    host: str
    port: int


_SERVERS = ("uvicorn", "gunicorn", "hypercorn", "granian")
_TARGET = re.compile(r"[\w.]+:[\w.()]+")


def server_command(words: Sequence[str]) -> ServerCommand | None:
    """Read ``uvicorn [--factory] module:attr --host H --port P`` (or gunicorn, hypercorn,
    ``python -m uvicorn``); None when the words start no known server."""
    names = [Path(word).name for word in words]
    start = next((i for i, name in enumerate(names) if name in _SERVERS), None)
    if start is None:
        return None
    server, rest = names[start], list(words[start + 1:])
    target, factory, host, port = "", False, "127.0.0.1", 8000
    index = 0
    while index < len(rest):
        word = rest[index]
        value = rest[index + 1] if index + 1 < len(rest) else ""
        name, _, inline = word.partition("=")
        if name == "--factory":
            factory = True
        elif name in ("--host", "--port", "--bind", "-b"):
            given = inline or value
            index += 0 if inline else 1
            if name == "--port" and given.isdigit():
                port = int(given)
            elif name == "--host":
                host = given
            else:  # gunicorn's --bind host:port
                bind_host, _, bind_port = given.rpartition(":")
                host, port = bind_host or host, int(bind_port) if bind_port.isdigit() else port
        elif word.startswith("-"):  # another option: skip its value when it has one
            takes_value = not inline and value and not value.startswith("-")
            index += 1 if takes_value and not _TARGET.fullmatch(value) else 0
        elif not target and _TARGET.fullmatch(word):
            target = word
        index += 1
    return ServerCommand(server, target, factory, host, port)


def image_command(dockerfile: Dockerfile) -> list[str]:
    """The final stage's ENTRYPOINT and CMD words, as the container runs them."""
    final = dockerfile.final
    if final is None:
        return []
    words: list[str] = []
    for keyword in ("ENTRYPOINT", "CMD"):
        instruction = final.last(keyword)
        if instruction is not None:
            words += instruction.words
    return words


def exposed_ports(dockerfile: Dockerfile) -> list[int]:
    """The ports the final stage EXPOSEs."""
    final = dockerfile.final
    ports: list[int] = []
    for instruction in final.instructions if final else []:
        if instruction.keyword == "EXPOSE":
            ports += [int(w.split("/")[0]) for w in instruction.words if w.split("/")[0].isdigit()]
    return ports


def healthcheck_url(dockerfile: Dockerfile) -> tuple[int, str] | None:
    """``(port, path)`` of the URL the final stage's HEALTHCHECK asks, or None without a URL."""
    final = dockerfile.final
    check = final.last("HEALTHCHECK") if final else None
    if check is None:
        return None
    match = re.search(r"https?://(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::(\d+))?"
                      r"(/[^\s'\"),]*)?", check.arguments)
    if match is None:
        return None
    return int(match.group(1) or 80), match.group(2) or "/"


def context_problems(
    dockerfile: Dockerfile, project: Path, *, dockerignore: str | None
) -> list[Problem]:
    """Rule ``context``: each file a COPY or ADD takes from the build context exists and is
    not left out by ``.dockerignore``."""
    problems: list[Problem] = []
    for instruction in dockerfile.instructions:
        if instruction.keyword not in ("COPY", "ADD") or "from" in instruction.flags:
            continue
        for source in instruction.words[:-1]:
            if "://" in source or any(c in source for c in "*?[$"):
                continue
            relative = source.lstrip("./").rstrip("/") or "."
            if relative != "." and not (project / relative).exists():
                problems.append(Problem(
                    "context", instruction.line, f"{instruction} copies {source}, which does "
                    "not exist in the project", "Copy only files the project has (check the "
                    "spelling and the folder the build runs in: the project folder)."))
            elif relative != "." and dockerignore_lists(dockerignore, relative):
                problems.append(Problem(
                    "context", instruction.line, f"{instruction} copies {source}, which "
                    ".dockerignore leaves out of the build", "Remove the line from "
                    ".dockerignore, or stop copying the file: the build fails on it."))
    return problems
