"""Kata k02: validate an ISBN before it reaches the catalogue.

A bookshop API accepts books by ISBN. Publishers send both the old 10-digit form and the
current 13-digit form, often with hyphens or spaces between the groups.

Write ``is_valid_isbn(text)``. It returns ``True`` when ``text`` is a valid ISBN-10 or ISBN-13
and ``False`` otherwise. It never raises for a string argument.

1. Remove every hyphen ``-`` and space `` `` first. Any other character that is not a digit
   makes the ISBN invalid (except the ``X`` described below).
2. ISBN-10: exactly 10 characters. The first nine are digits; the last (the check digit) is a
   digit or ``X`` (or ``x``), which stands for 10. Multiply the ten values by the weights
   10, 9, 8, ..., 1 and add the products: the ISBN is valid when the sum is divisible by 11.
3. ISBN-13: exactly 13 digits (no ``X`` anywhere). Multiply the digits by the weights
   1, 3, 1, 3, ..., 1 and add the products: the ISBN is valid when the sum is divisible by 10.
4. Any other length is invalid.

Examples::

    >>> is_valid_isbn("0-306-40615-2")        # ISBN-10: 0*10 + 3*9 + 0*8 + ... + 2*1 = 132
    True
    >>> is_valid_isbn("080442957X")           # ISBN-10 whose check digit is 10
    True
    >>> is_valid_isbn("978-0-306-40615-7")    # ISBN-13
    True
    >>> is_valid_isbn("978-0-306-40615-8")    # wrong check digit
    False
"""


def is_valid_isbn(text: str) -> bool:
    """Return True if ``text`` is a valid ISBN-10 or ISBN-13 (see the module docstring)."""
    # TODO: remove the separators, then apply the ISBN-10 or ISBN-13 rule by length
    raise NotImplementedError


def _is_ascii_digits(text: str) -> bool:
    """True if ``text`` is made only of the digits 0-9 (``str.isdigit`` also accepts '²')."""
    return all("0" <= char <= "9" for char in text)
