"""Checks for week03/ex08_polite_crawler: robots.txt, waiting, one site, a JSON file.

The crawls run against a real HTTP server on 127.0.0.1 that the check starts with a small
fixture site: a disallowed path, a redirect loop, a page that never answers and a missing page.
Delays go to a fake clock, so only the hanging page takes real time (the crawl's timeout); the
full crawl of the fixture site runs once and the checks that inspect it share its result.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from workbook.checking import CheckFailure, Learner, call, expect_call, expect_equal
from workbook.checking_http import (
    Exchange,
    FakeClock,
    LoopbackServer,
    drops_connection,
    expect_exchange,
    expect_request_lines,
    loopback_server,
    never_answers,
    page,
    redirect,
)

ROBOTS = "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n"
HOME = """<!doctype html>
<html><head><title>
  Team   handbook
</title></head>
<body>
  <a href="/about">About</a> <a href="/private/salaries">Salaries</a>
  <A HREF="/loop-a">Old link</A> <a href="/slow">Status board</a>
  <a href="/about#team">The team</a> <a href="https://elsewhere.example/">Partner</a>
  <a href="mailto:hr@example.com">Write to HR</a> <a href="/missing">Archive</a>
  <a href="/broken">Old forum</a>
</body></html>
"""
ABOUT = '<title>About the café</title><p>Back <a href="/">home</a>.</p>'
#: The requests a correct crawl of the fixture site sends, in order.
CRAWL_ORDER = ["/robots.txt", "/", "/about", "/loop-a", "/slow", "/missing", "/broken",
               "/loop-b"]


def site(robots: Any = None) -> dict[str, Any]:
    return {
        "/robots.txt": robots or page(ROBOTS, content_type="text/plain"),
        "/": page(HOME),
        "/about": page(ABOUT),
        "/private/salaries": page("<title>Secret</title>"),
        "/loop-a": redirect("/loop-b"),
        "/loop-b": redirect("/loop-a"),
        "/slow": never_answers(),
        "/broken": drops_connection(),
    }


def run_crawl(learner: Learner, server: LoopbackServer, clock: FakeClock, tmp_path: Path,
              **options: Any) -> tuple[Any, Path]:
    crawl = learner.function("crawl", signature="crawl(start_url, output, *, ...)")
    output = tmp_path / "pages.json"
    records = call(crawl, server.url("/"), output, timeout=0.2, sleep=clock.sleep,
                   monotonic=clock.monotonic,
                   help="The crawl must handle every page of the site without raising.",
                   **options)
    return records, output


@dataclass(frozen=True)
class FullCrawl:
    """One crawl of the fixture site, as the site and the learner's code saw it."""

    records: Any
    output: Path
    exchanges: list[Exchange]
    base_url: str


#: The last full crawl and the learner module it was made with (kept, so it is never mistaken
#: for a newer module).
_LAST_CRAWL: dict[str, tuple[object, FullCrawl]] = {}


def full_crawl(learner: Learner, tmp_path: Path) -> FullCrawl:
    """Crawl the fixture site once per learner module (it waits for the hanging page)."""
    cached = _LAST_CRAWL.get("crawl")
    if cached is not None and cached[0] is learner.module:
        return cached[1]
    clock = FakeClock()
    with loopback_server(site(), clock=clock) as server:
        records, output = run_crawl(learner, server, clock, tmp_path)
        crawled = FullCrawl(records, output, list(server.exchanges), server.base_url)
    _LAST_CRAWL["crawl"] = (learner.module, crawled)
    return crawled


def test_parse_page(learner: Learner) -> None:
    """reads a page's title and its absolute links"""
    parse_page = learner.function("parse_page", signature="parse_page(html, base_url)")
    base = "http://docs.example/guide/"
    expect_call(parse_page, HOME, base,
                returns=("Team handbook",
                         ["http://docs.example/about", "http://docs.example/private/salaries",
                          "http://docs.example/loop-a", "http://docs.example/slow",
                          "https://elsewhere.example/", "http://docs.example/missing",
                          "http://docs.example/broken"]),
                help="Collapse the title's whitespace; make each href absolute with urljoin, "
                "drop the #fragment, skip non-http(s) links and repeats (html.parser gives "
                "tag and attribute names in lower case).")


def test_parse_page_edges(learner: Learner) -> None:
    """handles relative links, entities, and pages without a title"""
    parse_page = learner.function("parse_page")
    html = ('<title>Q&amp;A</title><a href="next.html">n</a><a href="">empty</a><a>none</a>'
            '<a href="../up#x">u</a><a href="next.html#y">again</a>')
    expect_call(parse_page, html, "http://docs.example/guide/intro",
                returns=("Q&A", ["http://docs.example/guide/next.html",
                                 "http://docs.example/up"]),
                help="Relative hrefs resolve against the page's URL; an empty or missing href "
                "is no link; &amp; is '&'.")
    expect_call(parse_page, "<p>No title <a href='/a'>a</a></p>", "http://x.example/",
                returns=(None, ["http://x.example/a"]), help="No <title> means None.")
    expect_call(parse_page, "<title>  \n </title>", "http://x.example/", returns=(None, []),
                help="A blank title is None too, and text outside <title> is not the title.")
    expect_call(parse_page, "<title>Q3 <!-- draft --> report</title>", "http://x.example/",
                returns=("Q3 report", []),
                help="The parser may hand you a title in several pieces (here around a "
                "comment): join them, then collapse the whitespace.")
    expect_call(parse_page, "<title>Cut short: R&D", "http://x.example/",
                returns=("Cut short: R&D", []),
                help="html.parser may hold back the last piece of text (here because of the "
                "'&') until close() is called: call parser.close() after feed() so a page cut "
                "short still gives its title.")


def test_same_site(learner: Learner) -> None:
    """stays on the same scheme, host and port"""
    same_site = learner.function("same_site", signature="same_site(url, start_url)")
    start = "http://127.0.0.1:8000/"
    expect_call(same_site, "http://127.0.0.1:8000/docs/a?b=1", start, returns=True,
                help="Only the scheme, host and port matter; the path may be anything.")
    for url in ("http://127.0.0.1:8001/", "https://127.0.0.1:8000/", "http://localhost:8000/"):
        expect_call(same_site, url, start, returns=False,
                    help="A different port, scheme or host name is another site.")


def test_read_robots(learner: Learner) -> None:
    """reads robots.txt, allowing all on a 4xx and nothing otherwise"""
    read_robots = learner.function("read_robots", signature="read_robots(answer)")
    agent = learner.attribute("USER_AGENT")
    rules = call(read_robots, httpx.Response(200, text=ROBOTS), help="Parse a 200 answer.")
    allowed = [rules.can_fetch(agent, f"http://x.example{p}") if rules else None
               for p in ("/", "/private/salaries")]
    expect_equal(allowed, [True, False],
                 what="the rules from a 200 robots.txt: can_fetch('/'), can_fetch('/private/…')",
                 help="Give the answer's lines to RobotFileParser.parse and return the parser.")
    for status in (299, 400, 404, 499):
        rules = call(read_robots, httpx.Response(status, text="User-agent: *\nDisallow: /"),
                     help="A 2xx or 4xx answer gives rules.")
        expect_equal(rules.can_fetch(agent, "http://x.example/private/") if rules else None,
                     status >= 300, what=f"the rules after a {status} robots.txt, for /private/",
                     help="A 4xx robots.txt means 'no rules': parse an empty list, so "
                     "everything is allowed (only a 2xx body is read).")
    for answer in (httpx.Response(500), httpx.Response(503), httpx.Response(301), None):
        got = call(read_robots, answer, help="read_robots must not raise.")
        where = f"a {answer.status_code} answer" if answer is not None else "no answer"
        expect_equal(got, None, what=f"read_robots(<{where}>)",
                     help="A server error, a redirect or no answer at all: RFC 9309 says to "
                     "assume nothing is allowed; return None.")


def test_record_for(learner: Learner) -> None:
    """records redirects, HTML pages and other answers"""
    record_for = learner.function("record_for", signature="record_for(url, response)")
    url = "http://x.example/docs/old"
    found = call(record_for, url, httpx.Response(302, headers={"Location": "new#top"}),
                 help="A redirect is an answer to record.")
    expect_equal((found[0].status, found[0].redirect_to, found[1]),
                 (302, "http://x.example/docs/new", ["http://x.example/docs/new"]),
                 what="record_for(url, <302 to 'new#top'>) as (status, redirect_to, next)",
                 help="Make the Location absolute against the page's URL, drop the fragment, "
                 "and follow it through the queue (never automatically).")
    found = call(record_for, url, httpx.Response(200, html=ABOUT), help="An HTML page.")
    expect_equal((found[0].title, found[0].links, found[1]),
                 ("About the café", ["http://x.example/"], ["http://x.example/"]),
                 what="record_for(url, <200 text/html page>) as (title, links, next)",
                 help="An HTML 2xx is parsed with parse_page; its links are where it leads.")
    for response, what in ((httpx.Response(200, json={"title": "<a href='/x'>"}), "200 JSON"),
                           (httpx.Response(404, html=ABOUT), "404 HTML"),
                           (httpx.Response(301), "301 without Location")):
        found = call(record_for, url, response, help="Any answer can be recorded.")
        expect_equal((found[0].status, found[0].title, found[0].redirect_to, found[1]),
                     (response.status_code, None, None, []),
                     what=f"record_for(url, <{what}>) as (status, title, redirect_to, next)",
                     help="Only a 2xx text/html page is parsed and only a 3xx with a Location "
                     "is followed; anything else just has its status.")


def test_crawl_order(learner: Learner, tmp_path: Path) -> None:
    """reads robots.txt first and visits the site breadth first"""
    exchanges = full_crawl(learner, tmp_path).exchanges
    expect_request_lines(exchanges, [f"GET {p}" for p in CRAWL_ORDER],
                         what="after crawl(<the fixture site>)",
                         help="robots.txt first; then a queue (breadth first), each URL once; "
                         "never the disallowed /private/ path, never another host, and "
                         "redirects go through the queue so the loop ends.")


def test_crawl_identifies_and_waits(learner: Learner, tmp_path: Path) -> None:
    """sends its User-Agent and waits the Crawl-delay between requests"""
    exchanges = full_crawl(learner, tmp_path).exchanges
    agent = learner.attribute("USER_AGENT")
    agents = {e.headers.get("user-agent") for e in exchanges}
    expect_exchange(agents == {agent}, exchanges, what="the User-Agent headers the site saw",
                    expected=repr({agent}), actual=repr(agents),
                    help="Set the User-Agent on the client so every request, robots.txt "
                    "included, says who is crawling.")
    times = [e.at or 0.0 for e in exchanges]
    gaps = [round(later - earlier, 3) for earlier, later in itertools.pairwise(times)]
    expect_exchange(bool(gaps) and min(gaps) >= 2.0, exchanges,
                    what="the seconds between consecutive requests", expected="at least 2.0 "
                    "each (the site's Crawl-delay)", actual=str(gaps),
                    help="Wait with the sleep you are given before every request after the "
                    "first; the larger of delay and the Crawl-delay wins.")


def test_crawl_delay_parameter(learner: Learner, tmp_path: Path) -> None:
    """waits its own delay when that is longer than the Crawl-delay"""
    clock = FakeClock()
    routes = {"/robots.txt": page(ROBOTS, content_type="text/plain"),
              "/": page('<a href="/about">a</a>'), "/about": page(ABOUT)}
    with loopback_server(routes, clock=clock) as server:
        run_crawl(learner, server, clock, tmp_path, delay=3.5)
        exchanges = list(server.exchanges)
    expect_exchange(clock.sleeps == [3.5, 3.5], exchanges,
                    what="crawl(..., delay=3.5) slept", expected="[3.5, 3.5]",
                    actual=str(clock.sleeps),
                    help="wait = max(delay, Crawl-delay); sleep only what remains of it since "
                    "the previous request started (monotonic() tells the time).")


class SlowRequests:
    """A monotonic clock on which each request the server receives takes ``seconds``."""

    def __init__(self, clock: FakeClock, server: LoopbackServer, seconds: float) -> None:
        self.clock, self.server, self.seconds = clock, server, seconds

    def __call__(self) -> float:
        return self.clock.now + self.seconds * len(self.server.exchanges)

    def __repr__(self) -> str:
        return f"clock.monotonic (each request takes {self.seconds:g} s)"


def test_sleeps_only_what_remains(learner: Learner, tmp_path: Path) -> None:
    """sleeps only what remains of the delay after a slow request"""
    crawl = learner.function("crawl")
    routes = {"/robots.txt": page(ROBOTS, content_type="text/plain"),
              "/": page('<a href="/about">a</a>'), "/about": page(ABOUT)}
    for seconds, expected in ((0.75, [1.25, 1.25]), (1.5, [0.5, 0.5]), (2.0, []), (2.5, [])):
        clock = FakeClock()
        with loopback_server(routes, clock=clock) as server:
            monotonic = SlowRequests(clock, server, seconds)
            call(crawl, server.url("/"), tmp_path / "slow.json", timeout=0.2,
                 sleep=clock.sleep, monotonic=monotonic, help="This small site is valid.")
            exchanges = list(server.exchanges)
        expect_exchange(clock.sleeps == expected, exchanges,
                        what=f"the crawl slept, with requests taking {seconds:g} s and a "
                        "Crawl-delay of 2 s", expected=str(expected), actual=str(clock.sleeps),
                        help="Measure the time since the previous request started with "
                        "monotonic(), and sleep wait - elapsed only when that is positive; a "
                        "request that took the whole delay needs no sleep at all.")


def test_crawl_records_and_file(learner: Learner, tmp_path: Path) -> None:
    """writes every page's outcome to the JSON file"""
    crawled = full_crawl(learner, tmp_path)
    records, output, base = crawled.records, crawled.output, crawled.base_url
    if not output.exists():
        raise CheckFailure("crawl(...) did not write the output file", expected=str(output),
                           actual="no file", help="Write the JSON document at the end.")
    try:
        document = json.loads(output.read_text(encoding="utf-8"))
    except ValueError as error:
        raise CheckFailure("the output file is not JSON", expected="a JSON document",
                           actual=str(error), help="Write it with json.dumps.") from None
    summary = [(p["url"].removeprefix(base), p["status"], p["title"], p["redirect_to"] and
                p["redirect_to"].removeprefix(base), p["error"]) for p in document["pages"]]
    expect_equal(summary, [
        ("/", 200, "Team handbook", None, None),
        ("/about", 200, "About the café", None, None),
        ("/private/salaries", None, None, None, "disallowed by robots.txt"),
        ("/loop-a", 302, None, "/loop-b", None),
        ("/slow", None, None, None, "timeout"),
        ("/missing", 404, None, None, None),
        ("/broken", None, None, None, "unreachable"),
        ("/loop-b", 302, None, "/loop-a", None),
    ], what="the pages in the output file as (path, status, title, redirect_to, error)",
        help="One record per URL in visiting order: the disallowed one with its error and no "
        "request, the hanging page as a 'timeout', the one that drops the connection as "
        "'unreachable', redirects with their target.")
    expect_equal((document["start_url"], document["user_agent"], len(records)),
                 (base + "/", learner.attribute("USER_AGENT"), 8),
                 what="the file's start_url and user_agent, and the number of records returned",
                 help="The document also says where the crawl started and who crawled; "
                 "return the same records you wrote.")
    expect_equal(document["pages"][1]["links"], [base + "/"],
                 what="the links of /about in the file",
                 help="Each page's links are absolute URLs (asdict of the record).")
    text = output.read_text(encoding="utf-8")
    expect_equal(text, json.dumps(document, indent=2, ensure_ascii=False) + "\n",
                 what="the text of the output file",
                 help="Write json.dumps(document, indent=2, ensure_ascii=False) plus a final "
                 "newline: a stable layout makes the file diff well, and 'café' stays readable.")


def test_delay_without_crawl_delay(learner: Learner, tmp_path: Path) -> None:
    """waits its own delay when robots.txt sets no Crawl-delay"""
    clock = FakeClock()
    routes = {"/robots.txt": page("User-agent: *\nDisallow: /private/\n",
                                  content_type="text/plain"),
              "/": page('<a href="/about">a</a>'), "/about": page(ABOUT)}
    with loopback_server(routes, clock=clock) as server:
        run_crawl(learner, server, clock, tmp_path, delay=0.25)
        exchanges = list(server.exchanges)
    expect_exchange(clock.sleeps == [0.25, 0.25], exchanges,
                    what="crawl(..., delay=0.25) with no Crawl-delay slept",
                    expected="[0.25, 0.25]", actual=str(clock.sleeps),
                    help="Without a Crawl-delay, the wait is just delay (crawl_delay() returns "
                    "None: treat it as 0).")


def test_max_pages(learner: Learner, tmp_path: Path) -> None:
    """stops after max_pages requests"""
    clock = FakeClock()
    with loopback_server(site(), clock=clock) as server:
        run_crawl(learner, server, clock, tmp_path, max_pages=2)
        exchanges = list(server.exchanges)
    expect_request_lines(exchanges, ["GET /robots.txt", "GET /", "GET /about"],
                         what="after crawl(..., max_pages=2)",
                         help="max_pages counts the page requests (robots.txt aside); stop "
                         "when that many were sent.")


def test_robots_missing_or_failing(learner: Learner, tmp_path: Path) -> None:
    """crawls everything without robots.txt and nothing when it fails"""
    clock = FakeClock()
    routes = site(page("gone", status=404, content_type="text/plain"))
    routes["/slow"] = page("ok")
    with loopback_server(routes, clock=clock) as server:
        run_crawl(learner, server, clock, tmp_path, max_pages=3)
        exchanges = list(server.exchanges)
    expect_request_lines(exchanges, ["GET /robots.txt", "GET /", "GET /about",
                                     "GET /private/salaries"],
                         what="after crawl(...) of a site whose robots.txt is a 404",
                         help="No robots.txt (a 4xx) means no rules: every path is allowed.")
    clock = FakeClock()
    with loopback_server(site(page("down", status=503, content_type="text/plain")),
                         clock=clock) as server:
        records, output = run_crawl(learner, server, clock, tmp_path)
        exchanges = list(server.exchanges)
    pages = json.loads(output.read_text(encoding="utf-8"))["pages"] if output.exists() else None
    expect_request_lines(exchanges, ["GET /robots.txt"],
                         what="after crawl(...) of a site whose robots.txt answers 503",
                         help="A robots.txt that fails with a 5xx means nothing is allowed.")
    expect_equal((records, pages), ([], []),
                 what="the records returned and the pages written after a 503 robots.txt",
                 help="Stop with no records, but still write the file (with an empty list).")
    clock = FakeClock()
    with loopback_server(site(never_answers()), clock=clock) as server:
        records, _ = run_crawl(learner, server, clock, tmp_path)
        exchanges = list(server.exchanges)
    expect_request_lines(exchanges, ["GET /robots.txt"],
                         what="after crawl(...) of a site whose robots.txt never answers",
                         help="A robots.txt request that times out is 'no answer': catch the "
                         "transport error and crawl nothing.")
