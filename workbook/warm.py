"""A warm process: pytest, the engine and the checkers' libraries imported once, then forked.

Starting ``python -m pytest`` costs as much as importing pytest, and a FastAPI checker pays
about three times that again for its libraries. ``workbook watch`` and ``workbook dev mutate``
grade many times in a row, so they import all of it once in their own process (never the
learner's code, which only ever runs in a child) and fork one child per verdict.
"""

from __future__ import annotations

import ast
import contextlib
import gc
import importlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib.util import find_spec
from pathlib import Path

from workbook.catalog import Catalog, Exercise, Unit, load_unit
from workbook.processes import AUTOLOAD_VARIABLE, RUN_TOKEN_VARIABLE, name_forked_child

FORK_VARIABLE = "WORKBOOK_FORK"  # "0": every check starts a new Python instead of forking


def can_fork() -> bool:
    return hasattr(os, "fork") and hasattr(os, "killpg")


def fork_checks() -> bool:
    """Whether a one-off check forks its grading child (unless ``WORKBOOK_FORK=0``)."""
    return can_fork() and os.environ.get(FORK_VARIABLE, "1") != "0"


def warm_up(
    catalog: Catalog, unit: Unit, files: Iterable[Path], rehearsal: Sequence[str] = ()
) -> None:
    """Import in this process what every child would: pytest with its own plugins, the engine's
    plugin, the unit's metadata, and the third-party modules that ``files`` import.

    ``rehearsal``: pytest arguments that grade the reference solutions; they are run once in a
    child, and the library modules it imported on the way (a test client's event loop, a lazy
    submodule) are imported here too, so that no child compiles them again."""
    os.environ[AUTOLOAD_VARIABLE] = "1"
    import pytest  # noqa: F401
    from _pytest.config import default_plugins

    for name in default_plugins:  # pytest imports its own plugins in every run otherwise
        with contextlib.suppress(ImportError):
            importlib.import_module(f"_pytest.{name}")
    importlib.import_module("workbook.plugin")
    load_unit(catalog.root, unit.name)  # the metadata, parsed once for every child
    for path in files:
        for name in imported_libraries(path):
            with contextlib.suppress(Exception):
                importlib.import_module(name)
    if rehearsal:
        for name in _imported_by(rehearsal, catalog.root):
            with contextlib.suppress(Exception):
                importlib.import_module(name)
    # What is imported now lasts: the children's garbage collector need never walk it, and
    # leaving it alone keeps its memory pages shared with every child.
    gc.collect()
    gc.freeze()


def _imported_by(arguments: Sequence[str], cwd: Path) -> list[str]:
    """Library modules a pytest run imports beyond what this process already has."""
    before = set(sys.modules)
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # the rehearsal: grade the references quietly, then report the new modules
        code = 70
        try:
            os.close(readable)
            os.chdir(cwd)
            os.environ.pop("WORKBOOK_CHANNEL", None)
            quiet = os.open(os.devnull, os.O_WRONLY)
            os.dup2(quiet, 1)
            os.dup2(quiet, 2)
            import pytest

            pytest.main(list(arguments))
            found = [
                name
                for name in set(sys.modules) - before
                if _is_library(getattr(sys.modules[name], "__file__", None))
            ]
            os.write(writable, "\n".join(sorted(found)).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(writable)
    chunks = []
    while chunk := os.read(readable, 65536):
        chunks.append(chunk)
    os.close(readable)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode().split()


def _is_library(origin: str | None) -> bool:
    """A module of the standard library or of an installed package (never exercise code)."""
    if origin is None:
        return False
    return "site-packages" in origin or origin.startswith(sys.base_prefix)


def unit_files(catalog: Catalog, unit: Unit, exercises: Sequence[Exercise]) -> list[Path]:
    """The checkers of ``exercises`` and their reference solutions: what tells which libraries
    to import ahead (the learner's own files are never read for this)."""
    unit_dir = unit.directory.relative_to(catalog.root)
    files = [unit.directory / exercise.checker for exercise in exercises]
    for exercise in exercises:
        files += [
            path
            for path in exercise.file_paths(catalog.root / "solutions", unit_dir)
            if path.suffix == ".py" and path.is_file()
        ]
    return files


def imported_libraries(path: Path) -> Iterator[str]:
    """Absolute imports of a file that come from outside the exercise (libraries, the engine)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in sys.stdlib_module_names or top == "workbook" or _is_installed(top):
                yield name


def _is_installed(top: str) -> bool:
    try:
        spec = find_spec(top)
    except (ImportError, ValueError):
        return False
    return spec is not None and "site-packages" in str(spec.origin or "")


class ForkedPytest:
    """A pytest run in a forked child of this process, shaped like the ``Popen`` it replaces
    (``pid``, ``poll``, ``wait``, ``returncode``) so one watcher serves both.

    pytest and the engine's plugin are imported here first, so the child (and any child started
    again after a crash) finds them loaded. ``repeated``: many verdicts in a row (watch, mutation),
    so the child writes no bytecode: two saves within one second must not meet a stale .pyc.
    """

    def __init__(
        self,
        arguments: Sequence[str],
        *,
        cwd: Path,
        environment: Mapping[str, str],
        output: Path,
        keep: Sequence[int],
        repeated: bool = True,
    ) -> None:
        self.returncode: int | None = None
        import pytest

        importlib.import_module("workbook.plugin")
        pid = os.fork()
        if pid:
            self.pid = pid
            return
        code = 70
        try:  # the child: grade, then leave without running the parent's clean-up
            # What the child inherits (pytest, the engine, the warmed-up modules) lives as long
            # as it does: out of the collector's sight, pytest's full collections at the end of
            # a session (about 60 ms each with FastAPI loaded) scan only what the run made.
            gc.freeze()
            os.setsid()
            if RUN_TOKEN_VARIABLE in environment:
                name_forked_child(environment[RUN_TOKEN_VARIABLE])
            launched_from = str(Path.cwd())
            os.chdir(cwd)
            os.environ.clear()
            os.environ.update(environment)
            # As ``python -P`` would: the current folder is never importable.
            sys.path[:] = [p for p in sys.path if p not in ("", str(cwd), launched_from)]
            if repeated:
                sys.dont_write_bytecode = True
            _close_all_but(keep)  # the watcher's own files and sockets are not the child's
            for target, source in (
                (0, os.open(os.devnull, os.O_RDONLY)),
                (1, os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)),
            ):
                os.dup2(source, target)
                os.close(source)
            os.dup2(1, 2)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            code = int(pytest.main(list(arguments)))
        finally:
            os._exit(code)

    def poll(self) -> int | None:
        if self.returncode is None:
            waited, status = os.waitpid(self.pid, os.WNOHANG)
            if waited:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            _, status = os.waitpid(self.pid, 0)
            self.returncode = os.waitstatus_to_exitcode(status)
            return self.returncode
        deadline = time.monotonic() + timeout
        while (code := self.poll()) is None:
            if time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(["pytest"], timeout)
            time.sleep(0.005)
        return code


def _close_all_but(keep: Sequence[int]) -> None:
    start = 3
    for descriptor in sorted(set(keep)):
        os.closerange(start, descriptor)
        start = descriptor + 1
    os.closerange(start, 1 << 16)
