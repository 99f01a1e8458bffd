"""Checks for week06/ex02_relationships: objects added, linked and deleted through the learner's
relationships, with rows counted in the database afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session, selectinload

from workbook.checking import CheckFailure, Learner, expect_equal, expect_true
from workbook.checking_orm import (
    count_statements,
    engine_label,
    expect_fixed_statements,
    learner_metadata,
    new_session,
    orm_engines,
    run_learner,
    seed,
)
from workbook.checking_sql import names_engines


def _engines(learner: Learner) -> Iterator[Engine]:
    metadata = learner_metadata(learner)
    for _name, engine in orm_engines():
        run_learner(metadata.create_all, engine, what="ran Base.metadata.create_all(engine)",
                    help="The association table needs two foreign keys that form its primary key.")
        yield engine


def _count(engine: Engine, table: str) -> int:
    """The rows in ``table`` now (a SQL count, not the session's view)."""
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(text(table))) or 0)


def _models(learner: Learner) -> tuple[Any, Any, Any]:
    return learner.cls("User"), learner.cls("Task"), learner.cls("Tag")


def _seed(engine: Engine, learner: Learner) -> None:
    """Two users; user 1 owns tasks 1 and 2, user 2 owns task 3; task 1 has both tags."""
    metadata = learner_metadata(learner)
    seed(engine, metadata, {
        "users": [{"id": 1, "email": "ana@example.com"}, {"id": 2, "email": "bruno@example.com"}],
        "tasks": [{"id": 1, "title": "Write docs", "owner_id": 1},
                  {"id": 2, "title": "Fix login", "owner_id": 1},
                  {"id": 3, "title": "Ship it", "owner_id": 2}],
        "tags": [{"id": 1, "name": "docs"}, {"id": 2, "name": "urgent"}],
        "task_tags": [{"task_id": 1, "tag_id": 1}, {"task_id": 1, "tag_id": 2},
                      {"task_id": 3, "tag_id": 2}],
    })


def _commit(session: Session, what: str, help: str) -> None:
    run_learner(session.commit, what=what, help=help)


def test_back_populates(learner: Learner) -> None:
    """keeps both sides in step: task.owner = user puts the task in user.tasks"""
    user_model, task_model, tag_model = _models(learner)
    user = user_model(email="ana@example.com")
    task = task_model(title="Write docs")
    task.owner = user
    expect_true(task in user.tasks, what="after task.owner = user, user.tasks",
                expected="a list holding the task", actual=repr(list(user.tasks)),
                help="Pair the two sides with back_populates: User.tasks names 'owner' and "
                "Task.owner names 'tasks'.")
    other = task_model(title="Fix login")
    user.tasks.append(other)
    expect_true(other.owner is user, what="after user.tasks.append(task), task.owner",
                expected="the user", actual=repr(other.owner),
                help="back_populates goes on both sides: User.tasks names 'owner' too.")
    tag = tag_model(name="docs")
    tag.tasks.append(other)
    expect_true(tag in other.tags, what="after tag.tasks.append(task), task.tags",
                expected="a list holding the tag", actual=repr(list(other.tags)),
                help="Tag.tasks must name 'tags' in back_populates, as Task.tags names 'tasks'.")
    task.tags.append(tag)
    expect_true(task in tag.tasks, what="after task.tags.append(tag), tag.tasks",
                expected="a list holding the task", actual=repr(list(tag.tasks)),
                help="Task.tags and Tag.tasks are one many-to-many relationship: give both "
                "secondary=task_tags and back_populates naming each other.")


@names_engines
def test_saved_with_user(learner: Learner) -> None:
    """saves a new user's tasks and their tag links with the user"""
    user_model, task_model, tag_model = _models(learner)
    for engine in _engines(learner):
        with new_session(engine) as session:
            user = user_model(email="ana@example.com")
            tag = tag_model(name="docs")
            user.tasks.append(task_model(title="Write docs", tags=[tag]))
            user.tasks.append(task_model(title="Fix login"))
            session.add(user)
            _commit(session, "added a user with two tasks (one tagged) and committed",
                    help="cascade='all, ...' on User.tasks saves the tasks with the user.")
        expect_equal([_count(engine, "tasks"), _count(engine, "task_tags")], [2, 1],
                     what=f"on {engine_label(engine)}, [rows in tasks, rows in task_tags] "
                     "after the commit", help="session.add(user) alone must save its tasks "
                     "and the link to the tag.")


@names_engines
def test_delete_orphan(learner: Learner) -> None:
    """deletes a task removed from user.tasks (delete-orphan)"""
    user_model, _task_model, _tag_model = _models(learner)
    for engine in _engines(learner):
        _seed(engine, learner)
        with new_session(engine) as session:
            user = session.scalars(select(user_model).where(user_model.id == 1)
                                   .options(selectinload(user_model.tasks))).one()
            removed = next(task for task in user.tasks if task.id == 2)
            user.tasks.remove(removed)
            _commit(session, "removed task 2 from user 1's tasks and committed",
                    help="A task without an owner is an orphan: cascade='all, delete-orphan' "
                    "deletes it instead of setting owner_id to NULL.")
        expect_equal(_count(engine, "tasks"), 2, what=f"on {engine_label(engine)}, tasks left "
                     "(of 3) after removing one from user.tasks",
                     help="Add delete-orphan to the cascade of User.tasks.")


@names_engines
def test_delete_user(learner: Learner) -> None:
    """deletes a user's tasks and their links, never the tags"""
    user_model, _task_model, _tag_model = _models(learner)
    for engine in _engines(learner):
        _seed(engine, learner)
        with new_session(engine) as session:
            session.delete(session.get(user_model, 1))
            _commit(session, "deleted user 1 (tasks 1 and 2, task 1 tagged twice) and "
                    "committed", help="Deleting a user must delete its tasks (cascade) "
                    "and their rows in task_tags (secondary).")
        counts = [_count(engine, name) for name in ("users", "tasks", "task_tags", "tags")]
        expect_equal(counts, [1, 1, 1, 2], what=f"on {engine_label(engine)}, rows left in "
                     "[users, tasks, task_tags, tags] after deleting user 1",
                     help="The user's tasks and their links go; the tags stay.")


@names_engines
def test_lazy_raise(learner: Learner) -> None:
    """raises on a relationship the query did not load (lazy="raise")"""
    user_model, task_model, tag_model = _models(learner)
    for engine in _engines(learner):
        _seed(engine, learner)
        for model, key, attribute in ((user_model, 1, "tasks"), (task_model, 1, "owner"),
                                      (task_model, 1, "tags"), (tag_model, 1, "tasks")):
            with new_session(engine) as session:
                loaded = session.get(model, key)
                with count_statements(engine) as log:
                    try:
                        value = getattr(loaded, attribute)
                    except InvalidRequestError:
                        continue
                raise CheckFailure(
                    f"on {engine_label(engine)}, read {model.__name__}.{attribute} of a "
                    f"{model.__name__} loaded with session.get(): it ran {log.count} more "
                    f"statement(s) and returned {value!r}",
                    expected="sqlalchemy.exc.InvalidRequestError (a raise load)",
                    actual=f"a lazy load ({log.count} statement(s))",
                    help=f"Give {model.__name__}.{attribute} lazy='raise' so a forgotten "
                    "loader option fails loudly instead of adding a query per row.")


@names_engines
def test_load_user(learner: Learner) -> None:
    """loads a user with its tasks and tags in a fixed number of statements"""
    load_user = learner.function("load_user")
    for engine in _engines(learner):
        _seed(engine, learner)
        logs = {}
        for user_id, tasks in ((2, 1), (1, 2)):
            with new_session(engine) as session, count_statements(engine) as log:
                user = run_learner(load_user, session, user_id,
                                   what=f"called load_user(session, {user_id})",
                                   help="Select the user and add loader options for what the "
                                   "caller reads.")
                shown = run_learner(
                    lambda u=user: sorted((t.title, sorted(g.name for g in t.tags))
                                          for t in u.tasks),
                    what=f"read user.tasks and each task.tags of load_user(session, {user_id})",
                    help="With lazy='raise' everything read must come with the query: "
                    "selectinload(User.tasks).selectinload(Task.tags).")
            logs[tasks] = log
            if user_id == 1:
                expect_equal(shown, [("Fix login", []), ("Write docs", ["docs", "urgent"])],
                             what="load_user(session, 1)'s tasks as (title, tag names)",
                             help="Return the user whose id is user_id, with all its tasks.")
        expect_fixed_statements(logs, what=f"load_user on {engine_label(engine)}",
                                rows="tasks", most=3, help="Load the collections with "
                                "selectinload: one statement per relationship, not per row.")
        with new_session(engine) as session:
            expect_equal(run_learner(load_user, session, 99, what="called load_user(session, "
                                     "99)", help="An unknown id is not an error."), None,
                         what="load_user(session, 99) (no such user)",
                         help="Use one_or_none() (or scalar()) so a missing user gives None.")
