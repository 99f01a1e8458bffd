"""Kata k14: money with a currency.

``0.1 + 0.2`` is ``0.30000000000000004``: floats are for measurements, not for money. A
payments service stores amounts as whole numbers of the smallest unit (cents) together with
the currency, and refuses to add euros to dollars.

Write the frozen dataclass ``Money(cents, currency)``:

- ``cents`` must be an ``int``: ``bool`` and ``float`` are refused with ``TypeError`` whose
  message names the type given (``"cents must be an int, got float"``). It may be negative (a
  refund).
- ``currency`` must be three ASCII capital letters such as ``"EUR"``; otherwise raise
  ``ValueError`` with a message that quotes it.
- ``a + b`` gives a new ``Money`` with the sum. Two currencies that differ raise ``ValueError``
  with a message naming both (``"cannot add USD to EUR"``). Adding something that is not
  ``Money`` returns ``NotImplemented`` (so Python raises ``TypeError``).
- ``str(money)`` is the amount with two decimals and the currency: ``"12.05 EUR"``,
  ``"-0.50 EUR"``.
- ``money.allocate(ratios)`` splits the amount into one ``Money`` per ratio, in proportion,
  without losing or inventing a cent: each part gets its rounded-down share, and the cents left
  over go one each to the first parts whose ratio is not zero (a part with ratio 0 gets
  nothing). ``ratios`` are whole numbers, none negative, at least one above zero; otherwise
  raise ``ValueError`` with a message that shows the ratios.

Examples::

    >>> Money(1000, "EUR") + Money(5, "EUR")
    Money(cents=1005, currency='EUR')
    >>> str(Money(-5, "EUR"))
    '-0.05 EUR'
    >>> [m.cents for m in Money(1000, "EUR").allocate([1, 1, 1])]
    [334, 333, 333]
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Money:
    """An amount in the smallest unit of a currency."""

    cents: int
    currency: str

    def __post_init__(self) -> None:
        # TODO: refuse non-int cents and malformed currency codes
        raise NotImplementedError

    def __add__(self, other: object) -> "Money":
        # TODO: same currency only; anything else is NotImplemented
        raise NotImplementedError

    def __str__(self) -> str:
        # TODO: sign, whole units, two-digit cents, currency
        raise NotImplementedError

    def allocate(self, ratios: list[int]) -> list["Money"]:
        """Split the amount in proportion to ``ratios``; the parts add up to the amount."""
        # TODO: floor shares first, then hand out the leftover cents from the start
        raise NotImplementedError
