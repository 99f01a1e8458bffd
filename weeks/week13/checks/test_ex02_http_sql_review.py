"""Checks for week13/ex02_http_sql_review: status codes, method properties, retries and SQL.

The queries run on the shipped review data, then again after a new user, a new paid order and
a pending order that got paid, so sums, empty groups and the order all change.
"""

from __future__ import annotations

import pytest

from workbook.checking import Learner, expect_call, expect_raises
from workbook.checking_sql import DataSet, databases, expect_rows, learner_sql, names_engines

DATA = DataSet.beside(__file__)
CHANGES = """
INSERT INTO users (id, email) VALUES (7, 'gus@example.com');
INSERT INTO orders (id, user_id, status, total_cents, created_at)
VALUES (9, 4, 'paid', 7000, '2026-04-06 10:00:00');
UPDATE orders SET status = 'paid' WHERE id = 3;
"""

SCENARIOS = [
    ("created", 201, "A POST that stored something new answers 201 Created."),
    ("accepted", 202, "Work queued for later is 202 Accepted: received, not done yet."),
    ("deleted", 204, "A success with no body is 204 No Content."),
    ("malformed_json", 400, "A body that cannot even be parsed is 400 Bad Request."),
    ("invalid_field", 422, "Well-formed JSON with a wrong value is FastAPI's 422 Unprocessable "
     "Content."),
    ("no_token", 401, "Missing or expired credentials: 401 Unauthorized (who are you?)."),
    ("not_allowed", 403, "Known user without the right: 403 Forbidden (you may not)."),
    ("missing", 404, "A resource that does not exist is 404 Not Found."),
    ("duplicate_email", 409, "A request that clashes with the current state is 409 Conflict."),
    ("stale_version", 412, "A failed If-Match precondition is 412 Precondition Failed."),
    ("rate_limited", 429, "Too many requests is 429, usually with Retry-After."),
    ("bug", 500, "An unhandled exception is the server's fault: 500 Internal Server Error."),
    ("database_down", 503, "A temporary outage of a dependency is 503 Service Unavailable."),
]


@pytest.mark.parametrize(("scenario", "status", "help"), SCENARIOS,
                         ids=[scenario for scenario, _, _ in SCENARIOS])
def test_status_for(learner: Learner, scenario: str, status: int, help: str) -> None:
    """picks the status code of a scenario"""
    status_for = learner.function("status_for", signature="status_for(scenario: str) -> int")
    expect_call(status_for, scenario, returns=status, help=help)


def test_status_for_unknown(learner: Learner) -> None:
    """refuses a scenario it does not know"""
    status_for = learner.function("status_for")
    expect_raises(KeyError, status_for, "teapot",
                  help="Look the scenario up with codes[scenario] so an unknown one raises "
                  "KeyError instead of returning a made-up code.")


METHOD_TABLE = [
    ("GET", True, True), ("HEAD", True, True), ("OPTIONS", True, True),
    ("PUT", False, True), ("DELETE", False, True), ("POST", False, False),
    ("PATCH", False, False),
]


def test_safe_methods(learner: Learner) -> None:
    """knows which methods are safe"""
    is_safe = learner.function("is_safe", signature="is_safe(method: str) -> bool")
    for method, safe, _ in METHOD_TABLE:
        expect_call(is_safe, method, returns=safe,
                    help="Safe means read-only: GET, HEAD and OPTIONS. PUT and DELETE change "
                    "things, even though repeating them is harmless.")
    expect_call(is_safe, "get", returns=True, help="Method names are compared in upper case.")


def test_idempotent_methods(learner: Learner) -> None:
    """knows which methods are idempotent"""
    is_idempotent = learner.function("is_idempotent",
                                     signature="is_idempotent(method: str) -> bool")
    for method, _, idempotent in METHOD_TABLE:
        expect_call(is_idempotent, method, returns=idempotent,
                    help="Idempotent means twice has the same effect as once: the safe methods, "
                    "PUT (replace with the same thing) and DELETE (gone stays gone). POST and "
                    "PATCH may add or change more each time.")
    expect_call(is_idempotent, "Delete", returns=True,
                help="Method names are compared in upper case.")


def test_unknown_method(learner: Learner) -> None:
    """refuses an unknown method, naming it"""
    for name in ("is_safe", "is_idempotent"):
        func = learner.function(name)
        expect_raises(ValueError, func, "FETCH", match="unknown HTTP method: 'FETCH'",
                      help="Raise ValueError(f'unknown HTTP method: {method!r}') for a method "
                      "outside METHODS, instead of answering False.")


def test_may_retry_idempotent(learner: Learner) -> None:
    """retries an idempotent request after a timeout or a temporary failure"""
    may_retry = learner.function("may_retry")
    for method, status in [("GET", None), ("PUT", 503), ("DELETE", 502), ("GET", 504),
                           ("GET", 408), ("GET", 429)]:
        expect_call(may_retry, method, status, returns=True,
                    help="No answer, 408, 429, 502, 503 and 504 are worth a retry, and an "
                    "idempotent method cannot do harm when repeated.")


def test_may_retry_not_after_final_answers(learner: Learner) -> None:
    """does not retry after an answer that will not change"""
    may_retry = learner.function("may_retry")
    for status in (200, 201, 400, 404, 409, 500, 501):
        expect_call(may_retry, "GET", status, returns=False,
                    help="Only no answer and the statuses in RETRYABLE_STATUSES are retryable; "
                    "a 4xx or a 500 will come back the same.")
    expect_call(may_retry, "POST", 400, idempotency_key=True, returns=False,
                help="A key makes a retry harmless, not useful: 400 stays 400.")


def test_may_retry_post_needs_key(learner: Learner) -> None:
    """retries a POST only with an idempotency key"""
    may_retry = learner.function("may_retry")
    for method in ("POST", "PATCH"):
        expect_call(may_retry, method, None, returns=False,
                    help="The first POST may have worked before the timeout; sending it again "
                    "could create a second order.")
        expect_call(may_retry, method, 503, idempotency_key=True, returns=True,
                    help="With an Idempotency-Key the server recognises the repeat and answers "
                    "with the first result, so the retry is safe.")


@names_engines
def test_paid_orders(learner: Learner) -> None:
    """lists the paid orders with their buyer, newest first"""
    query = learner_sql(learner, "PAID_ORDERS")
    seeded = [(7, "ana@example.com", 2500), (6, "bruno@example.com", 3800),
              (4, "chloe@example.com", 9900), (2, "bruno@example.com", 1200),
              (1, "ana@example.com", 2500)]
    changed = [(9, "dmitri@example.com", 7000), *seeded[:3], (3, "ana@example.com", 4000),
               *seeded[3:]]
    help = ("Join orders to users ON users.id = orders.user_id, keep status 'paid' and sort by "
            "created_at DESC.")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True,
                    columns=("id", "email", "total_cents"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, changed, ordered=True,
                    what="PAID_ORDERS after a new order and order 3 paid", help=help)


@names_engines
def test_spend_per_user(learner: Learner) -> None:
    """sums each user's paid orders, keeping users with none"""
    query = learner_sql(learner, "SPEND_PER_USER")
    seeded = [("chloe@example.com", 1, 9900), ("ana@example.com", 2, 5000),
              ("bruno@example.com", 2, 5000), ("dmitri@example.com", 0, 0),
              ("eun-ji@example.com", 0, 0), ("farah@example.com", 0, 0)]
    changed = [("chloe@example.com", 1, 9900), ("ana@example.com", 3, 9000),
               ("dmitri@example.com", 1, 7000), ("bruno@example.com", 2, 5000),
               ("eun-ji@example.com", 0, 0), ("farah@example.com", 0, 0),
               ("gus@example.com", 0, 0)]
    help = ("Start FROM users and LEFT JOIN orders with the 'paid' test inside ON (in WHERE it "
            "drops the users without a paid order); COUNT(o.id), and COALESCE(SUM(...), 0) "
            "because SUM over no rows is NULL.")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True,
                    columns=("email", "orders", "spent_cents"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, changed, ordered=True,
                    what="SPEND_PER_USER after a new user and new paid orders", help=help)


@names_engines
def test_big_spenders(learner: Learner) -> None:
    """keeps the users who paid at least the minimum"""
    query = learner_sql(learner, "BIG_SPENDERS")
    help = ("GROUP BY the user over the paid orders and filter the groups with HAVING "
            "SUM(o.total_cents) >= :minimum (at least includes the minimum itself).")
    cases = [
        (5000, [("chloe@example.com", 9900), ("ana@example.com", 5000),
                ("bruno@example.com", 5000)]),
        (5001, [("chloe@example.com", 9900)]),
        (9900, [("chloe@example.com", 9900)]),
        (9901, []),
    ]
    for database in databases(DATA):
        for minimum, expected in cases:
            expect_rows(database, query, expected, ordered=True, params={"minimum": minimum},
                        columns=("email", "spent_cents"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, [("chloe@example.com", 9900), ("ana@example.com", 9000),
                                      ("dmitri@example.com", 7000)],
                    ordered=True, params={"minimum": 7000},
                    what="BIG_SPENDERS with minimum=7000 after new paid orders", help=help)


@names_engines
def test_above_average(learner: Learner) -> None:
    """finds the paying users above the average with a CTE"""
    query = learner_sql(learner, "ABOVE_AVERAGE")
    help = ("Put the per-user paid sums in a CTE (WITH spend AS (...)), then keep the rows "
            "WHERE spent_cents > (SELECT AVG(spent_cents) FROM spend). Users who paid nothing "
            "are not part of the average.")
    for database in databases(DATA):
        expect_rows(database, query, [("chloe@example.com", 9900)], ordered=True,
                    columns=("email", "spent_cents"), help=help)
        database.run_script(CHANGES)
        expect_rows(database, query, [("chloe@example.com", 9900), ("ana@example.com", 9000)],
                    ordered=True, what="ABOVE_AVERAGE after new paid orders", help=help)
