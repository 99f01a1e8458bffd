"""Kata k04: the Luhn checksum behind card numbers.

A payments form checks a card number before it calls the payment provider, so that a typo is
caught at once. Card numbers, IMEI numbers and many account numbers end with a Luhn check
digit.

The Luhn rule: starting from the rightmost digit (the check digit) and moving left, double
every second digit; when doubling gives more than 9, subtract 9. Add up all the digits (the
doubled ones and the others). The number is valid when that sum is divisible by 10.

For ``"79927398713"``, from the right: 3, 1*2=2, 7, 8*2=16-9=7, 9, 3*2=6, 7, 2*2=4, 9,
9*2=18-9=9, 7; the sum is 70, so it is valid.

Write two functions:

``is_luhn_valid(number)``
    ``True`` when ``number`` passes the Luhn rule. Spaces between groups are ignored
    (``"4539 3195 0343 6467"``). It returns ``False`` when, once spaces are removed, fewer than
    two characters are left or any character is not an ASCII digit ``0``-``9``. It never raises
    for a string argument.

``luhn_check_digit(payload)``
    The check digit (a one-character string) that makes ``payload + digit`` valid. The payload
    must be one or more ASCII digits with nothing else; otherwise raise ``ValueError`` with a
    message that quotes the payload.

Examples::

    >>> is_luhn_valid("79927398713")
    True
    >>> is_luhn_valid("79927398710")
    False
    >>> luhn_check_digit("7992739871")
    '3'
"""


def is_luhn_valid(number: str) -> bool:
    """Return True if ``number`` (digits, optionally grouped by spaces) passes the Luhn rule."""
    # BEGIN SOLUTION: remove the spaces, validate the characters, then add up from the right
    digits = number.replace(" ", "")
    if len(digits) < 2 or not all("0" <= char <= "9" for char in digits):
        return False
    return _luhn_sum(digits) % 10 == 0
    # END SOLUTION


def luhn_check_digit(payload: str) -> str:
    """Return the digit that, appended to ``payload``, gives a Luhn-valid number."""
    # BEGIN SOLUTION: validate, then find the digit that makes the sum a multiple of 10
    if not payload or not all("0" <= char <= "9" for char in payload):
        raise ValueError(f"the payload must be one or more digits 0-9, got {payload!r}")
    return str((10 - _luhn_sum(payload + "0") % 10) % 10)
    # END SOLUTION


# BEGIN SOLUTION
def _luhn_sum(digits: str) -> int:
    """The Luhn sum of ``digits``: every second digit from the right is doubled."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total
# STUB: # Optional: a helper here that both functions share saves writing the loop twice.
# END SOLUTION
