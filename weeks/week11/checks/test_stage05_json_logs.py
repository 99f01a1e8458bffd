"""Checks for week11/stage05_json_logs: one JSON line per event, with the request id, no secrets."""

from __future__ import annotations

import io
import json
import logging
import uuid
from pathlib import Path

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import PASSWORD, open_taskhub


def test_json_logs(learner: Learner, tmp_path: Path) -> None:
    """writes one JSON log line per event, carrying the request id and no password"""
    configure_logging = learner.submodule("core.logging").function("configure_logging")
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    # The test client logs each request it sends; only the application's lines matter here.
    client_loggers = [logging.getLogger(name) for name in ("httpx", "httpx2")]
    saved_disabled = [logger.disabled for logger in client_loggers]
    try:
        for logger in client_loggers:
            logger.disabled = True
        configure_logging("INFO", json_lines=True)
        streams: list[io.StringIO] = []
        for handler in root.handlers:
            if isinstance(handler, logging.StreamHandler) and handler not in saved_handlers:
                streams.append(io.StringIO())
                handler.setStream(streams[-1])
        expect_true(
            bool(streams),
            what="configure_logging('INFO', json_lines=True)",
            expected="a stream handler on the root logger",
            actual="no new stream handler",
            help="Logs go to standard output, one line per event, through a StreamHandler "
            "on the root logger.",
        )
        with open_taskhub(learner, tmp_path) as hub:
            hub.request(
                "POST",
                "/auth/register",
                json={"email": f"logged-{uuid.uuid4().hex[:8]}@example.com", "password": PASSWORD},
                headers={"X-Request-ID": "log-check-0042"},
                expect=201,
                help="Registration answers 201 with the new account.",
            )
        output = "".join(stream.getvalue() for stream in streams)
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for logger, disabled in zip(client_loggers, saved_disabled, strict=True):
            logger.disabled = disabled
    lines = [line for line in output.splitlines() if line.strip()]
    entries = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            entry = None
        expect_true(
            isinstance(entry, dict),
            what="a log line written during POST /auth/register",
            expected="a JSON object",
            actual=line[:120],
            help="Format every record with the JsonFormatter of core/logging.py; print() and "
            "plain-text formatters break the log pipeline.",
        )
        entries.append(entry)
    tagged = [e for e in entries if isinstance(e, dict) and "log-check-0042" in e.values()]
    expect_true(
        bool(tagged),
        what="POST /auth/register with X-Request-ID: log-check-0042",
        expected="at least one JSON log line whose request_id is 'log-check-0042'",
        actual=f"{len(entries)} line(s), none with that id",
        help="The request middleware stores the id in a context variable and a logging "
        "filter copies it onto every record, so each line can be traced to its request.",
    )
    expect_true(
        PASSWORD not in output,
        what="the log lines of POST /auth/register",
        expected="no password",
        actual="the password in clear",
        help="Never log request bodies or credentials; log what happened and to whom.",
    )
