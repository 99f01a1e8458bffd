"""Checks for week12/stage02_compose: the Compose file, validated against the Compose format,
then read for the startup order of the stack (Docker is not run)."""

from __future__ import annotations

from workbook.checking import CheckFailure, Learner, expect_true
from workbook.checking_delivery import (
    ComposeFile,
    compose_command,
    compose_depends,
    compose_problems,
    expect_no_problems,
    read_compose,
    services_running,
    services_with_image,
)
from workbook.taskhub_checks import project_dir, shown_project

START_HELP = (
    "Describe the stack in compose.yaml: PostgreSQL with a health check, a one-shot migration "
    "service (alembic upgrade head) and the API built from your Dockerfile."
)
MIGRATION = (r"\balembic\b", r"\bupgrade\b")
WORKER = r"\b(rq|arq|celery|dramatiq)\b|\bworker\b"


def _compose(learner: Learner) -> tuple[str, ComposeFile]:
    return read_compose(project_dir(learner), shown_project=shown_project(learner),
                        help=START_HELP)


def _database(shown: str, compose: ComposeFile) -> str:
    found = services_with_image(compose, "postgres")
    if not found:
        raise CheckFailure(
            f"{shown} has no PostgreSQL service (services: {', '.join(compose.services)})",
            expected="a service with image: postgres:16 (or another pinned postgres tag)",
            actual=f"services {sorted(compose.services)}",
            help="Production runs on PostgreSQL: add a db service from the official postgres "
            "image, with a named volume for its data.",
        )
    return found[0]


def _api(shown: str, compose: ComposeFile, database: str) -> str:
    migrations = set(services_running(compose, *MIGRATION))
    candidates = [name for name in compose.services if name not in migrations | {database}]

    def score(name: str) -> int:
        service = compose.services[name]
        return (4 * ("uvicorn" in compose_command(service)) + 2 * (name in ("api", "app", "web"))
                + bool(service.ports) + (service.build is not None))

    best = max(candidates, key=score, default=None)
    if best is None or score(best) == 0:
        raise CheckFailure(
            f"{shown} has no API service",
            expected="a service that builds the image and publishes the API's port",
            actual=f"services {sorted(compose.services)}",
            help="Add a service api with 'build: .' and 'ports: [\"127.0.0.1:8000:8000\"]'.",
        )
    return best


def test_compose_format(learner: Learner) -> None:
    """follows the Compose format: known keys, an image or a build per service, declared volumes"""
    shown, compose = _compose(learner)
    problems = compose_problems(compose)
    for rule, expected in (("image", "an image: or a build: for every service"),
                           ("depends", "depends_on naming services of the file"),
                           ("volumes", "every named volume declared under volumes:")):
        expect_no_problems(problems, rule=rule, shown=shown, expected=expected)


def test_database_healthcheck(learner: Learner) -> None:
    """runs PostgreSQL with a health check and a named volume for its data"""
    shown, compose = _compose(learner)
    database = _database(shown, compose)
    service = compose.services[database]
    check = service.healthcheck
    expect_true(
        check is not None and bool(check.test) and not check.disable,
        what=f"the {database!r} service of {shown}",
        expected="a healthcheck whose test runs pg_isready",
        actual="no healthcheck" if check is None
        else f"healthcheck {check.model_dump(exclude_none=True)}",
        help="A started container is not a ready database: give the service a healthcheck "
        "(pg_isready -U <user> -d <db>) so others can wait for 'service_healthy'.",
    )
    mounts = [str(v).split(":", 1)[1] if isinstance(v, str) and ":" in v else str(v)
              for v in service.volumes or []]
    expect_true(
        any("/var/lib/postgresql" in mount for mount in mounts),
        what=f"the {database!r} service of {shown}",
        expected="a volume mounted on /var/lib/postgresql/data",
        actual=f"volumes {service.volumes}" if service.volumes else "no volumes",
        help="Without a volume the data lives in the container and docker compose down "
        "deletes it: mount a named volume (pgdata:/var/lib/postgresql/data).",
    )


def test_startup_order(learner: Learner) -> None:
    """starts the API only after a healthy database and completed migrations"""
    shown, compose = _compose(learner)
    database = _database(shown, compose)
    api = _api(shown, compose, database)
    needs = compose_depends(compose.services[api])
    migrations = [name for name, condition in needs.items()
                  if condition == "service_completed_successfully"
                  and name in services_running(compose, *MIGRATION)]
    expect_true(
        bool(migrations),
        what=f"the {api!r} service of {shown}",
        expected="depends_on a migration service (alembic upgrade head) with condition "
        "service_completed_successfully",
        actual=f"depends_on {needs}" if needs else "no depends_on",
        help="The schema must exist before the API serves: run the migrations as a one-shot "
        "service and make the API wait for it to finish successfully.",
    )
    migration_needs = compose_depends(compose.services[migrations[0]])
    expect_true(
        migration_needs.get(database) == "service_healthy",
        what=f"the {migrations[0]!r} service of {shown}",
        expected=f"depends_on {database!r} with condition service_healthy",
        actual=f"depends_on {migration_needs}" if migration_needs else "no depends_on",
        help="The short form of depends_on only waits for the container to start, not for "
        "PostgreSQL to accept connections: use the long form with 'condition: service_healthy'.",
    )


def _worker_modules(learner: Learner) -> list[str]:
    """The project's worker modules (``worker.py`` or a ``workers`` package under src)."""
    source = project_dir(learner) / "src"
    found = [*source.rglob("worker.py"), *source.rglob("workers/__init__.py")]
    return sorted(path.relative_to(project_dir(learner)).as_posix() for path in found)


def test_redis_and_worker(learner: Learner) -> None:
    """runs the worker after a healthy Redis, when the project has a worker"""
    shown, compose = _compose(learner)
    redis = services_with_image(compose, "redis")
    named = {name for name in compose.services if "worker" in name}
    workers = sorted((set(services_running(compose, WORKER)) | named) - set(redis))
    modules = _worker_modules(learner)
    expect_true(
        bool(workers) or not modules,
        what=f"the services of {shown}",
        expected=f"a worker service, since the project has {', '.join(modules)}",
        actual=f"services {sorted(compose.services)}",
        help="A queue without a worker never runs its jobs: add a worker service built from "
        "the same image, whose command starts the worker, next to a redis service.",
    )
    for worker in workers:
        expect_true(
            bool(redis),
            what=f"the {worker!r} service of {shown}",
            expected="a Redis service (image: redis:7) for the queue",
            actual=f"services {sorted(compose.services)}",
            help="The worker takes its jobs from Redis: add a redis service with a "
            "healthcheck (redis-cli ping).",
        )
        needs = compose_depends(compose.services[worker])
        expect_true(
            needs.get(redis[0]) == "service_healthy",
            what=f"the {worker!r} service of {shown}",
            expected=f"depends_on {redis[0]!r} with condition service_healthy",
            actual=f"depends_on {needs}" if needs else "no depends_on",
            help="Give Redis a healthcheck (redis-cli ping) and make the worker wait for it, "
            "or its first connection fails and the container exits.",
        )
