"""Sync or async SQLAlchemy? Measure the data-access path TaskHub uses, both ways.

    uv run python bench/sync_vs_async.py --database-url postgresql+psycopg://...

Runs after ``bench.py`` has seeded the database. The same ORM query (one task with its tags,
scoped to its owner) is executed ``--operations`` times with ``--concurrency`` in flight:
with a sync ``Session`` on a thread pool (what FastAPI does for ``def`` endpoints) and with
an ``AsyncSession`` on asyncio (what ``async def`` endpoints would use). Both use psycopg 3.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import Select, create_engine, select
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.orm import Session, selectinload

from taskhub.tasks.models import Task


def _query(task_id: uuid.UUID, owner_id: uuid.UUID) -> Select[Task]:
    return (
        select(Task)
        .where(Task.id == task_id, Task.owner_id == owner_id)
        .options(selectinload(Task.tags))
    )


def run_sync(url: str, pairs: list[tuple[uuid.UUID, uuid.UUID]], concurrency: int) -> list[float]:
    engine = create_engine(url, pool_size=concurrency, max_overflow=0)

    def one(pair: tuple[uuid.UUID, uuid.UUID]) -> float:
        started = time.perf_counter()
        with Session(engine) as session:
            session.scalars(_query(*pair)).one()
        return time.perf_counter() - started

    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, pairs[:concurrency]))  # warm-up
        started = time.perf_counter()
        latencies = list(pool.map(one, pairs))
        latencies.append(time.perf_counter() - started)
    engine.dispose()
    return latencies


async def run_async(
    url: str, pairs: list[tuple[uuid.UUID, uuid.UUID]], concurrency: int
) -> list[float]:
    engine = create_async_engine(url, pool_size=concurrency, max_overflow=0)
    semaphore = asyncio.Semaphore(concurrency)

    async def one(pair: tuple[uuid.UUID, uuid.UUID]) -> float:
        async with semaphore:
            started = time.perf_counter()
            async with AsyncSession(engine) as session:
                (await session.scalars(_query(*pair))).one()
            return time.perf_counter() - started

    await asyncio.gather(*(one(pair) for pair in pairs[:concurrency]))  # warm-up
    started = time.perf_counter()
    latencies = list(await asyncio.gather(*(one(pair) for pair in pairs)))
    latencies.append(time.perf_counter() - started)
    await engine.dispose()
    return latencies


def report(label: str, latencies: list[float]) -> None:
    elapsed = latencies.pop()
    latencies.sort()
    print(
        f"{label:28} {len(latencies) / elapsed:8.0f} queries/s   "
        f"p50 {statistics.median(latencies) * 1000:6.2f} ms   "
        f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:6.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--database-url", default=os.environ.get("TASKHUB_BENCH_DATABASE_URL"))
    parser.add_argument("--operations", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    if not args.database_url:
        raise SystemExit("--database-url (or TASKHUB_BENCH_DATABASE_URL) is required")
    engine = create_engine(args.database_url)
    with engine.connect() as conn:
        pairs = [
            (row.id, row.owner_id)
            for row in conn.execute(select(Task.id, Task.owner_id).limit(args.operations))
        ]
    engine.dispose()
    print(f"{len(pairs)} lookups of one task with its tags, {args.concurrency} in flight")
    report("sync Session + threads", run_sync(args.database_url, pairs, args.concurrency))
    report(
        "AsyncSession + asyncio", asyncio.run(run_async(args.database_url, pairs, args.concurrency))
    )


if __name__ == "__main__":
    main()
