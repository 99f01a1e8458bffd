"""Import a learner's exercise module and turn every way that can fail into one clear sentence.

A syntax error names the file, the line and the offending text; an ``exit()`` at import, a
missing file, a missing third-party module or an untouched stub each get their own message.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path

from workbook.catalog import Exercise
from workbook.checking import Learner, describe_exception
from workbook.events import ExerciseProblem
from workbook.tracebacks import learner_line


class CheckTimedOut(BaseException):
    """Raised by the per-check alarm. A BaseException, so ``except Exception`` cannot swallow it."""


class InputCalled(BaseException):
    """Raised when learner code calls ``input()``, which would otherwise wait for ever."""


class BreakpointCalled(BaseException):
    """Raised when learner code calls ``breakpoint()``: no debugger can attach to a check."""


class LearnerInterrupted(Exception):
    """Learner code raised KeyboardInterrupt (or called pytest.exit()), which would stop the run."""

    def __init__(self, original: BaseException) -> None:
        super().__init__(type(original).__name__)
        self.original = original


class ExerciseUnavailable(Exception):
    """The exercise's module could not be imported; carries the problem to report."""

    def __init__(self, problem: ExerciseProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class ExerciseLoader:
    """Imports each exercise's module once and remembers the result (or the problem)."""

    def __init__(self, source_root: Path, unit_directory: Path) -> None:
        self.source_root = source_root
        self.unit_directory = unit_directory  # relative to the repository
        self.import_roots: list[Path] = []
        self._loaded: dict[str, Learner | ExerciseProblem] = {}

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.source_root).as_posix()
        except ValueError:
            return path.as_posix()

    def load(self, exercise: Exercise) -> Learner:
        cached = self._loaded.get(exercise.id)
        if cached is None:
            cached = self._import(exercise)
            self._loaded[exercise.id] = cached
        if isinstance(cached, ExerciseProblem):
            raise ExerciseUnavailable(cached)
        return cached

    def _import(self, exercise: Exercise) -> Learner | ExerciseProblem:
        paths = exercise.file_paths(self.source_root, self.unit_directory)
        shown = self.display(paths[0])
        missing = [path for path in paths if not path.is_file()]
        if missing:
            path = self.display(missing[0])
            return ExerciseProblem(
                exercise.id,
                "error",
                f"{path} is missing",
                help=f"Restore the starting file with: git checkout -- {path}",
            )
        import_root = exercise.import_root(self.source_root, self.unit_directory)
        if import_root not in self.import_roots:
            self.import_roots.append(import_root)
            sys.path.insert(0, str(import_root))
        prefix = exercise.module + "."
        for name in [m for m in sys.modules if m == exercise.module or m.startswith(prefix)]:
            del sys.modules[name]
        try:
            module = importlib.import_module(exercise.module)
        except NotImplementedError:
            return ExerciseProblem(
                exercise.id, "not_started", f"{shown} is still the starting stub"
            )
        except SyntaxError as error:
            return _syntax_problem(exercise, error, self.display)
        except ModuleNotFoundError as error:
            return ExerciseProblem(
                exercise.id,
                "error",
                f"{shown} imports {error.name!r}, which cannot be found",
                help="Check the spelling of the import. Exercises only use the standard library "
                "and the packages installed by the workbook (see pyproject.toml).",
            )
        except SystemExit:
            return ExerciseProblem(
                exercise.id,
                "error",
                f"{shown} calls exit() (or sys.exit()) while it is being imported",
                help='Move code that runs the program under  if __name__ == "__main__":  so '
                "importing the file only defines things.",
            )
        except InputCalled:
            return ExerciseProblem(
                exercise.id,
                "error",
                f"{shown} calls input() while it is being imported, so it would wait for ever",
                help='Move the input() call under  if __name__ == "__main__":  and take data '
                "as function arguments.",
            )
        except CheckTimedOut:
            return ExerciseProblem(
                exercise.id,
                "error",
                f"importing {shown} did not finish in time",
                help="Is there a loop at the top level of the file? Put it inside a function.",
            )
        except RecursionError:
            return ExerciseProblem(
                exercise.id,
                "error",
                f"importing {shown} recursed without end",
                help="A function called at the top level keeps calling itself; "
                "check its base case.",
            )
        except BaseException as error:
            where = learner_frame(error, self.import_roots, self.display)
            return ExerciseProblem(
                exercise.id,
                "error",
                f"importing {shown} raised {describe_exception(error)}{where}",
                help="Code at the top level of the file runs on import; fix the line above or "
                "move it inside a function.",
            )
        return Learner(exercise.id, shown, module)


def _syntax_problem(
    exercise: Exercise, error: SyntaxError, display: Callable[[Path], str]
) -> ExerciseProblem:
    path = Path(error.filename) if error.filename else None
    shown = display(path) if path else exercise.files[0]
    line = (error.text or "").rstrip("\n")
    pointer = ""
    if line and error.offset:
        stripped = line.lstrip()
        column = max(error.offset - 1 - (len(line) - len(stripped)), 0)
        pointer = f"\n        {stripped}\n        {' ' * column}^"
    kind = "indentation error" if isinstance(error, IndentationError) else "syntax error"
    return ExerciseProblem(
        exercise.id,
        "error",
        f"{kind} in {shown}, line {error.lineno}: {error.msg}{pointer}",
        help="Python stops reading the file here, so no check can run. Look at this line and "
        "the one before it (a missing bracket, quote or colon often shows up one line late).",
    )


def learner_frame(
    error: BaseException, import_roots: list[Path], display: Callable[[Path], str]
) -> str:
    """`` (file.py, line 12: code)`` for the deepest frame inside the learner's files."""
    line = learner_line(error, import_roots)
    return f" ({display(line.path)}, line {line.number}: {line.code})" if line else ""
