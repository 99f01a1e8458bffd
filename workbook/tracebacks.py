"""Find the line of the learner's own code that an exception came from."""

from __future__ import annotations

import linecache
import os
import sysconfig
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
    # Walked by hand rather than with traceback.extract_tb, which reads every frame's line and
    # builds a Path for each: a failing check calls this once, and a stub fails dozens of them.
    prefixes = None if roots is None else tuple(f"{root}{os.sep}" for root in roots)
    found: LearnerLine | None = None
    entry = error.__traceback__
    while entry is not None:
        filename, number = entry.tb_frame.f_code.co_filename, entry.tb_lineno
        entry = entry.tb_next
        if prefixes is not None:
            if not filename.startswith(prefixes):
                continue
            path = Path(filename)
        else:
            path = Path(filename).resolve()
            if not path.is_file():  # code generated at run time, e.g. a dataclass's __init__
                continue
            if path.is_relative_to(_ENGINE_DIR) or any(
                path.is_relative_to(d) for d in _LIBRARY_DIRS
            ):
                continue
        found = LearnerLine(path, number, linecache.getline(filename, number).strip())
    return found
