"""Choose the format of an answer from the client's ``Accept`` header.

The tasks API can answer in several media types (JSON, CSV, HTML). A client lists what it
accepts, each range with an optional quality ``q`` from 0 to 1 (default 1)::

    Accept: text/html, application/json;q=0.9, */*;q=0.1, text/csv;q=0

``text/csv;q=0`` means "never CSV"; ``*/*;q=0.1`` means "anything else, if you must".
``negotiate`` picks the type to send, or ``None`` when nothing is acceptable and the server
answers ``406 Not Acceptable`` (RFC 9110, section 12.5.1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: A quality value: 0 or 1 with up to three decimals (``0``, ``0.5``, ``1.000``).
QVALUE = re.compile(r"0(\.\d{0,3})?|1(\.0{0,3})?")
TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header: ``text/*;q=0.5`` is ``MediaRange("text", "*", 0.5)``."""

    type: str
    subtype: str
    quality: float = 1.0

    @property
    def specificity(self) -> int:
        """2 for ``text/html``, 1 for ``text/*``, 0 for ``*/*``."""
        return (self.type != "*") + (self.subtype != "*")

    def matches(self, media_type: str) -> bool:
        """Whether this range covers ``media_type`` (a concrete ``type/subtype``)."""
        kind, _, sub = media_type.lower().partition("/")
        return self.type in ("*", kind) and self.subtype in ("*", sub)


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an Accept header, in the order they were written.

    Ranges are separated by commas; spaces around them and empty entries are ignored, so an
    empty header gives ``[]``. Type and subtype are lower-cased. Parameters follow ``;``; only
    ``q`` is kept (its name in any case), the others (``charset=utf-8``) are ignored.
    ``ValueError`` naming the range for a range that is not ``type/subtype`` made of tokens,
    for ``*/json`` (a wildcard type needs a wildcard subtype), and for a ``q`` that is not a
    quality value (``q=2``, ``q=high``, ``q=0.5555``): ``"invalid media range: 'text'"``,
    ``"invalid quality in 'text/html;q=2'"``.
    """
    # BEGIN SOLUTION: split on commas, then on semicolons, and validate each piece
    ranges: list[MediaRange] = []
    for entry in header.split(","):
        text = entry.strip()
        if not text:
            continue
        media, *params = (part.strip() for part in text.split(";"))
        kind, slash, sub = media.lower().partition("/")
        if not slash or not TOKEN.fullmatch(kind) or not TOKEN.fullmatch(sub):
            raise ValueError(f"invalid media range: {text!r}")
        if kind == "*" and sub != "*":
            raise ValueError(f"invalid media range: {text!r}")
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                if not QVALUE.fullmatch(value.strip()):
                    raise ValueError(f"invalid quality in {text!r}")
                quality = float(value)
        ranges.append(MediaRange(kind, sub, quality))
    return ranges
    # END SOLUTION


def negotiate(accept: str | None, available: Sequence[str]) -> str | None:
    """The media type of ``available`` to answer with, or ``None`` for a 406.

    ``available`` is the server's list in its own order of preference. Without an Accept
    header (``None``, or a header with no ranges), the client accepts anything: answer with
    the first available type. Otherwise each available type gets the quality of the MOST
    SPECIFIC range that matches it (``text/html;q=0`` beats ``*/*``, whatever their order);
    a type no range matches, or whose quality is 0, is not acceptable. Among acceptable
    types the highest quality wins; on a tie, the one whose matching range is more specific;
    then the server's order. Matching ignores case. An invalid header raises ``ValueError``
    (see ``parse_accept``).
    """
    # BEGIN SOLUTION: score each available type by its most specific matching range
    ranges = parse_accept(accept or "")
    if not ranges:
        return available[0] if available else None
    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for position, media_type in enumerate(available):
        matching = [r for r in ranges if r.matches(media_type)]
        if not matching:
            continue
        top = max(matching, key=lambda r: r.specificity)
        if top.quality == 0:
            continue
        score = (top.quality, top.specificity, -position)
        if best is None or score > best:
            best, chosen = score, media_type
    return chosen
    # END SOLUTION
