"""TaskHub benchmark (not a test): seed PostgreSQL, serve with uvicorn, measure.

    uv run python bench/bench.py --database-url postgresql+psycopg://USER:PW@127.0.0.1:5432/DB

Steps: reset and migrate the database; seed ``--scale`` users with ``--tasks-per-user`` tasks
each (five tags per user, zero to three tags per task); start TaskHub and a bare Starlette
endpoint with uvicorn on 127.0.0.1; drive both from a separate process with httpx (bounded by
``--requests`` and ``--seconds`` per scenario); print requests/s and p50/p99 latency; then
count the SQL statements that one list request runs for pages of 10, 50 and 100 tasks.
Everything runs on this machine; nothing is sent anywhere else.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import MetaData, create_engine, event, insert, select, text
from sqlalchemy.engine import Engine

from taskhub.core.config import Settings
from taskhub.core.migrations import upgrade
from taskhub.core.security import PasswordHasher
from taskhub.tasks.models import Tag, Task, task_tags
from taskhub.users.models import User

HERE = Path(__file__).resolve().parent
PASSWORD = "benchmark-password"
TAGS_PER_USER = 5


# -- seeding ------------------------------------------------------------------------------


def reset_and_migrate(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        metadata = MetaData()
        metadata.reflect(conn)
        metadata.drop_all(conn)
    engine.dispose()
    upgrade(url)


def _batches(rows: list[dict[str, Any]], size: int = 5000) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def seed(engine: Engine, users: int, tasks_per_user: int) -> None:
    rng = random.Random(42)
    password_hash = PasswordHasher(3, 64 * 1024, 4).hash(PASSWORD)  # production cost
    now = datetime.now(UTC)
    statuses = ["todo", "in_progress", "done", "cancelled"]
    with engine.begin() as conn:
        for chunk in range(0, users, 100):
            user_rows: list[dict[str, Any]] = []
            tag_rows: list[dict[str, Any]] = []
            task_rows: list[dict[str, Any]] = []
            link_rows: list[dict[str, Any]] = []
            for index in range(chunk, min(chunk + 100, users)):
                user_id = uuid.uuid4()
                user_rows.append(
                    {
                        "id": user_id,
                        "email": f"bench{index}@example.com",
                        "password_hash": password_hash,
                        "role": "user",
                        "is_active": True,
                        "token_version": 0,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
                tag_ids = [uuid.uuid4() for _ in range(TAGS_PER_USER)]
                tag_rows += [
                    {"id": tag_id, "owner_id": user_id, "name": f"tag{i}", "created_at": now}
                    for i, tag_id in enumerate(tag_ids)
                ]
                for number in range(tasks_per_user):
                    task_id = uuid.uuid4()
                    created = now - timedelta(minutes=number)
                    task_rows.append(
                        {
                            "id": task_id,
                            "owner_id": user_id,
                            "title": f"Task {number} of user {index}",
                            "description": "Seeded by the benchmark." if number % 3 else None,
                            "status": rng.choice(statuses),
                            "priority": rng.randint(1, 4),
                            "due_date": date(2030, 1, 1) + timedelta(days=rng.randint(0, 365))
                            if number % 4
                            else None,
                            "created_at": created,
                            "updated_at": created,
                            "version": 1,
                        }
                    )
                    link_rows += [
                        {"task_id": task_id, "tag_id": tag_id}
                        for tag_id in rng.sample(tag_ids, rng.randint(0, 3))
                    ]
            conn.execute(insert(User), user_rows)
            conn.execute(insert(Tag), tag_rows)
            for batch in _batches(task_rows):
                conn.execute(insert(Task), batch)
            for batch in _batches(link_rows):
                conn.execute(insert(task_tags), batch)
        conn.execute(text("ANALYZE"))


# -- serving ------------------------------------------------------------------------------


def serve(target: str, port: int, env: dict[str, str], factory: bool) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "uvicorn", target, "--host", "127.0.0.1"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    if factory:
        command.append("--factory")
    process = subprocess.Popen(command, env=env, cwd=HERE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"{target} did not start on port {port}")


# -- driving (runs in a separate process) -------------------------------------------------


async def _drive(plan: dict[str, Any]) -> dict[str, Any]:
    rng = random.Random(7)
    users: list[dict[str, Any]] = plan["users"]
    latencies: list[float] = []
    errors = 0
    sent = 0
    deadline = time.monotonic() + plan["seconds"]

    def next_request() -> tuple[str, str, dict[str, Any]]:
        user = rng.choice(users)
        headers = {"Authorization": f"Bearer {user['token']}"}
        scenario = plan["scenario"]
        if scenario == "list":
            return "GET", "/tasks?limit=50&status=todo", {"headers": headers}
        if scenario == "get":
            return "GET", f"/tasks/{rng.choice(user['task_ids'])}", {"headers": headers}
        if scenario == "create":
            body = {"title": "Benchmark task", "priority": 3, "tag_ids": user["tag_ids"][:2]}
            return "POST", "/tasks", {"headers": headers, "json": body}
        return "GET", "/", {}

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors, sent
        while sent < plan["requests"] and time.monotonic() < deadline:
            sent += 1
            method, path, kwargs = next_request()
            started = time.perf_counter()
            response = await client.request(method, path, **kwargs)
            latencies.append(time.perf_counter() - started)
            if response.status_code >= 400:
                errors += 1

    limits = httpx.Limits(max_connections=plan["concurrency"])
    async with httpx.AsyncClient(base_url=plan["base_url"], limits=limits, timeout=30) as client:
        # Warm up connections and caches; not measured.
        for _ in range(plan["concurrency"]):
            method, path, kwargs = next_request()
            await client.request(method, path, **kwargs)
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(plan["concurrency"])))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
    }


def run_driver(plan: dict[str, Any]) -> dict[str, Any]:
    """Run one scenario in a child process, so client and server do not share a GIL."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(plan, handle)
    try:
        output = subprocess.run(
            [sys.executable, __file__, "--drive", handle.name],
            check=True,
            capture_output=True,
            text=True,
            timeout=plan["seconds"] + 60,
        ).stdout
    finally:
        os.unlink(handle.name)
    result: dict[str, Any] = json.loads(output)
    return result


# -- statements per request ---------------------------------------------------------------


def statements_per_page(settings: Settings, email: str) -> dict[int, int]:
    from fastapi.testclient import TestClient

    from taskhub.main import create_app

    app = create_app(settings)
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(app.state.engine, "before_cursor_execute", record)
    counts: dict[int, int] = {}
    with TestClient(app) as client:
        token = client.post("/auth/token", data={"username": email, "password": PASSWORD}).json()[
            "access_token"
        ]
        for size in (10, 50, 100):
            statements.clear()
            response = client.get(
                "/tasks", params={"limit": size}, headers={"Authorization": f"Bearer {token}"}
            )
            assert len(response.json()["items"]) == size
            counts[size] = len(statements)
    return counts


# -- main -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description="TaskHub benchmark")
    parser.add_argument("--database-url", default=os.environ.get("TASKHUB_BENCH_DATABASE_URL"))
    parser.add_argument("--scale", type=int, default=1000, help="number of users")
    parser.add_argument("--tasks-per-user", type=int, default=100)
    parser.add_argument("--requests", type=int, default=3000, help="per scenario")
    parser.add_argument("--seconds", type=float, default=20, help="time cap per scenario")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--port", type=int, default=8087)
    parser.add_argument("--skip-seed", action="store_true")
    parser.add_argument("--drive", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.drive:
        print(json.dumps(asyncio.run(_drive(json.loads(Path(args.drive).read_text())))))
        return
    if not args.database_url or not args.database_url.startswith("postgresql"):
        raise SystemExit("--database-url (or TASKHUB_BENCH_DATABASE_URL) must be PostgreSQL")

    url = args.database_url
    engine = create_engine(url)
    if not args.skip_seed:
        started = time.perf_counter()
        reset_and_migrate(url)
        seed(engine, args.scale, args.tasks_per_user)
        print(
            f"seeded {args.scale} users x {args.tasks_per_user} tasks "
            f"in {time.perf_counter() - started:.1f} s"
        )

    env = {
        **os.environ,
        "TASKHUB_ENVIRONMENT": "production",
        "TASKHUB_SECRET_KEY": secrets.token_urlsafe(48),
        "TASKHUB_DATABASE_URL": url,
        "TASKHUB_LOG_LEVEL": "WARNING",
        "TASKHUB_LOGIN_RATE_LIMIT_PER_IP": "100000",
        "PYTHONPATH": str(HERE),
    }
    settings = Settings(
        environment="production",
        secret_key=env["TASKHUB_SECRET_KEY"],
        database_url=url,
        login_rate_limit_per_ip=100_000,
    )
    api = serve("taskhub.main:app_from_env", args.port, env, factory=True)
    ceiling = serve("ceiling:app", args.port + 1, env, factory=False)
    try:
        base = f"http://127.0.0.1:{args.port}"
        sample = min(args.scale, 20)
        with engine.connect() as conn:
            rows = conn.execute(
                select(User.id, User.email).order_by(User.email).limit(sample)
            ).all()
            users = []
            for user_id, email in rows:
                token = httpx.post(
                    f"{base}/auth/token", data={"username": email, "password": PASSWORD}
                ).json()["access_token"]
                task_ids = conn.scalars(
                    select(Task.id).where(Task.owner_id == user_id).limit(100)
                ).all()
                tag_ids = conn.scalars(select(Tag.id).where(Tag.owner_id == user_id)).all()
                users.append(
                    {
                        "token": token,
                        "task_ids": [str(t) for t in task_ids],
                        "tag_ids": [str(t) for t in tag_ids],
                    }
                )
        plan = {
            "users": users,
            "requests": args.requests,
            "seconds": args.seconds,
            "concurrency": args.concurrency,
        }
        results = {}
        for scenario in ("list", "get", "create"):
            results[scenario] = run_driver({**plan, "scenario": scenario, "base_url": base})
        results["ceiling"] = run_driver(
            {**plan, "scenario": "ceiling", "base_url": f"http://127.0.0.1:{args.port + 1}"}
        )
    finally:
        api.terminate()
        ceiling.terminate()
        api.wait()
        ceiling.wait()

    labels = {
        "list": "GET /tasks?limit=50&status=todo",
        "get": "GET /tasks/{id}",
        "create": "POST /tasks",
        "ceiling": "bare Starlette JSON (ceiling)",
    }
    top = results["ceiling"]["rps"]
    print(f"\nconcurrency {args.concurrency}, one uvicorn worker, client in its own process")
    print(
        f"{'scenario':34} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'of ceiling':>10}"
    )
    for key, label in labels.items():
        row = results[key]
        print(
            f"{label:34} {row['requests']:8d} {row['errors']:6d} {row['rps']:8.0f} "
            f"{row['p50_ms']:8.1f} {row['p99_ms']:8.1f} {row['rps'] / top:10.1%}"
        )
    counts = statements_per_page(settings, "bench0@example.com")
    print("\nSQL statements per GET /tasks (tasks with tags):")
    for size, count in counts.items():
        print(f"  limit={size:<4} {count} statements")
    if len(set(counts.values())) != 1:
        raise SystemExit("statement count grows with the page size (N+1 query)")
    engine.dispose()


if __name__ == "__main__":
    main()
