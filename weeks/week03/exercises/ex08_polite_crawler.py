"""A polite crawler: it reads robots.txt, waits between requests and stays on one site.

``crawl("https://docs.example/", Path("pages.json"))`` visits the site breadth first from the
start page and writes what it found (each page's status, title and links) to a JSON file that
a later week loads into an API. Being polite is part of the contract:

* it identifies itself with ``USER_AGENT`` on every request;
* it fetches ``/robots.txt`` first and never requests a path that file disallows;
* it waits between requests (the larger of ``delay`` and the site's ``Crawl-delay``);
* it gives up on a page after ``timeout`` seconds instead of hanging forever.

``sleep`` and ``monotonic`` are parameters so a test can run the crawl without waiting.
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

USER_AGENT = "taskhub-crawler/1.0 (+mailto:crawler@taskhub.example)"


@dataclass(frozen=True)
class PageRecord:
    """What the crawler learned about one URL.

    ``status`` is ``None`` when there was no answer; ``error`` then says why (``"timeout"``,
    ``"unreachable"``, or ``"disallowed by robots.txt"`` for a URL it did not request).
    ``redirect_to`` is the absolute target of a 3xx answer.
    """

    url: str
    status: int | None
    title: str | None = None
    links: list[str] = field(default_factory=list)
    redirect_to: str | None = None
    error: str | None = None


class PageParser(HTMLParser):
    """Collects the ``<title>`` text and the ``href`` of every ``<a>`` of one HTML page."""

    def __init__(self) -> None:
        super().__init__()  # convert_charrefs=True: "&amp;" arrives as "&"
        self.in_title = False
        self.title_parts: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # TODO: note when the title starts, and keep the href of each <a>
        raise NotImplementedError

    def handle_endtag(self, tag: str) -> None:
        # TODO: note when the title ends
        raise NotImplementedError

    def handle_data(self, data: str) -> None:
        # TODO: keep the text that is inside the title
        raise NotImplementedError


def parse_page(html: str, base_url: str) -> tuple[str | None, list[str]]:
    """The title and the links of a page, as ``(title, links)``.

    The title has its runs of whitespace collapsed to one space and is stripped; a missing
    or blank title is ``None``. Links are the ``href`` of each ``<a>`` (tag and attribute
    names in any case), made absolute against ``base_url`` with ``urljoin``, without their
    ``#fragment``, keeping only ``http`` and ``https`` URLs (no ``mailto:``), each once in the
    order it first appears. An empty or missing ``href`` is no link.
    """
    # TODO: feed a PageParser, then clean its title and its links
    raise NotImplementedError


def same_site(url: str, start_url: str) -> bool:
    """Whether ``url`` has the same scheme, host and port as ``start_url``."""
    # TODO: compare the scheme and the network location
    raise NotImplementedError


def read_robots(answer: httpx.Response | None) -> RobotFileParser | None:
    """The rules of a site from its ``/robots.txt`` answer, or ``None`` if nothing is allowed.

    ``answer`` is ``None`` when the request failed (a timeout, no connection). A 2xx answer
    is parsed (``RobotFileParser.parse`` on its lines); a 4xx means there are no rules, so
    everything is allowed; anything else (a 5xx, a failed request) means nothing may be
    crawled, as RFC 9309 requires.
    """
    # TODO: parse a success, allow everything on a 4xx, refuse otherwise
    raise NotImplementedError


def record_for(url: str, response: httpx.Response) -> tuple[PageRecord, list[str]]:
    """The record of one answer and the URLs it leads to, as ``(record, next_urls)``.

    A 3xx with a ``Location`` gets ``redirect_to`` (absolute, without a fragment) and leads
    there; a 2xx whose ``Content-Type`` starts with ``text/html`` gets its title and links
    from ``parse_page`` and leads to its links; any other answer only has its status.
    """
    # TODO: tell redirects, HTML pages and other answers apart
    raise NotImplementedError


def crawl(
    start_url: str,
    output: Path,
    *,
    delay: float = 1.0,
    timeout: float = 5.0,
    max_pages: int = 50,
    sleep: Callable[[float], None] = time.sleep,
    monotonic: Callable[[], float] = time.monotonic,
) -> list[PageRecord]:
    """Crawl the site of ``start_url``, write ``output`` and return the records in order.

    1. One ``httpx.Client`` for the whole crawl: ``timeout`` seconds per phase, the
       ``User-Agent`` header, redirects NOT followed (a redirect loop must not trap us).
    2. Fetch ``/robots.txt`` of the start URL's site and ``read_robots`` it. When nothing is
       allowed, the crawl stops there with no records.
    3. Visit URLs breadth first from ``start_url`` (without its fragment), each at most once,
       at most ``max_pages`` requests besides robots.txt. A URL robots.txt disallows for
       ``USER_AGENT`` is recorded with the error ``"disallowed by robots.txt"`` and never
       requested.
    4. Before every request after the first, wait until at least ``wait`` seconds have passed
       since the previous request started, where ``wait`` is the larger of ``delay`` and the
       robots.txt ``Crawl-delay`` for ``USER_AGENT``: sleep ``wait - (monotonic() - started)``
       when that is positive.
    5. Record each answer with ``record_for``; a timeout is recorded with the error
       ``"timeout"``, any other transport error with ``"unreachable"``. The URLs an answer
       leads to join the queue when they are on the same site (``same_site``) and new.
    6. Write ``{"start_url": ..., "user_agent": USER_AGENT, "pages": [...]}`` to ``output``,
       each page being ``dataclasses.asdict`` of its record: UTF-8, ``indent=2``, non-ASCII
       characters kept as they are (``ensure_ascii=False``), and a newline at the end.
    """
    # TODO: read robots.txt, then loop over a queue, waiting before each request
    raise NotImplementedError
