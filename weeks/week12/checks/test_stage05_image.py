"""Checks for week12/stage05_image: what the container runs, and (with a Docker engine) the image
itself built and started until its health check says healthy.

Without a Docker engine the last check says so in its name and checks what it can without
one: that every file the Dockerfile copies is in the build context.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from workbook.checking import CheckFailure, Learner, expect_true
from workbook.checking_delivery import (
    Dockerfile,
    ServerCommand,
    build_image,
    context_problems,
    docker_engine,
    expect_no_problems,
    exposed_ports,
    healthcheck_url,
    image_command,
    names_docker,
    read_dockerfile,
    run_until_healthy,
    server_command,
)
from workbook.taskhub_checks import open_taskhub, project_dir, shown_project

START_HELP = "Write the Dockerfile first (stage 1); this stage checks what its image runs."


def _dockerfile(learner: Learner) -> tuple[str, Dockerfile, str | None]:
    return read_dockerfile(project_dir(learner), shown_project=shown_project(learner),
                           help=START_HELP)


def _server(shown: str, dockerfile: Dockerfile) -> ServerCommand:
    words = image_command(dockerfile)
    command = server_command(words)
    if command is None or not command.target:
        raise CheckFailure(
            f"the CMD of {shown} ({' '.join(words) or 'none'}) starts no ASGI server with an "
            "application",
            expected='CMD ["uvicorn", "--factory", "taskhub.main:app_from_env", "--host", '
            '"0.0.0.0", "--port", "8000"]',
            actual=" ".join(words) or "no CMD",
            help="The container's command serves the app: uvicorn with the module:attribute of "
            "the application (or of its factory, with --factory).",
        )
    return command


def test_cmd_serves_the_application(learner: Learner) -> None:
    """starts the project's application, listening on every interface, on the port it exposes"""
    shown, dockerfile, _ignore = _dockerfile(learner)
    command = _server(shown, dockerfile)
    module, _, attribute = command.target.partition(":")
    package = learner.module.__name__
    expect_true(
        module == package or module.startswith(package + "."),
        what=f"the CMD of {shown}", expected=f"an application of the package {package}",
        actual=command.target,
        help=f"Name a module of your project: {package}.main:app_from_env.",
    )
    inner = learner if module == package else learner.submodule(module[len(package) + 1:])
    target = inner.attribute(attribute, kind="factory" if command.factory else "application")
    expect_true(
        callable(target) and (not command.factory or not hasattr(target, "router")),
        what=f"{command.target} named by the CMD of {shown}",
        expected="a function that builds the app (with --factory)" if command.factory
        else "an application",
        actual=type(target).__name__,
        help="With --factory uvicorn calls the name to get the app (app_from_env reads the "
        "settings from the environment); without it the name must be the app itself.",
    )
    expect_true(
        command.host in ("0.0.0.0", "::", "[::]"),
        what=f"the CMD of {shown}", expected="--host 0.0.0.0",
        actual=f"--host {command.host}" if command.host != "127.0.0.1" else "no --host "
        "(uvicorn listens on 127.0.0.1)",
        help="Inside a container 127.0.0.1 is the container itself: a server bound there "
        "cannot be reached through the published port. Listen on 0.0.0.0.",
    )
    ports = exposed_ports(dockerfile)
    expect_true(
        not ports or command.port in ports,
        what=f"{shown}", expected=f"EXPOSE {command.port}, the port the CMD listens on",
        actual=f"EXPOSE {', '.join(map(str, ports))} and --port {command.port}",
        help="EXPOSE documents the port the server listens on; keep the two the same.",
    )


def test_healthcheck_answers(learner: Learner, tmp_path: Path) -> None:
    """asks in its HEALTHCHECK a route the application answers with 200, on the CMD's port"""
    shown, dockerfile, _ignore = _dockerfile(learner)
    command = _server(shown, dockerfile)
    url = healthcheck_url(dockerfile)
    final = dockerfile.final
    check = final.last("HEALTHCHECK") if final else None
    if url is None:
        raise CheckFailure(
            f"the HEALTHCHECK of {shown} asks no http://127.0.0.1:<port>/<path> URL"
            + (f" ({check})" if check else ""),
            expected="HEALTHCHECK CMD [\"python\", \"-c\", \"import urllib.request; "
            "urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)\"]",
            actual=str(check) if check else "no HEALTHCHECK",
            help="Ask the liveness route from inside the container; python's urllib is there "
            "in a slim image, curl is not.",
        )
    port, path = url
    expect_true(
        port == command.port, what=f"the HEALTHCHECK of {shown}",
        expected=f"port {command.port}, where the CMD listens", actual=f"port {port}",
        help="The health check runs inside the container: it must ask the port the server "
        "listens on.",
    )
    with open_taskhub(learner, tmp_path) as hub:
        hub.request("GET", path, expect=200,
                    help=f"The HEALTHCHECK of {shown} asks {path}: that route must answer 200 "
                    "while the process runs (the liveness probe, /healthz).")


@names_docker
def test_image_builds_and_is_healthy(learner: Learner) -> None:
    """copies only files the build has, builds, and becomes healthy"""
    shown, dockerfile, ignore = _dockerfile(learner)
    project = project_dir(learner)
    expect_no_problems(context_problems(dockerfile, project, dockerignore=ignore), rule="context",
                       shown=shown, expected="every COPY source in the build context")
    if not docker_engine().available:
        return  # the name of the check says the image was not built here
    tag = build_image(project, shown=shown)
    run_until_healthy(tag, shown=shown, environment={
        "TASKHUB_SECRET_KEY": secrets.token_urlsafe(48),
        "TASKHUB_DATABASE_URL": "sqlite:////tmp/taskhub.db",
    })
