"""Checks for week05/ex08_sql_katas: five classic short queries.

Each kata runs on the shipped data, then again after rows arrive that the shipped data lacks:
emails that differ only in case, a second product at the top price, a product nobody ordered,
a third task due on the same day and sign-ups on the first and last second of March.
"""

from __future__ import annotations

from workbook.checking import Learner
from workbook.checking_sql import DataSet, databases, expect_rows, learner_sql, names_engines

DATA = DataSet.beside(__file__)
CHANGES = """
INSERT INTO users (id, email, name, created_at) VALUES
    (9, 'Ana@Example.com', 'Ana S.', '2026-03-01 00:00:00'),
    (10, 'GUS@example.com', 'Gus', '2026-03-31 23:59:59');
INSERT INTO products (id, sku, name, price_cents, stock) VALUES (9, 'SOCKS', 'Socks', 4500, 3);
INSERT INTO tasks (id, user_id, title, status, priority, due_date, created_at)
VALUES (26, 2, 'Demo prep', 'todo', 2, '2026-03-10', '2026-03-09 10:00:00');
"""


@names_engines
def test_duplicate_emails(learner: Learner) -> None:
    """finds emails that differ only in letter case"""
    query = learner_sql(learner, "DUPLICATE_EMAILS")
    help = ("GROUP BY LOWER(email) and keep the groups with HAVING COUNT(*) > 1; select "
            "LOWER(email) AS email so the group's key is what you show.")
    for database in databases(DATA):
        expect_rows(database, query, [], ordered=True, columns=("email", "accounts"),
                    help="The shipped data has no duplicates: " + help)
        database.run_script(CHANGES)
        expect_rows(database, query, [("ana@example.com", 2), ("gus@example.com", 2)],
                    ordered=True, what="DUPLICATE_EMAILS after 'Ana@Example.com' and "
                    "'GUS@example.com' signed up", help=help)


@names_engines
def test_second_highest_price(learner: Learner) -> None:
    """finds the second-highest distinct price"""
    query = learner_sql(learner, "SECOND_HIGHEST_PRICE")
    help = ("Take the highest price below the highest one: MAX(price_cents) WHERE price_cents < "
            "(SELECT MAX(price_cents) ...). ORDER BY ... LIMIT 1 OFFSET 1 breaks when two "
            "products share the top price.")
    for database in databases(DATA):
        expect_rows(database, query, [(2490,)], ordered=True, columns=("price_cents",),
                    help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, [(2490,)], ordered=True,
                    what="SECOND_HIGHEST_PRICE after a second product at 4500", help=help)


@names_engines
def test_never_ordered(learner: Learner) -> None:
    """finds the products nobody ordered (an anti-join)"""
    query = learner_sql(learner, "NEVER_ORDERED")
    help = ("FROM products LEFT JOIN order_items ON the product, then WHERE the order item's "
            "column IS NULL: those are the products the join found nothing for.")
    for database in databases(DATA):
        expect_rows(database, query, [("POSTER",)], ordered=True, columns=("sku",), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, [("POSTER",), ("SOCKS",)], ordered=True,
                    what="NEVER_ORDERED after a new product", help=help)


@names_engines
def test_same_day_pairs(learner: Learner) -> None:
    """pairs tasks due on the same day, each pair once (a self-join)"""
    query = learner_sql(learner, "SAME_DAY_PAIRS")
    help = ("Join tasks to itself under two aliases ON the same due_date AND a.id < b.id: the "
            "< keeps each pair once and drops a task paired with itself. NULL due dates never "
            "match.")
    for database in databases(DATA):
        expect_rows(database, query, [(2, 25, "2026-03-10")], ordered=True,
                    columns=("first_id", "second_id", "due_date"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query,
                    [(2, 25, "2026-03-10"), (2, 26, "2026-03-10"), (25, 26, "2026-03-10")],
                    ordered=True, what="SAME_DAY_PAIRS after a third task due on 10 March",
                    help=help)


@names_engines
def test_monthly_signups(learner: Learner) -> None:
    """counts sign-ups per month with portable SQL"""
    query = learner_sql(learner, "MONTHLY_SIGNUPS")
    help = ("GROUP BY SUBSTR(CAST(created_at AS TEXT), 1, 7), the 'YYYY-MM' part, and name it "
            "month; strftime exists only on SQLite and to_char only on PostgreSQL.")
    for database in databases(DATA):
        expect_rows(database, query, [("2026-01", 4), ("2026-02", 4)], ordered=True,
                    columns=("month", "signups"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, [("2026-01", 4), ("2026-02", 4), ("2026-03", 2)],
                    ordered=True, what="MONTHLY_SIGNUPS after two sign-ups in March", help=help)
