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
        # BEGIN SOLUTION: refuse non-int cents and malformed currency codes
        if not isinstance(self.cents, int) or isinstance(self.cents, bool):
            raise TypeError(f"cents must be an int, got {type(self.cents).__name__}")
        code = self.currency
        if not (isinstance(code, str) and len(code) == 3 and all("A" <= c <= "Z" for c in code)):
            raise ValueError(f"currency must be three capital letters such as 'EUR', got {code!r}")
        # END SOLUTION

    def __add__(self, other: object) -> "Money":
        # BEGIN SOLUTION: same currency only; anything else is NotImplemented
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.cents + other.cents, self.currency)
        # END SOLUTION

    def __str__(self) -> str:
        # BEGIN SOLUTION: sign, whole units, two-digit cents, currency
        sign = "-" if self.cents < 0 else ""
        units, cents = divmod(abs(self.cents), 100)
        return f"{sign}{units}.{cents:02d} {self.currency}"
        # END SOLUTION

    def allocate(self, ratios: list[int]) -> list["Money"]:
        """Split the amount in proportion to ``ratios``; the parts add up to the amount."""
        # BEGIN SOLUTION: floor shares first, then hand out the leftover cents from the start
        if any(ratio < 0 for ratio in ratios) or sum(ratios) <= 0:
            raise ValueError(f"ratios must be non-negative with a positive sum, got {ratios}")
        total = sum(ratios)
        shares = [self.cents * ratio // total for ratio in ratios]
        receivers = [index for index, ratio in enumerate(ratios) if ratio > 0]
        for index in receivers[: self.cents - sum(shares)]:
            shares[index] += 1
        return [Money(share, self.currency) for share in shares]
        # END SOLUTION
