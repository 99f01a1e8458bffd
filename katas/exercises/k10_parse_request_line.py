"""Kata k10: parse an HTTP request line.

The first line of every HTTP/1.x request names the method, the target and the protocol
version, separated by single spaces::

    GET /tasks?page=2&status=open HTTP/1.1

Web frameworks parse it for you; writing the parser once shows what they check.

Write ``parse_request_line(line)``. It returns a ``RequestLine`` dict (defined below):

- ``method``: one of ``GET``, ``POST``, ``PUT``, ``PATCH``, ``DELETE``, ``HEAD``, ``OPTIONS``
  (uppercase, exactly as sent);
- ``path``: the target up to the first ``?``, exactly as sent (no decoding);
- ``query``: the part after the first ``?`` as a dict of strings. Pairs are separated by
  ``&``; a pair without ``=`` has the value ``""``; ``%XX`` escapes are decoded and ``+`` means
  a space (in keys and values); when a key repeats, the last value wins. No ``?``, or
  nothing after it, gives ``{}``;
- ``version``: ``HTTP/1.0`` or ``HTTP/1.1``.

A trailing ``"\\r\\n"`` (or ``"\\n"``), as the line arrives from the socket, is ignored.

Anything else is malformed: raise ``ValueError`` with a message that says what is wrong
(mention the method, the target or the version). That includes a line that does not have
exactly three parts separated by single spaces, a lowercase or unknown method, a target that
does not start with ``/``, and any other version.

Example::

    >>> parse_request_line("GET /search?q=red+shoes&page=2 HTTP/1.1\\r\\n")
    {'method': 'GET', 'path': '/search', 'query': {'q': 'red shoes', 'page': '2'},
     'version': 'HTTP/1.1'}
"""

from typing import TypedDict
from urllib.parse import unquote_plus

METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
VERSIONS = frozenset({"HTTP/1.0", "HTTP/1.1"})


class RequestLine(TypedDict):
    """The parts of a request line."""

    method: str
    path: str
    query: dict[str, str]
    version: str


def parse_request_line(line: str) -> RequestLine:
    """Split an HTTP/1.x request line into method, path, query and version."""
    # TODO: drop the line ending, split into three parts, then check and split each part
    raise NotImplementedError
