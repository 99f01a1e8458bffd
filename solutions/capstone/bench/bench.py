"""TaskHub benchmark (not a test): seed PostgreSQL, serve with uvicorn, measure.

    uv run python bench/bench.py --database-url postgresql+psycopg://USER:PW@127.0.0.1:5432/DB

Steps: reset and migrate the database; seed ``--scale`` users with ``--tasks-per-user`` tasks
each (five tags per user, zero to three tags per task, every other task "todo"); start TaskHub
with uvicorn on 127.0.0.1, fetch one page of the list scenario from it, and start the ceiling:
a bare Starlette endpoint that serves that same page (one worker each); load both with wrk, a C
load generator in its own process, for ``--seconds`` per scenario at each ``--concurrency``;
print requests/s, p50/p99/max latency, errors and the share of the ceiling measured in the same
run; then count the SQL statements that one list request runs for pages of 10, 50 and 100
tasks, and say which targets were missed. ``--probes`` also measures the same reads on two
other designs (``probes.py``: async endpoints, and plain SQL without the ORM) for comparison.
Everything runs on this machine; nothing is sent anywhere else.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import shutil
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
#: The list scenario's request; the ceiling serves the page TaskHub answers to it.
LIST_PATH = "/tasks?limit=50&status=todo"
#: Names the file holding the JSON body that the ceiling serves (see ceiling.py).
CEILING_BODY_VARIABLE = "TASKHUB_BENCH_CEILING_BODY"


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
    # Every other task is "todo", so the list scenario's page holds 50 items (of 100 tasks).
    other_statuses = ["in_progress", "done", "cancelled"]
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
                            "status": rng.choice(other_statuses) if number % 2 else "todo",
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


# -- driving: wrk, a separate process written in C ----------------------------------------

WRK_SCRIPT = """
local items = {%(items)s}
local method = "%(method)s"
math.randomseed(7)

request = function()
  local item = items[math.random(#items)]
  local headers = {["Content-Type"] = "application/json"}
  if item[1] ~= "" then headers["Authorization"] = "Bearer " .. item[1] end
  return wrk.format(method, item[2], headers, item[3])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %%d, "seconds": %%f, "p50_ms": %%f, "p99_ms": %%f, "max_ms": %%f, ' ..
    '"status_errors": %%d, "socket_errors": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status,
    e.connect + e.read + e.write + e.timeout))
end
"""


def _lua_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk_script(plan: dict[str, Any], scenario: str) -> str:
    """The Lua script that makes wrk send ``scenario``'s requests for random users."""
    items: list[tuple[str, str, str]] = []  # (token, path, Lua body expression)
    method = "POST" if scenario == "create" else "GET"
    prefix = PROBE_PREFIXES.get(scenario, "")
    for user in plan["users"]:
        if scenario.startswith("list"):
            items.append((user["token"], prefix + LIST_PATH, "nil"))
        elif scenario.startswith("get"):
            items += [(user["token"], f"{prefix}/tasks/{task}", "nil") for task in user["task_ids"]]
        elif scenario == "create":
            body = {"title": "Benchmark task", "priority": 3, "tag_ids": user["tag_ids"][:2]}
            items.append((user["token"], "/tasks", _lua_string(json.dumps(body))))
        else:
            items.append(("", "/", "nil"))
    rendered = ", ".join(
        f"{{{_lua_string(token)}, {_lua_string(path)}, {body}}}" for token, path, body in items
    )
    return WRK_SCRIPT % {"items": rendered, "method": method}


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) that process ``pid`` has used, or None off Linux.

    On a shared machine the server's CPU time per request varies much less between runs than
    its requests per second, so the table prints both.
    """
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_wrk(
    base_url: str, script: str, *, connections: int, seconds: float, server_pid: int
) -> dict[str, Any]:
    """Run wrk against ``base_url`` and return its summary (requests/s, p50, p99, errors),
    with the CPU milliseconds the server (``server_pid``) spent per request."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is not installed (scripts/bench-postgres.sh installs it)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        # A short warm-up (connections, caches), not measured.
        subprocess.run(
            [wrk, "-t2", f"-c{connections}", "-d2s", "-s", handle.name, base_url],
            check=True,
            capture_output=True,
            timeout=60,
        )
        cpu_before = cpu_seconds(server_pid)
        output = subprocess.run(
            [
                wrk,
                "-t2",
                f"-c{connections}",
                f"-d{seconds:g}s",
                "--timeout",
                "10s",
                "-s",
                handle.name,
                base_url,
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=seconds + 60,
        ).stdout
        cpu_after = cpu_seconds(server_pid)
    finally:
        os.unlink(handle.name)
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    result["errors"] = result["status_errors"] + result["socket_errors"]
    spent = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    result["cpu_ms"] = 1000 * spent / result["requests"] if spent and result["requests"] else None
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


SCENARIOS = {
    "list": "GET " + LIST_PATH,
    "get": "GET /tasks/{id}",
    "create": "POST /tasks",
    "ceiling": "ceiling: bare Starlette, same page",
}
#: With --probes: the same reads on other designs (see probes.py), and their path prefixes.
PROBES = {
    "get-async": "probe: GET /tasks/{id}, async",
    "list-async": "probe: GET /tasks?..., async",
    "get-sql": "probe: GET /tasks/{id}, SQL, no ORM",
    "list-sql": "probe: GET /tasks?..., SQL, no ORM",
}
PROBE_PREFIXES = {
    "get-async": "/probe/async",
    "list-async": "/probe/async",
    "get-sql": "/probe/sql",
    "list-sql": "/probe/sql",
}
#: Share of the ceiling each scenario must reach, and the p99 bound of GET at c=64.
TARGETS = {"list": 0.10, "get": 0.12, "create": 0.08}
GET_P99_TARGET_MS = 300.0


def main() -> None:
    parser = argparse.ArgumentParser(description="TaskHub benchmark")
    parser.add_argument("--database-url", default=os.environ.get("TASKHUB_BENCH_DATABASE_URL"))
    parser.add_argument("--scale", type=int, default=1000, help="number of users")
    parser.add_argument("--tasks-per-user", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=10, help="duration per scenario")
    parser.add_argument(
        "--concurrency", type=int, nargs="+", default=[64, 256], help="wrk connections"
    )
    parser.add_argument("--port", type=int, default=8087)
    parser.add_argument(
        "--skip-seed",
        action="store_true",
        help="reuse the database as the last run left it (its create scenario added tasks, "
        "so the list's count has more rows to read: compare only runs seeded alike)",
    )
    parser.add_argument(
        "--app-src",
        type=Path,
        help="serve the taskhub package from this src/ folder (an older checkout, to compare)",
    )
    parser.add_argument(
        "--probes",
        action="store_true",
        help="also measure the reads on async endpoints and on plain SQL (bench/probes.py)",
    )
    args = parser.parse_args()

    if not args.database_url or not args.database_url.startswith("postgresql"):
        raise SystemExit("--database-url (or TASKHUB_BENCH_DATABASE_URL) must be PostgreSQL")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (scripts/bench-postgres.sh installs it)")

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
        "PYTHONPATH": os.pathsep.join(
            [str(args.app_src.resolve()), str(HERE)] if args.app_src else [str(HERE)]
        ),
    }
    settings = Settings(
        environment="production",
        secret_key=env["TASKHUB_SECRET_KEY"],
        database_url=url,
        login_rate_limit_per_ip=100_000,
    )
    target = "probes:app_with_probes" if args.probes else "taskhub.main:app_from_env"
    api = serve(target, args.port, env, factory=True)
    scenarios = {**SCENARIOS, **PROBES} if args.probes else SCENARIOS
    ceiling: subprocess.Popen[bytes] | None = None
    results: dict[tuple[str, int], dict[str, Any]] = {}
    body_file = tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False)  # noqa: SIM115
    try:
        base = f"http://127.0.0.1:{args.port}"
        plan = {"users": sample_users(engine, base, min(args.scale, 20))}
        # The ceiling serves the very page the list scenario asks TaskHub for.
        page = httpx.get(
            base + LIST_PATH, headers={"Authorization": f"Bearer {plan['users'][0]['token']}"}
        )
        page.raise_for_status()
        with body_file:
            body_file.write(page.content)
        ceiling_env = {**env, CEILING_BODY_VARIABLE: body_file.name}
        ceiling = serve("ceiling:app", args.port + 1, ceiling_env, factory=False)
        ceiling_body = httpx.get(f"http://127.0.0.1:{args.port + 1}/").content
        print(
            f"list page: TaskHub {len(page.content)} bytes, ceiling {len(ceiling_body)} bytes, "
            f"{len(page.json()['items'])} items"
        )
        for connections in args.concurrency:
            for scenario in scenarios:
                on_ceiling = scenario == "ceiling"
                target = f"http://127.0.0.1:{args.port + 1}" if on_ceiling else base
                server = ceiling if on_ceiling else api
                script = wrk_script(plan, scenario)
                results[scenario, connections] = run_wrk(
                    target,
                    script,
                    connections=connections,
                    seconds=args.seconds,
                    server_pid=server.pid,
                )
    finally:
        for process in (api, ceiling):
            if process is not None:
                process.terminate()
                process.wait()
        os.unlink(body_file.name)

    print("\none uvicorn worker per server; load from wrk (-t2) in its own process")
    print(
        f"{'scenario':34} {'conns':>5} {'requests':>8} {'errors':>6} {'req/s':>7} "
        f"{'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'of ceiling':>10} {'cpu ms/req':>10}"
    )
    failures: list[str] = []
    for connections in args.concurrency:
        top = results["ceiling", connections]["rps"]
        for scenario, label in scenarios.items():
            row = results[scenario, connections]
            share = row["rps"] / top
            print(
                f"{label:34} {connections:5d} {row['requests']:8d} {row['errors']:6d} "
                f"{row['rps']:7.0f} {row['p50_ms']:7.1f} {row['p99_ms']:7.1f} "
                f"{row['max_ms']:7.0f} {share:10.1%} "
                + (f"{row['cpu_ms']:10.2f}" if row["cpu_ms"] is not None else f"{'-':>10}")
            )
            if row["errors"]:
                failures.append(f"{label} at c={connections}: {row['errors']} errors")
            if row["requests"] == 0:
                failures.append(f"{label} at c={connections}: stalled (no answer in time)")
            if connections == 64 and scenario in TARGETS and share < TARGETS[scenario]:
                failures.append(f"{label} at c=64: {share:.1%} < {TARGETS[scenario]:.0%}")
            if connections == 64 and scenario == "get" and row["p99_ms"] > GET_P99_TARGET_MS:
                failures.append(f"{label} at c=64: p99 {row['p99_ms']:.0f} ms > 300 ms")
    counts = statements_per_page(settings, "bench0@example.com")
    print("\nSQL statements per GET /tasks (tasks with tags):")
    for size, count in counts.items():
        print(f"  limit={size:<4} {count} statements")
    if len(set(counts.values())) != 1:
        failures.append("statement count grows with the page size (N+1 query)")
    engine.dispose()
    print("\ntargets: " + ("all met" if not failures else "MISSED: " + "; ".join(failures)))


def sample_users(engine: Engine, base: str, count: int) -> list[dict[str, Any]]:
    """Log in ``count`` seeded users and collect their task ids for the scenarios."""
    users = []
    with engine.connect() as conn:
        rows = conn.execute(select(User.id, User.email).order_by(User.email).limit(count)).all()
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
    return users


if __name__ == "__main__":
    main()
