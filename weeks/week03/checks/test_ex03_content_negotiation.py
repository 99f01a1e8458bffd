"""Checks for week03/ex03_content_negotiation: parse Accept and choose a media type."""

from __future__ import annotations

from typing import Any

from workbook.checking import Learner, call, expect_call, expect_equal, expect_raises

TASKS = ["application/json", "text/csv", "text/html"]


def ranges_of(learner: Learner, header: str, help: str) -> list[tuple[str, str, float]]:
    parse_accept = learner.function("parse_accept", signature="parse_accept(header: str)")
    result: Any = call(parse_accept, header, help=help)
    return [(r.type, r.subtype, r.quality) for r in result]


def test_parse_accept_qualities(learner: Learner) -> None:
    """reads each range's type, subtype and quality"""
    header = "text/html, application/json;q=0.9, */*;q=0.1, text/csv;q=0"
    expect_equal(ranges_of(learner, header, help="This header is valid."),
                 [("text", "html", 1.0), ("application", "json", 0.9), ("*", "*", 0.1),
                  ("text", "csv", 0.0)],
                 what=f"parse_accept({header!r}) as (type, subtype, quality)",
                 help="Split on ',' then on ';'. A range without q has quality 1.0, and q=0 is "
                 "kept as 0.0 (it means 'never this one').")


def test_parse_accept_details(learner: Learner) -> None:
    """lower-cases types, ignores other parameters, spaces and empty entries"""
    header = " Text/HTML ; charset=UTF-8 ; Q=0.5 ,, application/*;q=1.000 "
    expect_equal(ranges_of(learner, header, help="This header is valid."),
                 [("text", "html", 0.5), ("application", "*", 1.0)],
                 what=f"parse_accept({header!r}) as (type, subtype, quality)",
                 help="Strip spaces around every piece, skip empty entries, lower-case the type, "
                 "and keep only the q parameter (its name is case-insensitive).")
    expect_equal(ranges_of(learner, "", help="An empty header has no ranges."), [],
                 what="parse_accept('') as (type, subtype, quality)",
                 help="An empty header is valid and lists nothing.")


def test_parse_accept_quality_bounds(learner: Learner) -> None:
    """accepts qualities from 0 to 1 with up to three decimals"""
    for text, quality in (("0", 0.0), ("1", 1.0), ("0.001", 0.001), ("0.", 0.0)):
        header = f"text/html;q={text}"
        expect_equal(ranges_of(learner, header, help="Quality values run from 0 to 1."),
                     [("text", "html", quality)],
                     what=f"parse_accept({header!r}) as (type, subtype, quality)",
                     help="0 and 1 themselves are valid, and so are up to three decimals.")


def test_parse_accept_refuses(learner: Learner) -> None:
    """refuses malformed ranges and qualities, naming them"""
    parse_accept = learner.function("parse_accept")
    for header, match in (("text", "invalid media range: 'text'"),
                          ("text/", "invalid media range"),
                          ("/html", "invalid media range"),
                          ("text html/x", "invalid media range"),
                          ("*/json", "invalid media range: '*/json'")):
        expect_raises(ValueError, parse_accept, header, match=match,
                      help="A range is type/subtype, both tokens (no spaces), and a '*' type "
                      "needs a '*' subtype; quote the range in the message.")
    for header in ("text/html;q=2", "text/html;q=1.5", "text/html;q=1.0001",
                   "text/html;q=0.5555", "text/html;q=high", "text/html;q=-0.1",
                   "text/html;q="):
        expect_raises(ValueError, parse_accept, header, match=f"invalid quality in {header!r}",
                      help="q is 0 or 1 with at most three decimals (RFC 9110's qvalue); "
                      "float() alone accepts too much.")


def negotiate(learner: Learner) -> Any:
    return learner.function("negotiate", signature="negotiate(accept, available)")


def test_no_header_takes_first(learner: Learner) -> None:
    """answers with the server's first type when there is no Accept"""
    expect_call(negotiate(learner), None, TASKS, returns="application/json",
                help="No Accept header means the client takes anything: use the server's "
                "first choice.")
    expect_call(negotiate(learner), " , ", TASKS, returns="application/json",
                help="A header with no ranges is like no header.")
    expect_call(negotiate(learner), None, [], returns=None,
                help="With nothing available there is nothing to send.")


def test_highest_quality_wins(learner: Learner) -> None:
    """picks the acceptable type with the highest quality"""
    expect_call(negotiate(learner), "application/json;q=0.5, text/csv;q=0.8", TASKS,
                returns="text/csv",
                help="Compare qualities, not the order of the header.")
    expect_call(negotiate(learner), "text/html;q=0.2, application/json;q=0.1", TASKS,
                returns="text/html", help="The highest quality wins even if it is small.")


def test_quality_zero_is_refusal(learner: Learner) -> None:
    """treats q=0 as not acceptable"""
    expect_call(negotiate(learner), "application/json;q=0, text/csv;q=0", TASKS[:2],
                returns=None,
                help="q=0 means 'not acceptable': when every type is refused, return None "
                "(the server answers 406).")
    expect_call(negotiate(learner), "*/*;q=0.001, application/json;q=0", TASKS[:2],
                returns="text/csv",
                help="The tiniest positive quality is still acceptable.")


def test_most_specific_range_decides(learner: Learner) -> None:
    """takes each type's quality from its most specific matching range"""
    expect_call(negotiate(learner), "*/*, application/json;q=0", TASKS, returns="text/csv",
                help="application/json is refused by its own range even though */* comes "
                "first: the most specific matching range gives the quality.")
    expect_call(negotiate(learner), "text/*;q=0.3, text/html;q=0.6, */*;q=0.5", TASKS,
                returns="text/html",
                help="text/html gets 0.6 from its exact range, text/csv 0.3 from text/*, JSON "
                "0.5 from */*.")
    expect_call(negotiate(learner), "text/*;q=0.3, */*;q=0.5", TASKS,
                returns="application/json",
                help="text/* (0.3) is more specific than */* for text types, so they get 0.3 "
                "and JSON gets 0.5 from */*.")


def test_unmatched_types(learner: Learner) -> None:
    """answers None when no range covers any available type"""
    expect_call(negotiate(learner), "image/png, image/*", TASKS, returns=None,
                help="A type no range matches is not acceptable; return None for a 406.")
    expect_call(negotiate(learner), "TEXT/CSV", TASKS, returns="text/csv",
                help="Media types match whatever their case.")


def test_ties(learner: Learner) -> None:
    """breaks ties by specificity, then by the server's order"""
    expect_call(negotiate(learner), "*/*;q=0.5, text/html;q=0.5", TASKS, returns="text/html",
                help="Equal qualities: the type matched by a more specific range wins.")
    expect_call(negotiate(learner), "text/csv, application/json", TASKS,
                returns="application/json",
                help="Equal quality and specificity: follow the server's list, not the "
                "header's order.")
    expect_call(negotiate(learner), "text/*", TASKS, returns="text/csv",
                help="Both text types tie; the server lists text/csv before text/html.")


def test_negotiate_refuses_bad_header(learner: Learner) -> None:
    """lets an invalid Accept header raise ValueError"""
    expect_raises(ValueError, negotiate(learner), "text/html;q=9", TASKS, match="quality",
                  help="Parse the header with parse_accept and let its ValueError through (the "
                  "server answers 400).")
