"""Run ``mypy --strict`` on a learner's file from inside a checker and report it like any check."""

from __future__ import annotations

import os
from pathlib import Path

from workbook.checking import CheckFailure, Learner
from workbook.state import STATE_DIR_VARIABLE, STATE_FOLDER

_MAX_ERRORS_SHOWN = 5


def expect_mypy_strict(learner: Learner) -> None:
    """Fail unless ``mypy --strict`` accepts the learner's file, quoting the first errors."""
    from mypy import api  # imported here: mypy is slow to import and only some checks need it

    state_dir = Path(os.environ.get(STATE_DIR_VARIABLE, STATE_FOLDER))
    stdout, _, status = api.run(
        [
            "--strict",
            "--no-error-summary",
            "--hide-error-context",
            "--no-color-output",
            "--cache-dir",
            str(state_dir / "mypy-cache"),
            str(learner.path),
        ]
    )
    if status == 0:
        return
    errors = [line for line in stdout.splitlines() if ": error:" in line]
    shown = [_relative(line, learner) for line in errors[:_MAX_ERRORS_SHOWN]]
    more = f" (and {len(errors) - len(shown)} more)" if len(errors) > len(shown) else ""
    raise CheckFailure(
        f"mypy --strict found {len(errors)} problem(s) in {learner.display_path}{more}:\n"
        + "\n".join(f"        {line}" for line in shown),
        expected="no errors from mypy --strict",
        actual=f"{len(errors)} error(s)",
        help="Annotate every parameter and return value; use precise types such as "
        "dict[str, int] rather than dict. Run: mypy --strict " + learner.display_path,
    )


def _relative(line: str, learner: Learner) -> str:
    return line.replace(str(learner.path), learner.display_path)
