"""Bonus: a shop's checkout that checks and takes stock in one transaction, and its reports.

The tables come from ``weeks/week05/data/schema.sql``: ``products`` (``price_cents``,
``stock``, ``CHECK (stock >= 0)``), ``cart_items`` (one row per product in a user's cart),
``orders`` (``status`` ``'placed'``, ``'shipped'`` or ``'cancelled'``), ``order_items`` (the
price is copied into ``unit_price_cents`` when the order is placed) and ``reviews``.

``checkout`` runs on an ``sqlite3`` connection opened the usual way; the two report queries
run on SQLite and, when configured, on PostgreSQL.
"""

from __future__ import annotations

import sqlite3


class CheckoutError(Exception):
    """Base class of the errors a checkout raises on purpose."""


class EmptyCart(CheckoutError):
    """The user's cart has no items. Attribute: ``user_id``."""

    def __init__(self, user_id: int) -> None:
        super().__init__(f"the cart of user {user_id} is empty")
        self.user_id = user_id


class OutOfStock(CheckoutError):
    """A product has fewer items than the cart asks for. Attributes: ``product_id``,
    ``requested`` and ``available``."""

    def __init__(self, product_id: int, requested: int, available: int) -> None:
        super().__init__(
            f"product {product_id}: {requested} requested, only {available} in stock"
        )
        self.product_id = product_id
        self.requested = requested
        self.available = available


def checkout(conn: sqlite3.Connection, user_id: int, placed_at: str) -> int:
    """Turn the user's cart into a placed order and return the new order's id.

    In one transaction: insert the order (``status = 'placed'``, ``created_at = placed_at``),
    and for every cart line, by product id, take the quantity from the product's stock with a
    guarded UPDATE and insert an order item at the product's current price; then empty the cart.
    An empty cart raises ``EmptyCart``; a line with too little stock raises ``OutOfStock`` for
    the first such product (by id), and then nothing at all has changed: no order, no stock
    taken, the cart as it was.
    """
    # BEGIN SOLUTION: read the cart, then order, take stock line by line and empty the cart
    with conn:
        lines = conn.execute(
            "SELECT c.product_id, c.quantity, p.price_cents FROM cart_items AS c "
            "JOIN products AS p ON p.id = c.product_id WHERE c.user_id = ? ORDER BY c.product_id",
            (user_id,),
        ).fetchall()
        if not lines:
            raise EmptyCart(user_id)
        order_id = conn.execute(
            "INSERT INTO orders (user_id, status, created_at) VALUES (?, 'placed', ?)",
            (user_id, placed_at),
        ).lastrowid
        for product_id, quantity, price_cents in lines:
            taken = conn.execute(
                "UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?",
                (quantity, product_id, quantity),
            ).rowcount
            if taken == 0:
                (available,) = conn.execute(
                    "SELECT stock FROM products WHERE id = ?", (product_id,)
                ).fetchone()
                raise OutOfStock(product_id, quantity, available)
            conn.execute(
                "INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) "
                "VALUES (?, ?, ?, ?)",
                (order_id, product_id, quantity, price_cents),
            )
        conn.execute("DELETE FROM cart_items WHERE user_id = ?", (user_id,))
    assert order_id is not None
    return order_id
    # END SOLUTION


# Every product with its reviews: sku, reviews (how many), average_rating (rounded to 2
# decimals; NULL without reviews). Best average first, products without reviews last, then
# by sku.
# BEGIN SOLUTION: write the query
PRODUCT_RATINGS = """
SELECT p.sku, COUNT(r.id) AS reviews, ROUND(AVG(r.rating), 2) AS average_rating
FROM products AS p
LEFT JOIN reviews AS r ON r.product_id = p.id
GROUP BY p.id, p.sku
ORDER BY average_rating DESC NULLS LAST, p.sku
"""
# STUB: PRODUCT_RATINGS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# The sales report: for every product, the units sold and the revenue in cents of orders that
# were not cancelled, at the price paid (unit_price_cents); products that sold nothing show 0
# and 0. sku, units, revenue_cents; highest revenue first, then by sku.
# BEGIN SOLUTION: write the query
SALES_BY_PRODUCT = """
WITH sold AS (
    SELECT i.product_id, i.quantity, i.quantity * i.unit_price_cents AS revenue_cents
    FROM order_items AS i
    JOIN orders AS o ON o.id = i.order_id
    WHERE o.status <> 'cancelled'
)
SELECT p.sku,
       COALESCE(SUM(s.quantity), 0) AS units,
       COALESCE(SUM(s.revenue_cents), 0) AS revenue_cents
FROM products AS p
LEFT JOIN sold AS s ON s.product_id = p.id
GROUP BY p.id, p.sku
ORDER BY revenue_cents DESC, p.sku
"""
# STUB: SALES_BY_PRODUCT = """
# STUB: -- your query here
# STUB: """
# END SOLUTION
