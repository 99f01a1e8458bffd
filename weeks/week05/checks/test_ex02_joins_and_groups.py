"""Checks for week05/ex02_joins_and_groups: joins, GROUP BY, HAVING and outer joins.

Each report runs on the shipped data, then again after a user with no tasks, an unused tag and
a new tagged task arrive, so empty groups and changed counts are both tested.
"""

from __future__ import annotations

from workbook.checking import Learner
from workbook.checking_sql import DataSet, databases, expect_rows, learner_sql, names_engines

DATA = DataSet.beside(__file__)
CHANGES = """
INSERT INTO users (id, email, name, created_at)
VALUES (9, 'ivan@example.com', 'Ivan Petrov', '2026-03-09 08:00:00');
INSERT INTO tags (id, name) VALUES (8, 'design');
INSERT INTO tasks (id, user_id, title, status, priority, due_date, created_at)
VALUES (26, 7, 'Compare vector databases', 'doing', 2, NULL, '2026-03-09 09:00:00');
INSERT INTO task_tags (task_id, tag_id) VALUES (26, 7);
UPDATE tasks SET status = 'done' WHERE id = 7;
"""


@names_engines
def test_done_tasks_with_owner(learner: Learner) -> None:
    """joins each done task to its owner's email"""
    query = learner_sql(learner, "DONE_TASKS_WITH_OWNER")
    seeded = [
        ("Write release notes", "ana@example.com"), ("Archive old logs", "bruno@example.com"),
        ("Onboard new designer", "chloe@example.com"),
        ("Clean up feature flags", "chloe@example.com"),
        ("Renew TLS certificate", "dmitri@example.com"),
        ("Set up error tracking", "dmitri@example.com"), ("Prepare demo", "eun-ji@example.com"),
        ("Interview backend candidate", "farah@example.com"),
        ("Refactor invoice export", "farah@example.com"),
        ("Read PostgreSQL docs", "hana@example.com"), ("Sketch ER diagram", "hana@example.com"),
        ("Answer support ticket 311", "bruno@example.com"),
    ]
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True, columns=("title", "email"),
                    help="Join tasks to users ON users.id = tasks.user_id, keep status 'done' "
                    "and sort by the task's id.")
        database.run_script(CHANGES)
        expect_rows(database, query, [*seeded[:1], ("Update API docs", "bruno@example.com"),
                                      *seeded[1:]], ordered=True,
                    what="DONE_TASKS_WITH_OWNER after task 7 was done",
                    help="Filter on the task's status, not on a list of ids.")


@names_engines
def test_open_tasks_per_user(learner: Learner) -> None:
    """counts open tasks per user, keeping users with none"""
    query = learner_sql(learner, "OPEN_TASKS_PER_USER")
    seeded = [
        ("ana@example.com", 4), ("bruno@example.com", 3), ("eun-ji@example.com", 3),
        ("chloe@example.com", 2), ("dmitri@example.com", 1), ("farah@example.com", 0),
        ("gus@example.com", 0), ("hana@example.com", 0),
    ]
    changed = [
        ("ana@example.com", 4), ("eun-ji@example.com", 3), ("bruno@example.com", 2),
        ("chloe@example.com", 2), ("dmitri@example.com", 1), ("gus@example.com", 1),
        ("farah@example.com", 0), ("hana@example.com", 0), ("ivan@example.com", 0),
    ]
    help = ("Start FROM users and LEFT JOIN tasks with the status test inside ON (in WHERE it "
            "drops the users whose tasks are all done), then COUNT(t.id): COUNT(*) counts the "
            "empty row an outer join makes as 1.")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True, columns=("email", "open_tasks"),
                    help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, changed, ordered=True,
                    what="OPEN_TASKS_PER_USER after a new user and new tasks", help=help)


@names_engines
def test_tag_usage(learner: Learner) -> None:
    """counts the tasks of every tag, unused tags included"""
    query = learner_sql(learner, "TAG_USAGE")
    seeded = [("backend", 9), ("ops", 5), ("billing", 4), ("urgent", 4), ("docs", 3),
              ("frontend", 2), ("research", 0)]
    changed = [*seeded[:-1], ("research", 1), ("design", 0)]
    help = ("FROM tags LEFT JOIN task_tags, GROUP BY the tag, COUNT(task_tags.task_id); sort by "
            "the count descending, then by name.")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True, columns=("name", "tasks"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, changed, ordered=True,
                    what="TAG_USAGE after a new tag and a newly tagged task", help=help)


@names_engines
def test_busy_users(learner: Learner) -> None:
    """keeps only the users with at least :minimum open tasks (HAVING)"""
    query = learner_sql(learner, "BUSY_USERS")
    help = ("Group the open tasks by user and keep the groups with HAVING COUNT(*) >= :minimum; "
            "WHERE cannot see a count, it filters rows before they are grouped.")
    for database in databases(DATA):
        expect_rows(database, query,
                    [("ana@example.com", 4), ("bruno@example.com", 3), ("eun-ji@example.com", 3)],
                    ordered=True, columns=("email", "open_tasks"), params={"minimum": 3},
                    help="Exactly 3 open tasks is 'at least 3': " + help)
        expect_rows(database, query, [("ana@example.com", 4)], ordered=True,
                    params={"minimum": 4}, help=help)
        expect_rows(database, query, [], ordered=True, params={"minimum": 5},
                    help="Nobody has five open tasks: the answer is no rows.")
        database.run_script(CHANGES)
        expect_rows(database, query,
                    [("ana@example.com", 4), ("eun-ji@example.com", 3), ("bruno@example.com", 2),
                     ("chloe@example.com", 2), ("dmitri@example.com", 1), ("gus@example.com", 1)],
                    ordered=True, params={"minimum": 1},
                    help="Count open tasks only, and sort by the count, then by email.")


@names_engines
def test_open_tags_per_user(learner: Learner) -> None:
    """lists each user's open-task tags once (a four-table join)"""
    query = learner_sql(learner, "OPEN_TAGS_PER_USER")
    seeded = [
        ("ana@example.com", "backend"), ("ana@example.com", "billing"),
        ("ana@example.com", "urgent"), ("bruno@example.com", "backend"),
        ("bruno@example.com", "billing"), ("bruno@example.com", "docs"),
        ("bruno@example.com", "ops"), ("bruno@example.com", "urgent"),
        ("chloe@example.com", "backend"), ("chloe@example.com", "billing"),
        ("chloe@example.com", "frontend"), ("dmitri@example.com", "backend"),
        ("eun-ji@example.com", "backend"), ("eun-ji@example.com", "ops"),
        ("eun-ji@example.com", "urgent"),
    ]
    changed = [row for row in seeded if row != ("bruno@example.com", "docs")]
    changed.append(("gus@example.com", "research"))
    help = ("Join users, tasks, task_tags and tags, keep open tasks, and use SELECT DISTINCT: "
            "a user with two open 'backend' tasks must appear once with it.")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True, columns=("email", "name"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, changed, ordered=True,
                    what="OPEN_TAGS_PER_USER after task 7 was done", help=help)
