"""Checks for week12/stage04_ci_workflow: the GitHub Actions workflow, read and validated.

The workflow is looked for where GitHub runs it: the project's own .github/workflows when the
project is a repository of its own, otherwise the workflows of the repository around it that
name the project's folder (working-directory: capstone).
"""

from __future__ import annotations

from collections.abc import Sequence

from workbook.checking import CheckFailure, Learner, NotStarted, expect_true
from workbook.checking_delivery import (
    Workflow,
    WorkflowJob,
    expect_no_problems,
    find_workflows,
    load_workflow,
    steps_running,
    workflow_problems,
    workflow_triggers,
)
from workbook.taskhub_checks import project_dir, shown_project

LINT = (r"\bruff\b", r"\bflake8\b", r"\bpylint\b", r"\bpre-commit\b")
TESTS = (r"\bpytest\b", r"\bnox\b", r"\btox\b")
BUILD = (r"\bdocker (buildx )?build\b", r"\bdocker compose build\b", r"docker/build-push-action")


def _workflow(learner: Learner) -> tuple[str, Workflow]:
    project = project_dir(learner)
    found = find_workflows(project)
    if not found:
        raise NotStarted(
            f"{shown_project(learner)} has no GitHub Actions workflow yet",
            help="Add .github/workflows/ci.yml: at the root of your repository (with "
            f"working-directory: {project.name}) or in the project when it is a repository "
            "of its own. It runs the linter, the tests against PostgreSQL and the image build "
            "on every push and pull request.",
        )
    path = found[0]
    try:
        shown = path.relative_to(project.parent).as_posix()
    except ValueError:
        shown = path.name
    return shown, load_workflow(path, shown)


def _jobs(steps: Sequence[tuple[str, WorkflowJob, object]]) -> str:
    return ", ".join(dict.fromkeys(name for name, _job, _step in steps)) or "none"


def test_valid_workflow(learner: Learner) -> None:
    """is a workflow GitHub can run, started by every push and pull request"""
    shown, workflow = _workflow(learner)
    problems = workflow_problems(workflow)
    expect_no_problems(problems, rule="needs", shown=shown,
                       expected="needs: naming jobs of the workflow")
    expect_no_problems(problems, rule="checkout", shown=shown,
                       expected="uses: actions/checkout@v4 before the first run: step of a job")
    triggers = workflow_triggers(workflow)
    missing = [event for event in ("push", "pull_request") if event not in triggers]
    expect_true(
        not missing, what=f"the on: of {shown}", expected="push and pull_request",
        actual=f"on: {', '.join(triggers)}",
        help="CI protects main only if it runs on the pull request, before the merge, and "
        "on the push that follows it: on: {push: {branches: [main]}, pull_request: {}}.",
    )


def test_runs_the_linter(learner: Learner) -> None:
    """runs the linter (ruff, or flake8, pylint, pre-commit)"""
    shown, workflow = _workflow(learner)
    expect_true(
        bool(steps_running(workflow, LINT)), what=f"the steps of {shown}",
        expected="a step that runs ruff check (or flake8, pylint, pre-commit)",
        actual="no such step",
        help="Run the same lint command as on your machine: - run: uv run ruff check .",
    )


def test_tests_on_postgresql(learner: Learner) -> None:
    """runs the tests next to a healthy PostgreSQL service container, and tells them where it is"""
    shown, workflow = _workflow(learner)
    tests = steps_running(workflow, TESTS)
    expect_true(
        bool(tests), what=f"the steps of {shown}", expected="a step that runs pytest",
        actual="no such step", help="Run the test suite: - run: uv run pytest",
    )
    with_postgres = [
        (name, job, step) for name, job, step in tests
        if any("postgres" in service.image for service in (job.services or {}).values())
    ]
    if not with_postgres:
        raise CheckFailure(
            f"{shown}: the job that runs the tests ({_jobs(tests)}) has no PostgreSQL service",
            expected="services: {postgres: {image: postgres:16, ...}} in that job",
            actual="no PostgreSQL service container",
            help="Production runs on PostgreSQL, so CI must too: give the job a service "
            "container from the postgres image and point the tests at it.",
        )
    name, job, step = with_postgres[0]
    services = job.services or {}
    healthy = [s for s in services.values()
               if "postgres" in s.image and "--health-cmd" in (s.options or "")]
    expect_true(
        bool(healthy), what=f"the PostgreSQL service of job {name!r} in {shown}",
        expected="options: --health-cmd pg_isready --health-interval 5s --health-retries 10",
        actual=f"options: {next(iter(services.values())).options or '(none)'}",
        help="GitHub starts the steps once the service container is healthy, which only "
        "means something with a --health-cmd: without it the first test may find no database.",
    )
    values = [str(v) for env in (workflow.env, job.env, step.env) if isinstance(env, dict)
              for v in env.values()] + [step.run or ""]
    expect_true(
        any("postgresql" in value for value in values),
        what=f"the environment of the tests in job {name!r} of {shown}",
        expected="a database URL such as postgresql+psycopg://postgres:postgres@localhost:5432/...",
        actual="no postgresql:// URL in the workflow's, the job's or the step's env",
        help="A service container is only reachable if the tests are told where: set "
        "TASKHUB_TEST_DATABASE_URL (or the variable your tests read) in the job's env.",
    )


def test_builds_the_image(learner: Learner) -> None:
    """builds the Docker image, so a broken Dockerfile fails the pull request"""
    shown, workflow = _workflow(learner)
    expect_true(
        bool(steps_running(workflow, BUILD)), what=f"the steps of {shown}",
        expected="a step that runs docker build (or docker/build-push-action)",
        actual="no such step",
        help="Build the image in CI, for instance in its own job: - run: docker build -t "
        "taskhub .  A Dockerfile nobody builds breaks silently.",
    )
