"""``workbook watch``: grade, then grade again every time an exercise file is saved.

The watcher imports pytest, the engine and the unit's libraries once (``warm``) and forks one
grading child per save, so a verdict comes back in a fraction of a second even for a FastAPI
exercise. On a terminal, single keys act as in rustlings (``h`` hint, ``n`` next, ``l`` list,
``r`` re-run, ``q`` quit); elsewhere (an editor's task, a pipe) it prints plain lines.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TextIO

from watchfiles import Change, watch

from workbook.catalog import Catalog, Exercise, Unit
from workbook.hints import hint_lines
from workbook.report import Style, progress_bar, render_terminal
from workbook.runner import RunOptions, pytest_arguments, write_pytest_ini
from workbook.state import state_dir
from workbook.verdict import Verdict, grade, load_progress_safely
from workbook.warm import can_fork, unit_files, warm_up

POLL_VARIABLE = "WORKBOOK_WATCH_POLL"  # 1: poll the files instead of using the OS's events
KEYS = "keys: h hint · n next · l list · r re-run · q quit"


@dataclass
class Watcher:
    """The state of one watch session: the unit, the exercise in focus, the last verdict."""

    catalog: Catalog
    unit: Unit
    focus: Exercise
    out: TextIO
    interactive: bool
    style: Style
    last: Verdict | None = None
    statuses: dict[str, str] = field(default_factory=dict)

    def grade(self, exercise: Exercise | None, why: str) -> None:
        """Grade ``exercise`` (None: the whole unit) in a warm child and show the verdict."""
        started = time.monotonic()
        verdict = grade(self.catalog, self.unit, exercise, RunOptions(warm=can_fork()))
        self.last = verdict
        self.statuses.update({e.id: e.status for e in verdict.result.exercises})
        if self.interactive:
            self.out.write("\x1b[2J\x1b[H")  # a fresh screen for each verdict, as rustlings does
        stamp = datetime.now().strftime("%H:%M:%S")
        self.out.write(self.style.paint(f"── {stamp} · {why} ──", "2") + "\n")
        self.out.write(render_terminal(verdict.result, self.unit, self.style, only=verdict.shown))
        self._advance_focus()
        self._status_line(time.monotonic() - started)

    def _advance_focus(self) -> None:
        """Once the exercise in focus passes, the focus moves to the next one not passing."""
        if self.statuses.get(self.focus.id) == "passed":
            upcoming = self._next_unfinished()
            if upcoming is not None and upcoming is not self.focus:
                self.focus = upcoming
                self.out.write(f"\n  Next up: {upcoming.id} · {upcoming.title}\n")

    def _next_unfinished(self) -> Exercise | None:
        exercises = list(self.unit.exercises)
        start = exercises.index(self.focus)
        for exercise in exercises[start:] + exercises[:start]:
            if self.statuses.get(exercise.id) != "passed":
                return exercise
        return None

    def _status_line(self, seconds: float) -> None:
        passed = sum(self.statuses.get(e.id) == "passed" for e in self.unit.exercises)
        total = len(self.unit.exercises)
        bar = progress_bar(passed, total, width=20, unicode=self.style.unicode)
        self.out.write(
            f"\nWatching {self.unit.name} · {passed} of {total} passed {bar} · graded in "
            f"{seconds:.2f} s · focus: {self.focus.slug}\n"
        )
        self.out.write(
            (KEYS if self.interactive else "Save a file to grade it again; Ctrl-C stops.") + "\n"
        )
        self.out.flush()

    def on_key(self, key: str) -> bool:
        """Act on one key; False when the learner asked to quit."""
        if key in ("q", "\x04"):
            return False
        if key == "h":
            self.out.write("\n" + "\n".join(hint_lines(self.catalog, self.focus)) + "\n")
        elif key == "n":
            upcoming = self._next_unfinished()
            if upcoming is None:
                self.out.write(f"\nEvery exercise of {self.unit.name} passes.\n")
            else:
                self.focus = upcoming
                self.out.write(
                    f"\nFocus: {upcoming.id} · {upcoming.title}\n  edit {self._file()}\n"
                )
        elif key == "l":
            self.out.write("\n" + self._listing() + "\n")
        elif key == "r":
            self.grade(self.focus, f"re-run {self.focus.slug}")
            return True
        else:
            return True
        self.out.write(KEYS + "\n")
        self.out.flush()
        return True

    def _file(self) -> str:
        unit_dir = self.unit.directory.relative_to(self.catalog.root)
        return self.focus.file_paths(Path(), unit_dir)[0].as_posix()

    def _listing(self) -> str:
        lines = []
        for exercise in self.unit.exercises:
            status = self.statuses.get(exercise.id, "not_started")
            marker = ">" if exercise is self.focus else " "
            lines.append(f" {marker} {self.style.status(status):<24} {exercise.slug}")
        return "\n".join(lines)

    def exercise_for(self, changed: Path) -> Exercise | None:
        """The exercise a saved file belongs to (the focus first when several share it)."""
        owners = [e for e in self.unit.exercises if _owns(self.catalog, self.unit, e, changed)]
        if self.focus in owners:
            return self.focus
        return owners[0] if owners else None


def _owns(catalog: Catalog, unit: Unit, exercise: Exercise, changed: Path) -> bool:
    unit_dir = unit.directory.relative_to(catalog.root)
    for path in exercise.file_paths(catalog.root, unit_dir):
        if changed == path or (path.name == "__init__.py" and changed.is_relative_to(path.parent)):
            return True
    return False


def watched_folders(catalog: Catalog, unit: Unit) -> list[Path]:
    """The folders holding the unit's learner files (each watched recursively)."""
    unit_dir = unit.directory.relative_to(catalog.root)
    folders: set[Path] = set()
    for exercise in unit.exercises:
        for path in exercise.file_paths(catalog.root, unit_dir):
            folders.add(path.parent)
    existing = sorted(folder for folder in folders if folder.is_dir())
    # A folder inside another watched one adds nothing.
    return [f for f in existing if not any(f != o and f.is_relative_to(o) for o in existing)]


def run_watch(catalog: Catalog, unit: Unit, exercise: Exercise | None, out: TextIO) -> int:
    """Watch until Ctrl-C or ``q``; returns the exit code (0: the learner stopped it)."""
    interactive = sys.stdin.isatty() and out.isatty()
    style = Style.for_stream(out)
    progress = load_progress_safely(state_dir(catalog.root), catalog)
    focus = exercise or next(
        (
            e
            for e in unit.exercises
            if (entry := progress.exercises.get(e.id)) is None or entry.last_status != "passed"
        ),
        unit.exercises[0],
    )
    watcher = Watcher(catalog, unit, focus, out, interactive, style)
    out.write(f"Getting {unit.name} ready to grade as you save...\n")
    out.flush()
    if can_fork():
        with tempfile.TemporaryDirectory(prefix="workbook-watch-") as scratch:
            ini = write_pytest_ini(Path(scratch))
            reference = RunOptions(source_root=catalog.root / "solutions")
            rehearsal = pytest_arguments(catalog, unit, [focus], reference, ini)
            warm_up(catalog, unit, unit_files(catalog, unit, unit.exercises), rehearsal)
    watcher.grade(exercise, f"{unit.name}" + (f" {exercise.slug}" if exercise else ""))
    folders = watched_folders(catalog, unit)
    with _keys(interactive) as keys:
        for changes in _changes(folders):
            for key in keys():
                if not watcher.on_key(key):
                    return 0
            saved = sorted({Path(path) for _, path in changes if path.endswith(".py")})
            owners = [found for path in saved if (found := watcher.exercise_for(path))]
            if owners:
                watcher.grade(owners[0], f"saved {saved[0].name}")
    return 0


def _changes(folders: list[Path]) -> Iterator[set[tuple[Change, str]]]:
    """Sets of changed files, and an empty set about every 100 ms so keys stay responsive."""
    polling = os.environ.get(POLL_VARIABLE) == "1" or None
    try:
        yield from watch(
            *folders,
            debounce=400,
            step=30,
            rust_timeout=100,
            yield_on_timeout=True,
            force_polling=polling,
            poll_delay_ms=100,
        )
    except KeyboardInterrupt:
        return
    except OSError:  # no file events here (an inotify limit, a network drive): poll instead
        yield from watch(
            *folders,
            debounce=400,
            step=30,
            rust_timeout=100,
            yield_on_timeout=True,
            force_polling=True,
            poll_delay_ms=100,
        )


@contextlib.contextmanager
def _keys(interactive: bool) -> Iterator[Callable[[], list[str]]]:
    """A function returning the keys pressed since its last call (none when not a terminal)."""
    if not interactive:
        yield lambda: []
        return
    import termios
    import tty

    descriptor = sys.stdin.fileno()
    saved = termios.tcgetattr(descriptor)
    tty.setcbreak(descriptor)

    def pressed() -> list[str]:
        keys = []
        while select.select([descriptor], [], [], 0)[0]:
            chunk = os.read(descriptor, 32)
            if not chunk:
                break
            keys += list(chunk.decode(errors="ignore").lower())
        return keys

    try:
        yield pressed
    finally:
        termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)
