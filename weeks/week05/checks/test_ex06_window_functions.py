"""Checks for week05/ex06_window_functions: RANK, ROW_NUMBER, running sums and LAG.

Each query runs on the shipped data, then again after a tie in priority, an order placed at
the same second as another, and a cancelled order.
"""

from __future__ import annotations

from workbook.checking import Learner
from workbook.checking_sql import DataSet, databases, expect_rows, learner_sql, names_engines

DATA = DataSet.beside(__file__)
CHANGES = """
INSERT INTO tasks (id, user_id, title, status, priority, due_date, created_at)
VALUES (26, 1, 'Hotfix checkout', 'todo', 5, NULL, '2026-03-09 18:00:00');
UPDATE tasks SET status = 'done' WHERE id = 7;
INSERT INTO orders (id, user_id, status, created_at)
VALUES (13, 7, 'placed', '2026-03-07 11:11:00');
INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
VALUES (13, 7, 1, 2000);
UPDATE orders SET status = 'cancelled' WHERE id = 3;
"""


@names_engines
def test_open_task_ranks(learner: Learner) -> None:
    """ranks each user's open tasks, ties sharing a rank (RANK)"""
    query = learner_sql(learner, "OPEN_TASK_RANKS")
    seeded = [(1, 4, 5, 1), (1, 2, 4, 2), (1, 1, 3, 3), (1, 3, 2, 4), (2, 8, 5, 1), (2, 6, 4, 2),
              (2, 7, 3, 3), (3, 11, 4, 1), (3, 10, 2, 2), (4, 14, 3, 1), (5, 19, 4, 1),
              (5, 17, 3, 2), (5, 18, 3, 2)]
    changed = [(1, 4, 5, 1), (1, 26, 5, 1), (1, 2, 4, 3), (1, 1, 3, 4), (1, 3, 2, 5),
               (2, 8, 5, 1), (2, 6, 4, 2), *seeded[7:]]
    help = ("RANK() OVER (PARTITION BY user_id ORDER BY priority DESC): PARTITION BY restarts "
            "the ranking for each user; RANK gives ties the same rank and then skips "
            "(1, 1, 3), which ROW_NUMBER and DENSE_RANK do not.")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True,
                    columns=("user_id", "id", "priority", "priority_rank"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, changed, ordered=True,
                    what="OPEN_TASK_RANKS after a second priority-5 task for user 1", help=help)


@names_engines
def test_top_open_tasks(learner: Learner) -> None:
    """keeps exactly :n open tasks per user (top N per group)"""
    query = learner_sql(learner, "TOP_OPEN_TASKS")
    help = ("Number the rows with ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY priority "
            "DESC, id) in a CTE, then keep position <= :n: a window function cannot appear in "
            "WHERE directly. ROW_NUMBER never ties, so each user gets exactly :n.")
    for database in databases(DATA):
        expect_rows(database, query,
                    [(1, 4, 5), (1, 2, 4), (2, 8, 5), (2, 6, 4), (3, 11, 4), (3, 10, 2),
                     (4, 14, 3), (5, 19, 4), (5, 17, 3)],
                    ordered=True, columns=("user_id", "id", "priority"), params={"n": 2},
                    help=help)
        expect_rows(database, query,
                    [(1, 4, 5), (2, 8, 5), (3, 11, 4), (4, 14, 3), (5, 19, 4)],
                    ordered=True, params={"n": 1}, help=help)
        expect_rows(database, query, [], ordered=True, params={"n": 0},
                    help="With :n = 0 nobody keeps a task.")
        database.run_script(CHANGES)
        expect_rows(database, query,
                    [(1, 4, 5), (1, 26, 5), (1, 2, 4), (2, 8, 5), (2, 6, 4), (3, 11, 4),
                     (3, 10, 2), (4, 14, 3), (5, 19, 4), (5, 17, 3), (5, 18, 3)],
                    ordered=True, params={"n": 3},
                    what="TOP_OPEN_TASKS with n=3 after new tasks", help=help)


@names_engines
def test_running_revenue(learner: Learner) -> None:
    """adds up revenue order by order (a running SUM)"""
    query = learner_sql(learner, "RUNNING_REVENUE")
    seeded = [
        (1, "2026-01-05 10:00:00", 3750, 3750), (2, "2026-01-18 15:30:00", 3770, 7520),
        (3, "2026-01-31 23:59:59", 1500, 9020), (5, "2026-02-03 09:10:00", 3590, 12610),
        (6, "2026-02-14 12:00:00", 4890, 17500), (7, "2026-02-20 08:45:00", 3980, 21480),
        (8, "2026-02-28 19:00:00", 4200, 25680), (9, "2026-03-01 00:00:00", 3570, 29250),
        (10, "2026-03-04 17:20:00", 1990, 31240), (11, "2026-03-07 11:11:00", 4800, 36040),
    ]
    changed = [
        (1, "2026-01-05 10:00:00", 3750, 3750), (2, "2026-01-18 15:30:00", 3770, 7520),
        (5, "2026-02-03 09:10:00", 3590, 11110), (6, "2026-02-14 12:00:00", 4890, 16000),
        (7, "2026-02-20 08:45:00", 3980, 19980), (8, "2026-02-28 19:00:00", 4200, 24180),
        (9, "2026-03-01 00:00:00", 3570, 27750), (10, "2026-03-04 17:20:00", 1990, 29740),
        (11, "2026-03-07 11:11:00", 4800, 34540), (13, "2026-03-07 11:11:00", 2000, 36540),
    ]
    help = ("Total each order in a CTE (SUM of quantity * unit_price_cents, GROUP BY the order, "
            "cancelled ones left out), then SUM(total_cents) OVER (ORDER BY created_at, id).")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True,
                    columns=("id", "created_at", "total_cents", "running_cents"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, changed, ordered=True,
                    what="RUNNING_REVENUE after two orders placed in the same second",
                    help="Orders 11 and 13 share a created_at: with ORDER BY created_at alone "
                    "the window treats them as one step and gives both the same sum; add id to "
                    "the window's ORDER BY.")


@names_engines
def test_orders_with_previous(learner: Learner) -> None:
    """shows each user's previous order total (LAG)"""
    query = learner_sql(learner, "ORDERS_WITH_PREVIOUS")
    seeded = [(1, 1, 3750, None), (1, 3, 1500, 3750), (1, 9, 3570, 1500), (2, 2, 3770, None),
              (2, 7, 3980, 3770), (3, 11, 4800, None), (4, 5, 3590, None), (5, 6, 4890, None),
              (6, 8, 4200, None), (8, 10, 1990, None)]
    changed = [(1, 1, 3750, None), (1, 9, 3570, 3750), *seeded[3:9], (7, 13, 2000, None),
               (8, 10, 1990, None)]
    help = ("LAG(total_cents) OVER (PARTITION BY user_id ORDER BY created_at) reads the row "
            "before within the same user; the first one has no row before, so NULL.")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True,
                    columns=("user_id", "id", "total_cents", "previous_cents"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, changed, ordered=True,
                    what="ORDERS_WITH_PREVIOUS after order 3 was cancelled", help=help)
