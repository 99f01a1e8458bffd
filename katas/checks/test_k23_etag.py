"""Checks for kata k23: ETag and If-None-Match."""

import hashlib
from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call

TAG = '"2c26b46b68ffc68f"'
OTHER = '"fcde2b2edba56bf4"'


def _status(learner: Learner) -> Callable[..., Any]:
    return learner.function("conditional_status", signature="conditional_status(method: str, "
                            "if_none_match: str | None, etag: str) -> int")


def test_make_etag(learner: Learner) -> None:
    """makes a quoted ETag from the first 16 hex digits of the SHA-256"""
    make_etag = learner.function("make_etag", signature="make_etag(body: bytes) -> str")
    for body in (b"foo", b"", b'{"tasks": []}'):
        expected = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        expect_call(make_etag, body, returns=expected,
                    help="hashlib.sha256(body).hexdigest() gives 64 hex digits: keep the first "
                         "16 and put double quotes around them (they are part of the ETag).")


def test_no_header(learner: Learner) -> None:
    """answers 200 when there is no If-None-Match"""
    status = _status(learner)
    for method in ("GET", "PUT"):
        expect_call(status, method, None, TAG, returns=200,
                    help="Without the header the request is not conditional: answer normally.")


def test_match_on_get(learner: Learner) -> None:
    """answers 304 on GET and HEAD when the ETag matches"""
    status = _status(learner)
    for method in ("GET", "HEAD"):
        expect_call(status, method, TAG, TAG, returns=304,
                    help="The client already has this version: 304 Not Modified for GET and "
                         "HEAD.")
    expect_call(status, "GET", OTHER, TAG, returns=200,
                help="A different ETag means the client's copy is old: send the body (200).")


def test_lists_and_spaces(learner: Learner) -> None:
    """finds the ETag in a comma-separated list with spaces"""
    status = _status(learner)
    expect_call(status, "GET", f"{OTHER}, {TAG}", TAG, returns=304,
                help="The header can list several ETags: split on ',' and strip each one.")
    expect_call(status, "GET", f"  {TAG} ,{OTHER}", TAG, returns=304,
                help="Spaces around the commas and at the ends are allowed.")
    expect_call(status, "GET", f"{OTHER}, {OTHER}", TAG, returns=200,
                help="None of the listed ETags is ours: 200.")


def test_weak_comparison(learner: Learner) -> None:
    """compares weakly: a W/ prefix on either side is ignored"""
    status = _status(learner)
    expect_call(status, "GET", f"W/{TAG}", TAG, returns=304,
                help="If-None-Match uses the weak comparison: W/\"x\" matches \"x\".")
    expect_call(status, "GET", TAG, f"W/{TAG}", returns=304,
                help="The server's ETag may be weak too; drop W/ from both sides.")
    expect_call(status, "GET", f"{OTHER}, W/{TAG}", f"W/{TAG}", returns=304,
                help="Weak against weak in a list matches as well.")


def test_star(learner: Learner) -> None:
    """treats * as matching any ETag"""
    status = _status(learner)
    expect_call(status, "GET", "*", TAG, returns=304,
                help="'*' matches whatever the current ETag is.")
    expect_call(status, "DELETE", " * ", TAG, returns=412,
                help="'*' matches on other methods too, and then the answer is 412.")


def test_other_methods(learner: Learner) -> None:
    """answers 412 when the ETag matches on a method other than GET or HEAD"""
    status = _status(learner)
    for method in ("PUT", "DELETE", "POST", "PATCH"):
        expect_call(status, method, TAG, TAG, returns=412,
                    help="On a method that changes state, a matching If-None-Match means the "
                         "precondition failed: 412, not 304.")
    expect_call(status, "PUT", OTHER, TAG, returns=200,
                help="No match on PUT: the precondition holds and the request goes ahead.")
