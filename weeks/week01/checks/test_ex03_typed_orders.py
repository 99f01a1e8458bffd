"""Checks for week01/ex03_typed_orders: behaviour first, then precise types under mypy --strict."""

from __future__ import annotations

import typing
from typing import Any

import pytest

from workbook.checking import Learner, expect_call, expect_raises, expect_true
from workbook.typecheck import expect_mypy_strict


def _line(sku: str, quantity: int, unit_price_cents: int) -> dict[str, Any]:
    return {"sku": sku, "quantity": quantity, "unit_price_cents": unit_price_cents}


CART = [_line("TSHIRT-M", 2, 1999), _line("MUG", 1, 850), _line("STICKER", 5, 120)]


def test_line_and_order_total(learner: Learner) -> None:
    """adds up quantity times unit price for every line"""
    line_total = learner.function("line_total", signature="line_total(line: OrderLine) -> int")
    order_total = learner.function("order_total")
    expect_call(line_total, CART[0], returns=3998,
                help="A line costs quantity * unit_price_cents (2 * 1999).")
    expect_call(order_total, CART, returns=5448,
                help="The total is the sum of every line's total: 3998 + 850 + 600.")
    expect_call(order_total, [], returns=0,
                help="An empty order costs nothing; sum() of nothing is 0.")
    expect_call(order_total, iter(CART), returns=5448,
                help="lines may be any iterable (even a generator you can walk only once): loop "
                "over it a single time.")


def test_order_total_discount(learner: Learner) -> None:
    """applies a percentage discount, rounding down to whole cents"""
    order_total = learner.function("order_total")
    expect_call(order_total, CART, 10, returns=4903,
                help="10% off 5448 cents is 4903.2 cents; round down to a whole cent with integer "
                "arithmetic (// 100) rather than float maths.")
    expect_call(order_total, CART, discount_percent=100, returns=0,
                help="A 100% discount makes the order free.")
    expect_call(order_total, [_line("PEN", 3, 99)], discount_percent=0, returns=297,
                help="With no discount the total is unchanged.")


def test_order_total_rejects_bad_discount(learner: Learner) -> None:
    """rejects a discount below 0 or above 100 with ValueError"""
    order_total = learner.function("order_total")
    expect_raises(ValueError, order_total, CART, 101, match="discount",
                  help="A discount above 100% would make the shop pay the customer; raise "
                  "ValueError and mention the discount in the message.")
    expect_raises(ValueError, order_total, CART, -5, match="discount",
                  help="A negative discount would raise the price; reject it too.")
    expect_raises(ValueError, order_total, CART, -1, match="discount",
                  help="-1 is just below the smallest valid discount (0): check the lower bound "
                  "with 0 <= discount_percent.")


def test_find_line(learner: Learner) -> None:
    """finds a line by SKU, or returns None"""
    find_line = learner.function("find_line")
    expect_call(find_line, CART, "MUG", returns=CART[1],
                help="Return the line itself (the dict) whose 'sku' matches.")
    expect_call(find_line, CART, "HOODIE", returns=None,
                help="When no line matches, return None explicitly after the loop.")
    expect_call(find_line, [], "MUG", returns=None, help="An empty order has no lines to find.")


def test_format_cents(learner: Learner) -> None:
    """formats cents as an amount with two decimals"""
    format_cents = learner.function("format_cents")
    cases = [(1999, "19.99"), (5, "0.05"), (100, "1.00"), (0, "0.00"), (123456, "1234.56"),
             (-5, "-0.05"), (-1, "-0.01"), (-1999, "-19.99")]
    for cents, text in cases:
        expect_call(format_cents, cents, returns=text,
                    help="divmod(cents, 100) splits whole units from cents; pad the cents to two "
                    "digits. Handle the sign separately so -5 becomes '-0.05'.")


@pytest.mark.requires("test_find_line")
def test_find_line_return_type(learner: Learner) -> None:
    """declares that find_line may return None"""
    find_line = learner.function("find_line")
    order_line = learner.cls("OrderLine")
    try:
        hints = typing.get_type_hints(find_line)
    except NameError as error:
        hints = {"return": f"an annotation that cannot be resolved ({error})"}
    returned = hints.get("return", "no annotation")
    shown = getattr(returned, "__name__", None) if isinstance(returned, type) else None
    expect_true(returned == (order_line | None),
                what="the return annotation of find_line",
                expected="OrderLine | None (or Optional[OrderLine])",
                actual=shown or str(returned).replace(f"{learner.module.__name__}.", ""),
                help="find_line returns a line or nothing: spell that as a union with None. "
                "A plain OrderLine would let callers forget the 'not found' case.")


@pytest.mark.requires(
    "test_line_and_order_total", "test_order_total_discount", "test_find_line", "test_format_cents"
)
def test_mypy_strict(learner: Learner) -> None:
    """passes mypy --strict"""
    expect_mypy_strict(learner)
