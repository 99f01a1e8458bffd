"""Checks for week06/ex01_typed_models: the metadata the models declare, and rows the database
stores or refuses once the tables are created from it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import Engine, MetaData, delete, select

from workbook.checking import Learner, expect_equal, expect_true
from workbook.checking_orm import (
    expect_column,
    expect_constraint_named,
    expect_insert_accepted,
    expect_insert_refused,
    expect_table,
    learner_metadata,
    new_session,
    orm_engines,
    run_learner,
)
from workbook.checking_sql import names_engines

ANA = {"id": 1, "email": "ana@example.com", "display_name": "Ana"}
BRUNO = {"id": 2, "email": "bruno@example.com", "display_name": "Bruno"}


def _created(learner: Learner) -> Iterator[tuple[Engine, MetaData]]:
    """Each engine with the learner's tables created and two users stored."""
    metadata = learner_metadata(learner)
    for _name, engine in orm_engines():
        run_learner(metadata.create_all, engine, what="ran Base.metadata.create_all(engine)",
                    help="The models must build valid tables: check the column types and the "
                    "check constraint's SQL.")
        for user in (ANA, BRUNO):
            expect_insert_accepted(engine, metadata, "users", user,
                                   help="A user with an id, an email and a display name is "
                                   "valid: no other column of users may be required without "
                                   "a default.")
        yield engine, metadata


def test_user_columns(learner: Learner) -> None:
    """declares the users table with typed, required columns"""
    users = expect_table(learner_metadata(learner), "users",
                         help="Set __tablename__ = 'users' on the User model.")
    expect_column(users, "id", python_type=int, primary_key=True,
                  help="id: Mapped[int] = mapped_column(primary_key=True).")
    expect_column(users, "email", python_type=str, nullable=False, length=320,
                  help="Mapped[str] makes a column required; String(320) gives its length.")
    expect_column(users, "display_name", python_type=str, nullable=False, length=100,
                  help="display_name is required text of at most 100 characters.")
    expect_column(users, "created_at", python_type=datetime, nullable=False,
                  help="created_at is a required datetime (Mapped[datetime]).")
    created_at = users.columns["created_at"]
    expect_true(created_at.server_default is not None, what="users.created_at's server default",
                expected="server_default=func.now()", actual="no server default",
                help="The database, not Python, should fill in created_at: use server_default.")


def test_task_columns(learner: Learner) -> None:
    """declares the tasks table with an optional notes column and required others"""
    tasks = expect_table(learner_metadata(learner), "tasks",
                         help="Set __tablename__ = 'tasks' on the Task model.")
    expect_column(tasks, "id", python_type=int, primary_key=True,
                  help="id: Mapped[int] = mapped_column(primary_key=True).")
    expect_column(tasks, "owner_id", python_type=int, nullable=False,
                  help="owner_id: Mapped[int] is required and points at users.id.")
    expect_column(tasks, "title", python_type=str, nullable=False, length=200,
                  help="title is required text of at most 200 characters: String(200).")
    expect_column(tasks, "notes", python_type=str, nullable=True,
                  help="Optional in Python means nullable in SQL: Mapped[str | None].")
    expect_column(tasks, "priority", python_type=int, nullable=False,
                  help="priority: Mapped[int], required.")
    expect_column(tasks, "done", python_type=bool, nullable=False,
                  help="done: Mapped[bool], required.")


def test_naming_convention(learner: Learner) -> None:
    """names every constraint and index by the naming convention"""
    metadata = learner_metadata(learner)
    help = ("Give Base a MetaData(naming_convention=...) with the five templates of the "
            "lesson; constraint names are then derived, never chosen by the database.")
    for name in ("pk_users", "pk_tasks", "uq_users_email", "uq_tasks_owner_id",
                 "fk_tasks_owner_id_users", "ck_tasks_priority_range", "ix_tasks_owner_id"):
        expect_constraint_named(metadata, name, help=help)


@names_engines
def test_refuses_broken_rows(learner: Learner) -> None:
    """refuses a duplicate email, a missing title and an unknown owner"""
    for engine, metadata in _created(learner):
        expect_insert_refused(engine, metadata, "users",
                              {"id": 3, "email": "ana@example.com", "display_name": "Other"},
                              by="unique", help="Two users may not share an email: unique=True.")
        expect_insert_refused(engine, metadata, "tasks",
                              {"id": 1, "owner_id": 1, "title": None, "priority": 3,
                               "done": False},
                              by="not null", help="title is required: Mapped[str], not "
                              "Mapped[str | None].")
        expect_insert_refused(engine, metadata, "tasks",
                              {"id": 1, "owner_id": 99, "title": "Orphan", "priority": 3,
                               "done": False},
                              by="foreign key", help="owner_id must be a ForeignKey('users.id').")


@names_engines
def test_priority_range(learner: Learner) -> None:
    """stores priorities 1 and 5 and refuses 0 and 6"""
    for engine, metadata in _created(learner):
        for task_id, priority in ((1, 1), (2, 5)):
            expect_insert_accepted(engine, metadata, "tasks",
                                   {"id": task_id, "owner_id": 1, "title": f"Task {task_id}",
                                    "priority": priority, "done": False},
                                   help="The range is inclusive: 1 and 5 are valid priorities.")
        for task_id, priority in ((3, 0), (4, 6)):
            expect_insert_refused(engine, metadata, "tasks",
                                  {"id": task_id, "owner_id": 1, "title": f"Task {task_id}",
                                   "priority": priority, "done": False},
                                  by="check", help="A CheckConstraint named priority_range "
                                  "keeps priority between 1 and 5.")


@names_engines
def test_title_unique_per_owner(learner: Learner) -> None:
    """refuses the same title twice for one owner, allows it for another"""
    for engine, metadata in _created(learner):
        row = {"id": 1, "owner_id": 1, "title": "Write docs", "priority": 3, "done": False}
        expect_insert_accepted(engine, metadata, "tasks", row,
                               help="A first task with this title is valid.")
        expect_insert_accepted(engine, metadata, "tasks", {**row, "id": 2, "owner_id": 2},
                               help="Another owner may use the same title: make the unique "
                               "constraint cover (owner_id, title), not title alone.")
        expect_insert_refused(engine, metadata, "tasks", {**row, "id": 3}, by="unique",
                              help="UniqueConstraint('owner_id', 'title') in __table_args__.")


@names_engines
def test_defaults(learner: Learner) -> None:
    """fills in priority 3, done False and created_at when they are not given"""
    task_model = learner.cls("Task")
    user_model = learner.cls("User")
    for engine, _metadata in _created(learner):
        with new_session(engine) as session:
            task = run_learner(task_model, owner_id=1, title="Defaults",
                               what="called Task(owner_id=1, title='Defaults')",
                               help="The model's constructor takes its columns as keywords.")
            session.add(task)
            run_learner(session.commit, what="added Task(owner_id=1, title='Defaults') and "
                        "committed", help="priority and done need defaults (default=...).")
            expect_equal(task.priority, 3, what="Task(owner_id=1, title='Defaults').priority "
                         "after commit", help="priority defaults to 3: mapped_column(default=3).")
            expect_equal(task.done, False, what="Task(owner_id=1, title='Defaults').done after "
                         "commit", help="done defaults to False: mapped_column(default=False).")
            created = session.scalar(select(user_model.created_at).where(user_model.id == 1))
            expect_true(isinstance(created, datetime), what="users.created_at of a user "
                        "inserted without it", expected="a datetime filled in by the database",
                        actual=repr(created), help="server_default=func.now() lets the "
                        "database fill it in.")


@names_engines
def test_delete_cascades(learner: Learner) -> None:
    """deletes a user's tasks with the user (ON DELETE CASCADE)"""
    for engine, metadata in _created(learner):
        for task_id, owner in ((1, 1), (2, 1), (3, 2)):
            expect_insert_accepted(engine, metadata, "tasks",
                                   {"id": task_id, "owner_id": owner, "title": f"T{task_id}",
                                    "priority": 3, "done": False},
                                   help="A task with every column given is valid.")
        tasks = metadata.tables["tasks"]
        users = metadata.tables["users"]
        with engine.begin() as connection:
            run_learner(connection.execute, delete(users).where(users.c.id == 1),
                        what="ran DELETE FROM users WHERE id = 1 (user 1 owns tasks 1 and 2)",
                        help="The foreign key should delete the tasks, not refuse the delete: "
                        "ForeignKey('users.id', ondelete='CASCADE').")
            left = sorted(connection.scalars(select(tasks.c.id)))
        expect_equal(left, [3], what="the task ids left after deleting user 1",
                     help="ondelete='CASCADE' on the foreign key removes the user's tasks.")
