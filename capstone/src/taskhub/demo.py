"""Try TaskHub in one command: ``python -m taskhub.demo``.

Creates (or reuses) a SQLite database, runs the migrations, seeds demo accounts, tags and
tasks, and serves the API with uvicorn on http://127.0.0.1:8000.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

import uvicorn
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from taskhub.core.config import Settings
from taskhub.core.database import create_db_engine, create_session_factory
from taskhub.core.events import EventBus
from taskhub.core.logging import configure_logging
from taskhub.core.migrations import upgrade
from taskhub.core.security import PasswordHasher
from taskhub.main import create_app
from taskhub.tasks.models import Priority, TaskStatus
from taskhub.tasks.schemas import TagCreate, TaskCreate, TaskUpdate
from taskhub.tasks.service import TaskService
from taskhub.users.models import User, UserRole
from taskhub.users.schemas import UserCreate
from taskhub.users.service import UserService

DEMO_PASSWORD = "taskhub-demo-password"  # noqa: S105 (published demo credentials)
DEMO_USERS = (
    ("ada@example.com", "Ada Lovelace", UserRole.USER),
    ("grace@example.com", "Grace Hopper", UserRole.USER),
    ("admin@example.com", "Demo Admin", UserRole.ADMIN),
)
DEMO_TASKS = (
    ("Write the project README", Priority.HIGH, 2, ["writing", "work"], TaskStatus.IN_PROGRESS),
    ("Review pull requests", Priority.MEDIUM, 1, ["work"], TaskStatus.TODO),
    ("Book the dentist", Priority.LOW, 10, ["home"], TaskStatus.TODO),
    ("Renew passport", Priority.URGENT, 5, ["home", "admin"], TaskStatus.TODO),
    (
        "Read 'Designing Data-Intensive Applications'",
        Priority.LOW,
        None,
        ["reading"],
        TaskStatus.DONE,
    ),
)


def seed(session: Session, hasher: PasswordHasher) -> bool:
    """Create the demo data unless the database already has users. True if it seeded."""
    if session.scalar(select(func.count()).select_from(User)):
        return False
    users = UserService(session, hasher, EventBus())
    today = date.today()
    for email, name, role in DEMO_USERS:
        user = users.register(
            UserCreate(email=email, password=DEMO_PASSWORD, full_name=name), role=role
        )
        if role is UserRole.ADMIN:
            continue
        service = TaskService(session)
        tags = {
            name: service.create_tag(user, TagCreate(name=name)).id
            for name in sorted({tag for task in DEMO_TASKS for tag in task[3]})
        }
        for title, priority, due_in, tag_names, status in DEMO_TASKS:
            task = service.create_task(
                user,
                TaskCreate(
                    title=title,
                    priority=priority,
                    due_date=today + timedelta(days=due_in) if due_in is not None else None,
                    tag_ids=[tags[name] for name in tag_names],
                ),
            )
            if status is TaskStatus.DONE:
                service.update_task(
                    user, task.id, TaskUpdate(status=TaskStatus.IN_PROGRESS), if_match=None
                )
            if status is not TaskStatus.TODO:
                service.update_task(user, task.id, TaskUpdate(status=status), if_match=None)
    session.commit()
    return True


def prepare(settings: Settings) -> bool:
    """Migrate and seed the database of ``settings``. True if it seeded."""
    upgrade(settings.database_url)
    engine = create_db_engine(settings)
    try:
        with create_session_factory(engine)() as session:
            return seed(session, PasswordHasher.from_settings(settings))
    finally:
        engine.dispose()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, default=Path("taskhub-demo.db"), help="SQLite file")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--reset", action="store_true", help="delete the database first")
    parser.add_argument("--no-serve", action="store_true", help="prepare the database and exit")
    args = parser.parse_args(argv)

    if args.reset:
        args.db.unlink(missing_ok=True)
    settings = Settings(
        environment="development",
        database_url=f"sqlite:///{args.db.resolve()}",
        log_json=False,
    )
    configure_logging(settings.log_level, json_lines=settings.log_json)
    seeded = prepare(settings)
    base = f"http://{args.host}:{args.port}"
    print(f"TaskHub demo database: {args.db.resolve()} ({'seeded' if seeded else 'reused'})")
    print(f"Swagger UI:  {base}/docs   (Authorize with an e-mail as username)")
    print(f"Demo users:  {', '.join(email for email, _, _ in DEMO_USERS)}")
    print(f"Password:    {DEMO_PASSWORD}")
    if args.no_serve:
        return
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_config=None)


if __name__ == "__main__":
    main()
