"""Kata k01: validate a username at sign-up.

Before a sign-up endpoint stores a new account it checks the username, so that every
username can appear safely in a URL such as ``/users/ann_lee`` and in log lines.

Write ``is_valid_username(name)``. It returns ``True`` when ``name`` follows every rule below
and ``False`` otherwise. It never raises for a string argument.

Rules:

- 3 to 20 characters long (both limits included);
- only lowercase ASCII letters ``a``-``z``, ASCII digits ``0``-``9`` and underscores ``_``;
- starts with a letter;
- does not end with an underscore and never has two underscores in a row.

Nothing is stripped or lowercased for the caller: ``" ann"`` and ``"Ann"`` are invalid.

Examples::

    >>> is_valid_username("ann_lee")
    True
    >>> is_valid_username("user42")
    True
    >>> is_valid_username("ab")           # too short
    False
    >>> is_valid_username("42user")       # starts with a digit
    False
    >>> is_valid_username("ann__lee")     # two underscores in a row
    False
    >>> is_valid_username("josé")         # not ASCII
    False
"""

MIN_LENGTH = 3
MAX_LENGTH = 20


def is_valid_username(name: str) -> bool:
    """Return True if ``name`` is an acceptable username (see the module docstring)."""
    # BEGIN SOLUTION: check the length first, then the allowed characters and the underscores
    if not MIN_LENGTH <= len(name) <= MAX_LENGTH:
        return False
    if not "a" <= name[0] <= "z":
        return False
    if name.endswith("_") or "__" in name:
        return False
    return all(char == "_" or "a" <= char <= "z" or "0" <= char <= "9" for char in name)
    # END SOLUTION
