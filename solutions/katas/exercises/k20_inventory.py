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
        # BEGIN SOLUTION: stock on hand per SKU and one reservation per order
        self._on_hand: dict[str, int] = {}
        self._reservations: dict[str, Reservation] = {}
        # END SOLUTION

    def restock(self, sku: str, quantity: int) -> None:
        """Add ``quantity`` items of ``sku`` to the stock on hand."""
        # BEGIN SOLUTION: validate, then add
        if quantity < 1:
            raise ValueError(f"quantity must be at least 1, got {quantity}")
        self._on_hand[sku] = self._on_hand.get(sku, 0) + quantity
        # END SOLUTION

    def available(self, sku: str) -> int:
        """Items of ``sku`` on hand and not reserved."""
        # BEGIN SOLUTION: on hand minus what the reservations for this SKU hold
        reserved = sum(r.quantity for r in self._reservations.values() if r.sku == sku)
        return self._on_hand.get(sku, 0) - reserved
        # END SOLUTION

    def reserve(self, order_id: str, sku: str, quantity: int) -> None:
        """Hold ``quantity`` items of ``sku`` for ``order_id``."""
        # BEGIN SOLUTION: check the quantity, the order and the availability, then record it
        if quantity < 1:
            raise ValueError(f"quantity must be at least 1, got {quantity}")
        if order_id in self._reservations:
            raise ValueError(f"order {order_id} already holds a reservation")
        available = self.available(sku)
        if available < quantity:
            raise ValueError(f"only {available} of {sku} available, {quantity} requested")
        self._reservations[order_id] = Reservation(sku, quantity)
        # END SOLUTION

    def commit(self, order_id: str) -> None:
        """The order is paid: its reserved items leave the stock."""
        # BEGIN SOLUTION: remove the reservation (KeyError if none) and the items on hand
        reservation = self._reservations.pop(order_id)
        self._on_hand[reservation.sku] -= reservation.quantity
        # END SOLUTION

    def release(self, order_id: str) -> None:
        """The order failed: its reserved items are available again."""
        # BEGIN SOLUTION: remove the reservation (KeyError if none)
        del self._reservations[order_id]
        # END SOLUTION
