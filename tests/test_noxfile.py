"""noxfile.alongside: the commands ``nox -s tests`` runs in the background."""

from __future__ import annotations

import sys
import time
from typing import cast

import nox
import pytest

import noxfile


class RecordingSession:
    """The two methods of ``nox.Session`` that ``alongside`` uses."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def log(self, message: str) -> None:
        self.lines.append(message)

    def error(self, message: str) -> None:
        raise RuntimeError(message)


def as_session(recorder: RecordingSession) -> nox.Session:
    return cast("nox.Session", recorder)


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_the_first_failing_command_fails_the_session_and_the_rest_do_not_run(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """shows every command's output after the block, then fails with the failing command"""
    recorder = RecordingSession()
    commands = [python("print('first')"), python("raise SystemExit(3)"), python("print('never')")]
    with (
        pytest.raises(RuntimeError) as failure,
        noxfile.alongside(as_session(recorder), "TaskHub", commands),
    ):
        print("foreground")
    output = capfd.readouterr().out
    assert "exited with 3" in str(failure.value)
    assert output.index("foreground") < output.index("first")
    assert "never" not in output
    assert recorder.lines == ["TaskHub: started in the background", "TaskHub:"]


def test_a_failing_block_stops_the_command_still_running() -> None:
    """does not wait for a long background command once the foreground has failed"""
    started = time.monotonic()
    sleeper = [python("import time; time.sleep(60)")]
    with (
        pytest.raises(KeyboardInterrupt),
        noxfile.alongside(as_session(RecordingSession()), "TaskHub", sleeper),
    ):
        time.sleep(0.3)
        raise KeyboardInterrupt
    assert time.monotonic() - started < 10


def test_commands_that_pass_leave_the_session_passing(capfd: pytest.CaptureFixture[str]) -> None:
    """two passing commands: their output is shown, in order, and nothing fails"""
    commands = [python("print('one')"), python("print('two')")]
    with noxfile.alongside(as_session(RecordingSession()), "TaskHub", commands):
        pass
    output = capfd.readouterr().out
    assert output.index("one") < output.index("two")
