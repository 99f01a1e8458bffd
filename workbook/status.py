"""The statuses a check or an exercise can have, and how each one is shown."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """A verdict's status; its value is what the results file stores."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_STARTED = "not_started"
    ERROR = "error"
    TIMEOUT = "timeout"
    CRASHED = "crashed"
    SKIPPED = "skipped"

    @property
    def label(self) -> str:
        return _SHOWN[self][0]

    @property
    def symbol(self) -> str:
        return _SHOWN[self][1]

    @property
    def ascii(self) -> str:
        """The symbol for a terminal that cannot show Unicode."""
        return _SHOWN[self][2]

    @property
    def emoji(self) -> str:
        """The symbol in Markdown (a pull-request summary)."""
        return _SHOWN[self][3]

    @property
    def colour(self) -> str:
        """An ANSI SGR code."""
        return _SHOWN[self][4]


# status: (label, symbol, ASCII symbol, emoji, ANSI colour)
_SHOWN: dict[Status, tuple[str, str, str, str, str]] = {
    Status.PASSED: ("passed", "✔", "+", "✅", "32"),
    Status.FAILED: ("failed", "✘", "x", "❌", "31"),
    Status.NOT_STARTED: ("not started", "○", ".", "⚪", "2"),
    Status.ERROR: ("error", "!", "!", "⚠️", "33"),
    Status.TIMEOUT: ("timed out", "⏱", "T", "⏱️", "33"),
    Status.CRASHED: ("crashed", "✘", "X", "💥", "31"),
    Status.SKIPPED: ("skipped", "-", "-", "➖", "2"),
}
