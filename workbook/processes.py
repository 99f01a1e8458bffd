"""Keep the processes that grade learner code bounded: memory, lifetime and descendants.

What holds where:

- Linux: every process started for a run carries a run token in its environment, and a child
  forked from ``workbook`` (which starts no new program, so keeps the environment it was
  started with) carries it in its process name, which its own forks inherit; when the run ends,
  the process group is killed and then every process that still holds the token either way (a
  grandchild that called ``setsid`` or double-forked included). The child asks the
  kernel to kill it if ``workbook`` dies (``PR_SET_PDEATHSIG``). Memory is capped with
  ``RLIMIT_AS``.
- macOS: the process group is killed and memory is capped; a grandchild that left the group
  with ``setsid`` can outlive the run (there is no ``/proc`` to find it by its token).
- Windows (use WSL): the child alone is killed; no memory cap.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from pathlib import Path

AUTOLOAD_VARIABLE = "PYTEST_DISABLE_PLUGIN_AUTOLOAD"  # the child loads only the plugins it names
RUN_TOKEN_VARIABLE = "WORKBOOK_RUN_TOKEN"
PARENT_VARIABLE = "WORKBOOK_PARENT_PID"
MEMORY_VARIABLE = "WORKBOOK_MEMORY_MIB"
DEFAULT_MEMORY_MIB = 2048  # per child: far above any exercise, far below the machine
_PR_SET_PDEATHSIG = 1
_PR_SET_NAME = 15


def kill_run(pid: int, token: str) -> None:
    """Kill the child ``pid``, its process group and every process started with ``token``."""
    if hasattr(os, "killpg"):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
    else:  # pragma: no cover - Windows
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGTERM)
    for other in processes_with_token(token):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(other, signal.SIGKILL)


def processes_with_token(token: str) -> list[int]:
    """Processes (other than this one) that hold ``token`` in their environment or their name
    (Linux only)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    needle = f"{RUN_TOKEN_VARIABLE}={token}".encode()
    name = process_name(token).encode()
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            named = (entry / "comm").read_bytes().rstrip(b"\n") == name
            if named or needle in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def process_name(token: str) -> str:
    """The name a forked child takes for the run ``token`` (the kernel keeps 15 characters)."""
    return f"wb-{token[:12]}"


def name_forked_child(token: str) -> None:
    """Give this forked process the run's name, so that its own forks can be found (Linux)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_NAME, process_name(token).encode(), 0, 0, 0)


def guard_child() -> None:
    """In the child, before learner code: die with the parent, and cap the memory it may use."""
    parent = os.environ.pop(PARENT_VARIABLE, None)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if parent is not None and os.getppid() != int(parent):
            os._exit(70)  # the parent died before the request took effect
    mebibytes = memory_limit_mib()
    if mebibytes:
        with contextlib.suppress(ImportError, ValueError, OSError):
            import resource

            limit = mebibytes * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def memory_limit_mib() -> int:
    """The per-child memory limit (``WORKBOOK_MEMORY_MIB``; 0 turns it off)."""
    try:
        return max(0, int(os.environ.get(MEMORY_VARIABLE, DEFAULT_MEMORY_MIB)))
    except ValueError:
        return DEFAULT_MEMORY_MIB
