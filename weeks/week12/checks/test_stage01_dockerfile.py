"""Checks for week12/stage01_dockerfile: the Dockerfile, read and judged line by line.

Docker is not needed: stage 5 builds the image when a Docker engine answers.
"""

from __future__ import annotations

from workbook.checking import Learner
from workbook.checking_delivery import (
    Problem,
    dockerfile_problems,
    expect_no_problems,
    read_dockerfile,
)
from workbook.taskhub_checks import project_dir, shown_project

START_HELP = (
    "Write a multi-stage Dockerfile in the project folder: a build stage that installs the "
    "locked dependencies, and a slim runtime stage that runs as an unprivileged user."
)


def _problems(learner: Learner) -> tuple[str, list[Problem]]:
    shown, dockerfile, ignore = read_dockerfile(
        project_dir(learner), shown_project=shown_project(learner), help=START_HELP
    )
    return shown, dockerfile_problems(dockerfile, dockerignore=ignore)


def test_stages_and_pinned_bases(learner: Learner) -> None:
    """builds in two stages or more, from base images pinned by a tag or a digest"""
    shown, problems = _problems(learner)
    expect_no_problems(problems, rule="stages", shown=shown,
                       expected="a build stage and a runtime stage (two FROM lines or more)")
    expect_no_problems(problems, rule="pinned", shown=shown,
                       expected="every FROM pinned: python:3.11-slim or python@sha256:...")


def test_non_root_user(learner: Learner) -> None:
    """runs as a user other than root in the final stage"""
    shown, problems = _problems(learner)
    expect_no_problems(problems, rule="user", shown=shown,
                       expected="USER <an unprivileged user> in the final stage")


def test_no_secrets_in_the_image(learner: Learner) -> None:
    """keeps secrets out of the image: no .env copied, no secret in ENV or ARG"""
    shown, problems = _problems(learner)
    expect_no_problems(problems, rule="secrets", shown=shown,
                       expected="no secret in any layer of the image")


def test_healthcheck_and_exec_command(learner: Learner) -> None:
    """declares a HEALTHCHECK and starts the app with an exec-form CMD"""
    shown, problems = _problems(learner)
    expect_no_problems(problems, rule="healthcheck", shown=shown,
                       expected="a HEALTHCHECK in the final stage")
    expect_no_problems(problems, rule="command", shown=shown,
                       expected='CMD ["uvicorn", ...] (exec form) in the final stage')
