"""Checks for kata k09: parse key=value settings."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call, expect_raises

SIGNATURE = "parse_key_values(text: str) -> dict[str, str]"


def _parse(learner: Learner) -> Callable[..., Any]:
    return learner.function("parse_key_values", signature=SIGNATURE)


def test_parses_pairs(learner: Learner) -> None:
    """parses pairs separated by semicolons into a dict of strings"""
    parse_key_values = _parse(learner)
    expect_call(parse_key_values, "host=db;port=5432", returns={"host": "db", "port": "5432"},
                help="Split the text on ';', then each pair into a key and a value. Values "
                     "stay strings: '5432', not 5432.")


def test_strips_whitespace_and_skips_empty_pairs(learner: Learner) -> None:
    """strips spaces around keys and values and skips empty pairs"""
    parse_key_values = _parse(learner)
    expect_call(parse_key_values, " host = db.internal ;  port=5432 ; ",
                returns={"host": "db.internal", "port": "5432"},
                help="Strip each key and value on its own. A trailing ';' leaves a blank "
                     "piece: skip it rather than treating it as a pair.")
    expect_call(parse_key_values, "a=1;;b=2", returns={"a": "1", "b": "2"},
                help="';;' leaves an empty piece between the semicolons; skip it.")


def test_empty_text(learner: Learner) -> None:
    """returns {} for empty or blank text"""
    parse_key_values = _parse(learner)
    for text in ("", "   ", ";"):
        expect_call(parse_key_values, text, returns={},
                    help="Text with no pairs in it is not an error: there is simply nothing "
                         "to put in the dict.")


def test_splits_at_first_equals(learner: Learner) -> None:
    """splits each pair at its first '=' and allows an empty value"""
    parse_key_values = _parse(learner)
    expect_call(parse_key_values, "dsn=postgres://db/app?sslmode=require; password=",
                returns={"dsn": "postgres://db/app?sslmode=require", "password": ""},
                help="Only the first '=' separates key from value; the rest belongs to the "
                     "value. str.split('=') splits at every '=', str.partition('=') at the "
                     "first one only. An empty value is allowed.")


def test_rejects_pair_without_equals(learner: Learner) -> None:
    """raises ValueError quoting a pair that has no '='"""
    parse_key_values = _parse(learner)
    expect_raises(ValueError, parse_key_values, "host=db; port 5432", match="port 5432",
                  help="A piece without '=' is a mistake the caller needs to see: raise "
                       "ValueError and include the piece in the message.")


def test_rejects_empty_key(learner: Learner) -> None:
    """raises ValueError for a pair whose key is empty"""
    parse_key_values = _parse(learner)
    for text, pair in (("=5432", "=5432"), ("host=db;  = x", "= x")):
        expect_raises(ValueError, parse_key_values, text, match=pair,
                      help="A value needs a name: after stripping, an empty key is an error. "
                           "Show the offending pair in the message (an f-string with "
                           "{pair!r}) so the caller can find it.")


def test_rejects_duplicate_key(learner: Learner) -> None:
    """raises ValueError naming a key that appears twice"""
    parse_key_values = _parse(learner)
    expect_raises(ValueError, parse_key_values, "host=a; port=1; host=b", match="host",
                  help="Silently keeping one of two values hides a mistake in the settings. "
                       "Before storing a pair, check whether the key is already there.")
