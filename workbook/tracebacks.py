"""Find the line of the learner's own code that an exception came from."""

from __future__ import annotations

import linecache
import sysconfig
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_ENGINE_DIR = Path(__file__).resolve().parent
_LIBRARY_DIRS = tuple(
    Path(p).resolve() for p in {sysconfig.get_path("stdlib"), sysconfig.get_path("purelib")}
)


@dataclass(frozen=True)
class LearnerLine:
    """A line of the learner's code: the file, the line number and the code on it."""

    path: Path
    number: int
    code: str


def learner_line(error: BaseException, roots: Sequence[Path] | None = None) -> LearnerLine | None:
    """The deepest frame of ``error``'s traceback in the learner's code.

    With ``roots`` (the folders the learner's modules are imported from), a frame counts when it
    is inside one of them; without, when it is a real file outside the engine and the libraries.
    """
    found: LearnerLine | None = None
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename)
        if roots is not None:
            if not any(path.is_relative_to(root) for root in roots):
                continue
        else:
            path = path.resolve()
            if not path.is_file():  # code generated at run time, e.g. a dataclass's __init__
                continue
            if path.is_relative_to(_ENGINE_DIR) or any(
                path.is_relative_to(d) for d in _LIBRARY_DIRS
            ):
                continue
        code = frame.line or linecache.getline(frame.filename, frame.lineno or 0)
        found = LearnerLine(path, frame.lineno or 0, code.strip())
    return found
