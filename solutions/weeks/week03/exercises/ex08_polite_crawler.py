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
        # BEGIN SOLUTION: note when the title starts, and keep the href of each <a>
        if tag == "title":
            self.in_title = True
        elif tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)
        # END SOLUTION

    def handle_endtag(self, tag: str) -> None:
        # BEGIN SOLUTION: note when the title ends
        if tag == "title":
            self.in_title = False
        # END SOLUTION

    def handle_data(self, data: str) -> None:
        # BEGIN SOLUTION: keep the text that is inside the title
        if self.in_title:
            self.title_parts.append(data)
        # END SOLUTION


def parse_page(html: str, base_url: str) -> tuple[str | None, list[str]]:
    """The title and the links of a page, as ``(title, links)``.

    The title has its runs of whitespace collapsed to one space and is stripped; a missing
    or blank title is ``None``. Links are the ``href`` of each ``<a>`` (tag and attribute
    names in any case), made absolute against ``base_url`` with ``urljoin``, without their
    ``#fragment``, keeping only ``http`` and ``https`` URLs (no ``mailto:``), each once in the
    order it first appears. An empty or missing ``href`` is no link.
    """
    # BEGIN SOLUTION: feed a PageParser, then clean its title and its links
    parser = PageParser()
    parser.feed(html)
    parser.close()
    title = " ".join("".join(parser.title_parts).split()) or None
    links: list[str] = []
    for href in parser.hrefs:
        absolute, _fragment = urldefrag(urljoin(base_url, href))
        if urlsplit(absolute).scheme in ("http", "https") and absolute not in links:
            links.append(absolute)
    return title, links
    # END SOLUTION


def same_site(url: str, start_url: str) -> bool:
    """Whether ``url`` has the same scheme, host and port as ``start_url``."""
    # BEGIN SOLUTION: compare the scheme and the network location
    left, right = urlsplit(url), urlsplit(start_url)
    return (left.scheme, left.netloc) == (right.scheme, right.netloc)
    # END SOLUTION


def read_robots(answer: httpx.Response | None) -> RobotFileParser | None:
    """The rules of a site from its ``/robots.txt`` answer, or ``None`` if nothing is allowed.

    ``answer`` is ``None`` when the request failed (a timeout, no connection). A 2xx answer
    is parsed (``RobotFileParser.parse`` on its lines); a 4xx means there are no rules, so
    everything is allowed; anything else (a 5xx, a failed request) means nothing may be
    crawled, as RFC 9309 requires.
    """
    # BEGIN SOLUTION: parse a success, allow everything on a 4xx, refuse otherwise
    if answer is None or not (answer.is_success or answer.is_client_error):
        return None
    robots = RobotFileParser()
    robots.parse(answer.text.splitlines() if answer.is_success else [])
    return robots
    # END SOLUTION


def record_for(url: str, response: httpx.Response) -> tuple[PageRecord, list[str]]:
    """The record of one answer and the URLs it leads to, as ``(record, next_urls)``.

    A 3xx with a ``Location`` gets ``redirect_to`` (absolute, without a fragment) and leads
    there; a 2xx whose ``Content-Type`` starts with ``text/html`` gets its title and links
    from ``parse_page`` and leads to its links; any other answer only has its status.
    """
    # BEGIN SOLUTION: tell redirects, HTML pages and other answers apart
    location = response.headers.get("Location")
    if response.is_redirect and location:
        target, _ = urldefrag(urljoin(url, location))
        return PageRecord(url, response.status_code, redirect_to=target), [target]
    if response.is_success and response.headers.get("Content-Type", "").startswith("text/html"):
        title, links = parse_page(response.text, url)
        return PageRecord(url, response.status_code, title, links), links
    return PageRecord(url, response.status_code), []
    # END SOLUTION


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
    # BEGIN SOLUTION: read robots.txt, then loop over a queue, waiting before each request
    start, _ = urldefrag(start_url)
    records: list[PageRecord] = []
    last_started: float | None = None

    def polite_get(client: httpx.Client, url: str, wait: float) -> httpx.Response:
        nonlocal last_started
        if last_started is not None:
            remaining = wait - (monotonic() - last_started)
            if remaining > 0:
                sleep(remaining)
        last_started = monotonic()
        return client.get(url)

    with httpx.Client(timeout=httpx.Timeout(timeout), headers={"User-Agent": USER_AGENT},
                      follow_redirects=False) as client:
        try:
            robots = read_robots(polite_get(client, urljoin(start, "/robots.txt"), delay))
        except httpx.TransportError:
            robots = None
        crawl_delay = robots.crawl_delay(USER_AGENT) if robots else None
        wait = max(delay, float(crawl_delay or 0))
        queue = deque([start] if robots else [])
        seen = {start}
        fetched = 0
        while queue and fetched < max_pages and robots:
            url = queue.popleft()
            if not robots.can_fetch(USER_AGENT, url):
                records.append(PageRecord(url, None, error="disallowed by robots.txt"))
                continue
            fetched += 1
            try:
                record, found = record_for(url, polite_get(client, url, wait))
            except httpx.TimeoutException:
                record, found = PageRecord(url, None, error="timeout"), []
            except httpx.TransportError:
                record, found = PageRecord(url, None, error="unreachable"), []
            records.append(record)
            for link in found:
                if same_site(link, start) and link not in seen:
                    seen.add(link)
                    queue.append(link)

    document = {"start_url": start_url, "user_agent": USER_AGENT,
                "pages": [asdict(record) for record in records]}
    output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    return records
    # END SOLUTION
