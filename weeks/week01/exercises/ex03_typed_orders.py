"""Order arithmetic for a shop API, with type hints precise enough for ``mypy --strict``.

The functions below work, or will once you write them, but their signatures say nothing about
types. Add annotations to every parameter and every return value, implement the bodies, then
run::

    mypy --strict weeks/week01/exercises/ex03_typed_orders.py

Money is always an ``int`` number of cents: floats cannot hold 0.10 exactly, and a shop that
loses a cent on every order soon hears about it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypedDict


class OrderLine(TypedDict):
    """One line of an order, as it arrives in a JSON request body."""

    sku: str
    quantity: int
    unit_price_cents: int


def line_total(line):
    """Return the price of one line in cents: quantity times unit price."""
    raise NotImplementedError


def order_total(lines, discount_percent=0):
    """Return the order's total in cents after a percentage discount, rounded down.

    ``discount_percent`` must be between 0 and 100, otherwise raise ``ValueError``. An order
    without lines costs 0.
    """
    raise NotImplementedError


def find_line(lines, sku):
    """Return the first line whose SKU is ``sku``, or None when there is none."""
    raise NotImplementedError


def format_cents(cents):
    """Return cents as text with two decimals: 1999 -> "19.99", -5 -> "-0.05"."""
    raise NotImplementedError
