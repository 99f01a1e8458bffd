"""Kata k29: parse one field of a cron expression.

A job scheduler reads schedules such as ``*/15 9-17 * * 1-5`` ("every 15 minutes during office
hours on weekdays") or ``0 3 * * *`` (the nightly job that purges expired refresh tokens). Each
of the five fields has the same small grammar; only the allowed range differs (minutes 0-59,
hours 0-23, days 1-31, months 1-12, weekdays 0-6).

Write ``parse_cron_field(field, minimum, maximum)``. It returns the sorted list of values the
field selects, each once. A field is one or more parts separated by commas; a part is

- ``*``: every value from ``minimum`` to ``maximum``;
- ``N``: that one value;
- ``A-B``: every value from ``A`` to ``B``, inclusive (``A`` at most ``B``);
- any of those followed by ``/S``: every ``S``-th value of it, starting at its first
  (``*/15`` on minutes is 0, 15, 30, 45; ``10-30/10`` is 10, 20, 30; ``5/20`` is 5, 25, 45:
  a single value with a step runs to ``maximum``). ``S`` is at least 1.

Numbers are ASCII digits only. Anything else raises ``ValueError`` with a message that quotes
the whole field: a value outside ``minimum``-``maximum``, a range whose start is after its end,
a step of 0, an empty part, or any other text.

Examples::

    >>> parse_cron_field("*/15", 0, 59)
    [0, 15, 30, 45]
    >>> parse_cron_field("1-5,0", 0, 6)
    [0, 1, 2, 3, 4, 5]
"""


def parse_cron_field(field: str, minimum: int, maximum: int) -> list[int]:
    """The sorted values selected by one cron ``field`` within ``minimum``-``maximum``."""
    # BEGIN SOLUTION: parse each comma-separated part into a range and a step, collect a set
    values: set[int] = set()
    for part in field.split(","):
        span, slash, step_text = part.partition("/")
        step = _number(step_text, field) if slash else 1
        if span == "*":
            start, end = minimum, maximum
        elif "-" in span:
            first, _, last = span.partition("-")
            start, end = _number(first, field), _number(last, field)
        else:
            start = _number(span, field)
            end = maximum if slash else start
        if step < 1 or start > end or start < minimum or end > maximum:
            raise ValueError(f"invalid cron field {field!r} for values {minimum}-{maximum}")
        values.update(range(start, end + 1, step))
    return sorted(values)
    # END SOLUTION


# BEGIN SOLUTION
def _number(text: str, field: str) -> int:
    if not text or not all("0" <= char <= "9" for char in text):
        raise ValueError(f"invalid cron field {field!r}: {text!r} is not a number")
    return int(text)
# STUB: # Optional: a helper that reads one number and quotes the field on failure goes here.
# END SOLUTION
