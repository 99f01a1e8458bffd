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


# BEGIN SOLUTION: annotate line_total and implement it
def line_total(line: OrderLine) -> int:
    """Return the price of one line in cents: quantity times unit price."""
    return line["quantity"] * line["unit_price_cents"]
# STUB: def line_total(line):
# STUB:     """Return the price of one line in cents: quantity times unit price."""
# STUB:     raise NotImplementedError
# END SOLUTION


# BEGIN SOLUTION: annotate order_total (lines can be any iterable of OrderLine) and implement it
def order_total(lines: Iterable[OrderLine], discount_percent: int = 0) -> int:
    """Return the order's total in cents after a percentage discount, rounded down.

    ``discount_percent`` must be between 0 and 100, otherwise raise ``ValueError``. An order
    without lines costs 0.
    """
    if not 0 <= discount_percent <= 100:
        raise ValueError(f"discount_percent must be between 0 and 100, got {discount_percent}")
    subtotal = sum(line_total(line) for line in lines)
    return subtotal * (100 - discount_percent) // 100
# STUB: def order_total(lines, discount_percent=0):
# STUB:     """Return the order's total in cents after a percentage discount, rounded down.
# STUB:
# STUB:     ``discount_percent`` must be between 0 and 100, otherwise raise ``ValueError``. An order
# STUB:     without lines costs 0.
# STUB:     """
# STUB:     raise NotImplementedError
# END SOLUTION


# BEGIN SOLUTION: annotate find_line (it may find nothing) and implement it
def find_line(lines: Iterable[OrderLine], sku: str) -> OrderLine | None:
    """Return the first line whose SKU is ``sku``, or None when there is none."""
    for line in lines:
        if line["sku"] == sku:
            return line
    return None
# STUB: def find_line(lines, sku):
# STUB:     """Return the first line whose SKU is ``sku``, or None when there is none."""
# STUB:     raise NotImplementedError
# END SOLUTION


# BEGIN SOLUTION: annotate format_cents and implement it
def format_cents(cents: int) -> str:
    """Return cents as text with two decimals: 1999 -> "19.99", -5 -> "-0.05"."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    return f"{sign}{units}.{rest:02d}"
# STUB: def format_cents(cents):
# STUB:     """Return cents as text with two decimals: 1999 -> "19.99", -5 -> "-0.05"."""
# STUB:     raise NotImplementedError
# END SOLUTION
