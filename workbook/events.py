"""What the pytest child tells the runner: one signed JSON object per line, over a private pipe.

The runner opens a pipe, hands its write end to the child, and sends a fresh random key down a
second pipe (both descriptors' numbers are in ``WORKBOOK_CHANNEL``). The plugin takes both before
any learner code is imported: it removes the variable, reads the key and closes the key's pipe.
Every line carries an HMAC of its text under that key, so a line written by
anything else (learner code that finds the descriptor, a thread printing fake "started" events)
is recognised, ignored and counted as forged. The child writes each event as it happens, so when
it dies (``os._exit``, a crash, a hard kill) the runner still knows which check was running.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass, field
from typing import Literal

TestStatus = Literal["passed", "failed", "error", "not_started", "timeout", "crashed", "skipped"]
CHANNEL_VARIABLE = "WORKBOOK_CHANNEL"
KEY_BYTES = 32


@dataclass(frozen=True)
class CheckOutcome:
    """The verdict on one checker test."""

    nodeid: str
    exercise: str
    name: str
    status: TestStatus
    message: str = ""
    expected: str | None = None
    actual: str | None = None
    help: str | None = None
    duration: float = 0.0
    output: str | None = None  # what the learner's code printed during a check that failed


@dataclass(frozen=True)
class ExerciseProblem:
    """A problem that concerns a whole exercise: its file does not import, or its checker broke."""

    exercise: str
    status: Literal["error", "not_started"]
    message: str
    help: str | None = None


def _signature(key: bytes, text: bytes) -> bytes:
    return hmac.new(key, text, hashlib.sha256).hexdigest().encode()


class EventWriter:
    """The child's end: writes signed events to the channel's descriptor, one ``write`` each."""

    def __init__(self, descriptor: int, key: bytes) -> None:
        self._descriptor = descriptor
        self._key = key

    @classmethod
    def from_environment(cls) -> EventWriter | None:
        """Take the channel the runner opened (once: the variable and the key are consumed)."""
        value = os.environ.pop(CHANNEL_VARIABLE, None)
        if value is None:
            return None
        events, _, key_source = value.partition(":")
        key = os.read(int(key_source), KEY_BYTES)
        os.close(int(key_source))
        return cls(int(events), key)

    def write(self, kind: str, **payload: object) -> None:
        text = json.dumps({"event": kind, **payload}).encode()
        data = text + b" " + _signature(self._key, text) + b"\n"
        while data:
            written = os.write(self._descriptor, data)
            data = data[written:]

    def collected(self, nodeid: str, exercise: str, name: str) -> None:
        self.write("collected", nodeid=nodeid, exercise=exercise, name=name)

    def started(self, nodeid: str) -> None:
        self.write("started", nodeid=nodeid)

    def outcome(self, outcome: CheckOutcome) -> None:
        self.write("outcome", **asdict(outcome))

    def problem(self, problem: ExerciseProblem) -> None:
        self.write("problem", **asdict(problem))

    def finished(self) -> None:
        self.write("finished")

    def close(self) -> None:
        os.close(self._descriptor)


@dataclass
class EventLog:
    """Everything one child process reported, in order."""

    collected: dict[str, tuple[str, str]] = field(default_factory=dict)  # nodeid -> (id, name)
    outcomes: dict[str, CheckOutcome] = field(default_factory=dict)
    problems: dict[str, ExerciseProblem] = field(default_factory=dict)
    running: str | None = None  # nodeid started but never finished
    started: list[str] = field(default_factory=list)  # every nodeid that started, in order
    finished: bool = False
    forged: int = 0  # lines that did not carry the run's signature


class EventReader:
    """The runner's end: turns the bytes read from the channel into an ``EventLog``."""

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._pending = b""
        self.log = EventLog()

    def feed(self, chunk: bytes) -> list[tuple[str, str]]:
        """Take more bytes; return the (kind, nodeid) of each genuine event in them."""
        self._pending += chunk
        *lines, self._pending = self._pending.split(b"\n")
        events: list[tuple[str, str]] = []
        for line in lines:
            event = self._verified(line)
            if event is None:
                continue
            events.append((str(event.get("event")), str(event.get("nodeid", ""))))
            self._apply(event)
        return events

    def _verified(self, line: bytes) -> dict[str, object] | None:
        text, _, signature = line.rpartition(b" ")
        if not text or not hmac.compare_digest(signature, _signature(self._key, text)):
            if line.strip():
                self.log.forged += 1
            return None
        try:
            event = json.loads(text)
        except ValueError:
            self.log.forged += 1
            return None
        return event if isinstance(event, dict) else None

    def _apply(self, event: dict[str, object]) -> None:
        log = self.log
        kind = event.pop("event", None)
        if kind == "collected":
            log.collected[str(event["nodeid"])] = (str(event["exercise"]), str(event["name"]))
        elif kind == "started":
            log.running = str(event["nodeid"])
            log.started.append(log.running)
        elif kind == "outcome":
            outcome = CheckOutcome(**event)  # type: ignore[arg-type]
            log.outcomes[outcome.nodeid] = outcome
            if log.running == outcome.nodeid:
                log.running = None
        elif kind == "problem":
            problem = ExerciseProblem(**event)  # type: ignore[arg-type]
            log.problems.setdefault(problem.exercise, problem)
        elif kind == "finished":
            log.finished = True


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def open_channel(key: bytes) -> tuple[int, int, str]:
    """For the parent: (events read end, events write end, the child's ``WORKBOOK_CHANNEL``).

    The child inherits the write end and the key pipe's read end; the parent closes the write
    end once the child has started, and the key pipe's read end is closed by ``close_for_parent``.
    """
    readable, writable = os.pipe()
    key_in, key_out = os.pipe()
    os.write(key_out, key)
    os.close(key_out)
    return readable, writable, f"{writable}:{key_in}"


def child_descriptors(channel: str) -> tuple[int, ...]:
    """The descriptors a ``WORKBOOK_CHANNEL`` value names (to pass to, then close after, fork)."""
    return tuple(int(part) for part in channel.split(":"))
