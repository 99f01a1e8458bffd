"""Checks for week06/ex04_repository: the repository's methods on a database with seven tasks,
compared by the ids they return; nothing it does may survive a rollback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from workbook.checking import Learner, expect_equal, expect_raises
from workbook.checking_orm import (
    engine_label,
    learner_metadata,
    new_session,
    orm_engines,
    run_learner,
    seed,
)
from workbook.checking_sql import names_engines

TASKS = [
    {"id": 1, "owner_id": 1, "title": "Write docs", "done": False, "priority": 3},
    {"id": 2, "owner_id": 1, "title": "Fix LOGIN bug", "done": True, "priority": 5},
    {"id": 3, "owner_id": 1, "title": "Review login page", "done": False, "priority": 3},
    {"id": 4, "owner_id": 1, "title": "Ship it", "done": False, "priority": 1},
    {"id": 5, "owner_id": 1, "title": "Reach 100% coverage", "done": False, "priority": 5},
    {"id": 6, "owner_id": 1, "title": "Deploy", "done": True, "priority": 2},
    {"id": 7, "owner_id": 2, "title": "Write docs", "done": False, "priority": 4},
]
ORDERED = [2, 5, 1, 3, 6, 4]  # user 1's tasks: priority high to low, then id


def _sessions(learner: Learner) -> Iterator[tuple[Engine, Session, Any]]:
    """A session on each engine with two users and seven tasks, and a repository on it."""
    metadata = learner_metadata(learner)
    repository = learner.cls("TaskRepository")
    for _name, engine in orm_engines():
        metadata.create_all(engine)
        seed(engine, metadata, {"users": [{"id": 1, "email": "ana@example.com"},
                                          {"id": 2, "email": "bruno@example.com"}],
                                "tasks": TASKS})
        with new_session(engine) as session:
            yield engine, session, repository(session)


def _ids(repo: Any, call: str, **kwargs: Any) -> list[int]:
    tasks = run_learner(repo.list_for_owner, 1, what=f"called {call}",
                        help="Build one select() with a where() per filter given.", **kwargs)
    return [task.id for task in tasks]


def _count(session: Session) -> int:
    """The rows in tasks as the session's transaction sees them."""
    return int(session.scalar(select(func.count()).select_from(text("tasks"))) or 0)


@names_engines
def test_get(learner: Learner) -> None:
    """gets a task by id, and None for an unknown id"""
    for _engine, _session, repo in _sessions(learner):
        task = run_learner(repo.get, 3, what="called repo.get(3)", help="session.get(Task, id).")
        expect_equal(getattr(task, "title", None), "Review login page",
                     what="repo.get(3).title", help="Return the Task whose id is task_id.")
        expect_equal(run_learner(repo.get, 99, what="called repo.get(99)",
                                 help="An unknown id is not an error."), None,
                     what="repo.get(99)", help="session.get returns None for an unknown id.")


@names_engines
def test_add_without_commit(learner: Learner) -> None:
    """adds a task with an id, and a rollback undoes it (no commit)"""
    task_model = learner.cls("Task")
    for engine, session, repo in _sessions(learner):
        task = run_learner(repo.add, task_model(owner_id=2, title="New"),
                           what="called repo.add(Task(owner_id=2, title='New'))",
                           help="Add the task to the session and flush it.")
        expect_equal(getattr(task, "id", None), 8, what="the id of the task repo.add returned",
                     help="Flush after add: the database assigns the id then.")
        session.rollback()
        expect_equal(_count(session), 7, what=f"on {engine_label(engine)}, tasks in the table "
                     "after repo.add(...) then session.rollback()",
                     help="A repository never commits: the caller owns the transaction.")


@names_engines
def test_delete_without_commit(learner: Learner) -> None:
    """deletes a task at once, and a rollback brings it back"""
    for engine, session, repo in _sessions(learner):
        task = session.get(learner.cls("Task"), 4)
        with session.no_autoflush:  # only the repository's own flush may send the DELETE
            run_learner(repo.delete, task, what="called repo.delete(<task 4>)",
                        help="session.delete, then flush.")
            left = _count(session)
        expect_equal(left, 6, what=f"on {engine_label(engine)}, tasks in the table "
                     "right after repo.delete(<task 4>)",
                     help="Flush after delete so the DELETE runs now.")
        session.rollback()
        expect_equal(_count(session), 7, what=f"on {engine_label(engine)}, tasks after "
                     "repo.delete(...) then session.rollback()",
                     help="A repository never commits: the caller owns the transaction.")


@names_engines
def test_order_and_owner(learner: Learner) -> None:
    """lists only the owner's tasks, highest priority first, then by id"""
    for _engine, _session, repo in _sessions(learner):
        expect_equal(_ids(repo, "repo.list_for_owner(1)"), ORDERED,
                     what="ids of repo.list_for_owner(1)", help="Filter on owner_id and order "
                     "by priority descending, then id ascending.")


@names_engines
def test_filters(learner: Learner) -> None:
    """filters by done and by a case-insensitive search; an empty search keeps all"""
    for _engine, _session, repo in _sessions(learner):
        for kwargs, expected, help in (
            ({"done": True}, [2, 6], "done=True keeps the tasks done."),
            ({"done": False}, [5, 1, 3, 4], "done=False keeps the open tasks (not all of them)."),
            ({"search": "login"}, [2, 3], "Match the search anywhere in the title, ignoring "
             "case (icontains)."),
            ({"search": "%"}, [5], "A % in the search is a character to find, not a "
             "wildcard: icontains(..., autoescape=True)."),
            ({"search": ""}, ORDERED, "An empty search filters nothing."),
            ({"search": "login", "done": False}, [3], "Filters combine: each adds a where()."),
        ):
            call = "repo.list_for_owner(1, " + ", ".join(f"{k}={v!r}" for k, v in
                                                          kwargs.items()) + ")"
            expect_equal(_ids(repo, call, **kwargs), expected, what=f"ids of {call}", help=help)


@names_engines
def test_keyset_pages(learner: Learner) -> None:
    """pages by keyset: each page starts right after the previous page's last task"""
    for _engine, _session, repo in _sessions(learner):
        pages: list[list[int]] = []
        after = None
        for _ in range(4):
            call = f"repo.list_for_owner(1, after={after!r}, limit=2)"
            tasks = run_learner(repo.list_for_owner, 1, after=after, limit=2,
                                what=f"called {call}", help="Keep the order, add the keyset "
                                "condition and LIMIT.")
            pages.append([task.id for task in tasks])
            if tasks:
                after = (tasks[-1].priority, tasks[-1].id)
        expect_equal(pages, [[2, 5], [1, 3], [6, 4], []],
                     what="the ids of four pages of 2, each after the last (priority, id)",
                     help="After (p, id) come lower priorities, and equal priority with a "
                     "higher id: priority < p OR (priority = p AND id > id).")
        expect_equal(_ids(repo, "repo.list_for_owner(1, done=False, after=(3, 1))",
                          done=False, after=(3, 1)), [3, 4],
                     what="ids of repo.list_for_owner(1, done=False, after=(3, 1))",
                     help="The cursor combines with the other filters.")


@names_engines
def test_limit_bounds(learner: Learner) -> None:
    """accepts a limit of 1 and 100 and refuses 0 and 101"""
    for _engine, _session, repo in _sessions(learner):
        expect_equal(_ids(repo, "repo.list_for_owner(1, limit=1)", limit=1), [2],
                     what="ids of repo.list_for_owner(1, limit=1)", help="limit=1 is allowed.")
        expect_equal(_ids(repo, "repo.list_for_owner(1, limit=100)", limit=100), ORDERED,
                     what="ids of repo.list_for_owner(1, limit=100)",
                     help="limit=100 is allowed (the bound is inclusive).")
        for limit in (0, 101):
            expect_raises(ValueError, repo.list_for_owner, 1, limit=limit,
                          match="limit must be between 1 and 100",
                          help="Check the limit before building the query, with the message "
                          "the docstring gives.")
