"""Read an HTTP/1.1 request the way a server reads it off a socket.

A request arrives as bytes: a request line, header lines, an empty line, then a body whose size
the ``Content-Length`` header announces::

    POST /tasks?notify=1 HTTP/1.1\\r\\n
    Host: api.example.com\\r\\n
    Content-Type: application/json\\r\\n
    Content-Length: 17\\r\\n
    \\r\\n
    {"title": "Milk"}

``parse_request`` turns those bytes into an ``HttpRequest`` or raises ``MalformedRequest`` (a
``ValueError``) whose message says what is wrong, so the server can answer ``400 Bad Request``
with something useful.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

SUPPORTED_VERSIONS = ("HTTP/1.0", "HTTP/1.1")
#: A method is a token; the methods every server knows are upper case (RFC 9110, section 9).
METHOD_PATTERN = re.compile(r"[A-Z]+")
#: A header name is a token: letters, digits and a few punctuation marks, never a space.
HEADER_NAME_PATTERN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


class MalformedRequest(ValueError):
    """The bytes are not a request this server accepts (the answer is 400 Bad Request)."""


@dataclass(frozen=True)
class HttpRequest:
    """A parsed request. ``headers`` has lower-case names: look them up with ``header()``."""

    method: str
    target: str
    version: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    def header(self, name: str, default: str | None = None) -> str | None:
        """The value of header ``name`` in any case (``Content-Type`` or ``content-type``)."""
        return self.headers.get(name.lower(), default)

    @property
    def path(self) -> str:
        """The target without its query: ``/tasks`` for ``/tasks?notify=1``."""
        return urlsplit(self.target).path

    @property
    def query(self) -> dict[str, list[str]]:
        """The query parameters: ``{"notify": ["1"]}`` for ``/tasks?notify=1``."""
        return parse_qs(urlsplit(self.target).query, keep_blank_values=True)


def parse_request(raw: bytes) -> HttpRequest:
    """Parse one HTTP/1.0 or HTTP/1.1 request.

    * Lines end with ``\\r\\n``; the head (request line and headers) ends with an empty line.
      Without one: ``MalformedRequest("incomplete request: the head must end with an empty
      line")``.
    * The request line is exactly ``METHOD SP TARGET SP VERSION``; anything else raises
      ``"malformed request line: <the line, quoted>"``. The method is upper-case letters
      (``"invalid method: 'get'"``), the version one of ``SUPPORTED_VERSIONS``
      (``"unsupported version: 'HTTP/2.0'"``).
    * Each header line is ``Name: value``. The name is a token with no space before the colon;
      otherwise ``"malformed header line: <the line, quoted>"``. Names are stored in lower case,
      values without the spaces around them. A header that appears twice keeps both values,
      joined with ``", "`` in the order they came.
    * HTTP/1.1 requires a ``Host`` header: ``"missing Host header"``.
    * The body is exactly ``Content-Length`` bytes (none without the header); bytes after it
      belong to the next request and are ignored. A length that is not a whole number raises
      ``"invalid Content-Length: <value, quoted>"``; a body shorter than announced raises
      ``"body too short: expected N bytes, got M"``.

    The head is decoded as ISO-8859-1, which maps every byte to one character.
    """
    # BEGIN SOLUTION: split head from body, then read the request line, headers and body
    head, separator, rest = raw.partition(b"\r\n\r\n")
    if not separator:
        raise MalformedRequest("incomplete request: the head must end with an empty line")
    request_line, *header_lines = head.decode("iso-8859-1").split("\r\n")

    parts = request_line.split(" ")
    if len(parts) != 3 or not all(parts):
        raise MalformedRequest(f"malformed request line: {request_line!r}")
    method, target, version = parts
    if not METHOD_PATTERN.fullmatch(method):
        raise MalformedRequest(f"invalid method: {method!r}")
    if version not in SUPPORTED_VERSIONS:
        raise MalformedRequest(f"unsupported version: {version!r}")

    headers: dict[str, str] = {}
    for line in header_lines:
        name, colon, value = line.partition(":")
        if not colon or not HEADER_NAME_PATTERN.fullmatch(name):
            raise MalformedRequest(f"malformed header line: {line!r}")
        key = name.lower()
        value = value.strip()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value

    if version == "HTTP/1.1" and "host" not in headers:
        raise MalformedRequest("missing Host header")

    length_text = headers.get("content-length")
    if length_text is None:
        return HttpRequest(method, target, version, headers)
    if not length_text.isdigit() or not length_text.isascii():
        raise MalformedRequest(f"invalid Content-Length: {length_text!r}")
    length = int(length_text)
    if len(rest) < length:
        raise MalformedRequest(f"body too short: expected {length} bytes, got {len(rest)}")
    return HttpRequest(method, target, version, headers, rest[:length])
    # END SOLUTION
