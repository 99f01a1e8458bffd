"""What the TaskHub milestone checks (weeks 9 to 12) share: a running TaskHub and its vocabulary.

The checks talk to the learner's TaskHub the way a client would, over HTTP, through the in-
thread ASGI client (``asgi_client``). ``open_taskhub`` builds the application with the
learner's own ``create_app(Settings(...))``: test environment, a known signing key, cheap
Argon2 parameters, and a SQLite database in a temporary folder whose schema comes from the
learner's Alembic migrations (run once per process into a template file, then copied for each
check).

TaskHub's request middleware turns any exception into a 500 answer, which would hide a stub's
``NotImplementedError`` from the grader. ``open_taskhub`` therefore records every exception that
escapes the routes; ``TaskHub.request`` raises a recorded ``NotImplementedError`` again (the
check is "not started", naming the function to write) and turns any other crash into a
``CheckFailure`` naming the learner's line. Every unexpected status becomes a failure that reads
``POST /auth/register returned 500, expected 201; body: {...}``.

Only the milestone checkers import this module, never the engine: it needs the web packages of
the ``exercises`` dependency group (FastAPI, Starlette, httpx2, SQLAlchemy), which every grading
environment (``nox -s week09`` .. ``week12``) installs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from httpx2 import Response
from starlette.middleware import Middleware

from workbook.asgi_client import InThreadClient
from workbook.checking import CheckFailure, Learner, origin, show
from workbook.checking_app import ExceptionRecorder

#: The signing key of every TaskHub the checks start (long enough for any environment).
SECRET_KEY = "milestone-check-signing-key-0123456789abcdef"
#: The password of the accounts the checks register.
PASSWORD = "correct horse battery staple"
PROBLEM_CONTENT_TYPE = "application/problem+json"
_BODY_EXCERPT = 240

#: Settings of every TaskHub under test; ``open_taskhub(..., **overrides)`` changes some.
TEST_SETTINGS: dict[str, object] = {
    "environment": "test",
    "secret_key": SECRET_KEY,
    # Cheap hashing keeps each check fast; production keeps the Argon2 defaults.
    "argon2_time_cost": 1,
    "argon2_memory_cost_kib": 8,
    "argon2_parallelism": 1,
    "login_rate_limit_per_ip": 10_000,
    "login_rate_limit_per_account": 10_000,
    "log_json": True,
    "cors_origins": [],
}

#: Migrated template databases by project folder, in one folder removed when the process ends.
_templates: dict[Path, Path] = {}
_template_folder: list[tempfile.TemporaryDirectory[str]] = []


def project_dir(learner: Learner) -> Path:
    """The learner's TaskHub project folder: ``.../src/taskhub/__init__.py`` -> ``...``."""
    return learner.path.resolve().parents[2]


def shown_project(learner: Learner) -> str:
    """The project folder as the learner knows it (``capstone``), for messages."""
    return Path(learner.display_path).parents[2].as_posix()


@dataclass(frozen=True)
class Account:
    """A registered user with a bearer token."""

    id: str
    email: str
    password: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def describe_request(method: str, path: str, params: Mapping[str, object] | None = None) -> str:
    """``GET /tasks?status=done``: how a request reads in a message."""
    query = f"?{urlencode({k: str(v) for k, v in params.items()})}" if params else ""
    return f"{method.upper()} {path}{query}"


def excerpt(response: Response) -> str:
    """The start of a response body, on one line (``(empty)`` when there is none)."""
    text = " ".join(response.text.split())
    if not text:
        return "(empty)"
    return text if len(text) <= _BODY_EXCERPT else text[: _BODY_EXCERPT - 3] + "..."


def unexpected_status(
    request: str, response: Response, expected: tuple[int, ...], *, help: str
) -> CheckFailure:
    """``POST /auth/register returned 500, expected 201; body: {...}`` as a CheckFailure."""
    wanted = " or ".join(str(status) for status in expected)
    return CheckFailure(
        f"{request} returned {response.status_code}, expected {wanted}; body: {excerpt(response)}",
        expected=wanted,
        actual=f"{response.status_code} {excerpt(response)}",
        help=help,
    )


def json_body(request: str, response: Response, *, help: str) -> Any:
    """The decoded JSON body of ``response``; a failure naming the request when it is not JSON."""
    try:
        return response.json()
    except ValueError:
        raise CheckFailure(
            f"{request} returned {response.status_code} with a body that is not JSON: "
            f"{excerpt(response)}",
            expected="a JSON body",
            actual=excerpt(response),
            help=help,
        ) from None


def expect_problem(request: str, response: Response, status: int, *, help: str) -> dict[str, Any]:
    """Fail unless ``response`` is an RFC 9457 problem with this status; return its body."""
    if response.status_code != status:
        raise unexpected_status(request, response, (status,), help=help)
    content_type = response.headers.get("content-type", "")
    if not content_type.startswith(PROBLEM_CONTENT_TYPE):
        raise CheckFailure(
            f"{request} returned {status} as {content_type or 'no content type'!r}, expected "
            f"{PROBLEM_CONTENT_TYPE!r}",
            expected=PROBLEM_CONTENT_TYPE,
            actual=content_type or "no Content-Type header",
            help="Every error is a problem document: raise the domain errors of core/errors.py "
            "and let the installed handlers answer, rather than building a JSONResponse or an "
            "HTTPException by hand.",
        )
    body = json_body(request, response, help=help)
    fields_ok = (
        isinstance(body, dict)
        and isinstance(body.get("type"), str)
        and isinstance(body.get("title"), str)
        and body.get("status") == status
    )
    if not fields_ok:
        raise CheckFailure(
            f"{request} returned a problem without the RFC 9457 members; body: {excerpt(response)}",
            expected=f'{{"type": "...", "title": "...", "status": {status}, ...}}',
            actual=excerpt(response),
            help="A problem document carries 'type' (a URI), 'title' (a short summary) and "
            "'status' (the HTTP status as a number), and may add 'detail' and 'instance'.",
        )
    return dict(body)


@dataclass
class TaskHub:
    """The learner's TaskHub running in-process, with helpers that speak its API."""

    client: InThreadClient
    app: Any
    settings: Any
    crashes: list[BaseException] = field(default_factory=list)

    def request(
        self,
        method: str,
        path: str,
        *,
        expect: int | tuple[int, ...],
        help: str,
        account: Account | None = None,
        json: object = None,
        data: Mapping[str, str] | None = None,
        params: Mapping[str, object] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """Send one request and fail unless the status is one of ``expect``.

        A stub's ``NotImplementedError`` reached by the request is raised again, so the check
        counts as "not started"; any other crash in the learner's code is a failure naming it.
        """
        wanted = (expect,) if isinstance(expect, int) else expect
        sent = {**(account.headers if account else {}), **(headers or {})}
        text = describe_request(method, path, params)
        self.crashes.clear()
        kwargs: dict[str, Any] = {"headers": sent}
        if json is not None:
            kwargs["json"] = json
        if data is not None:
            kwargs["data"] = data
        if params is not None:
            kwargs["params"] = {k: str(v) for k, v in params.items()}
        try:
            response = self.client.request(method, path, **kwargs)
        except NotImplementedError:
            raise
        except Exception as error:  # the learner removed the 500 safety net
            raise _crash(text, error, wanted, help) from error
        for crash in self.crashes:
            if isinstance(crash, NotImplementedError):
                raise crash
        if response.status_code not in wanted:
            if self.crashes:
                raise _crash(text, self.crashes[0], wanted, help)
            raise unexpected_status(text, response, wanted, help=help)
        return response

    def register(self, label: str = "user", *, password: str = PASSWORD) -> dict[str, Any]:
        """Register a fresh account through ``POST /auth/register``; return the body."""
        email = f"{label}-{uuid.uuid4().hex[:10]}@example.com"
        response = self.request(
            "POST",
            "/auth/register",
            json={"email": email, "password": password},
            expect=201,
            help="Registration creates the account and answers 201 Created with the new user "
            "(UserService.register, then the register route).",
        )
        body = json_body("POST /auth/register", response, help="Return the user as JSON.")
        if not isinstance(body, dict) or not isinstance(body.get("id"), str):
            raise CheckFailure(
                f"POST /auth/register returned 201 without the user's id; body: "
                f"{excerpt(response)}",
                expected='{"id": "...", "email": "...", ...}',
                actual=excerpt(response),
                help="Answer with the UserRead schema: the new account's id, e-mail and profile.",
            )
        return {**body, "email": body.get("email", email), "password": password}

    def login(self, email: str, password: str = PASSWORD) -> str:
        """Log in through the OAuth2 password form; return the access token."""
        response = self.request(
            "POST",
            "/auth/token",
            data={"username": email, "password": password, "grant_type": "password"},
            expect=200,
            help="POST /auth/token takes form fields (username is the e-mail) and answers 200 "
            "with a token pair when the password is right (AuthService.login).",
        )
        body = json_body("POST /auth/token", response, help="Return the token pair as JSON.")
        token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token:
            raise CheckFailure(
                f"POST /auth/token returned 200 without an access token; body: {excerpt(response)}",
                expected='{"access_token": "...", "token_type": "bearer", ...}',
                actual=excerpt(response),
                help="The OAuth2 token response names the token 'access_token' and its type "
                "'token_type'.",
            )
        return token

    def account(self, label: str = "user") -> Account:
        """Register and log in a fresh user."""
        user = self.register(label)
        token = self.login(str(user["email"]))
        return Account(str(user["id"]), str(user["email"]), PASSWORD, token)

    def create(self, account: Account, payload: Mapping[str, object]) -> Response:
        """``POST /tasks`` with ``payload`` as ``account``, expected to answer 201."""
        return self.request(
            "POST",
            "/tasks",
            account=account,
            json=dict(payload),
            expect=201,
            help="POST /tasks creates a task owned by the caller and answers 201 Created with "
            "it (TaskService.create_task, then the create_task route).",
        )

    def task(self, account: Account, **fields: object) -> dict[str, Any]:
        """Create a task for ``account`` through ``POST /tasks``; return the body."""
        response = self.create(account, {"title": "A task", **fields})
        body = json_body("POST /tasks", response, help="Return the task as JSON.")
        if not isinstance(body, dict) or not isinstance(body.get("id"), str):
            raise CheckFailure(
                f"POST /tasks returned 201 without the task's id; body: {excerpt(response)}",
                expected='{"id": "...", "title": "...", ...}',
                actual=excerpt(response),
                help="Answer with the TaskRead schema, which includes the new task's id.",
            )
        return body

    def list_ids(self, account: Account, params: Mapping[str, object] | None = None) -> list[str]:
        """The ids of the items of one ``GET /tasks`` page, in order."""
        return [str(item.get("id")) for item in self.page(account, params)["items"]]

    def page(self, account: Account, params: Mapping[str, object] | None = None) -> dict[str, Any]:
        """One page of ``GET /tasks``: a dict with an ``items`` list."""
        text = describe_request("GET", "/tasks", params)
        response = self.request(
            "GET",
            "/tasks",
            account=account,
            params=params,
            expect=200,
            help="GET /tasks lists the caller's tasks as a page (TaskService.list_tasks and "
            "TaskRepository.list_for_owner).",
        )
        body = json_body(text, response, help="Return the page as JSON.")
        items = body.get("items") if isinstance(body, dict) else None
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise CheckFailure(
                f"{text} returned a body without an 'items' list; body: {excerpt(response)}",
                expected='{"items": [...], "limit": 20, ...}',
                actual=excerpt(response),
                help="The list endpoint answers a Page: the tasks in 'items', plus 'limit', "
                "'offset', 'total' and 'next_cursor'.",
            )
        return dict(body)


def short_exception(error: BaseException) -> str:
    """``KeyError('x')``: the exception's type and the first line of its message, cut short."""
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else ""
    if len(text) > 160:
        text = text[:157] + "..."
    return f"{type(error).__name__}({text!r})" if text else type(error).__name__


def _crash(
    request: str, error: BaseException, expected: tuple[int, ...], help: str
) -> CheckFailure:
    where = origin(error)
    wanted = " or ".join(str(status) for status in expected)
    return CheckFailure(
        f"{request} crashed with {short_exception(error)}"
        + (f" {where}" if where else "")
        + f", so it answered 500, expected {wanted}",
        expected=wanted,
        actual=f"500 after {short_exception(error)}",
        help=help,
    )


def settings_class(learner: Learner) -> Any:
    """The learner's ``Settings`` class (``taskhub.core.config``)."""
    return learner.submodule("core.config").cls("Settings")


def _template_database(learner: Learner) -> Path:
    """A SQLite file migrated to ``head`` by the learner's Alembic migrations (made once)."""
    project = project_dir(learner)
    if project in _templates:
        return _templates[project]
    if not _template_folder:
        _template_folder.append(tempfile.TemporaryDirectory(prefix="taskhub-check-"))
    path = Path(_template_folder[0].name) / f"template-{len(_templates)}.db"
    upgrade = learner.submodule("core.migrations").function("upgrade")
    try:
        upgrade(f"sqlite:///{path}")
    except NotImplementedError:
        raise
    except Exception as error:
        where = origin(error)
        raise CheckFailure(
            f"running your Alembic migrations (upgrade to head) on an empty SQLite database "
            f"raised {short_exception(error)}" + (f" {where}" if where else ""),
            expected="the schema built by the migrations",
            actual=f"raised {short_exception(error)}",
            help="The checks build the database the way production does, with your migrations. "
            "Run 'uv run alembic upgrade head' on a fresh database to see the error; every "
            "model change needs a migration.",
        ) from error
    _templates[project] = path
    return path


@contextmanager
def open_taskhub(learner: Learner, tmp_path: Path, **overrides: object) -> Iterator[TaskHub]:
    """Start the learner's TaskHub on a freshly migrated SQLite database in ``tmp_path``."""
    database = tmp_path / "taskhub.db"
    shutil.copyfile(_template_database(learner), database)
    values = {**TEST_SETTINGS, "database_url": f"sqlite:///{database}", **overrides}
    settings_cls = settings_class(learner)
    try:
        settings = settings_cls(_env_file=None, **values)
    except Exception as error:
        raise CheckFailure(
            f"Settings(...) refused the test settings: {short_exception(error)}",
            expected="Settings accepting environment='test' and the usual TASKHUB_ options",
            actual=short_exception(error),
            help="Keep the Settings fields of core/config.py (you may add new ones with "
            "defaults); the checks set database_url, secret_key, the argon2 costs and the "
            "login rate limits.",
        ) from error
    create_app = learner.submodule("main").function("create_app")
    try:
        app = create_app(settings)
    except NotImplementedError:
        raise
    except Exception as error:
        where = origin(error)
        raise CheckFailure(
            f"create_app(settings) raised {short_exception(error)}"
            + (f" {where}" if where else ""),
            expected="a FastAPI application",
            actual=f"raised {short_exception(error)}",
            help="create_app only wires things together; run 'uv run python -m taskhub.demo' "
            "to see the same error with its traceback.",
        ) from error
    crashes: list[BaseException] = []
    app.user_middleware.append(Middleware(ExceptionRecorder, sink=crashes))
    with InThreadClient(app) as client:
        yield TaskHub(client, app, settings, crashes)


def dumps(value: object) -> str:
    """Compact JSON for messages (falls back to a short repr)."""
    try:
        return json.dumps(value, separators=(",", ":"))
    except (TypeError, ValueError):
        return show(value)


#: The help of a failure that found a password or a hash in a response.
NO_SECRETS_HELP = (
    "Responses are built from UserRead, which has no password field: return "
    "UserRead.model_validate(user), never the ORM object or a dict of its columns."
)


def leaked_secrets(text: str, password: str) -> list[str]:
    """What of a password (the word, an Argon2 hash, the password itself) ``text`` contains."""
    lowered = text.lower()
    found = [word for word in ("password", "$argon2") if word in lowered]
    return found + (["the password itself"] if password in text else [])


@dataclass(frozen=True)
class SuiteRun:
    """One run of the learner's own test suite (``pytest`` in the project folder)."""

    command: str  # as the learner would type it, for messages
    returncode: int | None  # None: stopped at the time limit
    output: str
    database: Path  # the SQLite file the suite was pointed at
    coverage: float | None  # percent of taskhub covered, None when no report was written


_suite_runs: dict[Path, SuiteRun] = {}


def run_own_suite(learner: Learner, *, timeout: float) -> SuiteRun:
    """Run the learner's tests once per process, with coverage, on a SQLite file of ours.

    The suite gets ``TASKHUB_TEST_DATABASE_URL`` naming an empty file, so a check can look at
    what the tests left behind; coverage goes to a JSON report read back into ``coverage``.
    Later calls for the same project return the first run.
    """
    project = project_dir(learner)
    if project in _suite_runs:
        return _suite_runs[project]
    if not _template_folder:
        _template_folder.append(tempfile.TemporaryDirectory(prefix="taskhub-check-"))
    scratch = Path(tempfile.mkdtemp(prefix="suite-", dir=_template_folder[0].name))
    database, report = scratch / "suite.db", scratch / "coverage.json"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COV_CORE_", "COVERAGE_"))
        and key not in ("TASKHUB_REQUIRE_POSTGRES", "PYTEST_ADDOPTS")
    }
    env["TASKHUB_TEST_DATABASE_URL"] = f"sqlite:///{database}"
    env["COLUMNS"] = "200"  # pytest cuts its summary lines to the terminal's width
    env["PYTHONPATH"] = os.pathsep.join(
        [str(project / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x"]
    # Coverage is judged from the JSON report, so the project's own fail_under must not turn
    # a passing suite into a failing one.
    command += ["--cov=taskhub", "--cov-report=", f"--cov-report=json:{report}"]
    command += ["--cov-fail-under=0"]
    try:
        result = subprocess.run(
            command,
            cwd=project,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        returncode: int | None = result.returncode
        output = result.stdout + result.stderr
    except subprocess.TimeoutExpired:
        returncode, output = None, ""
    coverage = None
    with suppress(OSError, ValueError, KeyError, TypeError):
        coverage = float(json.loads(report.read_text())["totals"]["percent_covered"])
    run = SuiteRun(
        f"cd {shown_project(learner)} && uv run pytest -x", returncode, output, database, coverage
    )
    _suite_runs[project] = run
    return run


def suite_tail(output: str, lines: int = 15) -> str:
    """The failing tests and pytest's summary line when it listed them, else the last lines."""
    kept = [line.rstrip() for line in output.splitlines() if line.strip()]
    failed = [line for line in kept if line.startswith(("FAILED ", "ERROR "))]
    if failed:
        return "\n".join([*failed[:5], kept[-1]])
    return "\n".join(kept[-lines:])


def titles(hub: TaskHub, account: Account, params: Mapping[str, object] | None = None) -> list[str]:
    """The titles of the items of one ``GET /tasks`` page, in order."""
    return [str(item.get("title")) for item in hub.page(account, params)["items"]]


def move_task(hub: TaskHub, account: Account, task_id: str, *statuses: str) -> None:
    """PATCH a task through ``statuses`` in turn, each move expected to succeed."""
    for status in statuses:
        hub.request(
            "PATCH",
            f"/tasks/{task_id}",
            account=account,
            json={"status": status},
            expect=200,
            help="todo -> in_progress -> done is the normal life of a task; each move is a "
            "PATCH with the new status (week 9, stage 7).",
        )


def seed_three_tasks(hub: TaskHub, account: Account) -> dict[str, dict[str, Any]]:
    """Three tasks of ``account`` that differ in every field a list can filter or sort by:
    ``milk`` (todo, priority 1, due 2030-01-10), ``report`` (in progress, priority 3, due
    2030-02-15, with a description) and ``bike`` (done, priority 4, no due date)."""
    milk = hub.task(account, title="Buy milk", priority=1, due_date="2030-01-10")
    report = hub.task(
        account,
        title="Write report",
        description="The quarterly numbers",
        priority=3,
        due_date="2030-02-15",
    )
    bike = hub.task(account, title="Fix bike", priority=4)
    move_task(hub, account, report["id"], "in_progress")
    move_task(hub, account, bike["id"], "in_progress", "done")
    return {"milk": milk, "report": report, "bike": bike}
