"""The vocabulary checkers use to talk to learners.

A checker receives the learner's code through the ``learner`` fixture and states expectations
with ``expect_call``, ``expect_equal`` and ``expect_raises``. Every unmet expectation raises a
``CheckFailure`` that carries what was expected, what happened and one sentence of help; the
plugin turns it into the verdict the learner reads.
"""

from __future__ import annotations

import inspect
import reprlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from workbook.processes import memory_limit_mib
from workbook.tracebacks import learner_line


class _ShortRepr(reprlib.Repr):
    """``reprlib`` that keeps a dict's keys in their order (the learner's order matters)."""

    def repr_dict(self, x: dict[Any, Any], level: int) -> str:
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        items = [
            f"{self.repr1(key, level - 1)}: {self.repr1(value, level - 1)}"
            for key, value in list(x.items())[: self.maxdict]
        ]
        more = ", ..." if len(x) > self.maxdict else ""
        return "{" + ", ".join(items) + more + "}"


_shorten = _ShortRepr()
_shorten.maxstring = 80
_shorten.maxother = 80
_shorten.maxlist = _shorten.maxtuple = _shorten.maxset = _shorten.maxdict = 8
_shorten.maxlevel = 4


class CheckFailure(AssertionError):
    """An expectation the learner's code did not meet."""

    def __init__(
        self,
        message: str,
        *,
        expected: str | None = None,
        actual: str | None = None,
        help: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.expected = expected
        self.actual = actual
        self.help = help


class NotStarted(NotImplementedError):
    """Raised by a check whose subject does not exist yet (a deliverable file not written).

    A NotImplementedError, so the check counts as "not started" rather than failed.
    """

    def __init__(self, message: str, *, help: str) -> None:
        super().__init__(message)
        self.message = message
        self.help = help


def show(value: object) -> str:
    """A short, readable ``repr`` for messages (long values are cut with ``...``)."""
    return _shorten.repr(value)


def describe_call(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """``parse_duration('1h30m')``: how a call reads in a message."""
    parts = [show(a) for a in args] + [f"{k}={show(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


def describe_exception(error: BaseException) -> str:
    text = str(error)
    return f"{type(error).__name__}({text!r})" if text else type(error).__name__


@dataclass(frozen=True)
class Learner:
    """The learner's module for one exercise, with lookups that fail with clear messages."""

    exercise_id: str
    display_path: str
    module: ModuleType

    @property
    def path(self) -> Path:
        """The file the module was loaded from (for tools such as mypy)."""
        return Path(str(self.module.__file__))

    def function(self, name: str, *, signature: str | None = None) -> Callable[..., Any]:
        """The function ``name``; fails if it is missing or not callable."""
        value = self._lookup(name, "function", signature)
        if not callable(value) or isinstance(value, type):
            raise CheckFailure(
                f"{name} in {self.display_path} should be a function, but it is "
                f"{type(value).__name__}",
                expected=f"def {signature or name + '(...)'}",
                actual=show(value),
                help=f"Define {name} with 'def', and check nothing later reassigns the name.",
            )
        return value  # type: ignore[no-any-return]

    def cls(self, name: str, *, signature: str | None = None) -> type[Any]:
        """The class ``name``; fails if it is missing or not a class."""
        value = self._lookup(name, "class", signature)
        if not isinstance(value, type):
            raise CheckFailure(
                f"{name} in {self.display_path} should be a class, but it is "
                f"{type(value).__name__}",
                expected=f"class {signature or name}",
                actual=show(value),
                help=f"Define {name} with 'class {name}:'.",
            )
        return value

    def attribute(self, name: str, *, kind: str = "name") -> Any:
        """Any module-level name (a constant, an exception class, a logger)."""
        return self._lookup(name, kind, None)

    def submodule(self, dotted: str) -> Learner:
        """A module inside the learner's package, e.g. ``learner.submodule("pricing")``."""
        import importlib

        full = f"{self.module.__name__}.{dotted}"
        try:
            module = importlib.import_module(full)
        except ModuleNotFoundError as error:
            if error.name != full:
                raise
            raise CheckFailure(
                f"the package {self.module.__name__} has no module {dotted!r}",
                expected=f"a file {dotted.replace('.', '/')}.py inside the package",
                actual="no such file",
                help="Create the module, or check the spelling of its file name.",
            ) from None
        display = str(Path(self.display_path).parent / (dotted.replace(".", "/") + ".py"))
        return Learner(self.exercise_id, display, module)

    def _lookup(self, name: str, kind: str, signature: str | None) -> Any:
        try:
            return getattr(self.module, name)
        except AttributeError:
            pass
        expected = f"a {kind} {signature}" if signature else f"a {kind} named {name!r}"
        raise CheckFailure(
            f"{self.display_path} has no {kind} named {name!r}",
            expected=expected,
            actual=f"no {name!r} defined in the file",
            help=f"Define {signature or name} at the top level of {self.display_path} "
            "(names are case-sensitive; did you rename it?).",
        )


def _name_of(func: Callable[..., Any]) -> str:
    return getattr(func, "__qualname__", None) or getattr(func, "__name__", None) or repr(func)


def expect_call(
    func: Callable[..., Any],
    *args: Any,
    returns: Any,
    help: str,
    **kwargs: Any,
) -> Any:
    """Call ``func(*args, **kwargs)`` and fail unless it returns something equal to ``returns``."""
    call = describe_call(_name_of(func), args, kwargs)
    result = _call(func, call, args, kwargs, expected=show(returns), help=help)
    expect_equal(result, returns, what=f"called {call}", help=help)
    return result


def same_value(actual: Any, expected: Any) -> bool:
    """``==`` that also compares types, all the way down: 1 is not 1.0, True is not 1."""
    if isinstance(actual, bool) != isinstance(expected, bool):
        return False
    if not isinstance(actual, type(expected)):
        return False
    if isinstance(expected, dict):
        return actual.keys() == expected.keys() and all(
            same_value(actual[key], value) for key, value in expected.items()
        )
    if isinstance(expected, list | tuple):
        return len(actual) == len(expected) and all(
            same_value(a, e) for a, e in zip(actual, expected, strict=True)
        )
    return bool(actual == expected)


def expect_equal(actual: Any, expected: Any, *, what: str, help: str) -> None:
    """Fail unless ``actual`` equals ``expected`` with the same types (see ``same_value``).

    The message names both types when they differ ("got a list [...], expected a str '...'"),
    and shows long values around the first place where they differ instead of cut anywhere.
    """
    if same_value(actual, expected):
        return
    got, want = shown_apart(actual, expected)
    if got == want:  # equal text, different types somewhere: say so
        got = f"{got} ({_type_names(actual)})"
        want = f"{want} ({_type_names(expected)})"
        message = f"{what}, got {got}, expected {want}"
    elif actual is not None and type(actual) is not type(expected):
        message = f"{what}, got {_a(actual)} {got}, expected {_a(expected)} {want}"
    else:
        message = f"{what}, got {got}, expected {want}"
    raise CheckFailure(message, expected=want, actual=got, help=help)


WHOLE_VALUE = 120  # characters: a value this short is shown whole
AROUND_DIFFERENCE = 40  # characters kept before the first difference of two long values


def shown_apart(actual: Any, expected: Any) -> tuple[str, str]:
    """Both values as text: whole when short, else from just before their first difference."""
    got, want = repr(actual), repr(expected)
    if len(got) <= WHOLE_VALUE and len(want) <= WHOLE_VALUE:
        return got, want
    same = next(
        (i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
        min(len(got), len(want)),
    )
    start = max(0, same - AROUND_DIFFERENCE)
    return _window(got, start), _window(want, start)


def _window(text: str, start: int) -> str:
    end = start + WHOLE_VALUE
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _a(value: Any) -> str:
    """``a list``, ``an int``: the value's type as a message says it."""
    name = type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _type_names(value: Any) -> str:
    if isinstance(value, dict):
        inner = ", ".join(sorted({type(v).__name__ for v in value.values()}))
        return f"{type(value).__name__} of {inner}" if inner else type(value).__name__
    if isinstance(value, list | tuple | set):
        inner = ", ".join(sorted({type(v).__name__ for v in value}))
        return f"{type(value).__name__} of {inner}" if inner else type(value).__name__
    return type(value).__name__


def call(func: Callable[..., Any], *args: Any, help: str, **kwargs: Any) -> Any:
    """Call learner code that must not raise; return its result for further checks.

    A stub's NotImplementedError passes through (the check is "not started"); any other
    exception becomes a CheckFailure naming the call and the learner's line.
    """
    name = describe_call(_name_of(func), args, kwargs)
    return _call(func, name, args, kwargs, expected="a result", help=help)


def expect_true(condition: bool, *, what: str, expected: str, actual: str, help: str) -> None:
    """Fail with the given description unless ``condition`` holds."""
    if not condition:
        raise CheckFailure(
            f"{what}: {actual}, expected {expected}", expected=expected, actual=actual, help=help
        )


def expect_raises(
    error_type: type[BaseException],
    func: Callable[..., Any],
    *args: Any,
    help: str,
    match: str | None = None,
    **kwargs: Any,
) -> BaseException:
    """Call ``func`` and fail unless it raises ``error_type`` (whose message contains ``match``)."""
    what = f"called {describe_call(_name_of(func), args, kwargs)}"
    try:
        result = func(*args, **kwargs)
    except NotImplementedError:
        raise
    except Exception as error:
        return expect_error(error, error_type, what=what, help=help, match=match)
    raise not_raised(result, error_type, what=what, help=help, match=match)


def expect_error(
    error: Exception,
    error_type: type[BaseException],
    *,
    what: str,
    help: str,
    match: str | None = None,
    described: Callable[[BaseException], str] = describe_exception,
) -> BaseException:
    """``error`` if it is the expected one (``match`` in its message, ignoring case); otherwise
    a CheckFailure saying what was raised instead. ``described`` writes an error for a message."""
    want = error_type.__name__ + (f" mentioning {match!r}" if match else "")
    if not isinstance(error, error_type):
        raise CheckFailure(
            f"{what}, it raised {described(error)}, expected {want}",
            expected=want,
            actual=described(error),
            help=help,
        ) from error
    if match is not None and match.lower() not in str(error).lower():
        raise CheckFailure(
            f"{what}, it raised {described(error)}, expected the message to mention {match!r}",
            expected=want,
            actual=described(error),
            help=help,
        ) from None
    return error


def not_raised(
    result: Any, error_type: type[BaseException], *, what: str, help: str, match: str | None = None
) -> CheckFailure:
    """The failure for a call that returned ``result`` where it should have raised."""
    want = error_type.__name__ + (f" mentioning {match!r}" if match else "")
    return CheckFailure(
        f"{what}, it returned {show(result)} instead of raising {want}",
        expected=want,
        actual=f"returned {show(result)}",
        help=help,
    )


def _call(
    func: Callable[..., Any],
    call: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    *,
    expected: str,
    help: str,
) -> Any:
    try:
        return func(*args, **kwargs)
    except NotImplementedError:
        raise
    except TypeError as error:
        if _is_signature_mismatch(func, args, kwargs):
            raise CheckFailure(
                f"could not call {call}: {error}",
                expected=f"a function that accepts {call}",
                actual=f"{_name_of(func)}{_signature_text(func)}",
                help="Keep the parameters the exercise asks for (names, order and defaults).",
            ) from None
        raise _raised(call, error, expected, help) from error
    except Exception as error:
        raise _raised(call, error, expected, help) from error


def _raised(call: str, error: Exception, expected: str, help: str) -> CheckFailure:
    where = origin(error)
    if isinstance(error, MemoryError):
        limit = memory_limit_mib()
        return CheckFailure(
            f"called {call}, it used more than {limit} MiB of memory"
            + (f"\n  raised {where}" if where else ""),
            expected=f"{expected}, using at most {limit} MiB",
            actual="MemoryError",
            help="Look for a list or string that grows without end, or one built far bigger "
            "than needed (for example [0] * 10**10).",
        )
    if isinstance(error, RecursionError):
        help = (
            "The function keeps calling itself: make sure every path reaches a base case "
            "that returns without recursing."
        )
    return CheckFailure(
        f"called {call}, it raised {describe_exception(error)}, expected {expected}"
        + (f"\n  raised {where}" if where else ""),
        expected=expected,
        actual=f"raised {describe_exception(error)}",
        help=help,
    )


def origin(error: BaseException) -> str:
    """``at file.py, line 12: code`` for the deepest frame in the learner's own code."""
    line = learner_line(error)
    return f"at {line.path.name}, line {line.number}: {line.code}" if line else ""


def _signature_text(func: Callable[..., Any]) -> str:
    try:
        return str(inspect.signature(func))
    except (TypeError, ValueError):
        return "(...)"


def _is_signature_mismatch(
    func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> bool:
    try:
        inspect.signature(func).bind(*args, **kwargs)
    except TypeError:
        return True
    except ValueError:
        return False
    return False
