"""Checks for week05/ex01_select_basics: single-table queries on the practice database.

Each query runs on the shipped data, then again after a few rows change, so only a query that
answers the question (not one that lists today's answer) passes both times.
"""

from __future__ import annotations

from workbook.checking import Learner
from workbook.checking_sql import DataSet, databases, expect_rows, learner_sql, names_engines

DATA = DataSet.beside(__file__)
#: New rows and changes for the second run: a task due on the last day of March whose title
#: says "Invoices" (and a done one created in the same second), a priority-5 task finished, and
#: a due date given to a task that had none.
CHANGES = """
INSERT INTO tasks (id, user_id, title, status, priority, due_date, created_at) VALUES
    (26, 7, 'Chase unpaid Invoices', 'todo', 4, '2026-03-31', '2026-03-09 12:00:00'),
    (27, 7, 'Close old tickets', 'done', 1, '2026-06-01', '2026-03-09 12:00:00');
UPDATE tasks SET status = 'done' WHERE id = 4;
UPDATE tasks SET due_date = '2026-05-01' WHERE id = 3;
"""


@names_engines
def test_open_tasks(learner: Learner) -> None:
    """lists the open tasks by due date, undated ones last"""
    query = learner_sql(learner, "OPEN_TASKS")
    seeded = [
        (19, "Fix flaky CI job", "2026-02-27"), (4, "Fix login rate limit", "2026-03-01"),
        (1, "Send invoice to Acme", "2026-03-05"), (11, "Add pagination to /tasks", "2026-03-08"),
        (8, "Rotate database password", "2026-03-09"),
        (2, "Review pull request #42", "2026-03-10"),
        (7, "Update API docs", "2026-03-12"), (17, "Design tags API", "2026-03-18"),
        (14, "Benchmark search endpoint", "2026-03-20"),
        (6, "Migrate invoices table", "2026-03-31"),
        (10, "INVOICE template redesign", "2026-04-01"), (3, "Plan sprint 7", None),
        (18, "Write tests for tags", None),
    ]
    changed = [row for row in seeded if row[0] not in (3, 4)]
    changed.insert(9, (26, "Chase unpaid Invoices", "2026-03-31"))
    changed.insert(11, (3, "Plan sprint 7", "2026-05-01"))
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True, columns=("id", "title", "due_date"),
                    help="Open means status is not 'done'. NULL sorts first on SQLite and last on "
                    "PostgreSQL, so sort on 'due_date IS NULL' first, then on due_date and id.")
        database.run_script(CHANGES)
        expect_rows(database, query, changed, ordered=True, what="OPEN_TASKS after new rows",
                    help="The answer must follow the data: filter on status, do not list ids.")


@names_engines
def test_tasks_without_due_date(learner: Learner) -> None:
    """finds the tasks with no due date (IS NULL, not = NULL)"""
    query = learner_sql(learner, "TASKS_WITHOUT_DUE_DATE")
    seeded = [(3, "Plan sprint 7"), (9, "Archive old logs"), (13, "Clean up feature flags"),
              (18, "Write tests for tags"), (23, "Read PostgreSQL docs")]
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True, columns=("id", "title"),
                    help="'due_date = NULL' is never true, not even for NULL: write "
                    "'due_date IS NULL'.")
        database.run_script(CHANGES)
        expect_rows(database, query, seeded[1:], ordered=True,
                    what="TASKS_WITHOUT_DUE_DATE after task 3 got a due date",
                    help="Test the column for NULL rather than listing the ids you saw.")


@names_engines
def test_invoice_tasks(learner: Learner) -> None:
    """finds "invoice" in titles whatever the letter case"""
    query = learner_sql(learner, "INVOICE_TASKS")
    seeded = [(1, "Send invoice to Acme"), (6, "Migrate invoices table"),
              (10, "INVOICE template redesign"), (22, "Refactor invoice export")]
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True, columns=("id", "title"),
                    help="LIKE ignores case on SQLite but not on PostgreSQL: compare "
                    "LOWER(title) with a lower-case pattern, and put % on both sides.")
        database.run_script(CHANGES)
        expect_rows(database, query, [*seeded, (26, "Chase unpaid Invoices")], ordered=True,
                    what="INVOICE_TASKS after 'Chase unpaid Invoices' was added",
                    help="'Invoices' must match too: the pattern needs % on both sides.")


@names_engines
def test_due_in_march(learner: Learner) -> None:
    """finds the tasks due in March, the 1st and the 31st included"""
    query = learner_sql(learner, "DUE_IN_MARCH")
    seeded = [
        (4, "2026-03-01"), (12, "2026-03-02"), (16, "2026-03-03"), (21, "2026-03-04"),
        (1, "2026-03-05"), (22, "2026-03-06"), (20, "2026-03-07"), (11, "2026-03-08"),
        (8, "2026-03-09"), (2, "2026-03-10"), (25, "2026-03-10"), (7, "2026-03-12"),
        (17, "2026-03-18"), (14, "2026-03-20"), (6, "2026-03-31"),
    ]
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True, columns=("id", "due_date"),
                    help="BETWEEN includes both ends: task 4 is due on 1 March and task 6 on "
                    "31 March; task 10 (1 April) is out. Sort by due_date, then id.")
        database.run_script(CHANGES)
        expect_rows(database, query, [*seeded, (26, "2026-03-31")], ordered=True,
                    what="DUE_IN_MARCH after a task due on 31 March was added",
                    help="Filter on the dates, whatever the status of the task.")


@names_engines
def test_urgent_open_tasks(learner: Learner) -> None:
    """finds open tasks of priority 4 or 5, highest first"""
    query = learner_sql(learner, "URGENT_OPEN_TASKS")
    seeded = [(4, "Fix login rate limit", 5), (8, "Rotate database password", 5),
              (2, "Review pull request #42", 4), (6, "Migrate invoices table", 4),
              (11, "Add pagination to /tasks", 4), (19, "Fix flaky CI job", 4)]
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True, columns=("id", "title", "priority"),
                    help="Both conditions must hold: not done AND priority of at least 4. "
                    "AND binds tighter than OR, so add brackets if you mix them.")
        database.run_script(CHANGES)
        expect_rows(database, query, [*seeded[1:], (26, "Chase unpaid Invoices", 4)],
                    ordered=True, what="URGENT_OPEN_TASKS after task 4 was done",
                    help="A done task is not urgent work any more, whatever its priority.")


@names_engines
def test_user_tasks_page(learner: Learner) -> None:
    """pages through a user's tasks with :limit and :offset"""
    query = learner_sql(learner, "USER_TASKS_PAGE")
    help = ("Filter on user_id = :user_id, sort by created_at DESC then id DESC, and end with "
            "LIMIT :limit OFFSET :offset.")
    for database in databases(DATA):
        expect_rows(database, query, [(3, "Plan sprint 7"), (4, "Fix login rate limit")],
                    ordered=True, columns=("id", "title"),
                    params={"user_id": 1, "limit": 2, "offset": 0}, help=help)
        expect_rows(database, query, [(2, "Review pull request #42"), (1, "Send invoice to Acme")],
                    ordered=True, params={"user_id": 1, "limit": 2, "offset": 2}, help=help)
        expect_rows(database, query, [(5, "Write release notes")], ordered=True,
                    params={"user_id": 1, "limit": 2, "offset": 4},
                    help="The last page may be short: user 1 has five tasks.")
        expect_rows(database, query, [], ordered=True,
                    params={"user_id": 1, "limit": 2, "offset": 5},
                    help="A page past the end is empty, not an error.")
        expect_rows(database, query, [(9, "Archive old logs")], ordered=True,
                    params={"user_id": 2, "limit": 1, "offset": 4}, help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, [(27, "Close old tickets"), (26, "Chase unpaid Invoices")],
                    ordered=True, params={"user_id": 7, "limit": 5, "offset": 0},
                    what="USER_TASKS_PAGE for user 7, whose two tasks were created in the same "
                    "second", help="Tasks created in the same second come by id, descending "
                    "too: ORDER BY created_at DESC, id DESC.")
