"""Checks for week12/stage06_release: the release step of a deployment.

A platform (or docker compose) runs the migrations from the image before it starts the new
version, and a rollback runs them down again. The checks read which command the stack runs
for it, that the image carries what that command needs, and run the learner's migrations from
an empty database to head, down to base and up again.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect

from workbook.checking import CheckFailure, Learner, expect_true
from workbook.checking_delivery import (
    ComposeFile,
    Dockerfile,
    compose_command,
    read_compose,
    read_dockerfile,
    services_running,
)
from workbook.taskhub_checks import project_dir, short_exception, shown_project

START_HELP = ("Write the Dockerfile and compose.yaml first (stages 1 and 2): the release step "
              "runs in the image the stack builds.")
MIGRATION = (r"\balembic\b", r"\bupgrade\b")


def _files(learner: Learner) -> tuple[str, ComposeFile, str, Dockerfile]:
    project = project_dir(learner)
    shown_compose, compose = read_compose(project, shown_project=shown_project(learner),
                                          help=START_HELP)
    shown_docker, dockerfile, _ignore = read_dockerfile(
        project, shown_project=shown_project(learner), help=START_HELP)
    return shown_compose, compose, shown_docker, dockerfile


def _copied_into_final(dockerfile: Dockerfile, name: str) -> bool:
    final = dockerfile.final
    for instruction in final.instructions if final else []:
        if instruction.keyword in ("COPY", "ADD") and "from" not in instruction.flags:
            sources = [s.lstrip("./").rstrip("/") or "." for s in instruction.words[:-1]]
            if name in sources or "." in sources:
                return True
    return False


def test_release_step_in_the_image(learner: Learner) -> None:
    """runs alembic upgrade head from the image, which carries alembic.ini"""
    shown_compose, compose, shown_docker, dockerfile = _files(learner)
    migrations = services_running(compose, *MIGRATION)
    expect_true(
        bool(migrations), what=f"the services of {shown_compose}",
        expected="a service whose command is alembic upgrade head (the release step)",
        actual="; ".join(f"{n}: {compose_command(s) or '(image default)'}"
                         for n, s in compose.services.items()),
        help="Run the migrations as their own one-shot service, from the same image: "
        "command: [\"alembic\", \"upgrade\", \"head\"].",
    )
    service = compose.services[migrations[0]]
    expect_true(
        service.build is not None or bool(service.image and "postgres" not in service.image),
        what=f"the {migrations[0]!r} service of {shown_compose}",
        expected="build: . (the image the API runs)",
        actual=f"image: {service.image}",
        help="The migrations must come from the same build as the code they prepare the "
        "database for: give the service build: . like the API.",
    )
    project = project_dir(learner)
    if (project / "alembic.ini").is_file():
        expect_true(
            _copied_into_final(dockerfile, "alembic.ini"),
            what=f"the final stage of {shown_docker}",
            expected="COPY alembic.ini ./ (alembic reads it from the working directory)",
            actual="alembic.ini is not copied into the image",
            help="The runtime stage has only what you copy into it: without alembic.ini, "
            "'alembic upgrade head' in the container stops with 'No config file'.",
        )


def test_migrations_up_down_up(learner: Learner, tmp_path: Path) -> None:
    """migrates an empty database to head, back to base and to head again"""
    _files(learner)
    migrations = learner.submodule("core.migrations")
    upgrade, downgrade = migrations.function("upgrade"), migrations.function("downgrade")
    url = f"sqlite:///{tmp_path / 'release.db'}"
    steps: list[str] = []
    tables: dict[str, list[str]] = {}
    for step, action, revision in (("upgrade head", upgrade, "head"),
                                   ("downgrade base", downgrade, "base"),
                                   ("upgrade head again", upgrade, "head")):
        steps.append(step)
        try:
            action(url, revision)
        except NotImplementedError:
            raise
        except Exception as error:
            raise CheckFailure(
                f"on an empty SQLite database, {' -> '.join(steps)}: the last step raised "
                f"{short_exception(error)}",
                expected=f"{step} succeeds",
                actual=f"raised {short_exception(error)}",
                help="A rollback runs the downgrades: run 'uv run alembic downgrade base' on a "
                "scratch database and fix the first migration whose downgrade fails.",
            ) from error
        engine = create_engine(url)
        names = inspect(engine).get_table_names()
        tables[step] = sorted(name for name in names if name != "alembic_version")
        engine.dispose()
    expect_true(
        bool(tables["upgrade head"]) and not tables["downgrade base"],
        what="the tables after upgrade head, then after downgrade base",
        expected="the schema after the upgrade, no table left after the downgrade",
        actual=f"{tables['upgrade head']} then {tables['downgrade base']}",
        help="Each downgrade drops what its upgrade created; a table left behind makes the "
        "next upgrade fail with 'table already exists'.",
    )
    expect_true(
        tables["upgrade head again"] == tables["upgrade head"],
        what="the tables after upgrade head, down to base and up again",
        expected=str(tables["upgrade head"]), actual=str(tables["upgrade head again"]),
        help="Upgrading twice from empty must build the same schema.",
    )
