"""Reserving stock for an order, with errors that say exactly what went wrong.

Every error this module raises on purpose is an ``InventoryError``, so the web layer can catch
that one base class at its boundary and turn each specific error into an HTTP response. Each
specific error keeps the data a caller needs as attributes, not only inside its message.
"""

from __future__ import annotations

from typing import Any


class InventoryError(Exception):
    """Base class for every error the inventory raises on purpose."""


class ProductNotFound(InventoryError):
    """No product with this SKU exists. Attribute: ``sku``."""

    def __init__(self, sku: str) -> None:
        # BEGIN SOLUTION: store the SKU and build a message that quotes it
        super().__init__(f"no product with SKU {sku!r}")
        self.sku = sku
        # END SOLUTION


class InvalidQuantity(InventoryError):
    """A quantity that is zero or negative. Attributes: ``sku`` and ``quantity``."""

    def __init__(self, sku: str, quantity: int) -> None:
        # BEGIN SOLUTION: store both values and build a message that names them
        super().__init__(f"quantity for {sku!r} must be at least 1, got {quantity}")
        self.sku = sku
        self.quantity = quantity
        # END SOLUTION


class OutOfStock(InventoryError):
    """Fewer items in stock than requested. Attributes: ``sku``, ``requested``, ``available``."""

    def __init__(self, sku: str, requested: int, available: int) -> None:
        # BEGIN SOLUTION: store the three values and build a message that names them
        super().__init__(f"cannot reserve {requested} of {sku!r}: only {available} left")
        self.sku = sku
        self.requested = requested
        self.available = available
        # END SOLUTION


def reserve(stock: dict[str, int], sku: str, quantity: int) -> int:
    """Take ``quantity`` items of ``sku`` out of ``stock`` and return how many are left.

    Checks, in this order: a quantity below 1 raises ``InvalidQuantity``; an unknown SKU raises
    ``ProductNotFound``, chained from the ``KeyError`` of the lookup (``raise ... from``); not
    enough items raises ``OutOfStock``. When anything is raised, ``stock`` is left unchanged.
    """
    # BEGIN SOLUTION: validate, look up (translating KeyError), check the amount, then subtract
    if quantity < 1:
        raise InvalidQuantity(sku, quantity)
    try:
        available = stock[sku]
    except KeyError as error:
        raise ProductNotFound(sku) from error
    if quantity > available:
        raise OutOfStock(sku, quantity, available)
    stock[sku] = available - quantity
    return stock[sku]
    # END SOLUTION


def reserve_response(stock: dict[str, int], sku: str, quantity: int) -> tuple[int, dict[str, Any]]:
    """Call ``reserve`` and turn the outcome into an HTTP status code and a JSON-ready body.

    * success: ``(200, {"sku": sku, "remaining": <items left>})``
    * ``ProductNotFound``: ``(404, {"error": "product_not_found", "detail": <message>})``
    * ``InvalidQuantity``: ``(422, {"error": "invalid_quantity", "detail": <message>})``
    * ``OutOfStock``: ``(409, {"error": "out_of_stock", "detail": <message>,
      "available": <items left>})``

    ``<message>`` is ``str(error)``. Errors that are not an ``InventoryError`` (a bug) must not
    be caught here: let them propagate.
    """
    # BEGIN SOLUTION: one try with an except clause for each specific error
    try:
        remaining = reserve(stock, sku, quantity)
    except ProductNotFound as error:
        return 404, {"error": "product_not_found", "detail": str(error)}
    except InvalidQuantity as error:
        return 422, {"error": "invalid_quantity", "detail": str(error)}
    except OutOfStock as error:
        return 409, {"error": "out_of_stock", "detail": str(error), "available": error.available}
    return 200, {"sku": sku, "remaining": remaining}
    # END SOLUTION
