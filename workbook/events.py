"""What the pytest child tells the runner, one JSON object per line.

The child appends an event as each check starts and ends and flushes at once, so when the child
dies (``os._exit``, a crash, a hard kill) the runner still knows which check was running.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Literal

TestStatus = Literal["passed", "failed", "error", "not_started", "timeout", "crashed", "skipped"]


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


@dataclass(frozen=True)
class ExerciseProblem:
    """A problem that concerns a whole exercise: its file does not import, or its checker broke."""

    exercise: str
    status: Literal["error", "not_started"]
    message: str
    help: str | None = None


class EventWriter:
    """Appends events to a file, flushing each one so nothing is lost if the process dies."""

    def __init__(self, path: Path) -> None:
        self._stream: IO[str] = path.open("a", encoding="utf-8")

    def write(self, kind: str, **payload: object) -> None:
        self._stream.write(json.dumps({"event": kind, **payload}) + "\n")
        self._stream.flush()

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
        self._stream.close()


@dataclass
class EventLog:
    """Everything one child process reported, in order."""

    collected: dict[str, tuple[str, str]]  # nodeid -> (exercise id, check name)
    outcomes: dict[str, CheckOutcome]
    problems: dict[str, ExerciseProblem]
    running: str | None  # nodeid started but never finished
    finished: bool


def read_events(path: Path) -> EventLog:
    """Parse an events file; a torn last line (the child died mid-write) is ignored."""
    log = EventLog(collected={}, outcomes={}, problems={}, running=None, finished=False)
    if not path.exists():
        return log
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue
        kind = event.pop("event", None)
        if kind == "collected":
            log.collected[event["nodeid"]] = (event["exercise"], event["name"])
        elif kind == "started":
            log.running = event["nodeid"]
        elif kind == "outcome":
            outcome = CheckOutcome(**event)
            log.outcomes[outcome.nodeid] = outcome
            if log.running == outcome.nodeid:
                log.running = None
        elif kind == "problem":
            problem = ExerciseProblem(**event)
            log.problems.setdefault(problem.exercise, problem)
        elif kind == "finished":
            log.finished = True
    return log
