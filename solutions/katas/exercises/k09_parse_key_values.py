"""Kata k09: parse a ``key=value`` settings string.

Connection settings often arrive as one string in an environment variable::

    DB_OPTIONS="host=db.internal; port=5432; sslmode=require"

Write ``parse_key_values(text)``. It returns a dict of strings built from the pairs in
``text``:

- pairs are separated by ``;``; each pair is ``key=value``;
- whitespace around keys and values is removed (``" port = 5432 "`` gives ``"port": "5432"``);
- empty pairs are skipped, so a trailing ``;`` or ``;;`` is fine, and an empty or blank
  ``text`` gives ``{}``;
- a pair is split at its *first* ``=``: the value may itself contain ``=``
  (``"dsn=postgres://db/app?sslmode=require"``), and it may be empty (``"password="``);
- values are kept as strings: ``"5432"`` stays ``"5432"``.

Raise ``ValueError`` with a message that shows the offending part:

- a pair without ``=`` (quote the pair, for example ``'port 5432'``);
- an empty key (``"=5432"``);
- a key that appears twice (name the key).

Examples::

    >>> parse_key_values("host=db; port=5432")
    {'host': 'db', 'port': '5432'}
    >>> parse_key_values("  ")
    {}
    >>> parse_key_values("host=db; port")
    Traceback (most recent call last):
    ValueError: expected key=value, got 'port'
"""


def parse_key_values(text: str) -> dict[str, str]:
    """Parse ``"key=value; key=value"`` into a dict of strings."""
    # BEGIN SOLUTION: split on ';', skip blank pairs, then split each pair at its first '='
    result: dict[str, str] = {}
    for raw_pair in text.split(";"):
        pair = raw_pair.strip()
        if not pair:
            continue
        key, equals, value = pair.partition("=")
        if not equals:
            raise ValueError(f"expected key=value, got {pair!r}")
        key = key.strip()
        if not key:
            raise ValueError(f"empty key in {pair!r}")
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value.strip()
    return result
    # END SOLUTION
