"""Checks for kata k10: parse an HTTP request line."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call, expect_equal, expect_raises, expect_true, show

SIGNATURE = "parse_request_line(line: str) -> RequestLine"


def _parse(learner: Learner) -> Callable[..., Any]:
    return learner.function("parse_request_line", signature=SIGNATURE)


def _request(method: str, path: str, query: dict[str, str], version: str) -> dict[str, Any]:
    return {"method": method, "path": path, "query": query, "version": version}


def _expect_request(learner: Learner, line: str, expected: dict[str, Any], advice: str) -> None:
    """Parse a valid line and compare the four parts one by one, for a focused message."""
    parse_request_line = _parse(learner)
    try:
        result = parse_request_line(line)
    except NotImplementedError:
        raise
    except Exception:
        # A valid line must parse: let expect_call report the call and the exception.
        expect_call(parse_request_line, line, returns=expected, help=advice)
        raise
    call = f"parse_request_line({line!r})"
    expect_true(isinstance(result, dict), what=f"called {call}", expected="a RequestLine dict",
                actual=f"returned {show(result)}",
                help="Return a dict with the keys method, path, query and version.")
    for key, value in expected.items():
        expect_true(key in result, what=f"the keys of {call}", expected=f"a key {key!r}",
                    actual=f"only {show(sorted(result))}",
                    help="Use exactly the key names of RequestLine in the returned dict.")
        expect_equal(result[key], value, what=f"the {key!r} of {call}", help=advice)


def test_parses_simple_line(learner: Learner) -> None:
    """parses a request line without a query string"""
    _expect_request(learner, "GET /tasks HTTP/1.1",
                    _request("GET", "/tasks", {}, "HTTP/1.1"),
                    advice="Split the line into method, target and version. Without a '?', "
                           "the whole target is the path and the query is an empty dict.")
    _expect_request(learner, "DELETE /tasks/42 HTTP/1.0",
                    _request("DELETE", "/tasks/42", {}, "HTTP/1.0"),
                    advice="Every method in the list and both versions are accepted.")


def test_parses_query_string(learner: Learner) -> None:
    """splits the query string into a dict"""
    _expect_request(learner, "GET /tasks?page=2&status=open HTTP/1.1",
                    _request("GET", "/tasks", {"page": "2", "status": "open"}, "HTTP/1.1"),
                    advice="The path stops at the first '?'. After it, pairs are separated "
                           "by '&' and each pair is key=value; values stay strings.")
    _expect_request(learner, "GET /tasks?done&page=1&page=3 HTTP/1.1",
                    _request("GET", "/tasks", {"done": "", "page": "3"}, "HTTP/1.1"),
                    advice="A pair without '=' gets the value ''; when a key repeats, the "
                           "last value wins.")
    _expect_request(learner, "GET /tasks? HTTP/1.1",
                    _request("GET", "/tasks", {}, "HTTP/1.1"),
                    advice="A '?' with nothing after it gives an empty query, not {'': ''}.")


def test_decodes_query(learner: Learner) -> None:
    """decodes %XX escapes and '+' in the query but not in the path"""
    _expect_request(learner, "GET /search%20all?q=red+shoes&tag=caf%C3%A9&a%26b=1 HTTP/1.1",
                    _request("GET", "/search%20all",
                             {"q": "red shoes", "tag": "café", "a&b": "1"}, "HTTP/1.1"),
                    advice="Split on '&' and '=' first, then decode each key and value on its "
                           "own (urllib.parse has a function for exactly this). The path is "
                           "returned exactly as sent.")


def test_ignores_line_ending(learner: Learner) -> None:
    """ignores the trailing CRLF the line arrives with"""
    _expect_request(learner, "POST /tasks HTTP/1.1\r\n",
                    _request("POST", "/tasks", {}, "HTTP/1.1"),
                    advice="Lines read from a socket end with '\\r\\n'. Remove it before you "
                           "split, or it ends up glued to the version.")
    _expect_request(learner, "POST /tasks HTTP/1.1\n",
                    _request("POST", "/tasks", {}, "HTTP/1.1"),
                    advice="A bare '\\n' at the end is ignored as well.")


def test_rejects_wrong_shape(learner: Learner) -> None:
    """rejects a line without exactly three parts separated by single spaces"""
    parse_request_line = _parse(learner)
    for line in ("", "GET /tasks", "GET /tasks HTTP/1.1 extra", "GET  /tasks HTTP/1.1",
                 "GET /tasks\tHTTP/1.1", " GET /tasks HTTP/1.1"):
        error = expect_raises(ValueError, parse_request_line, line,
                              help="A request line is exactly METHOD, a space, TARGET, a space, "
                                   "VERSION. split(' ') keeps the empty strings that extra "
                                   "spaces produce, so you can count the parts; split() would "
                                   "hide them.")
        message = str(error)
        expect_true(any(word in message.lower() for word in ("method", "target", "version")),
                    what=f"parse_request_line({line!r}) raised ValueError",
                    expected="a message that says what a request line should look like "
                             "(mentioning the method, the target or the version)",
                    actual=f"the message {message!r}",
                    help="Count the parts before unpacking them: 'not enough values to "
                         "unpack' tells the client nothing. Raise your own ValueError that "
                         "describes the expected METHOD TARGET VERSION shape.")


def test_rejects_bad_method(learner: Learner) -> None:
    """rejects an unknown or lowercase method, naming it"""
    parse_request_line = _parse(learner)
    for method in ("FETCH", "get", "Post"):
        expect_raises(ValueError, parse_request_line, f"{method} /tasks HTTP/1.1", match=method,
                      help="Methods are case-sensitive and must be one of GET, POST, PUT, "
                           "PATCH, DELETE, HEAD, OPTIONS. Say which method was refused.")


def test_rejects_bad_target_or_version(learner: Learner) -> None:
    """rejects a target not starting with '/' and an unsupported version"""
    parse_request_line = _parse(learner)
    for line, part in (("GET tasks HTTP/1.1", "tasks"), ("GET http://x/ HTTP/1.1", "http://x/"),
                       ("GET /tasks HTTP/2", "HTTP/2"), ("GET /tasks http/1.1", "http/1.1"),
                       ("GET /tasks HTTP/1.1x", "HTTP/1.1x")):
        expect_raises(ValueError, parse_request_line, line, match=part,
                      help="The target must start with '/' and the version must be exactly "
                           "HTTP/1.0 or HTTP/1.1. Quote the part you refused in the message.")
