"""Checks for week11/stage04_request_id: an X-Request-ID on every response, safe ones echoed."""

from __future__ import annotations

import uuid
from pathlib import Path

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import open_taskhub


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
