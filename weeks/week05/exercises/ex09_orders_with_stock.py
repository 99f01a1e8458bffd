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
    # TODO: read the cart, then order, take stock line by line and empty the cart
    raise NotImplementedError


# Every product with its reviews: sku, reviews (how many), average_rating (rounded to 2
# decimals; NULL without reviews). Best average first, products without reviews last, then
# by sku.
PRODUCT_RATINGS = """
-- your query here
"""

# The sales report: for every product, the units sold and the revenue in cents of orders that
# were not cancelled, at the price paid (unit_price_cents); products that sold nothing show 0
# and 0. sku, units, revenue_cents; highest revenue first, then by sku.
SALES_BY_PRODUCT = """
-- your query here
"""
