"""Checks for week01/ex05_stock_errors: a small exception hierarchy, chaining and a boundary."""

from __future__ import annotations

from typing import Any

from workbook.checking import (
    CheckFailure,
    Learner,
    describe_exception,
    expect_call,
    expect_equal,
    expect_raises,
    expect_true,
)


def _stock() -> dict[str, int]:
    return {"MUG": 3, "TSHIRT-M": 2, "STICKER": 100}


def _error(learner: Learner, name: str, *args: Any) -> BaseException:
    cls = learner.cls(name)
    base = learner.cls("InventoryError")
    shown = f"{name}({', '.join(repr(a) for a in args)})"
    try:
        error: BaseException = cls(*args)
    except NotImplementedError:
        raise
    except Exception as problem:
        raise CheckFailure(
            f"creating {shown} raised {describe_exception(problem)}",
            expected=f"a {name} exception object", actual=describe_exception(problem),
            help="In __init__, call super().__init__(message) and store each argument on self.",
        ) from None
    expect_true(isinstance(error, base), what=shown, expected="an InventoryError",
                actual=f"a {type(error).__name__} that is not an InventoryError",
                help="Every specific error derives from InventoryError, so one except clause "
                "can catch them all.")
    return error


def _expect_sentence(error: BaseException, shown: str, *values: object) -> None:
    """The message says what went wrong in words, not only the values the error was given."""
    text = str(error)
    leftover = text
    for value in values:
        leftover = leftover.replace(str(value), "")
    expect_true(any(char.isalpha() for char in leftover), what=f"str({shown})",
                expected="a sentence that says what went wrong, with the values in it",
                actual=f"{text!r}, only the values",
                help="Call super().__init__(message) with one f-string that explains the "
                "problem. Without that call, Python keeps the raw arguments, and a log line "
                "shows only those values, not what went wrong.")


def test_product_not_found(learner: Learner) -> None:
    """ProductNotFound keeps the SKU and names it in its message"""
    error = _error(learner, "ProductNotFound", "MUG-XL")
    expect_equal(getattr(error, "sku", None), "MUG-XL", what="ProductNotFound('MUG-XL').sku",
                 help="Store the argument on the exception (self.sku = sku) so callers can use "
                 "it without parsing the message.")
    expect_true("MUG-XL" in str(error), what="str(ProductNotFound('MUG-XL'))",
                expected="a message that names 'MUG-XL'", actual=repr(str(error)),
                help="Pass a readable message to super().__init__(...); that is what str() and "
                "the logs show.")
    _expect_sentence(error, "ProductNotFound('MUG-XL')", "MUG-XL")


def test_errors_carry_numbers(learner: Learner) -> None:
    """InvalidQuantity and OutOfStock carry the numbers involved"""
    invalid = _error(learner, "InvalidQuantity", "MUG", -2)
    expect_equal((getattr(invalid, "sku", None), getattr(invalid, "quantity", None)),
                 ("MUG", -2), what="InvalidQuantity('MUG', -2) has (sku, quantity)",
                 help="Store both arguments as attributes with the same names.")
    expect_true("-2" in str(invalid), what="str(InvalidQuantity('MUG', -2))",
                expected="a message that shows the bad quantity -2", actual=repr(str(invalid)),
                help="Say what was wrong and what value was received.")
    _expect_sentence(invalid, "InvalidQuantity('MUG', -2)", "MUG", -2)
    out = _error(learner, "OutOfStock", "TSHIRT-M", 5, 2)
    values = tuple(getattr(out, name, None) for name in ("sku", "requested", "available"))
    expect_equal(values, ("TSHIRT-M", 5, 2),
                 what="OutOfStock('TSHIRT-M', 5, 2) has (sku, requested, available)",
                 help="Store sku, requested and available on the exception.")
    text = str(out)
    expect_true("5" in text and "2" in text, what="str(OutOfStock('TSHIRT-M', 5, 2))",
                expected="a message with both 5 (requested) and 2 (available)",
                actual=repr(text),
                help="A support engineer reading the log needs both numbers.")
    _expect_sentence(out, "OutOfStock('TSHIRT-M', 5, 2)", "TSHIRT-M", 5, 2)


def test_reserve_success(learner: Learner) -> None:
    """reserve takes items out of stock and returns how many are left"""
    reserve = learner.function("reserve")
    stock = _stock()
    expect_call(reserve, stock, "MUG", 2, returns=1,
                help="3 mugs in stock, 2 reserved: 1 is left.")
    expect_equal(stock["MUG"], 1, what="after reserve(stock, 'MUG', 2), stock['MUG']",
                 help="Write the new amount back into the stock dict.")
    expect_call(reserve, stock, "MUG", 1, returns=0,
                help="Reserving exactly what is left is allowed and leaves 0.")


def test_reserve_invalid_quantity(learner: Learner) -> None:
    """rejects a quantity below 1 with InvalidQuantity, before looking up the SKU"""
    reserve = learner.function("reserve")
    invalid = learner.cls("InvalidQuantity")
    for quantity in (0, -1):
        error = expect_raises(invalid, reserve, _stock(), "MUG", quantity,
                              help="Check the quantity first: below 1 raise InvalidQuantity(sku, "
                              "quantity).")
        expect_equal(getattr(error, "quantity", None), quantity,
                     what=f"reserve(stock, 'MUG', {quantity}) raised InvalidQuantity whose "
                     ".quantity", help="Pass the quantity you received to the error.")
    expect_raises(invalid, reserve, _stock(), "NO-SUCH-SKU", 0,
                  help="The order of checks matters: a bad quantity is reported even when the "
                  "SKU is unknown too.")


def test_reserve_unknown_sku(learner: Learner) -> None:
    """raises ProductNotFound chained from the KeyError"""
    reserve = learner.function("reserve")
    not_found = learner.cls("ProductNotFound")
    error = expect_raises(not_found, reserve, _stock(), "HOODIE", 1, match="HOODIE",
                          help="Look the SKU up inside try/except KeyError and raise "
                          "ProductNotFound(sku) instead.")
    cause = error.__cause__
    expect_true(isinstance(cause, KeyError), what="the __cause__ of the ProductNotFound",
                expected="the original KeyError",
                actual=describe_exception(cause) if cause is not None else "None",
                help="Write 'raise ProductNotFound(sku) from error' inside the except block: "
                "the traceback then shows both errors, linked on purpose.")


def test_reserve_out_of_stock(learner: Learner) -> None:
    """raises OutOfStock and leaves the stock unchanged"""
    reserve = learner.function("reserve")
    out_of_stock = learner.cls("OutOfStock")
    stock = _stock()
    error = expect_raises(out_of_stock, reserve, stock, "TSHIRT-M", 3,
                          help="When the request is larger than what is available, raise "
                          "OutOfStock(sku, requested, available).")
    values = tuple(getattr(error, name, None) for name in ("sku", "requested", "available"))
    expect_equal(values, ("TSHIRT-M", 3, 2),
                 what="reserve(stock, 'TSHIRT-M', 3) raised OutOfStock with (sku, requested, "
                 "available)", help="Pass the SKU, the quantity asked for and the stock level.")
    expect_equal(stock, _stock(), what="the stock after a failed reserve",
                 help="Check everything before changing anything, so a failed call has no "
                 "effect.")


def test_reserve_response(learner: Learner) -> None:
    """reserve_response turns each outcome into a status code and a body"""
    respond = learner.function("reserve_response")
    expect_call(respond, _stock(), "MUG", 1, returns=(200, {"sku": "MUG", "remaining": 2}),
                help="On success return (200, {'sku': sku, 'remaining': <left>}).")
    not_found = str(_error(learner, "ProductNotFound", "HOODIE"))
    expect_call(respond, _stock(), "HOODIE", 1,
                returns=(404, {"error": "product_not_found", "detail": not_found}),
                help="Catch ProductNotFound and answer 404 with its message as the detail.")
    invalid = str(_error(learner, "InvalidQuantity", "MUG", 0))
    expect_call(respond, _stock(), "MUG", 0,
                returns=(422, {"error": "invalid_quantity", "detail": invalid}),
                help="Catch InvalidQuantity and answer 422 (the request was understood but its "
                "data is invalid).")
    out = str(_error(learner, "OutOfStock", "MUG", 9, 3))
    expect_call(respond, _stock(), "MUG", 9,
                returns=(409, {"error": "out_of_stock", "detail": out, "available": 3}),
                help="Catch OutOfStock and answer 409, adding error.available so the client can "
                "offer what is left.")


def test_reserve_response_lets_bugs_through(learner: Learner) -> None:
    """reserve_response does not hide errors that are not InventoryErrors"""
    respond = learner.function("reserve_response")
    expect_raises(TypeError, respond, None, "MUG", 1,
                  help="Only catch the inventory errors you can answer. A TypeError is a bug: "
                  "catching Exception would hide it behind a polite response.")
