"""Day 88: the core of a URL shortener, the classic first system-design question.

The design on paper is: a table of links (code, target URL, expiry), an endpoint that creates
a link and one that redirects. This module is that core, in memory:

* ``encode``/``decode`` turn a link's numeric id into a short base62 code and back;
* ``validate_url`` accepts only absolute http and https URLs up to ``MAX_URL_LENGTH``;
* ``Shortener`` stores links, gives each a code (or the custom alias asked for), refuses an
  alias that is taken, and expires links using the clock it is given (so tests control time);
* ``create_app`` puts it behind FastAPI: ``POST /links`` and ``GET /{code}``.

Run it with ``uvicorn ex03_url_shortener:build_app --factory``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException
from fastapi.responses import RedirectResponse
from pydantic import BaseModel

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
BASE = len(ALPHABET)  # 62
MAX_URL_LENGTH = 2048
ALIAS = re.compile(r"[A-Za-z0-9_-]{1,32}")

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def encode(number: int) -> str:
    """The base62 code of ``number``: ``0`` is ``"0"``, ``61`` is ``"Z"``, ``62`` is ``"10"``.

    A negative number raises ``ValueError("cannot encode a negative number: -1")``.
    """
    # BEGIN SOLUTION: repeated divmod by BASE, digits read from the last remainder to the first
    if number < 0:
        raise ValueError(f"cannot encode a negative number: {number}")
    if number == 0:
        return ALPHABET[0]
    digits: list[str] = []
    while number:
        number, rest = divmod(number, BASE)
        digits.append(ALPHABET[rest])
    return "".join(reversed(digits))
    # END SOLUTION


def decode(code: str) -> int:
    """The number whose base62 code is ``code`` (the inverse of ``encode``).

    An empty code raises ``ValueError("empty code")``; a character outside ``ALPHABET`` raises
    ``ValueError`` naming it: ``"invalid character '!' in code"``.
    """
    # BEGIN SOLUTION: multiply by BASE and add each character's position in ALPHABET
    if not code:
        raise ValueError("empty code")
    number = 0
    for char in code:
        digit = ALPHABET.find(char)
        if digit < 0:
            raise ValueError(f"invalid character {char!r} in code")
        number = number * BASE + digit
    return number
    # END SOLUTION


def validate_url(url: str) -> str:
    """Return ``url`` unchanged when a link may point to it; raise ``ValueError`` otherwise:

    * longer than ``MAX_URL_LENGTH``: ``"URL longer than 2048 characters"``;
    * a scheme other than http or https (any case): ``"only http and https URLs are allowed"``;
    * no host (``"https:///path"``): ``"URL has no host"``.
    """
    # BEGIN SOLUTION: check the length first, then urlsplit's scheme and netloc
    if len(url) > MAX_URL_LENGTH:
        raise ValueError(f"URL longer than {MAX_URL_LENGTH} characters")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ValueError("only http and https URLs are allowed")
    if not parts.hostname:
        raise ValueError("URL has no host")
    return url
    # END SOLUTION


class AliasTaken(Exception):
    """The custom alias asked for is already a link's code."""


class UnknownCode(LookupError):
    """No link has this code."""


class ExpiredCode(LookupError):
    """The link existed but its time is up."""


@dataclass(frozen=True)
class Link:
    code: str
    url: str
    expires_at: datetime | None = None


class Shortener:
    """The links of the service, kept in memory, with time read from ``clock``."""

    def __init__(self, clock: Clock = utc_now) -> None:
        self._clock = clock
        self._links: dict[str, Link] = {}
        self._next_id = 1

    def shorten(self, url: str, *, alias: str | None = None,
                ttl: timedelta | None = None) -> Link:
        """Store a link to ``url`` and return it.

        * ``url`` must pass ``validate_url`` (its ``ValueError`` goes to the caller).
        * Without ``alias`` the code is ``encode`` of the next id (1, 2, 3, ...), skipping any
          code already used as an alias. With one, the alias is the code: it must match
          ``ALIAS`` (else ``ValueError("invalid alias: ...")`` naming it) and be free (else
          ``AliasTaken`` naming it).
        * With ``ttl`` the link expires at ``clock() + ttl``; a ttl of zero or less raises
          ``ValueError("ttl must be positive")``. Without it the link never expires.
        """
        # BEGIN SOLUTION: validate, pick the code, store the Link with its expiry
        validate_url(url)
        if ttl is not None and ttl <= timedelta(0):
            raise ValueError("ttl must be positive")
        if alias is not None:
            if not ALIAS.fullmatch(alias):
                raise ValueError(f"invalid alias: {alias!r}")
            if alias in self._links:
                raise AliasTaken(f"alias {alias!r} is taken")
            code = alias
        else:
            while True:
                code = encode(self._next_id)
                self._next_id += 1
                if code not in self._links:
                    break
        expires_at = None if ttl is None else self._clock() + ttl
        link = Link(code, url, expires_at)
        self._links[code] = link
        return link
        # END SOLUTION

    def resolve(self, code: str) -> str:
        """The target URL of ``code``.

        An unknown code raises ``UnknownCode``; a link whose ``expires_at`` is now or earlier
        raises ``ExpiredCode`` (a link with a ttl of 60 s works for 60 s, not one instant more).
        """
        # BEGIN SOLUTION: look the link up, then compare its expiry with the clock
        link = self._links.get(code)
        if link is None:
            raise UnknownCode(code)
        if link.expires_at is not None and self._clock() >= link.expires_at:
            raise ExpiredCode(code)
        return link.url
        # END SOLUTION


class NewLink(BaseModel):
    url: str
    alias: str | None = None
    ttl_seconds: int | None = None


def create_app(shortener: Shortener) -> FastAPI:
    """The HTTP service over ``shortener``:

    * ``POST /links`` with ``{"url": ..., "alias": ..., "ttl_seconds": ...}`` (the last two
      optional) answers ``201`` with ``{"code": ..., "url": ..., "expires_at": ...}``
      (``expires_at`` in ISO 8601, or null); ``422`` with the ``ValueError``'s message as
      ``detail`` for a refused URL, alias or ttl; ``409`` when the alias is taken.
    * ``GET /{code}`` answers ``307 Temporary Redirect`` with ``Location`` set to the target;
      ``404`` with ``{"detail": "unknown code"}`` for an unknown code and ``410 Gone`` with
      ``{"detail": "link expired"}`` for an expired one.
    """
    # BEGIN SOLUTION: two routes that call the shortener and turn its errors into statuses
    app = FastAPI(title="Short links")

    @app.post("/links", status_code=201)
    def create_link(body: NewLink) -> dict[str, str | None]:
        ttl = None if body.ttl_seconds is None else timedelta(seconds=body.ttl_seconds)
        try:
            link = shortener.shorten(body.url, alias=body.alias, ttl=ttl)
        except AliasTaken as error:
            raise HTTPException(409, detail=str(error)) from error
        except ValueError as error:
            raise HTTPException(422, detail=str(error)) from error
        expires = None if link.expires_at is None else link.expires_at.isoformat()
        return {"code": link.code, "url": link.url, "expires_at": expires}

    @app.get("/{code}")
    def follow(code: str) -> RedirectResponse:
        try:
            url = shortener.resolve(code)
        except UnknownCode as error:
            raise HTTPException(404, detail="unknown code") from error
        except ExpiredCode as error:
            raise HTTPException(410, detail="link expired") from error
        return RedirectResponse(url, status_code=307)

    return app
    # END SOLUTION


def build_app() -> FastAPI:
    """The service with the real clock (for ``uvicorn --factory``)."""
    return create_app(Shortener(utc_now))
