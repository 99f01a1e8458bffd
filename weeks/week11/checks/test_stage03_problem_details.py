"""Checks for week11/stage03_problem_details: every error, a crash included, is a problem."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import expect_problem, open_taskhub


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
