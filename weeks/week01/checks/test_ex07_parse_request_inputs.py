"""Checks for week01/ex07_parse_request_inputs: durations, query strings and CSV lines."""

from __future__ import annotations

from workbook.checking import Learner, expect_call, expect_raises


def test_duration_hours_minutes(learner: Learner) -> None:
    """parses hours and minutes, and single units"""
    parse_duration = learner.function("parse_duration",
                                      signature="parse_duration(text: str) -> int")
    cases = [("1h30m", 5400), ("45s", 45), ("2h", 7200), ("15m", 900), ("0s", 0), ("90m", 5400)]
    for text, seconds in cases:
        expect_call(parse_duration, text, returns=seconds,
                    help="Multiply each number by the seconds in its unit (SECONDS_PER_UNIT) and "
                    "add the results; a number may be larger than its unit (90m is fine).")


def test_duration_all_units(learner: Learner) -> None:
    """parses every unit together and ignores surrounding spaces"""
    parse_duration = learner.function("parse_duration")
    expect_call(parse_duration, "1d2h3m4s", returns=93784,
                help="1 day + 2 hours + 3 minutes + 4 seconds = 86400 + 7200 + 180 + 4.")
    expect_call(parse_duration, "  10m\n", returns=600,
                help="Values read from config files often carry spaces or a newline: strip "
                "them first.")
    expect_call(parse_duration, "120s", returns=120, help="Numbers can have several digits.")


def test_duration_rejects_invalid(learner: Learner) -> None:
    """rejects empty text, unknown units and units out of order with ValueError"""
    parse_duration = learner.function("parse_duration")
    cases = [
        ("", "An empty duration means nothing was configured: raise ValueError."),
        ("   ", "Only spaces is empty too, once stripped."),
        ("10", "A number needs a unit; '10' could be seconds or minutes, so reject it."),
        ("1w", "w is not a known unit; only d, h, m and s are."),
        ("h", "A unit needs a number in front of it."),
        ("30m1h", "Units go from largest to smallest; '30m1h' is probably a typo."),
        ("1h1h", "Each unit may appear only once."),
        ("1.5h", "Only whole numbers are allowed; 1.5h should be written 1h30m."),
        ("-5m", "Durations cannot be negative."),
        ("1h 30m", "Spaces are only ignored around the text, not between its parts."),
    ]
    for text, help_text in cases:
        expect_raises(ValueError, parse_duration, text, match=repr(text),
                      help=help_text + " Quote the input in the message (use !r).")


def test_query_string_decoding(learner: Learner) -> None:
    """decodes percent-escapes and plus signs in a query string"""
    parse = learner.function("parse_query_string")
    expect_call(parse, "a=1&b=x%20y", returns={"a": "1", "b": "x y"},
                help="Split on '&', then split each piece on '='; %20 is an encoded space.")
    expect_call(parse, "q=blue+mug&sort=-price&tag=caf%C3%A9", returns={
        "q": "blue mug", "sort": "-price", "tag": "café"},
                help="In query strings '+' also means a space, and %C3%A9 is 'é' in UTF-8: "
                "urllib.parse.unquote_plus decodes both.")
    expect_call(parse, "search=fish%26chips&page=2", returns={"search": "fish&chips", "page": "2"},
                help="Split on '&' before decoding, so an encoded & (%26) stays inside its value.")


def test_query_string_edge_cases(learner: Learner) -> None:
    """handles an empty query, a leading ?, missing values and repeated keys"""
    parse = learner.function("parse_query_string")
    expect_call(parse, "", returns={}, help="An empty query string has no parameters.")
    expect_call(parse, "?page=2", returns={"page": "2"},
                help="A query copied from a URL may start with '?': drop it before splitting.")
    expect_call(parse, "a=1&&b=2&", returns={"a": "1", "b": "2"},
                help="Skip empty pieces produced by '&&' or a trailing '&'.")
    expect_call(parse, "debug&page=3", returns={"debug": "", "page": "3"},
                help="A key without '=' is present with an empty value (str.partition helps).")
    expect_call(parse, "token=abc==&next=/a?b=c", returns={"token": "abc==", "next": "/a?b=c"},
                help="Only the first '=' separates the key from the value.")
    expect_call(parse, "page=1&page=4", returns={"page": "4"},
                help="When a key repeats, the last value wins.")


def test_csv_plain_and_quoted(learner: Learner) -> None:
    """splits plain and quoted CSV fields"""
    split = learner.function("split_csv_line")
    expect_call(split, "42,ana@example.com,admin", returns=["42", "ana@example.com", "admin"],
                help="Without quotes, fields are the text between commas.")
    expect_call(split, '42,"Smith, Ana",ana@example.com',
                returns=["42", "Smith, Ana", "ana@example.com"],
                help="Inside double quotes a comma is part of the field. Keep a flag that says "
                "whether you are inside quotes while you walk the characters.")
    expect_call(split, '7,"pending"\r\n', returns=["7", "pending"],
                help="Drop the line ending first; the quotes around a field are not part of it.")


def test_csv_empty_fields_and_escaped_quotes(learner: Learner) -> None:
    """keeps empty fields and reads doubled quotes as one quote"""
    split = learner.function("split_csv_line")
    expect_call(split, "a,,b", returns=["a", "", "b"],
                help="Two commas in a row surround an empty field; keep it.")
    expect_call(split, "a,b,", returns=["a", "b", ""],
                help="A trailing comma means the last field is empty.")
    expect_call(split, "", returns=[""], help="An empty line is one empty field.")
    expect_call(split, '"Ana ""The Boss"" Smith",admin', returns=['Ana "The Boss" Smith', "admin"],
                help='Inside quotes, "" stands for one literal quote character: look at the '
                "next character before deciding that a quote closes the field.")
    expect_call(split, '"",x', returns=["", "x"],
                help='A pair of quotes with nothing between them is an empty field.')


def test_csv_unclosed_quote(learner: Learner) -> None:
    """rejects a quote that is never closed with ValueError"""
    split = learner.function("split_csv_line")
    for line in ('1,"Smith, Ana', '"', 'a,"b""'):
        expect_raises(ValueError, split, line, match=repr(line),
                      help="If you reach the end of the line while still inside quotes, the "
                      "line is broken: raise ValueError instead of guessing, and quote the line "
                      "in the message (use !r).")
