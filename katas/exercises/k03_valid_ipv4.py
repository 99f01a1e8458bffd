"""Kata k03: validate an IPv4 address from an allow-list.

An admin endpoint lets operators add client addresses to an allow-list. A loose check lets
through values that other tools read differently (``"010.0.0.1"`` is octal to some of them),
so the rules here are strict.

Write ``is_valid_ipv4(address)``. It returns ``True`` when ``address`` is a dotted-decimal IPv4
address and ``False`` otherwise. It never raises for a string argument.

Rules:

- exactly four parts separated by dots ``.``;
- each part is made only of the ASCII digits ``0``-``9`` (no signs, no spaces, at most 3
  digits) and its value is between 0 and 255;
- no leading zeros: ``"0"`` is fine, ``"00"`` and ``"01"`` are not;
- nothing else in the string: no surrounding whitespace, no trailing newline.

Examples::

    >>> is_valid_ipv4("192.168.1.10")
    True
    >>> is_valid_ipv4("0.0.0.0")
    True
    >>> is_valid_ipv4("256.1.1.1")       # 256 is above 255
    False
    >>> is_valid_ipv4("10.0.0")          # three parts
    False
    >>> is_valid_ipv4("10.01.0.1")       # leading zero
    False
"""


def is_valid_ipv4(address: str) -> bool:
    """Return True if ``address`` is a strict dotted-decimal IPv4 address."""
    # TODO: split on dots, then check every part on its own
    raise NotImplementedError
