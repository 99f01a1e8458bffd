"""Parse the small text formats a back end receives all day long.

* ``parse_duration("1h30m")`` reads a timeout or a token lifetime from a config file.
* ``parse_query_string("page=2&q=blue%20mug")`` reads the part of a URL after ``?``.
* ``split_csv_line('42,"Smith, Ana",ana@example.com')`` reads one line of an uploaded CSV.

Each function either returns a clean value or raises ``ValueError`` with a message that quotes
the input, so the caller can answer "400 Bad Request" with something useful.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

SECONDS_PER_UNIT = {"d": 86400, "h": 3600, "m": 60, "s": 1}

def parse_duration(text: str) -> int:
    """Return the number of seconds in a duration such as ``"1h30m"`` or ``"2d"``.

    A duration is one or more parts, each a whole number followed by a unit: ``d`` (days),
    ``h`` (hours), ``m`` (minutes) or ``s`` (seconds). Units appear at most once and in that
    order (``"30m1h"`` is invalid). Spaces around the text are ignored; anything else, including
    an empty text, raises ``ValueError`` quoting the text.
    """
    # BEGIN SOLUTION: match the whole (stripped) text, then add up number * unit for each part
    cleaned = text.strip()
    match = re.fullmatch(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", cleaned)
    if not cleaned or match is None:
        raise ValueError(f"invalid duration {text!r}: expected parts like 2d, 1h, 30m or 45s")
    return sum(
        int(number) * SECONDS_PER_UNIT[unit]
        for number, unit in zip(match.groups(), "dhms", strict=True)
        if number is not None
    )
    # END SOLUTION


def parse_query_string(query: str) -> dict[str, str]:
    """Turn ``"a=1&b=x%20y"`` into ``{"a": "1", "b": "x y"}``.

    * A leading ``?`` is ignored, and so are empty pieces (``"a=1&&b=2"``).
    * Only the first ``=`` separates a key from its value (``"token=a=b"`` gives ``"a=b"``).
    * A key without ``=`` gets the value ``""``.
    * Keys and values are decoded: ``%20`` and ``+`` become a space, ``%26`` becomes ``&``.
    * When a key appears twice, the last value wins.
    """
    # BEGIN SOLUTION: split on "&", then split each piece once on "=", decoding both halves
    result: dict[str, str] = {}
    for piece in query.removeprefix("?").split("&"):
        if not piece:
            continue
        key, _, value = piece.partition("=")
        result[unquote_plus(key)] = unquote_plus(value)
    return result
    # END SOLUTION


def split_csv_line(line: str) -> list[str]:
    """Split one CSV line into its fields.

    Fields are separated by commas. A field wrapped in double quotes may contain commas, and a
    doubled quote inside it stands for one quote: ``'"Ana ""The Boss"" Smith",admin'`` gives
    ``['Ana "The Boss" Smith', 'admin']``. Empty fields are kept, so ``"a,,b"`` gives three
    fields and ``""`` gives ``[""]``. A quote that is never closed raises ``ValueError``.
    A trailing newline (``"\\n"`` or ``"\\r\\n"``) is not part of the last field.
    """
    # BEGIN SOLUTION: walk the characters, remembering whether you are inside quotes
    text = line.rstrip("\r\n")
    fields: list[str] = []
    current: list[str] = []
    in_quotes = False
    index = 0
    while index < len(text):
        char = text[index]
        if in_quotes:
            if char == '"' and text[index + 1 : index + 2] == '"':
                current.append('"')
                index += 1
            elif char == '"':
                in_quotes = False
            else:
                current.append(char)
        elif char == '"':
            in_quotes = True
        elif char == ",":
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    if in_quotes:
        raise ValueError(f"unclosed quote in CSV line {line!r}")
    fields.append("".join(current))
    return fields
    # END SOLUTION
