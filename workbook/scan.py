"""Find code in a learner's files that reaches into the grading itself.

Exercises never need to import the engine or pytest's internals, look up frames, walk the
garbage collector, patch ``sys.modules`` or builtins, or touch signals and file descriptors. A
file that does is not refused (a learner may be curious); each use is recorded in the results
file and shown in the report and the pull-request summary, so a mentor sees it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_MODULES = {
    "workbook": "imports the grading engine (workbook)",
    "_pytest": "imports pytest's internals (_pytest)",
    "pluggy": "imports pytest's plugin system (pluggy)",
    "ctypes": "imports ctypes, which can rewrite any memory of the process",
    "gc": "imports gc, which can find the engine's objects",
    "builtins": "imports builtins, which can replace Python's own functions",
}
_TEST_ONLY_MODULES = {"pytest": "imports pytest in an exercise file"}
_ATTRIBUTES = {
    ("sys", "modules"): "uses sys.modules, which can replace loaded modules",
    ("sys", "_getframe"): "reads the call stack's frames (sys._getframe)",
    ("sys", "settrace"): "installs a tracer (sys.settrace)",
    ("sys", "setprofile"): "installs a profiler (sys.setprofile)",
    ("inspect", "currentframe"): "reads the call stack's frames (inspect.currentframe)",
    ("inspect", "stack"): "reads the call stack's frames (inspect.stack)",
    ("signal", "signal"): "changes a signal handler (the workbook's timer uses SIGALRM)",
    ("signal", "setitimer"): "changes the interval timer the workbook uses to stop slow checks",
    ("signal", "alarm"): "changes the alarm the workbook uses to stop slow checks",
    ("os", "dup2"): "replaces a file descriptor (os.dup2)",
    ("os", "write"): "writes to a raw file descriptor (os.write)",
    ("os", "closerange"): "closes file descriptors (os.closerange)",
    ("resource", "setrlimit"): "changes the process's resource limits",
}
_FRAME_ATTRIBUTES = {
    "f_back": "walks up the call stack (f_back)",
    "f_globals": "reads another frame's globals (f_globals)",
    "f_locals": "reads another frame's variables (f_locals)",
    "tb_frame": "reads frames from a traceback (tb_frame)",
}
_TEXTS = {
    "/proc/self/fd": "refers to the process's open files (/proc/self/fd)",
    "WORKBOOK_": "refers to the workbook's environment variables",
    ".workbook": "refers to the workbook's state folder (.workbook)",
    "checkers.sha256": "refers to the checker manifest",
}


@dataclass(frozen=True, order=True)
class Finding:
    """One place in a learner's file that reaches into the grading."""

    file: str
    line: int
    what: str

    def describe(self) -> str:
        return f"{self.file}, line {self.line}: {self.what}"


def scan_file(path: Path, shown: str) -> list[Finding]:
    """Every finding in one file (a file that does not parse has none: it gets its own verdict)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return []
    test_file = path.name.startswith(("test_", "conftest"))
    found: set[Finding] = set()
    for node in ast.walk(tree):
        for line, what in _node_findings(node, test_file):
            found.add(Finding(shown, line, what))
    return sorted(found)


def _node_findings(node: ast.AST, test_file: bool) -> Iterable[tuple[int, str]]:
    line = getattr(node, "lineno", 0)
    if isinstance(node, ast.Import | ast.ImportFrom):
        names = (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
        )
        for name in names:
            top = name.split(".")[0]
            if top in _MODULES:
                yield line, _MODULES[top]
            elif top in _TEST_ONLY_MODULES and not test_file:
                yield line, _TEST_ONLY_MODULES[top]
    elif isinstance(node, ast.Attribute):
        if isinstance(node.value, ast.Name) and (node.value.id, node.attr) in _ATTRIBUTES:
            yield line, _ATTRIBUTES[(node.value.id, node.attr)]
        elif node.attr in _FRAME_ATTRIBUTES:
            yield line, _FRAME_ATTRIBUTES[node.attr]
    elif isinstance(node, ast.Name) and node.id == "__builtins__":
        yield line, "uses __builtins__, which can replace Python's own functions"
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id == "__import__":
            yield line, "imports a module by name at run time (__import__)"
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        for text, what in _TEXTS.items():
            if text in node.value:
                yield line, what


def scan_files(files: Iterable[tuple[Path, str]]) -> list[Finding]:
    """Findings in every (path, shown name) given, sorted by file and line."""
    found: list[Finding] = []
    for path, shown in files:
        found += scan_file(path, shown)
    return sorted(found)
