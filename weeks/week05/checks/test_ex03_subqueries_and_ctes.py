"""Checks for week05/ex03_subqueries_and_ctes: subqueries, CTEs and a view.

Each statement runs on the shipped data, then again after new tasks arrive and one is done.
"""

from __future__ import annotations

from workbook.checking import Learner
from workbook.checking_sql import (
    DataSet,
    databases,
    expect_rows,
    learner_sql,
    names_engines,
)

DATA = DataSet.beside(__file__)
CHANGES = """
INSERT INTO tasks (id, user_id, title, status, priority, due_date, created_at) VALUES
    (26, 4, 'Load-test checkout', 'todo', 5, '2026-03-09', '2026-04-02 08:00:00'),
    (27, 7, 'Set up laptop', 'doing', 1, NULL, '2026-03-09 09:00:00');
UPDATE tasks SET status = 'done' WHERE id = 19;
"""


@names_engines
def test_tasks_above_owner_average(learner: Learner) -> None:
    """compares each task with its owner's average (a correlated subquery)"""
    query = learner_sql(learner, "TASKS_ABOVE_OWNER_AVERAGE")
    seeded = [(2, 1, 4), (4, 1, 5), (6, 2, 4), (8, 2, 5), (11, 3, 4), (12, 3, 3), (15, 4, 5),
              (19, 5, 4), (22, 6, 4), (24, 8, 2)]
    help = ("The subquery's WHERE must tie it to the outer row (inner.user_id = t.user_id), or "
            "it averages every task. Strictly above: task 16 (priority 4) equals its owner's "
            "average of 4 and is out.")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True, columns=("id", "user_id", "priority"),
                    help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, [*seeded, (26, 4, 5)], ordered=True,
                    what="TASKS_ABOVE_OWNER_AVERAGE after new tasks", help=help)


@names_engines
def test_users_without_open_tasks(learner: Learner) -> None:
    """finds users with no open task with NOT EXISTS"""
    query = learner_sql(learner, "USERS_WITHOUT_OPEN_TASKS")
    help = ("Keep each user for whom NOT EXISTS (an open task of theirs). A user without any "
            "task (gus) counts too, which an inner join would lose.")
    for database in databases(DATA):
        expect_rows(database, query,
                    [("farah@example.com",), ("gus@example.com",), ("hana@example.com",)],
                    ordered=True, columns=("email",), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, [("farah@example.com",), ("hana@example.com",)],
                    ordered=True, what="USERS_WITHOUT_OPEN_TASKS after gus got an open task",
                    help=help)


@names_engines
def test_latest_task_per_user(learner: Learner) -> None:
    """finds each user's latest task through a CTE"""
    query = learner_sql(learner, "LATEST_TASK_PER_USER")
    seeded = [
        ("ana@example.com", "Plan sprint 7", "2026-03-01 00:00:00"),
        ("bruno@example.com", "Answer support ticket 311", "2026-03-08 08:30:00"),
        ("chloe@example.com", "Clean up feature flags", "2026-03-31 23:59:59"),
        ("dmitri@example.com", "Benchmark search endpoint", "2026-04-01 00:00:00"),
        ("eun-ji@example.com", "Write tests for tags", "2026-03-06 10:05:00"),
        ("farah@example.com", "Interview backend candidate", "2026-03-01 12:00:00"),
        ("hana@example.com", "Sketch ER diagram", "2026-02-15 21:00:00"),
    ]
    changed = [*seeded[:3], ("dmitri@example.com", "Load-test checkout", "2026-04-02 08:00:00"),
               *seeded[4:6], ("gus@example.com", "Set up laptop", "2026-03-09 09:00:00"),
               seeded[6]]
    help = ("In the CTE, take MAX(created_at) per user_id; then join it back to tasks on both "
            "user_id and created_at to get the title, and to users for the email.")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True,
                    columns=("email", "title", "created_at"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, changed, ordered=True,
                    what="LATEST_TASK_PER_USER after new tasks", help=help)


@names_engines
def test_completion_rates(learner: Learner) -> None:
    """computes each user's completion rate, rounded down"""
    query = learner_sql(learner, "COMPLETION_RATES")
    seeded = [
        ("farah@example.com", 2, 2, 100), ("hana@example.com", 2, 2, 100),
        ("dmitri@example.com", 2, 3, 66), ("chloe@example.com", 2, 4, 50),
        ("bruno@example.com", 2, 5, 40), ("eun-ji@example.com", 1, 4, 25),
        ("ana@example.com", 1, 5, 20),
    ]
    changed = [
        ("farah@example.com", 2, 2, 100), ("hana@example.com", 2, 2, 100),
        ("chloe@example.com", 2, 4, 50), ("dmitri@example.com", 2, 4, 50),
        ("eun-ji@example.com", 2, 4, 50), ("bruno@example.com", 2, 5, 40),
        ("ana@example.com", 1, 5, 20), ("gus@example.com", 0, 1, 0),
    ]
    help = ("Count with SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END) and COUNT(*) per user "
            "in the CTE; 100 * done / total on two integers divides as integers (2 of 3 is 66). "
            "Multiply before dividing, or done / total is 0.")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True,
                    columns=("email", "done", "total", "percent_done"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, changed, ordered=True,
                    what="COMPLETION_RATES after new tasks", help=help)


@names_engines
def test_open_tasks_view(learner: Learner) -> None:
    """creates the open_tasks view, which follows the data"""
    view = learner_sql(learner, "OPEN_TASKS_VIEW")
    listing = "SELECT * FROM open_tasks ORDER BY id"
    seeded = [
        (1, "Send invoice to Acme", "2026-03-05", 3, "ana@example.com"),
        (2, "Review pull request #42", "2026-03-10", 4, "ana@example.com"),
        (3, "Plan sprint 7", None, 2, "ana@example.com"),
        (4, "Fix login rate limit", "2026-03-01", 5, "ana@example.com"),
        (6, "Migrate invoices table", "2026-03-31", 4, "bruno@example.com"),
        (7, "Update API docs", "2026-03-12", 3, "bruno@example.com"),
        (8, "Rotate database password", "2026-03-09", 5, "bruno@example.com"),
        (10, "INVOICE template redesign", "2026-04-01", 2, "chloe@example.com"),
        (11, "Add pagination to /tasks", "2026-03-08", 4, "chloe@example.com"),
        (14, "Benchmark search endpoint", "2026-03-20", 3, "dmitri@example.com"),
        (17, "Design tags API", "2026-03-18", 3, "eun-ji@example.com"),
        (18, "Write tests for tags", None, 3, "eun-ji@example.com"),
        (19, "Fix flaky CI job", "2026-02-27", 4, "eun-ji@example.com"),
    ]
    changed = [
        *seeded[:-1], (26, "Load-test checkout", "2026-03-09", 5, "dmitri@example.com"),
        (27, "Set up laptop", None, 1, "gus@example.com"),
    ]
    for database in databases(DATA):
        database.run_script(view)
        expect_rows(database, listing, seeded, ordered=True,
                    columns=("id", "title", "due_date", "priority", "owner_email"),
                    what="SELECT * FROM open_tasks (after OPEN_TASKS_VIEW)",
                    help="CREATE VIEW open_tasks AS SELECT ... joining tasks to users, with the "
                    "five columns in order and the owner's email named owner_email.")
        database.run_script(CHANGES)
        expect_rows(database, listing, changed, ordered=True,
                    what="SELECT * FROM open_tasks after new tasks",
                    help="A view is a stored query, run each time it is read: use CREATE VIEW, "
                    "not CREATE TABLE ... AS, which copies today's rows once.")


@names_engines
def test_overdue_tasks(learner: Learner) -> None:
    """reads overdue tasks from the view for a given :today"""
    view = learner_sql(learner, "OPEN_TASKS_VIEW")
    query = learner_sql(learner, "OVERDUE_TASKS")
    help = ("SELECT from open_tasks WHERE due_date < :today, oldest first. A task due on :today "
            "itself is not overdue yet, and undated tasks never are.")
    for database in databases(DATA):
        database.run_script(view)
        expect_rows(database, query,
                    [(19, "eun-ji@example.com", "2026-02-27"), (4, "ana@example.com", "2026-03-01"),
                     (1, "ana@example.com", "2026-03-05"), (11, "chloe@example.com", "2026-03-08"),
                     (8, "bruno@example.com", "2026-03-09")],
                    ordered=True, columns=("id", "owner_email", "due_date"),
                    params={"today": "2026-03-10"}, help=help)
        expect_rows(database, query, [(19, "eun-ji@example.com", "2026-02-27")], ordered=True,
                    params={"today": "2026-02-28"}, help=help)
        expect_rows(database, query, [], ordered=True, params={"today": "2026-02-27"},
                    help="Nothing is overdue on the day of the earliest deadline: " + help)
        database.run_script(CHANGES)
        expect_rows(database, query,
                    [(4, "ana@example.com", "2026-03-01"), (1, "ana@example.com", "2026-03-05"),
                     (11, "chloe@example.com", "2026-03-08"),
                     (8, "bruno@example.com", "2026-03-09"),
                     (26, "dmitri@example.com", "2026-03-09")],
                    ordered=True, params={"today": "2026-03-10"},
                    what="OVERDUE_TASKS with today='2026-03-10' after new tasks", help=help)
