"""Checks for week05/ex09_orders_with_stock: a checkout in one transaction, and two reports.

The checkout runs on SQLite files (WAL mode) holding the practice data. Carts there: user 4
wants 5 STICKERS (200 in stock), user 6 wants 2 BOTTLEs (1 in stock), user 7 wants 2 MUG-BLUE
(25 in stock) and 3 TSHIRT-M (exactly 3 in stock). The reports run on every engine.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from workbook.checking import (
    CheckFailure,
    Learner,
    call,
    describe_exception,
    expect_equal,
    expect_raises,
    expect_true,
)
from workbook.checking_sql import (
    DataSet,
    connect_sqlite,
    create_sqlite_file,
    databases,
    expect_rows,
    learner_sql,
    names_engines,
)

DATA = DataSet.beside(__file__)
NOW = "2026-03-10 12:00:00"
_WRITES = ("BEGIN", "UPDATE", "INSERT", "DELETE", "REPLACE")


def _shop(tmp_path: Path) -> Path:
    return create_sqlite_file(tmp_path / "shop.db", DATA)


def _snapshot(path: Path) -> dict[str, Any]:
    """Stock, carts and orders as a fresh connection sees them."""
    observer = sqlite3.connect(path)
    try:
        return {
            "stock": dict(observer.execute("SELECT id, stock FROM products").fetchall()),
            "carts": observer.execute(
                "SELECT user_id, product_id, quantity FROM cart_items ORDER BY 1, 2").fetchall(),
            "orders": observer.execute("SELECT COUNT(*) FROM orders").fetchone()[0],
            "items": observer.execute("SELECT COUNT(*) FROM order_items").fetchone()[0],
        }
    finally:
        observer.close()


def test_places_an_order(learner: Learner, tmp_path: Path) -> None:
    """turns a cart into an order, takes the stock and empties the cart (SQLite)"""
    checkout = learner.function("checkout")
    path = _shop(tmp_path)
    before = _snapshot(path)
    conn = connect_sqlite(path)
    order_id = call(checkout, conn, 7, NOW,
                    help="Insert the order, then one item per cart line, take the stock, and "
                    "delete the cart rows, all inside 'with conn:'.")
    expect_equal(order_id, 13, what=f"checkout(conn, 7, {NOW!r}) returned",
                 help="Return the new order's id (the INSERT's cursor.lastrowid).")
    observer = sqlite3.connect(path)
    order = observer.execute("SELECT user_id, status, created_at FROM orders WHERE id = 13")
    expect_equal(order.fetchone(), (7, "placed", NOW),
                 what="order 13 (user_id, status, created_at)",
                 help="The order belongs to the user, is 'placed', and was created at placed_at.")
    items = observer.execute("SELECT product_id, quantity, unit_price_cents FROM order_items "
                             "WHERE order_id = 13 ORDER BY product_id").fetchall()
    observer.close()
    expect_equal(items, [(1, 2, 1200), (2, 3, 1990)], what="the items of order 13",
                 help="One item per cart line, at the product's current price_cents.")
    after = _snapshot(path)
    expect_equal((after["stock"][1], after["stock"][2]), (23, 0),
                 what="stock of products 1 and 2 after the checkout",
                 help="Take each line's quantity from the stock; taking all 3 T-shirts is allowed.")
    expect_equal(after["carts"], [c for c in before["carts"] if c[0] != 7],
                 what="the carts after user 7's checkout",
                 help="Empty this user's cart, and only this user's.")
    conn.close()


def test_refuses_short_stock(learner: Learner, tmp_path: Path) -> None:
    """refuses a cart with too little stock and changes nothing (SQLite)"""
    checkout = learner.function("checkout")
    out_of_stock = learner.cls("OutOfStock")
    path = _shop(tmp_path)
    before = _snapshot(path)
    conn = connect_sqlite(path)
    error = expect_raises(out_of_stock, checkout, conn, 6, NOW, match="8",
                          help="Guard each stock update: UPDATE products SET stock = stock - ? "
                          "WHERE id = ? AND stock >= ?; no row changed means too little stock.")
    values = tuple(getattr(error, name, None) for name in ("product_id", "requested", "available"))
    expect_equal(values, (8, 2, 1), what="OutOfStock (product_id, requested, available)",
                 help="Pass the product, the quantity asked for and the stock there is.")
    expect_true(not conn.in_transaction, what="after the refused checkout",
                expected="no transaction left open", actual="a transaction is still open",
                help="Raise inside 'with conn:' so the transaction is rolled back and closed.")
    expect_equal(_snapshot(path), before, what="stock, carts and orders after the refusal",
                 help="A refused checkout changes nothing: no order, no stock taken, the cart "
                 "kept.")
    conn.close()


def test_later_line_short(learner: Learner, tmp_path: Path) -> None:
    """rolls back the lines already taken when a later line is short (SQLite)"""
    checkout = learner.function("checkout")
    out_of_stock = learner.cls("OutOfStock")
    path = _shop(tmp_path)
    with sqlite3.connect(path) as setup:
        setup.execute("UPDATE products SET stock = 2 WHERE id = 2")
    setup.close()
    before = _snapshot(path)
    conn = connect_sqlite(path)
    error = expect_raises(out_of_stock, checkout, conn, 7, NOW, match="2",
                          help="The T-shirt line (3 wanted, 2 left) must refuse the order.")
    expect_equal(getattr(error, "product_id", None), 2, what="OutOfStock.product_id",
                 help="Name the product that is short.")
    after = _snapshot(path)
    expect_equal(after, before, what="stock, carts and orders after the refusal",
                 help="The mugs were taken before the T-shirts turned out short: one transaction "
                 "around the whole checkout puts them back.")
    conn.close()


def test_empty_cart(learner: Learner, tmp_path: Path) -> None:
    """refuses an empty cart with EmptyCart (SQLite)"""
    checkout = learner.function("checkout")
    empty = learner.cls("EmptyCart")
    path = _shop(tmp_path)
    before = _snapshot(path)
    conn = connect_sqlite(path)
    error = expect_raises(empty, checkout, conn, 1, NOW, match="1",
                          help="Read the cart first; no lines means EmptyCart(user_id), and no "
                          "order.")
    expect_equal(getattr(error, "user_id", None), 1, what="EmptyCart.user_id",
                 help="Pass the user's id to EmptyCart.")
    expect_equal(_snapshot(path), before, what="the shop after an empty checkout",
                 help="An empty cart must not create an empty order.")
    conn.close()


def test_race_for_the_last_item(learner: Learner, tmp_path: Path) -> None:
    """two checkouts racing for the last bottle sell it once (SQLite)"""
    checkout = learner.function("checkout")
    out_of_stock = learner.cls("OutOfStock")
    path = _shop(tmp_path)
    with sqlite3.connect(path) as setup:
        setup.execute("UPDATE cart_items SET quantity = 1 WHERE user_id = 6")
        setup.execute("INSERT INTO cart_items (user_id, product_id, quantity) VALUES (5, 8, 1)")
    setup.close()
    first, second = connect_sqlite(path), connect_sqlite(path)
    other: list[tuple[str, Any]] = []

    def interleave(statement: str) -> None:
        if not other and statement.lstrip().upper().startswith(_WRITES):
            try:
                other.append(("returned", checkout(second, 5, NOW)))
            except Exception as error:
                other.append(("raised", error))

    first.set_trace_callback(interleave)
    try:
        try:
            mine: tuple[str, Any] = ("returned", checkout(first, 6, NOW))
        except NotImplementedError:
            raise
        except Exception as error:
            mine = ("raised", error)
    finally:
        first.set_trace_callback(None)
    if other and other[0][0] == "raised":
        raise CheckFailure(
            "while user 6's checkout was starting, user 5's checkout of the same last bottle "
            f"raised {describe_exception(other[0][1])}",
            expected="user 5's checkout succeeds", actual=describe_exception(other[0][1]),
            help="Keep the transaction short and let the guarded UPDATE decide.")
    stock = _snapshot(path)["stock"][8]
    expect_true(stock == 0 and mine[0] == "raised" and isinstance(mine[1], out_of_stock),
                what="two checkouts of the last bottle at the same time",
                expected="one order, the other refused with OutOfStock, stock 0",
                actual=f"stock {stock}; user 6's checkout {mine[0]} {mine[1]!r}",
                help="Check the stock in the UPDATE itself (... AND stock >= ?), not with a "
                "SELECT before: both buyers would read 1.")
    first.close()
    second.close()


@names_engines
def test_product_ratings(learner: Learner) -> None:
    """averages the ratings of every product, unreviewed ones last"""
    query = learner_sql(learner, "PRODUCT_RATINGS")
    seeded = [("BOTTLE", 1, 5.0), ("STICKERS", 1, 5.0), ("MUG-BLUE", 3, 4.33),
              ("TSHIRT-M", 2, 4.0), ("NOTEBOOK", 3, 3.0), ("HOODIE-L", 1, 2.0), ("CAP", 1, 1.0),
              ("POSTER", 0, None)]
    changed = [("BOTTLE", 1, 5.0), ("STICKERS", 2, 4.5), ("MUG-BLUE", 3, 4.33),
               ("POSTER", 1, 4.0), ("TSHIRT-M", 2, 4.0), ("NOTEBOOK", 3, 3.0),
               ("HOODIE-L", 1, 2.0), ("CAP", 1, 1.0)]
    help = ("FROM products LEFT JOIN reviews, COUNT(r.id) and ROUND(AVG(r.rating), 2); ORDER BY "
            "average_rating DESC NULLS LAST, then sku.")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True,
                    columns=("sku", "reviews", "average_rating"), help=help)
        database.run_script(
            "INSERT INTO reviews (id, product_id, user_id, rating, body, created_at) VALUES "
            "(13, 7, 1, 4, NULL, '2026-03-09 10:00:00'), "
            "(14, 3, 2, 4, NULL, '2026-03-09 11:00:00')")
        expect_rows(database, query, changed, ordered=True,
                    what="PRODUCT_RATINGS after two new reviews", help=help)


@names_engines
def test_sales_by_product(learner: Learner) -> None:
    """reports units and revenue per product, cancelled orders left out"""
    query = learner_sql(learner, "SALES_BY_PRODUCT")
    seeded = [("MUG-BLUE", 8, 9500), ("TSHIRT-M", 4, 7960), ("STICKERS", 15, 6250),
              ("NOTEBOOK", 6, 5340), ("CAP", 3, 4500), ("BOTTLE", 1, 2490), ("HOODIE-L", 0, 0),
              ("POSTER", 0, 0)]
    changed = [("TSHIRT-M", 4, 7960), ("STICKERS", 15, 6250), ("NOTEBOOK", 6, 5340),
               ("MUG-BLUE", 4, 4700), ("CAP", 3, 4500), ("HOODIE-L", 1, 4500),
               ("BOTTLE", 1, 2490), ("POSTER", 0, 0)]
    help = ("Keep the items of orders that are not cancelled (in a CTE), LEFT JOIN them to "
            "products, and COALESCE the sums to 0; revenue is quantity * unit_price_cents, the "
            "price paid, not today's price.")
    for database in databases(DATA):
        expect_rows(database, query, seeded, ordered=True,
                    columns=("sku", "units", "revenue_cents"), help=help)
        database.run_script("UPDATE orders SET status = 'cancelled' WHERE id = 11; "
                            "UPDATE orders SET status = 'placed' WHERE id = 4")
        expect_rows(database, query, changed, ordered=True,
                    what="SALES_BY_PRODUCT after order 11 was cancelled and order 4 restored",
                    help=help)
