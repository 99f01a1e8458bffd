"""Checks for week11/milestone_quality: problem documents, request ids, probes, the login rate
limit, JSON logs, and the learner's own test suite with coverage."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from workbook.checking import CheckFailure, Learner, expect_true
from workbook.taskhub_checks import (
    PASSWORD,
    expect_problem,
    open_taskhub,
    project_dir,
    shown_project,
)

SUITE_TIMEOUT = 280  # seconds; the exercise's own limit is 300
COVERAGE_GOAL = 85
_TAIL_LINES = 15


def test_problem_details(learner: Learner, tmp_path: Path) -> None:
    """answers 404, 422 and 401 errors as RFC 9457 problem documents"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("errors")
        missing = f"/tasks/{uuid.uuid4()}"
        cases = [
            ("GET", missing, None, account, 404, "a task that does not exist"),
            ("POST", "/tasks", {"title": ""}, account, 422, "an empty title"),
            ("POST", "/tasks", {"title": "x", "priority": 9}, account, 422, "priority 9"),
            ("GET", "/tasks", None, None, 401, "no token"),
            ("GET", "/no-such-route", None, account, 404, "an unknown route"),
        ]
        for method, path, payload, who, status, what in cases:
            response = hub.request(
                method,
                path,
                account=who,
                json=payload,
                expect=status,
                help=f"{method} {path} with {what} is a {status}.",
            )
            expect_problem(
                f"{method} {path} with {what}",
                response,
                status,
                help="Raise the domain errors of core/errors.py and keep its handlers "
                "installed: they write every error as application/problem+json.",
            )


@pytest.mark.requires("test_problem_details")
def test_crash_is_a_problem(learner: Learner, tmp_path: Path) -> None:
    """answers an unexpected crash with a 500 problem that reveals nothing internal"""

    def explode() -> None:
        raise RuntimeError("connection string postgresql://admin:hunter2@db/taskhub")

    with open_taskhub(learner, tmp_path) as hub:
        hub.app.add_api_route("/milestone-check-crash", explode, methods=["GET"])
        response = hub.request(
            "GET",
            "/milestone-check-crash",
            expect=500,
            help="An exception nobody handled must still end as a 500 answer.",
        )
        expect_problem(
            "GET on a route that raises RuntimeError",
            response,
            500,
            help="The request middleware catches what nothing else handled and answers a "
            "bare 500 problem; keep it the outermost middleware.",
        )
        leaked = [w for w in ("hunter2", "Traceback", "RuntimeError") if w in response.text]
        expect_true(
            not leaked,
            what="GET on a route that raises RuntimeError returned 500",
            expected="a body without the exception, its message or a traceback",
            actual=f"a body containing {', '.join(leaked)}",
            help="Internal details belong in the log, under the request id, never in the "
            "answer: an attacker reads error messages too.",
        )


def test_request_id(learner: Learner, tmp_path: Path) -> None:
    """sends X-Request-ID on every response and echoes a valid incoming one"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("traced")
        echoed = hub.request(
            "GET",
            "/me",
            account=account,
            headers={"X-Request-ID": "milestone-check-0042"},
            expect=200,
            help="GET /me returns the caller's account.",
        )
        expect_true(
            echoed.headers.get("x-request-id") == "milestone-check-0042",
            what="GET /me with X-Request-ID: milestone-check-0042",
            expected="the same X-Request-ID in the response",
            actual=repr(echoed.headers.get("x-request-id")),
            help="A safe incoming id is reused, so one id follows a request across services.",
        )
        seen = []
        for path, status in (("/tasks", 200), (f"/tasks/{uuid.uuid4()}", 404)):
            response = hub.request(
                "GET",
                path,
                account=account,
                expect=status,
                help=f"GET {path} is a {status}.",
            )
            seen.append(response.headers.get("x-request-id"))
            expect_true(
                bool(seen[-1]),
                what=f"GET {path} (status {status})",
                expected="an X-Request-ID header",
                actual="no X-Request-ID header",
                help="The request middleware adds the id to every response, errors included.",
            )
        expect_true(
            seen[0] != seen[1],
            what="two requests without X-Request-ID",
            expected="two different generated ids",
            actual=f"both {seen[0]!r}",
            help="Generate a fresh id (uuid4) for each request that does not bring one.",
        )
        hostile = hub.request(
            "GET",
            "/me",
            account=account,
            headers={"X-Request-ID": "x" * 300},
            expect=200,
            help="GET /me returns the caller's account.",
        )
        expect_true(
            hostile.headers.get("x-request-id") not in (None, "x" * 300),
            what="GET /me with a 300-character X-Request-ID",
            expected="a fresh id instead of the oversized one",
            actual=repr(hostile.headers.get("x-request-id"))[:60],
            help="Only reuse an incoming id that is short and made of safe characters; "
            "otherwise anyone could write what they like into your logs.",
        )


@pytest.mark.requires("test_problem_details")
def test_health(learner: Learner, tmp_path: Path) -> None:
    """answers /healthz and /readyz with 200, and /readyz with 503 without a database"""
    with open_taskhub(learner, tmp_path) as hub:
        for path in ("/healthz", "/readyz"):
            hub.request(
                "GET",
                path,
                expect=200,
                help=f"{path} answers 200 without a token while the service can serve.",
            )
    unreachable = f"sqlite:///{tmp_path / 'no-such-folder' / 'taskhub.db'}"
    with open_taskhub(learner, tmp_path, database_url=unreachable) as hub:
        hub.request(
            "GET",
            "/healthz",
            expect=200,
            help="/healthz only says the process answers; it must not touch the database.",
        )
        response = hub.request(
            "GET",
            "/readyz",
            expect=503,
            help="/readyz runs SELECT 1; when the database cannot be reached it answers 503, "
            "so the orchestrator stops sending traffic.",
        )
        expect_problem("GET /readyz without a database", response, 503, help="Answer a problem.")


def test_login_rate_limit(learner: Learner, tmp_path: Path) -> None:
    """limits repeated failed logins with 429 and a Retry-After header"""
    overrides = {"login_rate_limit_per_account": 3, "login_rate_limit_per_ip": 100}
    with open_taskhub(learner, tmp_path, **overrides) as hub:
        user = hub.register("target")
        form = {
            "username": str(user["email"]),
            "password": "wrong guess 1",
            "grant_type": "password",
        }
        statuses: list[int] = []
        limited = None
        for _ in range(8):
            response = hub.request(
                "POST",
                "/auth/token",
                data=form,
                expect=(401, 429),
                help="A wrong password is a 401 until the limit is reached, then a 429.",
            )
            statuses.append(response.status_code)
            if response.status_code == 429:
                limited = response
                break
        if limited is None:
            raise CheckFailure(
                "8 failed logins for one account (limit: 3 per window) were answered "
                f"{statuses}, expected a 429 after the third",
                expected="429 Too Many Requests once the limit is reached",
                actual=str(statuses),
                help="Count each attempt with the per-account limiter (and the per-IP one) "
                "before checking the password, and raise RateLimitedError when it refuses.",
            )
        expect_problem(
            "POST /auth/token past the limit",
            limited,
            429,
            help="Raise the RateLimitedError of core/errors.py.",
        )
        retry_after = limited.headers.get("retry-after", "")
        expect_true(
            retry_after.isdigit() and int(retry_after) >= 1,
            what="POST /auth/token past the limit returned 429",
            expected="a Retry-After header with a whole number of seconds",
            actual=f"Retry-After {retry_after!r}" if retry_after else "no Retry-After header",
            help="The limiter tells you how long until the oldest attempt leaves the window; "
            "pass it to RateLimitedError, which sets the header.",
        )


def test_json_logs(learner: Learner, tmp_path: Path) -> None:
    """writes one JSON log line per event, carrying the request id and no password"""
    configure_logging = learner.submodule("core.logging").function("configure_logging")
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    # The test client logs each request it sends; only the application's lines matter here.
    client_loggers = [logging.getLogger(name) for name in ("httpx", "httpx2")]
    saved_disabled = [logger.disabled for logger in client_loggers]
    try:
        for logger in client_loggers:
            logger.disabled = True
        configure_logging("INFO", json_lines=True)
        streams: list[io.StringIO] = []
        for handler in root.handlers:
            if isinstance(handler, logging.StreamHandler) and handler not in saved_handlers:
                streams.append(io.StringIO())
                handler.setStream(streams[-1])
        expect_true(
            bool(streams),
            what="configure_logging('INFO', json_lines=True)",
            expected="a stream handler on the root logger",
            actual="no new stream handler",
            help="Logs go to standard output, one line per event, through a StreamHandler "
            "on the root logger.",
        )
        with open_taskhub(learner, tmp_path) as hub:
            hub.request(
                "POST",
                "/auth/register",
                json={"email": f"logged-{uuid.uuid4().hex[:8]}@example.com", "password": PASSWORD},
                headers={"X-Request-ID": "log-check-0042"},
                expect=201,
                help="Registration answers 201 with the new account.",
            )
        output = "".join(stream.getvalue() for stream in streams)
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for logger, disabled in zip(client_loggers, saved_disabled, strict=True):
            logger.disabled = disabled
    lines = [line for line in output.splitlines() if line.strip()]
    entries = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            entry = None
        expect_true(
            isinstance(entry, dict),
            what="a log line written during POST /auth/register",
            expected="a JSON object",
            actual=line[:120],
            help="Format every record with the JsonFormatter of core/logging.py; print() and "
            "plain-text formatters break the log pipeline.",
        )
        entries.append(entry)
    tagged = [e for e in entries if isinstance(e, dict) and "log-check-0042" in e.values()]
    expect_true(
        bool(tagged),
        what="POST /auth/register with X-Request-ID: log-check-0042",
        expected="at least one JSON log line whose request_id is 'log-check-0042'",
        actual=f"{len(entries)} line(s), none with that id",
        help="The request middleware stores the id in a context variable and a logging "
        "filter copies it onto every record, so each line can be traced to its request.",
    )
    expect_true(
        PASSWORD not in output,
        what="the log lines of POST /auth/register",
        expected="no password",
        actual="the password in clear",
        help="Never log request bodies or credentials; log what happened and to whom.",
    )


def _tail(output: str) -> str:
    """The failing tests and the summary line when pytest listed them, else the last lines."""
    lines = [line.rstrip() for line in output.splitlines() if line.strip()]
    failed = [line for line in lines if line.startswith(("FAILED ", "ERROR "))]
    if failed:
        return "\n".join([*failed[:5], lines[-1]])
    return "\n".join(lines[-_TAIL_LINES:])


@pytest.mark.requires("test_problem_details")
def test_own_test_suite(learner: Learner) -> None:
    """passes your own test suite with at least 85% coverage"""
    project = project_dir(learner)
    shown = shown_project(learner)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COV_CORE_", "COVERAGE_"))
        and key not in ("TASKHUB_TEST_DATABASE_URL", "TASKHUB_REQUIRE_POSTGRES", "PYTEST_ADDOPTS")
    }
    env["COLUMNS"] = "200"  # pytest cuts its summary lines to the terminal's width
    env["PYTHONPATH"] = os.pathsep.join(
        [str(project / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-x",
        "--cov=taskhub",
        "--cov-report=",
        f"--cov-fail-under={COVERAGE_GOAL}",
    ]
    try:
        result = subprocess.run(
            command,
            cwd=project,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=SUITE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise CheckFailure(
            f"your test suite (cd {shown} && pytest) ran longer than {SUITE_TIMEOUT} seconds",
            expected=f"a suite that finishes within {SUITE_TIMEOUT} seconds",
            actual="still running, stopped",
            help="Look for a test waiting on a network service, or a fixture that rebuilds "
            "the database for every test instead of rolling back a transaction.",
        ) from None
    output = result.stdout + result.stderr
    if result.returncode == 0:
        return
    if result.returncode == 5:
        raise CheckFailure(
            f"your test suite (cd {shown} && pytest) collected no tests",
            expected=f"test files named test_*.py in {shown}/tests",
            actual="no tests collected",
            help="Write tests named after behaviours (test_another_users_task_is_404...) "
            "that use the client and database fixtures of tests/conftest.py.",
        )
    below = re.search(
        r"Required test coverage of [\d.]+% not reached\. Total coverage: ([\d.]+)%", output
    )
    if below:
        raise CheckFailure(
            f"your test suite passes but covers {below.group(1)}% of taskhub, expected at "
            f"least {COVERAGE_GOAL}%",
            expected=f"coverage of at least {COVERAGE_GOAL}%",
            actual=f"{below.group(1)}%",
            help="Run 'uv run pytest --cov-report=term-missing' to list the lines no test "
            "reaches, then test the behaviour behind them (the error paths count most).",
        )
    raise CheckFailure(
        f"your test suite (cd {shown} && pytest -x) failed with exit status "
        f"{result.returncode}; its last lines:\n{_tail(output)}",
        expected="every test passing",
        actual=f"exit status {result.returncode}",
        help="Run 'uv run pytest -x' in the project folder to see the first failure with its "
        "traceback; the suite must pass on SQLite without any other service.",
    )
