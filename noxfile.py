"""Entry points for learners and maintainers.

    nox                    list the sessions
    nox -s week01          grade week 01 (any of week01 .. week13; -- ex03 for one exercise)
    nox -s katas           grade the katas (-- k07 for one kata)
    nox -s progress        your progress through every week
    nox -s tests           the workbook's own test suite (engine tests, dev check, lint)
    nox -s docs            build the roadmap site into site/ (-- serve to read it locally)
    nox -s taskhub         serve the reference TaskHub with demo data (Swagger at /docs)

Every session installs from the committed uv.lock and reuses its environment, so only the
first run of a session downloads anything.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import nox

nox.needs_version = ">=2025.5.1"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.error_on_external_run = True

WEEKS = [f"week{number:02d}" for number in range(1, 14)]
MUTANT_SAMPLE = "8"  # mutants graded per exercise in nox -s tests (a fixed sample)
CAPSTONE = "solutions/capstone"  # the reference TaskHub: a project with its own uv.lock
LINTED = [
    "workbook",
    "sitegen",
    "tests",
    "noxfile.py",
    "wb",
    "solutions/weeks",
    "solutions/katas",
    *sorted(str(path) for path in Path().glob("weeks/week*/checks")),
    *sorted(str(path) for path in Path().glob("katas/checks")),
]


def find_uv(session: nox.Session) -> str:
    """uv on the PATH, or (the virtualenv fallback) uv installed into the session."""
    uv = shutil.which("uv")
    if uv is None:
        bundled = Path(session.bin) / "uv"
        if not bundled.exists():
            session.install("uv")
        uv = str(bundled)
    return uv


def install(session: nox.Session, *groups: str) -> None:
    """Install the workbook and the given dependency groups exactly as uv.lock pins them."""
    uv = find_uv(session)
    # --compile-bytecode: every grading child and test imports pytest; where
    # PYTHONDONTWRITEBYTECODE is set it would compile it (and FastAPI) from source each time.
    arguments = ["sync", "--locked", "--no-default-groups", "--inexact", "--compile-bytecode"]
    for group in groups:
        arguments += ["--group", group]
    session.run_install(
        uv,
        *arguments,
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
        silent=True,
        external=True,
    )


def grade(session: nox.Session, *arguments: str) -> None:
    """Run ``workbook`` as the session's last step, handing it the terminal and the exit code.

    An ordinary failing verdict is the learner's normal state, not a broken session, so when
    only this session was asked for, nox is replaced by ``workbook`` (exec): the output ends
    with the engine's own summary and its exit code, not "Session week01 failed".
    """
    environment = {
        **os.environ,
        "VIRTUAL_ENV": session.virtualenv.location,
        "PATH": os.pathsep.join([session.bin, os.environ.get("PATH", "")]),
        "WORKBOOK_COMMAND": "./wb",
    }
    requested = getattr(getattr(session, "_runner", None), "global_config", None)
    alone = len(getattr(requested, "sessions", None) or []) == 1
    if alone and hasattr(os, "execve"):
        sys.stdout.flush()
        sys.stderr.flush()
        command = [str(Path(session.bin) / "workbook"), *arguments]
        os.execve(command[0], command, environment)
    session.run("workbook", *arguments, env={"WORKBOOK_COMMAND": "./wb"})


def make_week_session(week: str) -> None:
    @nox.session(name=week, tags=["weeks"], default=False)
    def grade_week(session: nox.Session) -> None:
        install(session, "exercises")
        grade(session, "check", week, *session.posargs)

    grade_week.__doc__ = f"Grade {week} (add -- ex03 to grade one exercise)."


for _week in WEEKS:
    make_week_session(_week)


@nox.session(default=False)
def katas(session: nox.Session) -> None:
    """Grade the katas (add -- k07 to grade one kata)."""
    install(session, "exercises")
    grade(session, "check", "katas", *session.posargs)


@nox.session(default=False)
def progress(session: nox.Session) -> None:
    """Show your progress through every week and the katas."""
    install(session)
    grade(session, "progress", *session.posargs)


@nox.session(default=False)
def watch(session: nox.Session) -> None:
    """Grade again every time you save (-- week03 to pick the week, -- week03 ex02 an exercise)."""
    install(session, "exercises")
    grade(session, "watch", *session.posargs)


def lint_commands(session: nox.Session) -> list[list[str]]:
    """ruff and mypy --strict on the engine, the solutions, the checkers and the tests."""
    ruff = shutil.which("ruff", path=session.bin) or "ruff"
    mypy = shutil.which("mypy", path=session.bin) or "mypy"
    return [[ruff, "check", *LINTED], [mypy, *LINTED]]


def run_lint(session: nox.Session) -> None:
    for command in lint_commands(session):
        session.run(*command, external=True)


@nox.session(default=False)
def lint(session: nox.Session) -> None:
    """Lint and type-check the engine, the solutions and the tests (ruff, mypy --strict)."""
    install(session, "lint", "exercises", "docs")  # docs: the site tests import playwright
    run_lint(session)


@nox.session(default=False)
def docs(session: nox.Session) -> None:
    """Build the roadmap site with mkdocs --strict (-- serve: serve it on 127.0.0.1:8000)."""
    install(session, "docs")
    env = {"NO_MKDOCS_2_WARNING": "1"}
    session.run("python", "-m", "sitegen")  # WORKBOOK_PROGRESS=path picks the progress file
    if session.posargs[:1] == ["serve"]:
        # Serves on 127.0.0.1:8000 and assembles the site again whenever a lesson, page or
        # translation is saved (mkdocs serve alone only sees the assembled copy).
        session.run("python", "-m", "sitegen.serve", "--strict", *session.posargs[1:], env=env)
    else:
        session.run("mkdocs", "build", "--strict", *session.posargs, env=env)


@nox.session(default=False)
def tests(session: nox.Session) -> None:
    """Run the workbook's own test suite: engine tests, site tests, self-check and lint.

    The site tests (tests/site, marked ``site``) build the roadmap site and read it in Chromium;
    add -- -m "not site" to leave them out.
    """
    # The run starts hundreds of Python processes (grading children, learners' suites, mutant
    # gradings). A container's PYTHONDONTWRITEBYTECODE would make each one compile the engine,
    # the checkers and the solutions again, and pytest rewrite every test module again: on 2
    # cores that cost TaskHub's suite alone about a fifth of its time. Bytecode stays in
    # __pycache__ folders, which git ignores; mutant gradings never write any (warm.py).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    install(session, "dev")
    env = {"WORKBOOK_CI": os.environ.get("CI", "")}
    # The engine's tests mostly wait on the grading children they start (about 0.6 of a
    # core), so TaskHub's suite, lint and types use the other core meanwhile. They share no
    # files or tables: the week 05 SQL checks work in schemas of their own. TaskHub's suite
    # runs on SQLite, or on PostgreSQL when TASKHUB_TEST_DATABASE_URL is set (.ci/run starts
    # one and sets TASKHUB_REQUIRE_POSTGRES=1 so a missing database fails the run).
    # dev check (every unit graded on its stubs and on its solutions) comes last: it takes
    # both cores when it has them, and the engine's tests leave most of one.
    workbook = shutil.which("workbook", path=session.bin) or "workbook"
    background = [
        capstone_command(session, "pytest", "-q", "-p", "no:cacheprovider"),
        capstone_command(session, "ruff", "check", "."),
        capstone_command(session, "mypy"),
        *lint_commands(session),
        [workbook, "dev", "check"],
    ]
    # The engine's tests use pytest-xdist workers on the cores the background leaves, one
    # test file each at a time (the site's browser tests share one build of the site). Alone
    # on 2 cores, two workers take 64 s instead of 102 s; but the background (TaskHub's suite,
    # ruff, two mypy runs) needs a core for about 90 s, and with two workers beside it the
    # phase took 147 s instead of about 130 s. So on 2 cores they run in one process.
    workers = min(max((os.cpu_count() or 1) - 2, 0), 4)
    parallel = ["-n", str(workers), "--dist", "loadfile"] if workers > 1 else ["-n", "0"]
    with alongside(session, "TaskHub's suite, lint and types, then dev check", background):
        session.run("pytest", *parallel, *session.posargs, env=env)
        # The notebooks run top to bottom (nbmake); tests/test_notebooks_stripped.py keeps
        # their outputs out of the repository.
        session.run("pytest", "--nbmake", "notebooks", "-q", "-p", "no:cacheprovider", env=env)
    # The mutation gate keeps both cores busy on its own: each checker kills at least 95% of
    # a fixed sample of its solution's mutants (the full run, without --sample, is for
    # maintainers: workbook dev mutate).
    session.run("workbook", "dev", "mutate", "--sample", MUTANT_SAMPLE)


@contextmanager
def alongside(session: nox.Session, title: str, commands: Sequence[list[str]]) -> Iterator[None]:
    """Run ``commands`` one after another in the background while the block runs.

    Their output is kept aside and shown once the block is done, so it does not interleave
    with the block's. The session fails, as with ``session.run``, at the first command that
    fails; if the block fails or is interrupted, the command still running is stopped.
    """
    failed: list[str] = []
    running: list[subprocess.Popen[bytes]] = []
    stopped = threading.Event()
    lock = threading.Lock()  # a command starts, or the block's failure stops it, not both
    # Without nox's VIRTUAL_ENV, which uv would only warn about: each command names its own.
    env = {name: value for name, value in os.environ.items() if name != "VIRTUAL_ENV"}
    with tempfile.TemporaryFile() as log:

        def run_all() -> None:
            for command in commands:
                with lock:
                    if stopped.is_set():
                        return
                    log.write(f"> {' '.join(command)}\n".encode())
                    log.flush()
                    process = subprocess.Popen(
                        command,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        env=env,
                        start_new_session=True,
                    )
                    running[:] = [process]
                if process.wait() != 0:
                    failed.append(f"{' '.join(command)} exited with {process.returncode}")
                    return

        session.log(f"{title}: started in the background")
        worker = threading.Thread(target=run_all, name="alongside", daemon=True)
        worker.start()
        try:
            yield
        except BaseException:
            with lock:
                stopped.set()
                for process in running:
                    if process.poll() is None and hasattr(os, "killpg"):
                        os.killpg(process.pid, signal.SIGTERM)  # with what it started
                    elif process.poll() is None:
                        process.terminate()  # Windows: no process groups to signal
            raise
        finally:
            worker.join()
            log.seek(0)
            session.log(f"{title}:")
            sys.stdout.flush()
            sys.stdout.buffer.write(log.read())
            sys.stdout.flush()
    if failed:
        session.error(f"{title}: {failed[0]}")


def capstone_command(session: nox.Session, *command: str) -> list[str]:
    """The command line that runs ``command`` in the reference TaskHub's environment."""
    uv = find_uv(session)
    return [uv, "run", "--directory", CAPSTONE, "--locked", "--compile-bytecode", *command]


def run_capstone(session: nox.Session, *command: str) -> None:
    """Run a command in the reference TaskHub's own locked environment."""
    session.run(*capstone_command(session, *command), external=True)


@nox.session(default=False)
def taskhub(session: nox.Session) -> None:
    """Serve the reference TaskHub on SQLite with demo data; open http://127.0.0.1:8000/docs."""
    run_capstone(session, "python", "-m", "taskhub.demo", *session.posargs)
