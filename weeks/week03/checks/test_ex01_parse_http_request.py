"""Checks for week03/ex01_parse_http_request: read an HTTP/1.1 request from raw bytes."""

from __future__ import annotations

from typing import Any

from workbook.checking import Learner, call, expect_equal, expect_raises, expect_true

POST = (
    b"POST /tasks?notify=1 HTTP/1.1\r\n"
    b"Host: api.example.com\r\n"
    b"Content-Type: application/json\r\n"
    b"Content-Length: 17\r\n"
    b"\r\n"
    b'{"title": "Milk"}'
)


def parse(learner: Learner, raw: bytes, help: str) -> Any:
    parse_request = learner.function("parse_request", signature="parse_request(raw: bytes)")
    return call(parse_request, raw, help=help)


def test_request_line(learner: Learner) -> None:
    """reads the method, the target and the version"""
    request = parse(learner, POST, help="A well-formed POST must parse without an error.")
    what = "parse_request(<the POST /tasks example>)"
    expect_equal(request.method, "POST", what=f"{what}.method",
                 help="The method is the first word of the first line.")
    expect_equal(request.target, "/tasks?notify=1", what=f"{what}.target",
                 help="The target is the second word, query string included.")
    expect_equal(request.version, "HTTP/1.1", what=f"{what}.version",
                 help="The version is the third word of the request line.")


def test_headers_lower_case(learner: Learner) -> None:
    """stores header names in lower case and strips their values"""
    raw = b"GET / HTTP/1.1\r\nHOST:   api.example.com  \r\nX-Request-Id:abc\r\n\r\n"
    request = parse(learner, raw, help="Spaces around a header value are allowed.")
    expect_equal(request.headers, {"host": "api.example.com", "x-request-id": "abc"},
                 what=f"parse_request({raw!r}).headers",
                 help="Header names are case-insensitive: store them lower-cased, and strip "
                 "the spaces around each value (a value may also follow the colon directly).")


def test_repeated_header(learner: Learner) -> None:
    """joins a repeated header's values with a comma"""
    raw = (b"GET / HTTP/1.1\r\nHost: h\r\nAccept: text/html\r\naccept: application/json\r\n"
           b"\r\n")
    request = parse(learner, raw, help="A header may appear more than once.")
    expect_equal(request.headers.get("accept"), "text/html, application/json",
                 what=f"parse_request({raw!r}).headers['accept']",
                 help="RFC 9110 says a repeated field is one list: join the values with ', ' "
                 "in the order they arrived instead of keeping only the last.")


def test_body_by_content_length(learner: Learner) -> None:
    """reads exactly Content-Length bytes of body"""
    request = parse(learner, POST, help="A well-formed POST must parse without an error.")
    expect_equal(request.body, b'{"title": "Milk"}', what="parse_request(<POST example>).body",
                 help="The body is the bytes after the empty line that ends the head.")
    pipelined = POST + b"GET /next HTTP/1.1\r\n"
    request = parse(learner, pipelined, help="Extra bytes after the body are allowed.")
    expect_equal(request.body, b'{"title": "Milk"}',
                 what="parse_request(<POST example followed by another request>).body",
                 help="Take exactly Content-Length bytes: what follows is the next request on "
                 "the same connection.")
    raw = b"POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n"
    request = parse(learner, raw, help="A zero Content-Length is valid.")
    expect_equal(request.body, b"", what=f"parse_request({raw!r}).body",
                 help="Content-Length: 0 means an empty body.")


def test_no_content_length(learner: Learner) -> None:
    """has an empty body without Content-Length"""
    raw = b"GET /tasks HTTP/1.1\r\nHost: h\r\n\r\nleftover"
    request = parse(learner, raw, help="A GET without Content-Length must parse.")
    expect_equal(request.body, b"", what=f"parse_request({raw!r}).body",
                 help="Without Content-Length there is no body: what follows the head is not "
                 "part of this request.")
    expect_equal(request.headers, {"host": "h"}, what=f"parse_request({raw!r}).headers",
                 help="The header lines are the ones between the request line and the empty "
                 "line.")


def test_http_10_without_host(learner: Learner) -> None:
    """accepts HTTP/1.0 without a Host header"""
    raw = b"GET / HTTP/1.0\r\n\r\n"
    request = parse(learner, raw, help="Only HTTP/1.1 requires Host; HTTP/1.0 predates it.")
    expect_equal((request.version, request.headers), ("HTTP/1.0", {}),
                 what=f"parse_request({raw!r}): (version, headers)",
                 help="A request with no header lines has an empty headers dict.")


def test_header_lookup(learner: Learner) -> None:
    """finds a header whatever the case of the name asked for"""
    request = parse(learner, POST, help="A well-formed POST must parse without an error.")
    expect_true(request.header("CONTENT-TYPE") == "application/json",
                what="request.header('CONTENT-TYPE') on the POST example",
                expected="'application/json'", actual=repr(request.header("CONTENT-TYPE")),
                help="header() lower-cases the name it is given; that only works if the "
                "stored names are lower case too.")


def refuse(learner: Learner, raw: bytes, match: str, help: str) -> None:
    parse_request = learner.function("parse_request")
    error_type = learner.attribute("MalformedRequest", kind="exception class")
    expect_raises(error_type, parse_request, raw, match=match, help=help)


def test_refuses_incomplete_head(learner: Learner) -> None:
    """refuses a head without the empty line that ends it"""
    refuse(learner, b"GET / HTTP/1.1\r\nHost: h\r\n", "incomplete request",
           help="Look for b'\\r\\n\\r\\n' first: without it the head has not ended yet.")
    refuse(learner, b"", "incomplete request",
           help="Empty input is an incomplete request too.")


def test_refuses_bad_request_line(learner: Learner) -> None:
    """refuses a request line that is not METHOD TARGET VERSION"""
    refuse(learner, b"GET /\r\nHost: h\r\n\r\n", "malformed request line: 'GET /'",
           help="Split the request line on single spaces: it must give exactly three parts, "
           "and the message quotes the line.")
    refuse(learner, b"GET  / HTTP/1.1\r\nHost: h\r\n\r\n", "malformed request line",
           help="Two spaces in a row leave an empty part: that is malformed too.")
    refuse(learner, b"GET / HTTP/1.1 extra\r\nHost: h\r\n\r\n", "malformed request line",
           help="Four parts are as wrong as two.")


def test_refuses_bad_method_and_version(learner: Learner) -> None:
    """refuses a lower-case method and an unsupported version"""
    refuse(learner, b"get / HTTP/1.1\r\nHost: h\r\n\r\n", "invalid method: 'get'",
           help="Methods are case-sensitive and the standard ones are upper case.")
    refuse(learner, b"GET / HTTP/2.0\r\nHost: h\r\n\r\n", "unsupported version: 'HTTP/2.0'",
           help="Accept only the versions in SUPPORTED_VERSIONS.")


def test_refuses_bad_header_line(learner: Learner) -> None:
    """refuses a header without a colon or with a space before it"""
    refuse(learner, b"GET / HTTP/1.1\r\nHost h\r\n\r\n", "malformed header line: 'Host h'",
           help="Every header line needs a colon; quote the line in the message.")
    refuse(learner, b"GET / HTTP/1.1\r\nHost : h\r\n\r\n", "malformed header line",
           help="RFC 9112 forbids a space between the name and the colon (it enabled request "
           "smuggling): check the name is a token.")
    refuse(learner, b"GET / HTTP/1.1\r\n: h\r\n\r\n", "malformed header line",
           help="A header needs a name.")


def test_refuses_missing_host(learner: Learner) -> None:
    """refuses an HTTP/1.1 request without Host"""
    refuse(learner, b"GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", "missing Host header",
           help="HTTP/1.1 requires a Host header (a server must answer 400 without one).")


def test_refuses_bad_content_length(learner: Learner) -> None:
    """refuses a Content-Length that is not a whole number"""
    for value in (b"abc", b"-1", b"1.5", b"\xd9\xa3"):
        raw = b"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: " + value + b"\r\n\r\nbody"
        refuse(learner, raw, "invalid Content-Length",
               help="A Content-Length is ASCII digits only: int() would accept '-1' and other "
               "forms, so check the text before converting it.")


def test_refuses_short_body(learner: Learner) -> None:
    """refuses a body shorter than Content-Length"""
    raw = b"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabcd"
    refuse(learner, raw, "body too short: expected 10 bytes, got 4",
           help="Compare the bytes after the head with the announced length.")
    raw = b"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nabcd"
    request = parse(learner, raw, help="A body exactly as long as Content-Length is complete.")
    expect_equal(request.body, b"abcd", what=f"parse_request({raw!r}).body",
                 help="Exactly Content-Length bytes is a complete body, not a short one.")
