"""Checks for week11/stage06_probes: /healthz for liveness, /readyz that touches the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.checking import Learner
from workbook.taskhub_checks import expect_problem, open_taskhub


def test_ready_while_serving(learner: Learner, tmp_path: Path) -> None:
    """answers /healthz and /readyz with 200, without a token, while serving accounts"""
    with open_taskhub(learner, tmp_path) as hub:
        hub.account("operator")
        for path in ("/healthz", "/readyz"):
            hub.request(
                "GET",
                path,
                expect=200,
                help=f"{path} answers 200 without a token while the service can serve.",
            )


@pytest.mark.requires("test_ready_while_serving")
def test_not_ready_without_database(learner: Learner, tmp_path: Path) -> None:
    """keeps /healthz at 200 but answers /readyz with a 503 problem without a database"""
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
