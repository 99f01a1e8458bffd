"""Checks for week04/ex06_async_endpoints: no blocking call left on the event loop.

Concurrency is measured by overlap, not by speed: three requests are sent at the same time and
each one's start and end are recorded. On a loop that is blocked, each request only starts once
the previous one has finished, however fast the machine is.
"""

from __future__ import annotations

import pytest

from workbook.checking import Learner
from workbook.checking_app import Sent, expect_overlap, learner_app, open_api, timed_requests


def test_dashboard(learner: Learner) -> None:
    """answers the dashboard with the report and the rate"""
    with open_api(learner) as api:
        api.get("/dashboard/3", params={"currency": "GBP"}, expect=200,
                help="The dashboard awaits build_report and current_rate.").expect_json(
            {"report": {"task_id": 3, "lines": 30}, "rate": {"currency": "GBP", "rate": "1.27"}},
            help="Return Dashboard(report=..., rate=...) built from the two results.")
        api.get("/dashboard/1", expect=200, help="currency defaults to EUR.").expect_json(
            {"report": {"task_id": 1, "lines": 10}, "rate": {"currency": "EUR", "rate": "1.08"}},
            help="Pass the task id and the currency on to the two helpers.")


@pytest.mark.requires("test_dashboard")
def test_reports_overlap(learner: Learner) -> None:
    """serves concurrent report requests together"""
    timings = timed_requests(learner_app(learner),
                             [Sent("GET", f"/reports/{n}") for n in (1, 2, 3)])
    expect_overlap(timings, help="time.sleep inside async def stops the whole event loop: "
                   "await asyncio.sleep(...) instead, so the loop serves other requests while "
                   "this one waits.")


@pytest.mark.requires("test_dashboard")
def test_rates_overlap(learner: Learner) -> None:
    """serves concurrent rate requests together"""
    timings = timed_requests(learner_app(learner),
                             [Sent("GET", f"/rates/{c}") for c in ("EUR", "GBP", "JPY")])
    expect_overlap(timings, help="lookup_rate is synchronous and blocks: called directly in "
                   "async code it holds the event loop. Run it in a worker thread with "
                   "await asyncio.to_thread(lookup_rate, currency).")


@pytest.mark.requires("test_dashboard")
def test_dashboards_overlap(learner: Learner) -> None:
    """serves concurrent dashboards together"""
    timings = timed_requests(learner_app(learner),
                             [Sent("GET", f"/dashboard/{n}") for n in (1, 2, 3)])
    expect_overlap(timings, help="The dashboard must only await: no blocking call of its "
                   "own, and build_report and current_rate fixed first.")


@pytest.mark.requires("test_dashboard")
def test_exports_overlap(learner: Learner) -> None:
    """still serves concurrent exports together"""
    timings = timed_requests(learner_app(learner),
                             [Sent("GET", f"/exports/{n}") for n in (1, 2, 3)])
    expect_overlap(timings, help="export_task was right as a plain def (FastAPI runs it in a "
                   "thread pool); turning it into async def with time.sleep blocks the loop.")
