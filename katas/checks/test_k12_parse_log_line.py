"""Checks for kata k12: parse an access-log line."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from workbook.checking import (
    Learner,
    expect_call,
    expect_equal,
    expect_raises,
    expect_true,
    show,
)

SIGNATURE = "parse_log_line(line: str) -> LogEntry"


def _parse(learner: Learner) -> Callable[..., Any]:
    return learner.function("parse_log_line", signature=SIGNATURE)


FIELD_HELP = {
    "timestamp": "Convert the first field with datetime.fromisoformat and keep its time zone.",
    "level": "The level is the second field, returned in uppercase.",
    "method": "The method is the third field, kept as written.",
    "path": "The path is the fourth field, kept as written (query string included).",
    "status": "The status is the fifth field, converted with int().",
    "duration_ms": "The duration is the last field without its 'ms', converted with float().",
}


def _entry(timestamp: datetime, level: str, method: str, path: str, status: int,
           duration_ms: float) -> dict[str, Any]:
    return {"timestamp": timestamp, "level": level, "method": method, "path": path,
            "status": status, "duration_ms": duration_ms}


def _expect_fields(learner: Learner, line: str, expected: dict[str, Any], *fields: str,
                   advice: str | None = None) -> None:
    """Parse a valid line and compare the named fields (all of them by default) one by one."""
    parse_log_line = _parse(learner)
    try:
        entry = parse_log_line(line)
    except NotImplementedError:
        raise
    except Exception:
        # A valid line must parse: let expect_call report the call and the exception.
        expect_call(parse_log_line, line, returns=expected,
                    help=advice or "This line follows every rule, so it must parse. Read the "
                                 "error: which field did your code refuse, and why?")
        raise
    call = f"parse_log_line({line!r})"
    expect_true(isinstance(entry, dict), what=f"called {call}", expected="a LogEntry dict",
                actual=f"returned {show(entry)}",
                help="Return a dict with the six keys of LogEntry.")
    for key in fields or tuple(expected):
        expect_true(key in entry, what=f"the keys of {call}", expected=f"a key {key!r}",
                    actual=f"only {show(sorted(entry))}",
                    help="Use exactly the key names of LogEntry in the returned dict.")
        expect_equal(entry[key], expected[key], what=f"the {key!r} of {call}",
                     help=advice or FIELD_HELP[key])


def test_parses_typical_line(learner: Learner) -> None:
    """parses a typical line into typed fields"""
    _expect_fields(learner, "2024-05-01T12:30:45Z INFO GET /tasks?page=2 200 12.5ms\n",
                   _entry(datetime(2024, 5, 1, 12, 30, 45, tzinfo=UTC), "INFO", "GET",
                          "/tasks?page=2", 200, 12.5))


def test_timestamp_is_timezone_aware(learner: Learner) -> None:
    """returns a timezone-aware timestamp for Z and for an offset"""
    for stamp, expected in (
        ("2024-05-01T12:30:45Z", datetime(2024, 5, 1, 12, 30, 45, tzinfo=UTC)),
        ("2024-05-01T14:30:45+02:00",
         datetime(2024, 5, 1, 14, 30, 45, tzinfo=timezone(timedelta(hours=2)))),
        ("2024-05-01T12:30:45.250Z", datetime(2024, 5, 1, 12, 30, 45, 250000, tzinfo=UTC)),
    ):
        _expect_fields(learner, f"{stamp} INFO GET / 200 1ms",
                       _entry(expected, "INFO", "GET", "/", 200, 1.0), "timestamp",
                       advice="datetime.fromisoformat understands 'Z', '+02:00' and fractions "
                            "of a second; keep the time zone it puts in tzinfo (a datetime "
                            "without one never equals one with one).")


def test_normalises_level(learner: Learner) -> None:
    """accepts a level in any case and returns it in uppercase"""
    for raw, level in (("warning", "WARNING"), ("Error", "ERROR"), ("DEBUG", "DEBUG")):
        _expect_fields(learner, f"2024-05-01T12:30:45Z {raw} GET / 500 1ms",
                       _entry(datetime(2024, 5, 1, 12, 30, 45, tzinfo=UTC), level, "GET", "/",
                              500, 1.0), "level",
                       advice="Compare and return the level in uppercase, so 'warning' and "
                            "'WARNING' mean the same thing.")


def test_numbers_have_their_types(learner: Learner) -> None:
    """returns the status as an int and the duration as a float, even '3ms'"""
    _expect_fields(learner, "2024-05-01T12:30:45Z INFO POST /tasks 201 3ms",
                   _entry(datetime(2024, 5, 1, 12, 30, 45, tzinfo=UTC), "INFO", "POST",
                          "/tasks", 201, 3.0), "status", "duration_ms",
                   advice="The status is an int and the duration always a float, even without "
                        "a decimal point: float('3') gives 3.0 where int('3') gives 3.")


def test_accepts_values_on_the_limits(learner: Learner) -> None:
    """accepts the statuses 100 and 599 and a duration of 0ms"""
    for status in (100, 599):
        _expect_fields(learner, f"2024-05-01T12:30:45Z INFO GET / {status} 1ms",
                       _entry(datetime(2024, 5, 1, 12, 30, 45, tzinfo=UTC), "INFO", "GET", "/",
                              status, 1.0), "status",
                       advice="Both limits of 100 to 599 are valid statuses: compare with <= "
                            "at each end (100 <= status <= 599).")
    for raw, duration in (("0ms", 0.0), ("0.5ms", 0.5)):
        _expect_fields(learner, f"2024-05-01T12:30:45Z INFO GET / 200 {raw}",
                       _entry(datetime(2024, 5, 1, 12, 30, 45, tzinfo=UTC), "INFO", "GET", "/",
                              200, duration), "duration_ms",
                       advice="A duration cannot be negative, but zero and fractions below one "
                            "are fine: reject only values below 0.")


def test_rejects_wrong_field_count(learner: Learner) -> None:
    """raises ValueError mentioning the fields when there are not six"""
    parse_log_line = _parse(learner)
    for line in ("", "   \n", "2024-05-01T12:30:45Z INFO GET /tasks 200",
                 "2024-05-01T12:30:45Z INFO GET /tasks 200 1ms extra"):
        expect_raises(ValueError, parse_log_line, line, match="field",
                      help="Count the fields before unpacking them; unpacking the wrong "
                           "number raises a ValueError about 'values to unpack' that tells "
                           "the reader nothing. Say how many fields you expected.")


def test_rejects_bad_timestamp_or_level(learner: Learner) -> None:
    """raises ValueError naming the timestamp or level that is wrong"""
    parse_log_line = _parse(learner)
    for stamp in ("2024-05-01T12:30:45", "2024-13-01T12:30:45Z", "yesterday"):
        expect_raises(ValueError, parse_log_line, f"{stamp} INFO GET / 200 1ms",
                      match="timestamp",
                      help="A timestamp that does not parse, or has no time zone (tzinfo is "
                           "None), is refused with a message that says 'timestamp'.")
    for match in ("VERBOSE", "level"):
        expect_raises(ValueError, parse_log_line,
                      "2024-05-01T12:30:45Z VERBOSE GET / 200 1ms", match=match,
                      help="Only DEBUG, INFO, WARNING, ERROR and CRITICAL are levels; say "
                           "'level' in the message and quote the unknown one.")


def test_rejects_bad_status_or_duration(learner: Learner) -> None:
    """raises ValueError naming a bad status or duration"""
    parse_log_line = _parse(learner)
    for status in ("99", "600", "OK", "-200"):
        expect_raises(ValueError, parse_log_line, f"2024-05-01T12:30:45Z INFO GET / {status} 1ms",
                      match="status",
                      help="A status is a whole number from 100 to 599; anything else is "
                           "refused with a message that says 'status'.")
    for duration in ("12.5", "fastms", "-1ms", "12.5s", "infms", "nanms"):
        expect_raises(ValueError, parse_log_line,
                      f"2024-05-01T12:30:45Z INFO GET / 200 {duration}", match="duration",
                      help="A duration is a finite, non-negative number followed by 'ms'. Catch "
                           "the error from float(), refuse inf and nan (float() accepts them), "
                           "and raise your own error that says 'duration'.")
