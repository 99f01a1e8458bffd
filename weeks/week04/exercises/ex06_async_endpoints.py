"""Find the blocking calls: routes that stall every other request while they wait.

An ``async def`` route runs on the event loop, the one thread that serves every request of the
process. While it ``await``s, the loop serves other requests; while it calls something that
blocks (``time.sleep``, a sync HTTP client, a sync database driver), the loop cannot, and every
other client waits too. A plain ``def`` route is run in a thread pool, where blocking only
ties up its own thread.

This service has two such calls, in ``build_report`` and ``current_rate``. Fix them so that
several requests can be in flight at once, then write the dashboard that needs both.
"""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI(title="Reports API", version="0.6.0")

REPORT_SECONDS = 0.2  # how long building a report waits on its (simulated) data source
RATE_SECONDS = 0.2  # how long the legacy rates service takes to answer
EXPORT_SECONDS = 0.2
RATES = {"EUR": Decimal("1.08"), "GBP": Decimal("1.27"), "JPY": Decimal("0.0067")}


def lookup_rate(currency: str) -> Decimal:
    """The legacy rates client: synchronous, and it blocks while it waits for the network.

    It stands in for a vendor SDK you cannot change. Unknown currencies are rated 1.
    """
    time.sleep(RATE_SECONDS)
    return RATES.get(currency, Decimal(1))


class Report(BaseModel):
    task_id: int
    lines: int


class Rate(BaseModel):
    currency: str
    rate: Decimal


class Dashboard(BaseModel):
    report: Report
    rate: Rate


async def build_report(task_id: int) -> Report:
    """Wait REPORT_SECONDS for the data, then answer a report of ``task_id * 10`` lines."""
    time.sleep(REPORT_SECONDS)
    return Report(task_id=task_id, lines=task_id * 10)


async def current_rate(currency: str) -> Rate:
    """The exchange rate of ``currency`` from the legacy client, which blocks while it waits."""
    rate = lookup_rate(currency)
    return Rate(currency=currency, rate=rate)


@app.get("/reports/{task_id}")
async def read_report(task_id: int) -> Report:
    return await build_report(task_id)


@app.get("/rates/{currency}")
async def read_rate(currency: str) -> Rate:
    return await current_rate(currency)


@app.get("/exports/{task_id}")
def export_task(task_id: int) -> dict[str, int]:
    """Blocks too, but this one is fine: a plain ``def`` route runs in FastAPI's thread pool."""
    time.sleep(EXPORT_SECONDS)
    return {"task_id": task_id, "bytes": 1024 * task_id}


@app.get("/dashboard/{task_id}")
async def dashboard(task_id: int, currency: str = "EUR") -> Dashboard:
    """The report of the task and the rate of ``currency``, fetched at the same time.

    Awaiting one after the other would add the two waits up; ``asyncio.gather`` runs both
    coroutines together, so the dashboard takes about as long as the slower one.
    """
    # TODO: gather build_report and current_rate, then combine them
    raise NotImplementedError
