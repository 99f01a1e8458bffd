"""Checks for week01/ex09_request_logging: a module logger, the right levels, no print."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

import pytest

from workbook.checking import Learner, expect_call, expect_equal, expect_true


def _capture(learner: Learner, caplog: pytest.LogCaptureFixture) -> str:
    name = learner.module.__name__
    caplog.set_level(logging.DEBUG)  # the root logger too, to spot records sent the wrong way
    caplog.set_level(logging.DEBUG, logger=name)
    return name


def _records(name: str, caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == name]


def _shown(records: list[logging.LogRecord]) -> str:
    if not records:
        return "no records"
    return "; ".join(f"{r.levelname} {r.getMessage()!r}" for r in records)


def _expect_one(name: str, caplog: pytest.LogCaptureFixture, call: str, level: int,
                words: tuple[str, ...], help_text: str) -> logging.LogRecord:
    """Exactly one record from the learner's logger, at ``level``, mentioning every word."""
    records = _records(name, caplog)
    elsewhere = [r for r in caplog.records if r.name != name]
    wanted = f"one {logging.getLevelName(level)} record from the logger {name!r}"
    if not records and elsewhere:
        expect_true(False, what=f"called {call}", expected=wanted,
                    actual=f"records from the logger {elsewhere[0].name!r} instead",
                    help="Log through your module's logger (logger.info(...)), not through the "
                    "logging module's functions (logging.info(...)), which use the root logger.")
    expect_true(len(records) == 1 and records[0].levelno == level, what=f"called {call}",
                expected=wanted, actual=_shown(records), help=help_text)
    message = records[0].getMessage()
    missing = [word for word in words if word not in message]
    expect_true(not missing, what=f"called {call}",
                expected=f"a message that mentions {', '.join(repr(w) for w in words)}",
                actual=f"{message!r}, without {', '.join(repr(w) for w in missing)}",
                help="A log line is read by someone searching for one request: include the "
                "request id, the path and the status code.")
    return records[0]


def _returns(status: int) -> Callable[[], int]:
    def handler() -> int:
        return status

    return handler


def _crashes() -> int:
    raise ConnectionError("database is unreachable")


def test_success_logged_at_info(learner: Learner, caplog: pytest.LogCaptureFixture) -> None:
    """logs a successful request at INFO"""
    name = _capture(learner, caplog)
    handle_request = learner.function("handle_request")
    expect_call(handle_request, "req-0042", "/orders", _returns(200), returns=200,
                help="Return the status code the handler returned.")
    _expect_one(name, caplog, "handle_request('req-0042', '/orders', <handler returning 200>)",
                logging.INFO, ("req-0042", "/orders", "200"),
                help_text="A request that succeeded is a normal event: one logger.info(...) "
                "line per request.")


@pytest.mark.requires("test_success_logged_at_info")
def test_module_logger(learner: Learner) -> None:
    """creates a module-level logger named after the module"""
    logger = learner.attribute("logger", kind="logger")
    expect_true(isinstance(logger, logging.Logger), what="the module-level name logger",
                expected="a logging.Logger", actual=f"a {type(logger).__name__}",
                help="Create it with logging.getLogger(...).")
    expect_equal(logger.name, learner.module.__name__, what="logger.name",
                 help="Pass __name__ to logging.getLogger: the logger then carries the module's "
                 "dotted name, so operators can tune its level on its own.")


def test_failures_logged_at_warning_and_error(
    learner: Learner, caplog: pytest.LogCaptureFixture
) -> None:
    """logs a 4xx response at WARNING and a returned 5xx at ERROR"""
    name = _capture(learner, caplog)
    handle_request = learner.function("handle_request")
    cases = [(404, logging.WARNING, "A 4xx means the client sent something wrong: the service "
              "is fine, but it is worth a warning."),
             (400, logging.WARNING, "400 is the first client error: compare with >= 400."),
             (499, logging.WARNING, "499 is still a client error (400 to 499)."),
             (503, logging.ERROR, "A 5xx means the service failed, even if nothing was raised: "
              "log it at ERROR."),
             (500, logging.ERROR, "500 is the first server error: compare with >= 500.")]
    for status, level, help_text in cases:
        caplog.clear()
        expect_call(handle_request, "req-0007", "/payments", _returns(status), returns=status,
                    help="Return the handler's status code unchanged.")
        _expect_one(name, caplog,
                    f"handle_request('req-0007', '/payments', <handler returning {status}>)",
                    level, ("req-0007", "/payments", str(status)), help_text=help_text)


def test_crash_logged_with_exception(learner: Learner, caplog: pytest.LogCaptureFixture) -> None:
    """logs a crashing handler with logger.exception and answers 500"""
    name = _capture(learner, caplog)
    handle_request = learner.function("handle_request")
    expect_call(handle_request, "req-0099", "/checkout", _crashes, returns=500,
                help="Catch the handler's exception and return 500: one broken request must "
                "not take the whole service down.")
    record = _expect_one(name, caplog,
                         "handle_request('req-0099', '/checkout', <handler that raises>)",
                         logging.ERROR, ("req-0099", "/checkout"),
                         help_text="Inside the except block, call logger.exception(...): it logs "
                         "at ERROR and attaches the traceback.")
    expect_true(record.exc_info is not None and record.exc_info[0] is ConnectionError,
                what="the ERROR record for the crash", expected="the traceback attached "
                "(exc_info)", actual="a record without the exception",
                help="logger.error(...) only logs text; logger.exception(...) inside an except "
                "block also records the exception and its traceback.")


def test_flags_logged_at_debug(learner: Learner, caplog: pytest.LogCaptureFixture) -> None:
    """reads feature flags and logs each one at DEBUG"""
    name = _capture(learner, caplog)
    read_flags = learner.function("read_feature_flags")
    expect_call(read_flags, {"new_checkout": " ON ", "dark_mode": "no", "beta_api": "1"},
                returns={"new_checkout": True, "dark_mode": False, "beta_api": True},
                help="Strip and lower-case each value, then look it up in TRUE_WORDS and "
                "FALSE_WORDS.")
    records = _records(name, caplog)
    debug = [r for r in records if r.levelno == logging.DEBUG]
    expect_true(len(debug) == 3 and len(records) == 3,
                what="read_feature_flags with three valid flags logged",
                expected="three DEBUG records, one per flag", actual=_shown(records),
                help="Reading a flag is a detail for developers: logger.debug(...) once per "
                "flag, silent unless someone turns DEBUG on.")
    for flag in ("new_checkout", "dark_mode", "beta_api"):
        expect_true(any(flag in r.getMessage() for r in debug), what="the DEBUG records",
                    expected=f"one that names {flag!r}", actual=_shown(debug),
                    help="Name the flag in its log line.")


def test_unknown_flag_warns(learner: Learner, caplog: pytest.LogCaptureFixture) -> None:
    """warns about an unknown flag value and switches the flag off"""
    name = _capture(learner, caplog)
    read_flags = learner.function("read_feature_flags")
    expect_call(read_flags, {"new_checkout": "enabled"}, returns={"new_checkout": False},
                help="A value you cannot read switches the flag off: the safe default.")
    warnings = [r for r in _records(name, caplog) if r.levelno == logging.WARNING]
    expect_true(len(warnings) == 1, what="read_feature_flags({'new_checkout': 'enabled'}) logged",
                expected="one WARNING record", actual=_shown(_records(name, caplog)),
                help="The service keeps going, but someone should fix the configuration: "
                "that is what WARNING is for.")
    message = warnings[0].getMessage()
    expect_true("new_checkout" in message and "enabled" in message, what="the WARNING record",
                expected="a message naming the flag and quoting 'enabled'", actual=repr(message),
                help="Say which flag is wrong and what value it had.")


def test_never_prints(learner: Learner, capsys: pytest.CaptureFixture[str]) -> None:
    """never prints: everything goes through the logger"""
    handle_request = learner.function("handle_request")
    read_flags = learner.function("read_feature_flags")
    handle_request("req-0001", "/health", _returns(200))
    handle_request("req-0002", "/orders", _returns(404))
    handle_request("req-0003", "/checkout", _crashes)
    read_flags({"new_checkout": "maybe", "dark_mode": "off"})
    printed = capsys.readouterr()
    output = (printed.out + printed.err).strip()
    expect_true(output == "", what="calling handle_request and read_feature_flags",
                expected="no output on stdout or stderr", actual=f"it printed {output[:120]!r}",
                help="Replace print(...) and traceback.print_exc() with logger calls; the "
                "application decides where log records go.")


def test_leaves_configuration_alone(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """leaves logging configuration to the application"""
    calls: list[dict[str, Any]] = []

    def spy(**kwargs: Any) -> None:
        calls.append(kwargs)

    monkeypatch.setattr(logging, "basicConfig", spy)
    module = importlib.reload(learner.module)
    module.handle_request("req-0001", "/health", _returns(200))
    module.read_feature_flags({"dark_mode": "on"})
    expect_true(not calls, what="importing and using the module",
                expected="no call to logging.basicConfig",
                actual=f"logging.basicConfig was called {len(calls)} time(s)",
                help="Only the application's entry point configures logging; a module that does "
                "it overrides the choices of every program that imports it.")
    logger = learner.attribute("logger")
    expect_true(not getattr(logger, "handlers", []), what="logger.handlers",
                expected="no handlers on the module's logger",
                actual=", ".join(type(h).__name__ for h in logger.handlers),
                help="Do not add handlers in library code: records travel up to the handlers "
                "the application put on the root logger.")
