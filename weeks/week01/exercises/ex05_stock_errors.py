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
        # TODO: store the SKU and build a message that quotes it
        raise NotImplementedError


class InvalidQuantity(InventoryError):
    """A quantity that is zero or negative. Attributes: ``sku`` and ``quantity``."""

    def __init__(self, sku: str, quantity: int) -> None:
        # TODO: store both values and build a message that names them
        raise NotImplementedError


class OutOfStock(InventoryError):
    """Fewer items in stock than requested. Attributes: ``sku``, ``requested``, ``available``."""

    def __init__(self, sku: str, requested: int, available: int) -> None:
        # TODO: store the three values and build a message that names them
        raise NotImplementedError


def reserve(stock: dict[str, int], sku: str, quantity: int) -> int:
    """Take ``quantity`` items of ``sku`` out of ``stock`` and return how many are left.

    Checks, in this order: a quantity below 1 raises ``InvalidQuantity``; an unknown SKU raises
    ``ProductNotFound``, chained from the ``KeyError`` of the lookup (``raise ... from``); not
    enough items raises ``OutOfStock``. When anything is raised, ``stock`` is left unchanged.
    """
    # TODO: validate, look up (translating KeyError), check the amount, then subtract
    raise NotImplementedError


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
    # TODO: one try with an except clause for each specific error
    raise NotImplementedError
