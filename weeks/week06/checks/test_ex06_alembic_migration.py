"""Checks for week06/ex06_alembic_migration: the learner's revision 0002 run with Alembic on a
fresh database, upgraded, downgraded and upgraded again with tasks in the table."""

from __future__ import annotations

from collections.abc import Iterator

from workbook.checking import Learner, expect_equal
from workbook.checking_orm import Migrations, engine_names, learner_metadata, open_migrations
from workbook.checking_sql import names_engines

TASKS = [
    {"id": 1, "title": "Write docs", "done": True},
    {"id": 2, "title": "Fix login", "done": False},
    {"id": 3, "title": "Ship it", "done": False},
]
INSERT = "INSERT INTO tasks (id, title, done) VALUES (:id, :title, :done)"
WITH_PRIORITY = "SELECT id, title, priority FROM tasks ORDER BY id"
WITHOUT_PRIORITY = "SELECT id, title FROM tasks ORDER BY id"
BACKFILLED = [(1, "Write docs", 1), (2, "Fix login", 3), (3, "Ship it", 3)]
KEPT = [(1, "Write docs"), (2, "Fix login"), (3, "Ship it")]


def _migrations(learner: Learner) -> Iterator[Migrations]:
    """The learner's migrations on a fresh database of each engine, with three tasks at 0001."""
    metadata = learner_metadata(learner)
    for engine in engine_names():
        with open_migrations(learner.path.parent / "migrations", engine, metadata) as migrations:
            migrations.upgrade("0001", help="Revision 0001 is given: leave it as it is.")
            migrations.execute(INSERT, TASKS)
            yield migrations


@names_engines
def test_upgrade_from_empty(learner: Learner) -> None:
    """upgrades an empty database to head, matching the models (no drift)"""
    metadata = learner_metadata(learner)
    for engine in engine_names():
        with open_migrations(learner.path.parent / "migrations", engine, metadata) as migrations:
            migrations.upgrade("head", help="Revision 0002's upgrade() must run on the table "
                               "0001 creates.")
            expect_equal(migrations.current(), "0002", what="the revision after upgrade head",
                         help="Keep revision = '0002' and down_revision = '0001'.")
            migrations.expect_no_drift(help="The upgrade must leave tasks.priority exactly as "
                                       "the model declares it: an INTEGER that is NOT NULL.")


@names_engines
def test_backfill(learner: Learner) -> None:
    """backfills the tasks already there: 1 for done, 3 for open"""
    for migrations in _migrations(learner):
        migrations.upgrade("head", help="Add the column as nullable first: rows already in the "
                           "table have no value for a NOT NULL column.")
        migrations.expect_rows(WITH_PRIORITY, BACKFILLED,
                               help="Fill priority with one UPDATE between adding the column "
                               "and making it NOT NULL: 1 for done tasks, 3 for open ones.")


@names_engines
def test_priority_constraint(learner: Learner) -> None:
    """after upgrade, stores priority 1 and 5 and refuses 0, 6 and none"""
    insert = "INSERT INTO tasks (id, title, done, priority) VALUES (:id, :title, :done, :priority)"
    for migrations in _migrations(learner):
        migrations.upgrade("head", help="Revision 0002's upgrade() must run on a table with rows.")
        for task_id, priority in ((10, 1), (11, 5)):
            migrations.expect_accepted(insert, {"id": task_id, "title": f"T{task_id}",
                                                "done": False, "priority": priority},
                                       help="The range is inclusive: 1 and 5 are valid.")
        for task_id, priority in ((12, 0), (13, 6)):
            migrations.expect_refused(insert, {"id": task_id, "title": f"T{task_id}",
                                               "done": False, "priority": priority}, by="check",
                                      help="Create the check constraint ck_tasks_priority_range: "
                                      "priority BETWEEN 1 AND 5.")
        migrations.expect_refused(insert, {"id": 14, "title": "T14", "done": False,
                                           "priority": None}, by="not null",
                                  help="After the backfill, make priority NOT NULL "
                                  "(alter_column(..., nullable=False)).")


@names_engines
def test_downgrade_keeps_rows(learner: Learner) -> None:
    """downgrades to 0001: priority is gone and every task is kept"""
    for migrations in _migrations(learner):
        migrations.upgrade("head", help="Revision 0002's upgrade() must run on a table with rows.")
        migrations.downgrade("-1", help="downgrade() must undo upgrade(): drop the constraint, "
                             "then the column, in a batch for SQLite.")
        expect_equal(migrations.current(), "0001", what="the revision after downgrade -1",
                     help="downgrade -1 goes back one revision, to 0001.")
        expect_equal(migrations.columns("tasks"), ["id", "title", "done"],
                     what="the columns of tasks after downgrade -1",
                     help="downgrade() must remove the priority column it added.")
        migrations.expect_rows(WITHOUT_PRIORITY, KEPT,
                               help="A downgrade drops what the upgrade added, never the rows.")


@names_engines
def test_upgrade_again(learner: Learner) -> None:
    """upgrades again after the downgrade, with the data and no drift"""
    for migrations in _migrations(learner):
        migrations.upgrade("head", help="Revision 0002's upgrade() must run on a table with rows.")
        migrations.downgrade("-1", help="downgrade() must leave the table as 0001 made it.")
        migrations.upgrade("head", help="After a downgrade the upgrade must work again: drop in "
                           "downgrade() everything upgrade() creates, the constraint included.")
        migrations.expect_rows(WITH_PRIORITY, BACKFILLED,
                               help="The second upgrade backfills the same way as the first.")
        migrations.expect_no_drift(help="After upgrade, downgrade and upgrade the database "
                                   "must still match the models.")
