"""The delivery vocabulary: Dockerfiles, Compose files and workflows, each broken in one way,
get the exact message; the Docker engine path is run against a stand-in docker command."""

from __future__ import annotations

import os
import stat
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.checking import CheckFailure, NotStarted
from workbook.checking_delivery import (
    SKIP_DOCKER_VARIABLE,
    build_image,
    compose_depends,
    compose_environment,
    compose_problems,
    context_problems,
    docker_engine,
    dockerfile_problems,
    dockerignore_lists,
    expect_no_problems,
    exposed_ports,
    find_workflows,
    healthcheck_url,
    image_command,
    image_pin,
    load_compose,
    load_workflow,
    looks_secret,
    names_docker,
    parse_dockerfile,
    read_deliverable,
    run_until_healthy,
    server_command,
    services_running,
    services_with_image,
    steps_running,
    workflow_problems,
    workflow_triggers,
)

GOOD_DOCKERFILE = """\
# syntax=docker/dockerfile:1
FROM python:3.11-slim AS build
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN pip install uv \\
    && uv sync --frozen --no-dev
COPY src ./src

FROM python:3.11-slim AS runtime
RUN useradd --system app
COPY --from=build /app/.venv /app/.venv
COPY alembic.ini ./
ENV PATH="/app/.venv/bin:$PATH" PYTHONUNBUFFERED=1
USER app
EXPOSE 8000
HEALTHCHECK --interval=10s \\
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"]
CMD ["uvicorn", "--factory", "app.main:build", "--host", "0.0.0.0", "--port", "8000"]
"""


def _messages(text: str, *, dockerignore: str | None = ".env\n") -> list[str]:
    return [str(p) for p in dockerfile_problems(parse_dockerfile(text), dockerignore=dockerignore)]


def _replace(old: str, new: str) -> str:
    assert old in GOOD_DOCKERFILE
    return GOOD_DOCKERFILE.replace(old, new)


# --- Dockerfile ---------------------------------------------------------------------------------


def test_a_good_dockerfile_has_no_problem() -> None:
    assert _messages(GOOD_DOCKERFILE) == []


def test_instructions_join_continuation_lines_and_keep_their_first_line() -> None:
    dockerfile = parse_dockerfile(GOOD_DOCKERFILE)
    run = dockerfile.instructions[3]
    assert (run.line, run.keyword, run.arguments) == (
        5, "RUN", "pip install uv && uv sync --frozen --no-dev")
    assert [(s.base, s.name) for s in dockerfile.stages] == [
        ("python:3.11-slim", "build"), ("python:3.11-slim", "runtime")]
    assert image_command(dockerfile)[:3] == ["uvicorn", "--factory", "app.main:build"]
    assert exposed_ports(dockerfile) == [8000]
    assert healthcheck_url(dockerfile) == (8000, "/healthz")


def test_a_heredoc_belongs_to_its_instruction() -> None:
    dockerfile = parse_dockerfile(
        "FROM python:3.11-slim\nRUN <<EOF\napt-get update\nUSER root\nEOF\nUSER app\n")
    assert [i.keyword for i in dockerfile.instructions] == ["FROM", "RUN", "USER"]
    assert dockerfile.instructions[2].line == 6


def test_one_stage_is_named() -> None:
    text = "FROM python:3.11-slim\nUSER app\nHEALTHCHECK CMD true\nCMD [\"app\"]\n"
    assert _messages(text) == [
        "line 1: FROM python:3.11-slim is the only stage: the image ships the build tools "
        "with the app"]


def test_no_from_at_all() -> None:
    assert _messages("RUN echo hi\n") == ["has no FROM instruction"]


@pytest.mark.parametrize(("base", "why"), [("python", "no tag"),
                                           ("python:latest", "the moving tag 'latest'")])
def test_an_unpinned_base_names_its_line(base: str, why: str) -> None:
    text = _replace("FROM python:3.11-slim AS runtime", f"FROM {base} AS runtime")
    assert _messages(text) == [
        f"line 9: FROM {base} AS runtime uses {why}: the next build may get another base image"]


def test_digests_stage_names_and_args_count_as_pinned() -> None:
    assert image_pin("python@sha256:0123") == "digest"
    assert image_pin("registry.example.com:5000/python") == "none"
    text = ("ARG PYTHON=python:3.11-slim\nFROM ${PYTHON} AS build\nFROM build\nUSER app\n"
            "HEALTHCHECK CMD true\nCMD [\"app\"]\n")
    assert _messages(text) == []


def test_a_missing_user_names_the_final_from() -> None:
    text = _replace("USER app\n", "")
    assert _messages(text) == [
        "line 9: the final stage (FROM python:3.11-slim AS runtime) has no USER: the container "
        "runs as root"]


@pytest.mark.parametrize("user", ["root", "0", "0:0", "root:root"])
def test_user_root_names_its_line(user: str) -> None:
    text = _replace("USER app", f"USER {user}")
    assert _messages(text) == [f"line 14: USER {user} runs the container as root"]


def test_a_user_in_the_build_stage_does_not_count() -> None:
    text = _replace("USER app\n", "").replace("WORKDIR /app\n", "WORKDIR /app\nUSER app\n")
    assert "has no USER" in _messages(text)[0]


def test_secret_env_and_arg_are_named() -> None:
    text = _replace("ENV PATH=", "ARG GITHUB_TOKEN\nENV TASKHUB_SECRET_KEY=abc PATH=")
    assert _messages(text) == [
        "line 13: ARG GITHUB_TOKEN puts a secret into the image",
        "line 14: ENV TASKHUB_SECRET_KEY puts a secret into the image",
    ]


@pytest.mark.parametrize(("name", "secret"), [
    ("TASKHUB_SECRET_KEY", True), ("DB_PASSWORD", True), ("GITHUB_TOKEN", True),
    ("AWS_ACCESS_KEY_ID", True), ("STRIPE_API_KEY", True), ("TOKENIZERS_PARALLELISM", False),
    ("GPG_KEY", False), ("PASSWORDLESS_LOGIN", False), ("UV_LINK_MODE", False),
])
def test_secret_names(name: str, secret: bool) -> None:
    assert looks_secret(name) is secret


def test_legacy_env_form_is_read() -> None:
    text = _replace("ENV PATH=", "ENV DB_PASSWORD hunter2\nENV PATH=")
    assert _messages(text) == ["line 13: ENV DB_PASSWORD puts a secret into the image"]


def test_copying_a_dotenv_is_refused_but_the_example_is_not() -> None:
    text = _replace("COPY alembic.ini ./", "COPY alembic.ini .env.example .env.production ./")
    assert _messages(text) == [
        "line 12: COPY alembic.ini .env.example .env.production ./ copies .env.production "
        "into the image"]


@pytest.mark.parametrize(("ignore", "where"), [(None, "no .dockerignore"),
                                              (".venv\n", "its .dockerignore")])
def test_copy_everything_needs_a_dockerignore_listing_dotenv(
    ignore: str | None, where: str
) -> None:
    text = _replace("COPY src ./src", "COPY . .")
    assert _messages(text, dockerignore=ignore) == [
        f"line 7: COPY . . copies the whole folder, and {where} does not list .env"]
    assert _messages(text, dockerignore="**/.env\n") == []


def test_dockerignore_patterns_and_exceptions() -> None:
    assert dockerignore_lists(".env*\n", ".env")
    assert dockerignore_lists("/.env\n", ".env")
    assert not dockerignore_lists(".env\n!.env\n", ".env")
    assert not dockerignore_lists("# .env\n", ".env")


def test_a_missing_or_disabled_healthcheck_is_named() -> None:
    start = GOOD_DOCKERFILE.index("HEALTHCHECK")
    end = GOOD_DOCKERFILE.index("CMD [\"uvicorn\"")
    text = GOOD_DOCKERFILE[:start] + GOOD_DOCKERFILE[end:]
    assert _messages(text) == [
        "line 9: the final stage (FROM python:3.11-slim AS runtime) has no HEALTHCHECK"]
    disabled = text.replace("EXPOSE 8000\n", "EXPOSE 8000\nHEALTHCHECK NONE\n")
    assert _messages(disabled) == [
        "line 16: the final stage (FROM python:3.11-slim AS runtime) has no HEALTHCHECK"]


def test_a_shell_form_cmd_is_named() -> None:
    text = _replace('CMD ["uvicorn", "--factory", "app.main:build", "--host", "0.0.0.0", '
                    '"--port", "8000"]', "CMD uvicorn app.main:app --host 0.0.0.0")
    assert _messages(text) == [
        "line 18: CMD is in shell form: the app runs under /bin/sh and never receives SIGTERM"]


def test_expect_no_problems_lists_every_problem_of_the_rule() -> None:
    text = _replace("ENV PATH=", "ARG API_KEY\nENV PASSWORD=x PATH=")
    problems = dockerfile_problems(parse_dockerfile(text), dockerignore=None)
    expect_no_problems(problems, rule="user", shown="Dockerfile", expected="a user")
    with pytest.raises(CheckFailure) as failure:
        expect_no_problems(problems, rule="secrets", shown="capstone/Dockerfile",
                           expected="no secret")
    assert failure.value.message == (
        "capstone/Dockerfile:\n    line 13: ARG API_KEY puts a secret into the image\n"
        "    line 14: ENV PASSWORD puts a secret into the image")
    assert "docker history" in (failure.value.help or "")


def test_context_problems_name_missing_and_ignored_sources(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "pyproject.toml").write_text("")
    dockerfile = parse_dockerfile(GOOD_DOCKERFILE)
    problems = context_problems(dockerfile, tmp_path, dockerignore="uv.lock\n")
    assert [str(p) for p in problems] == [
        "line 4: COPY pyproject.toml uv.lock ./ copies uv.lock, which does not exist in the "
        "project",
        "line 12: COPY alembic.ini ./ copies alembic.ini, which does not exist in the project",
    ]
    (tmp_path / "uv.lock").write_text("")
    (tmp_path / "alembic.ini").write_text("")
    assert [str(p) for p in context_problems(dockerfile, tmp_path, dockerignore="uv.lock\n")] == [
        "line 4: COPY pyproject.toml uv.lock ./ copies uv.lock, which .dockerignore leaves out "
        "of the build"]


def test_server_commands() -> None:
    assert server_command(["python", "-m", "uvicorn", "--reload", "a.main:app", "--workers", "4",
                           "--port=9000"]) is not None
    command = server_command(["uvicorn", "--factory", "a.main:make", "--host", "0.0.0.0"])
    assert command is not None
    assert (command.target, command.factory, command.host, command.port) == (
        "a.main:make", True, "0.0.0.0", 8000)
    gunicorn = server_command(["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "-b",
                               "0.0.0.0:80", "a:app"])
    assert gunicorn is not None
    assert (gunicorn.target, gunicorn.port) == ("a:app", 80)
    assert server_command(["python", "app.py"]) is None


# --- Compose ----------------------------------------------------------------------------------

GOOD_COMPOSE = """\
services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}
    volumes: [pgdata:/var/lib/postgresql/data]
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U app"]
      interval: 5s
      retries: 10
  migrate:
    build: .
    command: ["alembic", "upgrade", "head"]
    depends_on:
      db: {condition: service_healthy}
    restart: no
  api:
    build: {context: .}
    env_file: .env
    environment: ["APP_ENVIRONMENT=production", "APP_DEBUG"]
    ports: ["127.0.0.1:8000:8000"]
    depends_on:
      db: {condition: service_healthy}
      migrate: {condition: service_completed_successfully}
  worker:
    build: .
    command: rq worker
    depends_on: [db]
volumes:
  pgdata:
"""


def _compose(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "compose.yaml"
    path.write_text(textwrap.dedent(text))
    return path


def _compose_failure(tmp_path: Path, text: str) -> str:
    with pytest.raises(CheckFailure) as failure:
        load_compose(_compose(tmp_path, text), "capstone/compose.yaml")
    return failure.value.message


def test_a_good_compose_file_loads(tmp_path: Path) -> None:
    compose = load_compose(_compose(tmp_path, GOOD_COMPOSE), "compose.yaml")
    assert compose_problems(compose) == []
    assert compose_depends(compose.services["api"]) == {
        "db": "service_healthy", "migrate": "service_completed_successfully"}
    assert compose_depends(compose.services["worker"]) == {"db": "service_started"}
    assert compose_environment(compose.services["api"]) == {
        "APP_ENVIRONMENT": "production", "APP_DEBUG": None}
    assert services_with_image(compose, "postgres") == ["db"]
    assert services_running(compose, r"\balembic\b", r"\bupgrade\b") == ["migrate"]


def test_a_misspelt_service_key_is_named_with_the_likely_one(tmp_path: Path) -> None:
    text = GOOD_COMPOSE.replace("    depends_on: [db]", "    depend_on: [db]")
    assert _compose_failure(tmp_path, text) == (
        "capstone/compose.yaml does not follow the Compose format:\n"
        "    services.worker.depend_on: not a Compose service key (did you mean depends_on?)")


def test_an_unknown_top_level_key_is_named(tmp_path: Path) -> None:
    assert _compose_failure(tmp_path, GOOD_COMPOSE + "service: {}\n") == (
        "capstone/compose.yaml does not follow the Compose format:\n"
        "    service: not a Compose key (did you mean services?)")


def test_a_wrong_condition_and_a_wrong_healthcheck_test_are_named(tmp_path: Path) -> None:
    text = GOOD_COMPOSE.replace("{condition: service_completed_successfully}",
                                "{condition: service_completed}").replace(
        '["CMD-SHELL", "pg_isready -U app"]', '["pg_isready"]')
    assert _compose_failure(tmp_path, text) == (
        "capstone/compose.yaml does not follow the Compose format:\n"
        "    services.db.healthcheck.test: Value error, a list test starts with CMD, CMD-SHELL "
        "or NONE\n"
        "    services.api.depends_on.migrate.condition: Input should be 'service_started', "
        "'service_healthy' or 'service_completed_successfully'")


def test_a_restart_policy_is_checked(tmp_path: Path) -> None:
    text = GOOD_COMPOSE.replace("restart: no", "restart: sometimes")
    assert _compose_failure(tmp_path, text).endswith(
        "services.migrate.restart: Value error, restart is one of no, always, on-failure[:N], "
        "unless-stopped")


def test_no_services_and_not_a_mapping(tmp_path: Path) -> None:
    assert _compose_failure(tmp_path, "services: {}\n") == (
        "capstone/compose.yaml does not follow the Compose format:\n"
        "    services: Dictionary should have at least 1 item after validation, not 0")
    assert _compose_failure(tmp_path, "- db\n") == (
        "capstone/compose.yaml is not a mapping of keys (it holds list)")


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    message = _compose_failure(tmp_path, "services:\n  db:\n    image: postgres\n   ports: []\n")
    assert message.startswith("capstone/compose.yaml is not valid YAML (line 4): ")


def test_compose_problems_beyond_the_schema(tmp_path: Path) -> None:
    text = (GOOD_COMPOSE.replace("    image: postgres:16-alpine\n", "")
            .replace("depends_on: [db]", "depends_on: [cache]")
            .replace("volumes:\n  pgdata:\n", ""))
    compose = load_compose(_compose(tmp_path, text), "compose.yaml")
    assert [str(p) for p in compose_problems(compose)] == [
        "service 'db' has neither image: nor build:",
        "service 'db' mounts the volume 'pgdata', which is not declared",
        "service 'worker' depends on 'cache', which is not a service of the file",
    ]


def test_read_deliverable_is_not_started_when_missing_or_empty(tmp_path: Path) -> None:
    with pytest.raises(NotStarted, match=r"compose.yaml or docker-compose.yml does not exist"):
        read_deliverable(tmp_path, ["compose.yaml", "docker-compose.yml"],
                         shown_project="capstone", help="write it")
    (tmp_path / "Dockerfile").write_text("\n")
    with pytest.raises(NotStarted, match=r"capstone/Dockerfile is empty"):
        read_deliverable(tmp_path, ["Dockerfile"], shown_project="capstone", help="write it")


# --- GitHub Actions ---------------------------------------------------------------------------

GOOD_WORKFLOW = """\
name: ci
on:
  push: {branches: [main]}
  pull_request:
jobs:
  checks:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16
        env: {POSTGRES_PASSWORD: postgres}
        ports: ["5432:5432"]
        options: --health-cmd pg_isready --health-interval 5s --health-retries 10
    env:
      APP_TEST_DATABASE_URL: postgresql+psycopg://postgres:postgres@localhost:5432/postgres
    steps:
      - uses: actions/checkout@v4
      - run: uv run ruff check .
      - run: uv run pytest
  image:
    runs-on: ubuntu-latest
    needs: checks
    steps:
      - uses: actions/checkout@v4
      - run: docker build -t app .
"""


def _workflow(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ci.yml"
    path.write_text(text)
    return path


def _workflow_failure(tmp_path: Path, text: str) -> str:
    with pytest.raises(CheckFailure) as failure:
        load_workflow(_workflow(tmp_path, text), ".github/workflows/ci.yml")
    return failure.value.message


def test_a_good_workflow_loads(tmp_path: Path) -> None:
    workflow = load_workflow(_workflow(tmp_path, GOOD_WORKFLOW), "ci.yml")
    assert workflow_triggers(workflow) == ["push", "pull_request"]
    assert workflow_problems(workflow) == []
    assert [(job, step.run) for job, _j, step in steps_running(workflow, [r"\bpytest\b"])] == [
        ("checks", "uv run pytest")]


def test_triggers_in_every_form(tmp_path: Path) -> None:
    for on, expected in (("push", ["push"]), ("[push, pull_request]", ["push", "pull_request"])):
        text = GOOD_WORKFLOW.replace("on:\n  push: {branches: [main]}\n  pull_request:\n",
                                     f"on: {on}\n")
        assert workflow_triggers(load_workflow(_workflow(tmp_path, text), "ci.yml")) == expected


def test_a_step_with_both_uses_and_run_is_named(tmp_path: Path) -> None:
    text = GOOD_WORKFLOW.replace("      - run: uv run pytest\n",
                                 "      - uses: actions/setup-python@v5\n        run: pytest\n")
    assert _workflow_failure(tmp_path, text) == (
        ".github/workflows/ci.yml is not a valid GitHub Actions workflow:\n"
        "    jobs.checks.steps[2]: Value error, a step has either uses: or run:, exactly one "
        "of them")


def test_an_action_without_a_version_and_a_job_without_runs_on(tmp_path: Path) -> None:
    text = (GOOD_WORKFLOW.replace("actions/checkout@v4\n      - run: docker", "actions/checkout\n"
                                  "      - run: docker")
            .replace("  image:\n    runs-on: ubuntu-latest\n", "  image:\n"))
    assert _workflow_failure(tmp_path, text) == (
        ".github/workflows/ci.yml is not a valid GitHub Actions workflow:\n"
        "    jobs.image.runs-on: Field required\n"
        "    jobs.image.steps[0].uses: Value error, 'actions/checkout' names no version: write "
        "actions/checkout@v4 (a tag or a commit)")


def test_a_misspelt_step_key_is_named(tmp_path: Path) -> None:
    text = GOOD_WORKFLOW.replace("      - run: uv run pytest\n",
                                 "      - run: uv run pytest\n        enviroment: {A: b}\n")
    assert _workflow_failure(tmp_path, text) == (
        ".github/workflows/ci.yml is not a valid GitHub Actions workflow:\n"
        "    jobs.checks.steps[2].enviroment: Extra inputs are not permitted")


def test_needs_and_checkout_problems(tmp_path: Path) -> None:
    text = (GOOD_WORKFLOW.replace("needs: checks", "needs: [check]")
            .replace("      - uses: actions/checkout@v4\n      - run: uv run ruff",
                     "      - run: uv run ruff"))
    workflow = load_workflow(_workflow(tmp_path, text), "ci.yml")
    assert [str(p) for p in workflow_problems(workflow)] == [
        "job 'checks' runs commands before checking out the code",
        "job 'image' needs 'check', which is not a job of the file",
    ]


def test_workflows_are_found_where_github_runs_them(tmp_path: Path) -> None:
    project = tmp_path / "repo" / "capstone"
    (project / ".github").mkdir(parents=True)
    (tmp_path / "repo" / ".git").mkdir()
    assert find_workflows(project) == []
    root = tmp_path / "repo" / ".github" / "workflows"
    root.mkdir(parents=True)
    (root / "other.yml").write_text("jobs: {}\n")
    (root / "taskhub.yml").write_text("defaults: {run: {working-directory: capstone}}\n")
    assert find_workflows(project) == [root / "taskhub.yml"]
    own = project / ".github" / "workflows"
    own.mkdir()
    (own / "ci.yaml").write_text("on: push\n")
    assert find_workflows(project) == [own / "ci.yaml"]


# --- Docker engine ----------------------------------------------------------------------------


def _fake_docker(folder: Path, script: str) -> None:
    """A stand-in docker command on PATH: a shell script whose answers the test chooses."""
    path = folder / "docker"
    path.write_text("#!/bin/sh\necho \"$@\" >> \"$(dirname \"$0\")/calls\"\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


@pytest.fixture
def fresh_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """No cached answer, a PATH with only the stand-in folder, no skip variable."""
    docker_engine.cache_clear()
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}/usr/bin{os.pathsep}/bin")
    monkeypatch.delenv(SKIP_DOCKER_VARIABLE, raising=False)
    yield tmp_path
    docker_engine.cache_clear()


def test_without_an_engine_the_check_name_says_so(fresh_engine: Path) -> None:
    _fake_docker(fresh_engine, 'echo "Cannot connect to the Docker daemon" >&2\nexit 1\n')

    def test_builds() -> None:
        """builds the image"""

    engine = docker_engine()
    assert not engine.available
    assert engine.reason == "docker info: Cannot connect to the Docker daemon"
    assert names_docker(test_builds).__doc__ == (
        "builds the image (no Docker engine here: not built)")


def test_without_the_command_or_when_skipped(fresh_engine: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(fresh_engine))
    assert docker_engine().reason == "the docker command is not installed"
    docker_engine.cache_clear()
    monkeypatch.setenv(SKIP_DOCKER_VARIABLE, "1")
    assert docker_engine().reason == f"{SKIP_DOCKER_VARIABLE} is set"


def test_with_an_engine_the_image_is_built_run_and_removed(fresh_engine: Path) -> None:
    _fake_docker(fresh_engine, textwrap.dedent("""\
        case "$1" in
          info) echo 28.2.2 ;;
          inspect) echo "running healthy" ;;
        esac
        """))
    assert docker_engine().version == "28.2.2"

    def test_builds() -> None:
        """builds the image"""

    assert names_docker(test_builds).__doc__ == "builds the image (Docker 28.2.2)"
    tag = build_image(fresh_engine, shown="capstone")
    run_until_healthy(tag, environment={"KEY": "value"}, shown="capstone", timeout=5)
    calls = (fresh_engine / "calls").read_text().splitlines()
    assert calls[1] == f"build --quiet --tag {tag} {fresh_engine}"
    assert calls[2] == f"run --detach --name {tag}-run --env KEY=value {tag}"
    assert calls[3].startswith("inspect --format")
    assert calls[4:] == [f"rm --force {tag}-run", f"image rm --force {tag}"]


def test_a_failed_build_shows_the_end_of_its_log(fresh_engine: Path) -> None:
    _fake_docker(fresh_engine, 'echo "ERROR: failed to compute cache key: /uv.lock not found" >&2\n'
                 "exit 1\n")
    with pytest.raises(CheckFailure) as failure:
        build_image(fresh_engine, shown="capstone")
    assert failure.value.message == (
        "docker build capstone failed (exit 1):\n"
        "    ERROR: failed to compute cache key: /uv.lock not found")


def test_an_unhealthy_container_shows_its_log_and_is_removed(fresh_engine: Path) -> None:
    _fake_docker(fresh_engine, textwrap.dedent("""\
        case "$1" in
          inspect) echo "exited unhealthy" ;;
          logs) echo "pydantic_core.ValidationError: secret_key" ;;
        esac
        """))
    with pytest.raises(CheckFailure) as failure:
        run_until_healthy("img", environment={}, shown="capstone", timeout=5)
    assert failure.value.message.startswith("the container of capstone is unhealthy after ")
    assert failure.value.message.endswith(
        "its log ends with:\n    pydantic_core.ValidationError: secret_key")
    assert (fresh_engine / "calls").read_text().splitlines()[-2:] == [
        "rm --force img-run", "image rm --force img"]
