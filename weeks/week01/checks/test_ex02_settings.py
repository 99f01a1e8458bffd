"""Checks for week01/ex02_settings: a package with modules, relative imports and __all__."""

from __future__ import annotations

import importlib
import runpy
import warnings
from typing import Any

import pytest

from workbook.checking import Learner, expect_call, expect_equal, expect_raises, expect_true

FULL_ENV = {
    "APP_DEBUG": "yes",
    "APP_PORT": "8080",
    "APP_DATABASE_URL": "postgresql://app@db:5432/orders",
}


def _settings_class(learner: Learner) -> Any:
    return learner.submodule("models").cls("Settings")


def _settings_error(learner: Learner) -> Any:
    return learner.submodule("errors").cls("SettingsError")


def test_parse_bool_words(learner: Learner) -> None:
    """reads true/false words in any case, ignoring spaces"""
    parse_bool = learner.submodule("parsing").function(
        "parse_bool", signature="parse_bool(variable: str, text: str) -> bool"
    )
    for text in ("1", "true", "yes", "on", "True", " YES ", "On"):
        expect_call(parse_bool, "APP_DEBUG", text, returns=True,
                    help="Compare a normalised copy of the text (stripped and lower-cased) with "
                    "the words in TRUE_WORDS.")
    for text in ("0", "false", "no", "off", "FALSE", " no\n"):
        expect_call(parse_bool, "APP_DEBUG", text, returns=False,
                    help="False words are in FALSE_WORDS; normalise the text the same way.")


def test_parse_bool_rejects_other_words(learner: Learner) -> None:
    """rejects an unknown word with a SettingsError naming the variable"""
    parse_bool = learner.submodule("parsing").function("parse_bool")
    settings_error = _settings_error(learner)
    for text in ("maybe", "", "2", "enabled"):
        error = expect_raises(settings_error, parse_bool, "APP_DEBUG", text, match=repr(text),
                              help="Anything that is neither a true word nor a false word is an "
                              "error; quote the text you could not read (with !r) in the message.")
        expect_equal(getattr(error, "variable", None), "APP_DEBUG",
                     what=f"parse_bool('APP_DEBUG', {text!r}) raised SettingsError whose .variable",
                     help="Raise SettingsError(variable, message): the first argument tells the "
                     "caller which setting is wrong.")


def test_load_settings_reads_environment(learner: Learner) -> None:
    """builds Settings from the environment variables"""
    load_settings = learner.submodule("loader").function(
        "load_settings", signature="load_settings(environ: Mapping[str, str]) -> Settings"
    )
    settings = _settings_class(learner)
    expect_call(load_settings, FULL_ENV,
                returns=settings(debug=True, port=8080,
                                 database_url="postgresql://app@db:5432/orders"),
                help="Read each variable from environ, convert APP_DEBUG with parse_bool and "
                "APP_PORT with parse_port, then build Settings with keyword arguments.")
    padded = {**FULL_ENV, "APP_DATABASE_URL": "  sqlite:///./test.db \n"}
    expect_call(load_settings, padded,
                returns=settings(debug=True, port=8080, database_url="sqlite:///./test.db"),
                help="Values copied from a .env file often carry spaces; strip the database URL.")


def test_load_settings_defaults(learner: Learner) -> None:
    """uses the defaults for variables that are not set"""
    load_settings = learner.submodule("loader").function("load_settings")
    settings = _settings_class(learner)
    expect_call(load_settings, {},
                returns=settings(debug=False, port=8000, database_url="sqlite:///./app.db"),
                help="environ.get(name, DEFAULTS[name]) returns the default when the variable "
                "is missing.")
    expect_call(load_settings, {"APP_PORT": "9000", "PATH": "/usr/bin"},
                returns=settings(debug=False, port=9000, database_url="sqlite:///./app.db"),
                help="Each variable falls back to its own default; unrelated variables are "
                "ignored.")


def test_load_settings_reports_bad_values(learner: Learner) -> None:
    """reports a bad port, debug flag or empty database URL with SettingsError"""
    load_settings = learner.submodule("loader").function("load_settings")
    settings_error = _settings_error(learner)
    cases = [
        ({"APP_PORT": "http"}, "APP_PORT", "parse_port already raises SettingsError; let it "
         "propagate instead of catching it."),
        ({"APP_PORT": "70000"}, "APP_PORT", "Convert APP_PORT with parse_port, which checks the "
         "range."),
        ({"APP_DEBUG": "maybe"}, "APP_DEBUG", "Convert APP_DEBUG with parse_bool, which rejects "
         "unknown words."),
        ({"APP_DATABASE_URL": "   "}, "APP_DATABASE_URL", "After stripping, an empty database "
         "URL is unusable: raise SettingsError('APP_DATABASE_URL', ...)."),
    ]
    for environ, variable, help_text in cases:
        error = expect_raises(settings_error, load_settings, environ, match=variable,
                              help=help_text)
        expect_equal(getattr(error, "variable", None), variable,
                     what=f"load_settings({environ!r}) raised SettingsError whose .variable",
                     help="The error should name the variable that holds the bad value.")
        explanation = str(error).removeprefix(f"{variable}:").strip()
        expect_true(bool(explanation), what=f"load_settings({environ!r}) raised SettingsError",
                    expected=f"a message that says what is wrong with {variable}",
                    actual=f"the message {str(error)!r}",
                    help="SettingsError(variable, message) puts the variable's name in front; "
                    "the message after it tells the operator what to fix, such as 'must not "
                    "be empty'.")


@pytest.mark.requires("test_load_settings_reads_environment")
def test_package_exports(learner: Learner) -> None:
    """exports Settings, SettingsError and load_settings from the package"""
    exported = getattr(learner.module, "__all__", None)
    expect_equal(sorted(exported) if isinstance(exported, list | tuple) else exported,
                 ["Settings", "SettingsError", "load_settings"],
                 what="the package's __all__ (sorted)",
                 help="__all__ in __init__.py lists the public names: the three that callers "
                 "import, nothing more.")
    pairs = [
        ("Settings", learner.submodule("models").cls("Settings")),
        ("SettingsError", learner.submodule("errors").cls("SettingsError")),
        ("load_settings", learner.submodule("loader").function("load_settings")),
    ]
    for name, original in pairs:
        value = learner.attribute(name)
        expect_true(value is original, what=f"ex02_settings.{name}",
                    expected="the same object as the one defined in its module",
                    actual="a different object",
                    help="Import the names into __init__.py with relative imports "
                    "(from .models import Settings); do not define them a second time.")


def test_cli_quiet_on_import(learner: Learner, capsys: pytest.CaptureFixture[str]) -> None:
    """does not print anything when the cli module is imported"""
    cli = learner.submodule("cli")
    capsys.readouterr()  # forget what the first import printed; the reload below repeats it
    importlib.reload(cli.module)
    printed = capsys.readouterr().out
    expect_true(printed == "", what=f"importing {cli.module.__name__}",
                expected="no output", actual=f"it printed {printed.strip()!r}",
                help='Code at the top level runs on every import. Put the call to main() under '
                'if __name__ == "__main__": so it runs only when the file is executed.')


def test_cli_runs_as_program(
    learner: Learner, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """prints the settings when run with python -m ex02_settings.cli"""
    for variable, value in FULL_ENV.items():
        monkeypatch.setenv(variable, value)
    name = f"{learner.module.__name__}.cli"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "found in sys.modules" is harmless here
        runpy.run_module(name, run_name="__main__")
    printed = capsys.readouterr().out.strip()
    expect_equal(printed, "debug=True port=8080 database=postgresql",
                 what=f"ran python -m {name} with APP_DEBUG=yes, APP_PORT=8080 and a "
                 "postgresql URL; it printed",
                 help='Keep main() and call it under if __name__ == "__main__": at the bottom of '
                 "cli.py, so running the file still prints the settings.")
