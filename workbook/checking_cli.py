"""Checks for command-line programs: run them, then judge what they printed, returned and left.

A ``Program`` is the learner's program in a temporary folder. ``Program.in_process(main, ...)``
calls ``main(argv)`` in this process (fast, with the learner's line in any error);
``Program.python_module(learner, ...)`` starts ``python -m <package>`` in a child process (the
real thing: ``sys.exit``, ``__main__.py``, a fresh interpreter each time). Both run one command
line after another in the same folder, so data kept between invocations can be checked, and
every failure names the command line that was run, the ones before it, and what came back::

    ran `tasks list` (after `tasks add "Buy milk"`), it exited with 1, expected 0

The ``expect_*`` functions state what a run should have done (its exit code, its stdout and
stderr, the files it left) and raise ``CheckFailure`` with expected, actual and help.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from workbook.checking import CheckFailure, Learner, describe_exception, origin, show

Stream = Literal["stdout", "stderr"]

_SAFE_WORD = re.compile(r"[\w@%+=:,./-]+")
_TRACEBACK = "Traceback (most recent call last):"
_DEFAULT_HELP = (
    "A command-line program reports a problem with a message and an exit code; an exception "
    "that escapes main() is a bug. Run the same command by hand to see it."
)


def command_line(program: str, argv: Sequence[str]) -> str:
    """How a user would type the command: ``tasks add "Buy milk"``."""
    return " ".join([program, *(_quote(arg) for arg in argv)])


def _quote(arg: str) -> str:
    if _SAFE_WORD.fullmatch(arg):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


@dataclass(frozen=True)
class RunResult:
    """What one command line did: its exit code and everything it printed."""

    command: str  # as typed, e.g. ``tasks add "Buy milk"``
    exit_code: int
    stdout: str
    stderr: str
    earlier: tuple[str, ...] = ()  # the command lines run before it in the same folder

    @property
    def ran(self) -> str:
        """``ran `tasks list` (after `tasks add x`)``: the start of every failure message."""
        text = f"ran `{self.command}`"
        if self.earlier:
            text += " (after " + "; ".join(f"`{c}`" for c in self.earlier[-3:]) + ")"
        return text

    def output(self, stream: Stream) -> str:
        return self.stdout if stream == "stdout" else self.stderr

    def came_back(self) -> str:
        """Exit code, stdout and stderr in one line each, for the ``actual`` of a failure."""
        return (
            f"exit code {self.exit_code}\n        stdout: {_shown_text(self.stdout)}"
            f"\n        stderr: {_shown_text(self.stderr)}"
        )

    @property
    def crash(self) -> str | None:
        """The last line of a traceback on stderr (``KeyError: 3``), if the program crashed."""
        if _TRACEBACK not in self.stderr:
            return None
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return lines[-1].strip() if lines else None


def _shown_text(text: str) -> str:
    if not text:
        return "(nothing)"
    if len(text) <= 300:
        return repr(text)
    return repr(text[:240]) + f" ... ({len(text)} characters in all)"


@dataclass
class Program:
    """A command-line program run in ``cwd``, one command line after another."""

    name: str
    cwd: Path
    main: Callable[[list[str]], Any] | None = None
    int_required: bool = True  # in process: main must return its exit code (None is refused)
    command: tuple[str, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    timeout: float = 5.0
    history: list[str] = field(default_factory=list)

    @classmethod
    def in_process(
        cls,
        main: Callable[[list[str]], Any],
        *,
        name: str,
        cwd: Path,
        int_required: bool = True,
    ) -> Program:
        """Call ``main(argv)`` in this process, inside ``cwd``.

        With ``int_required`` (the default), ``main`` must return its exit code as an int, as
        ``sys.exit(main())`` expects; otherwise ``None`` counts as 0, as it does for ``sys.exit``.
        """
        return cls(name=name, cwd=cwd, main=main, int_required=int_required)

    @classmethod
    def python_module(
        cls, learner: Learner, *, name: str, cwd: Path, timeout: float = 5.0
    ) -> Program:
        """Start ``python -m <the learner's package or module>`` inside ``cwd``."""
        module = learner.module
        is_package = getattr(module, "__path__", None) is not None
        root = learner.path.parent.parent if is_package else learner.path.parent
        paths = [str(root), *filter(None, [os.environ.get("PYTHONPATH")])]
        env = {
            "PYTHONPATH": os.pathsep.join(paths),
            "PYTHONIOENCODING": "utf-8",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        return cls(
            name=name,
            cwd=cwd,
            command=(sys.executable, "-m", module.__name__),
            env=env,
            timeout=timeout,
        )

    def run(self, *argv: str, help: str = _DEFAULT_HELP) -> RunResult:
        """Run one command line and return what it did; the run is added to the history.

        A stub's ``NotImplementedError`` passes through (the check is "not started"), in
        process or in the child's traceback. Any other exception that escapes ``main`` in
        process fails the check, naming the command line and the learner's line.
        """
        shown = command_line(self.name, argv)
        earlier = tuple(self.history)
        self.history.append(shown)
        if self.main is not None:
            return self._call_main(list(argv), shown, earlier, help)
        return self._start(list(argv), shown, earlier)

    def _call_main(
        self, argv: list[str], shown: str, earlier: tuple[str, ...], help: str
    ) -> RunResult:
        assert self.main is not None
        out, err = io.StringIO(), io.StringIO()
        stdin = sys.stdin
        code: Any
        try:
            sys.stdin = io.StringIO("")
            with (
                contextlib.chdir(self.cwd),
                contextlib.redirect_stdout(out),
                contextlib.redirect_stderr(err),
            ):
                try:
                    code = self.main(argv)
                except SystemExit as exit_:
                    code = _exit_status(exit_, err)
        except NotImplementedError:
            raise
        except Exception as error:
            where = origin(error)
            raise CheckFailure(
                f"ran `{shown}`, main({show(argv)}) raised {describe_exception(error)}"
                + (f"\n  raised {where}" if where else ""),
                expected="an exit code, with any problem reported on stderr",
                actual=f"raised {describe_exception(error)}",
                help=help,
            ) from error
        finally:
            sys.stdin = stdin
        if code is None and not self.int_required:
            code = 0
        if isinstance(code, bool) or not isinstance(code, int):
            raise CheckFailure(
                f"ran `{shown}`, main({show(argv)}) returned {show(code)}",
                expected="an exit code: an int such as 0, 1 or 2",
                actual=f"{show(code)} ({type(code).__name__})",
                help="main() returns the exit code the program ends with: 0 on success, "
                "another int for a failure. A missing return gives None.",
            )
        return RunResult(shown, code, out.getvalue(), err.getvalue(), earlier)

    def _start(self, argv: list[str], shown: str, earlier: tuple[str, ...]) -> RunResult:
        env = {**os.environ, **self.env}
        try:
            completed = subprocess.run(
                [*self.command, *argv],
                cwd=self.cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise CheckFailure(
                f"ran `{shown}`, it did not finish within {self.timeout:g} s",
                expected="the program to finish and exit",
                actual="still running, so it was stopped",
                help="Look for a loop that never ends or a read from the keyboard (input()); "
                "a command-line tool takes everything it needs from its arguments.",
            ) from None
        result = RunResult(shown, completed.returncode, completed.stdout, completed.stderr, earlier)
        if result.crash is not None and re.match(r"NotImplementedError\b", result.crash):
            raise NotImplementedError(f"`{shown}` reached the starting stub")
        return result


def _exit_status(exit_: SystemExit, stderr: io.StringIO) -> int:
    """The status Python would exit with for ``SystemExit(code)``."""
    code = exit_.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=stderr)  # sys.exit("message") prints the message and exits with 1
    return 1


def expect_exit_code(result: RunResult, expected: int, *, help: str) -> None:
    """Fail unless the run ended with exit code ``expected``."""
    if result.exit_code == expected:
        return
    what = f"{result.ran}, it exited with {result.exit_code}, expected {expected}"
    if result.crash is not None:
        what += f"\n  it crashed: {result.crash}"
    raise CheckFailure(what, expected=f"exit code {expected}", actual=result.came_back(), help=help)


def expect_lines(
    result: RunResult, expected: Sequence[str], *, stream: Stream = "stdout", help: str
) -> None:
    """Fail unless ``stream`` holds exactly these lines (a final newline is not a line)."""
    text = result.output(stream)
    actual = text.splitlines()
    if actual == list(expected):
        return
    if len(actual) <= 1 and len(expected) <= 1:
        wanted = f"the line {show(expected[0])}" if expected else "nothing"
        what = f"{result.ran}, it printed {show(text)} on {stream}, expected {wanted}"
    else:
        diff = difflib.unified_diff(list(expected), actual, "expected", stream, lineterm="", n=2)
        what = f"{result.ran}, {stream} differs from what was expected:\n" + "\n".join(
            f"        {line}" for line in diff
        )
    other: Stream = "stderr" if stream == "stdout" else "stdout"
    if result.output(other):
        what += f"\n  and on {other} it printed {_shown_text(result.output(other))}"
    raise CheckFailure(
        what,
        expected=f"the lines {show(list(expected))} on {stream}",
        actual=f"the lines {show(actual)}" if actual else "(nothing)",
        help=help,
    )


def expect_in_output(
    result: RunResult, *fragments: str, stream: Stream = "stdout", help: str
) -> None:
    """Fail unless ``stream`` contains every fragment (compared case-insensitively)."""
    text = result.output(stream)
    missing = [f for f in fragments if f.lower() not in text.lower()]
    if not missing:
        return
    wanted = " and ".join(repr(f) for f in fragments)
    raise CheckFailure(
        f"{result.ran}, {stream} does not mention {show(missing[0])}",
        expected=f"{stream} that mentions {wanted}",
        actual=f"{stream}: {_shown_text(text)}",
        help=help,
    )


def expect_no_output(result: RunResult, *, stream: Stream, help: str) -> None:
    """Fail unless the run printed nothing on ``stream``."""
    text = result.output(stream)
    if not text.strip():
        return
    raise CheckFailure(
        f"{result.ran}, it printed {_shown_text(text)} on {stream}",
        expected=f"nothing on {stream}",
        actual=f"{stream}: {_shown_text(text)}",
        help=help,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (relative POSIX path -> bytes), to compare before and after."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def expect_files(result: RunResult, folder: Path, expected: Sequence[str], *, help: str) -> None:
    """Fail unless the files below ``folder`` are exactly ``expected`` (no more, no fewer)."""
    found = sorted(snapshot(folder))
    if found == sorted(expected):
        return
    extra = [name for name in found if name not in expected]
    missing = [name for name in expected if name not in found]
    problems = [f"left {show(extra)}" if extra else "", f"no {show(missing)}" if missing else ""]
    raise CheckFailure(
        f"{result.ran}, the folder holds {show(found)}: " + ", ".join(p for p in problems if p),
        expected=f"exactly {show(sorted(expected))}",
        actual=show(found),
        help=help,
    )


def expect_unchanged(result: RunResult, path: Path, before: bytes, *, help: str) -> None:
    """Fail unless ``path`` still holds exactly ``before``."""
    if not path.is_file():
        raise CheckFailure(
            f"{result.ran}, {path.name} is gone",
            expected=f"{path.name} left exactly as it was",
            actual="no such file any more",
            help=help,
        )
    after = path.read_bytes()
    if after == before:
        return
    raise CheckFailure(
        f"{result.ran}, {path.name} was changed",
        expected=f"{path.name} left as it was: {_shown_bytes(before)}",
        actual=f"{path.name} now holds {_shown_bytes(after)}",
        help=help,
    )


def _shown_bytes(data: bytes) -> str:
    return _shown_text(data.decode("utf-8", errors="replace"))


def read_json_file(result: RunResult, path: Path, *, help: str) -> Any:
    """The JSON document the run left in ``path``; fails if it is missing or not JSON."""
    if not path.is_file():
        raise CheckFailure(
            f"{result.ran}, there is no {path.name}",
            expected=f"a file {path.name} holding the saved data",
            actual=f"no {path.name} in the folder",
            help=help,
        )
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CheckFailure(
            f"{result.ran}, {path.name} is not valid JSON ({error})",
            expected=f"{path.name} holding JSON",
            actual=_shown_text(text),
            help=help,
        ) from None
