"""How to write a workbook command so that the learner can paste it where they are.

``./wb`` (the launcher at the repository's root, which needs nothing but Python) works right
after the quick start; ``workbook`` works inside an activated environment. The launcher and
the nox sessions say which through ``WORKBOOK_COMMAND``.
"""

from __future__ import annotations

import os

COMMAND_VARIABLE = "WORKBOOK_COMMAND"
LAUNCHER = "./wb"


def command(*words: str) -> str:
    """``command("check", "week01")`` -> ``./wb check week01`` (or ``workbook check week01``)."""
    prefix = os.environ.get(COMMAND_VARIABLE) or (
        "workbook" if os.environ.get("VIRTUAL_ENV") else LAUNCHER
    )
    return " ".join([prefix, *words])
