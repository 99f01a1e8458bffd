"""Kata k23: ETag and If-None-Match.

A mobile app polls ``GET /tasks`` every minute, and most of the time nothing has changed.
With an ETag the server labels each version of the body; the app sends the label back in
``If-None-Match``, and when it still matches the server answers ``304 Not Modified`` with no
body at all.

Write two functions:

``make_etag(body)``
    A strong ETag for ``body`` (bytes): the first 16 hex digits of its SHA-256, in double
    quotes, e.g. ``'"2c26b46b68ffc68f"'``. The same body always gives the same ETag.

``conditional_status(method, if_none_match, etag)``
    The status the server should answer with, following RFC 9110, section 13.1.2.
    ``if_none_match`` is the header's value, or ``None`` when the request has none. The header
    *matches* when it is ``*``, or when it is a comma-separated list of ETags (spaces around
    the commas are allowed) and one of them equals ``etag`` under the weak comparison: a
    ``W/`` prefix on either side is ignored, so ``W/"abc"`` matches ``"abc"``. Then:

    - no header, or a header that does not match: ``200``;
    - a match on ``GET`` or ``HEAD``: ``304``;
    - a match on any other method (``PUT``, ``DELETE``, ...): ``412`` (Precondition Failed).

Examples::

    >>> conditional_status("GET", '"a1", W/"b2"', '"b2"')
    304
    >>> conditional_status("PUT", "*", '"b2"')
    412
"""

import hashlib


def make_etag(body: bytes) -> str:
    """A strong ETag: the quoted first 16 hex digits of the body's SHA-256."""
    # BEGIN SOLUTION: hash the body, keep 16 hex digits, add the quotes
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
    # END SOLUTION


def conditional_status(method: str, if_none_match: str | None, etag: str) -> int:
    """200, 304 or 412 for a request with this If-None-Match and a resource with this ETag."""
    # BEGIN SOLUTION: decide whether the header matches, then pick the status by method
    if if_none_match is None:
        return 200
    header = if_none_match.strip()
    wanted = etag.removeprefix("W/")
    matches = header == "*" or any(
        tag.strip().removeprefix("W/") == wanted for tag in header.split(",")
    )
    if not matches:
        return 200
    return 304 if method in {"GET", "HEAD"} else 412
    # END SOLUTION
