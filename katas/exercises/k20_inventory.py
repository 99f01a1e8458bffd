"""Kata k20: stock with reservations.

A shop must not sell the last mug twice. When a customer starts paying, the order *reserves*
the items: they are still on the shelf, but nobody else can have them. The payment then either
*commits* the reservation (the items leave the stock) or it fails and the reservation is
*released* (the items are available again).

Write the class ``Inventory``:

``restock(sku, quantity)``
    Add ``quantity`` items to the stock on hand. A quantity below 1 raises ``ValueError``
    with a message that shows it.

``available(sku)``
    Items on hand minus items reserved; 0 for a SKU never seen.

``reserve(order_id, sku, quantity)``
    Reserve ``quantity`` (at least 1) items for an order. Raise ``ValueError`` when the
    quantity is below 1 (showing it), when ``order_id`` already holds a reservation (naming
    the order), or when fewer than
    ``quantity`` items are available (the message then names the SKU and both numbers,
    e.g. ``"only 2 of MUG available, 3 requested"``). A refused reservation changes nothing.

``commit(order_id)`` and ``release(order_id)``
    End the order's reservation: ``commit`` removes its items from the stock on hand,
    ``release`` makes them available again. Both raise ``KeyError`` for an order with no
    reservation (so the same order cannot be committed twice).

Example::

    >>> stock = Inventory()
    >>> stock.restock("MUG", 3)
    >>> stock.reserve("order-1", "MUG", 2)
    >>> stock.available("MUG")
    1
    >>> stock.release("order-1"); stock.available("MUG")
    3
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Reservation:
    sku: str
    quantity: int


class Inventory:
    """Items on hand per SKU, and the reservations that hold some of them."""

    def __init__(self) -> None:
        # TODO: stock on hand per SKU and one reservation per order
        raise NotImplementedError

    def restock(self, sku: str, quantity: int) -> None:
        """Add ``quantity`` items of ``sku`` to the stock on hand."""
        # TODO: validate, then add
        raise NotImplementedError

    def available(self, sku: str) -> int:
        """Items of ``sku`` on hand and not reserved."""
        # TODO: on hand minus what the reservations for this SKU hold
        raise NotImplementedError

    def reserve(self, order_id: str, sku: str, quantity: int) -> None:
        """Hold ``quantity`` items of ``sku`` for ``order_id``."""
        # TODO: check the quantity, the order and the availability, then record it
        raise NotImplementedError

    def commit(self, order_id: str) -> None:
        """The order is paid: its reserved items leave the stock."""
        # TODO: remove the reservation (KeyError if none) and the items on hand
        raise NotImplementedError

    def release(self, order_id: str) -> None:
        """The order failed: its reserved items are available again."""
        # TODO: remove the reservation (KeyError if none)
        raise NotImplementedError
