"""Checks for kata k17: a validated configuration object."""

from typing import Any

from workbook.checking import (
    CheckFailure,
    Learner,
    call,
    describe_exception,
    expect_equal,
    expect_true,
    show,
)

URL = "postgresql://app@db/app"


def _from_env(learner: Learner) -> Any:
    cls = learner.cls("AppConfig")
    return cls.from_env


def _config(learner: Learner, env: dict[str, str], help: str) -> Any:
    config = call(_from_env(learner), env, help=help)
    return (config.database_url, config.port, config.workers, config.debug)


def _problems(learner: Learner, env: dict[str, str], help: str) -> list[str]:
    """The problems of the ConfigError that from_env(env) must raise."""
    error_type = learner.cls("ConfigError")
    try:
        result = _from_env(learner)(env)
    except NotImplementedError:
        raise
    except error_type as error:
        problems = getattr(error, "problems", None)
        expect_true(isinstance(problems, list), what=f"ConfigError.problems for {show(env)}",
                    expected="a list of strings", actual=show(problems),
                    help="ConfigError(problems) keeps the list it is given as .problems.")
        return list(problems or [])
    except Exception as error:
        raise CheckFailure(
            f"called AppConfig.from_env({show(env)}), it raised {describe_exception(error)}, "
            "expected ConfigError",
            expected="ConfigError", actual=describe_exception(error), help=help,
        ) from error
    raise CheckFailure(
        f"called AppConfig.from_env({show(env)}), it returned {show(result)} instead of raising "
        "ConfigError",
        expected="ConfigError", actual=f"returned {show(result)}", help=help,
    )


def test_defaults(learner: Learner) -> None:
    """uses the defaults when only the database URL is set"""
    expect_equal(_config(learner, {"APP_DATABASE_URL": URL}, "Only APP_DATABASE_URL is required."),
                 (URL, 8000, 1, False),
                 what="(database_url, port, workers, debug) from only APP_DATABASE_URL",
                 help="A missing APP_PORT means 8000, APP_WORKERS 1 and APP_DEBUG False.")


def test_converts_values(learner: Learner) -> None:
    """converts the port, workers and debug flag and ignores other variables"""
    env = {"APP_DATABASE_URL": URL, "APP_PORT": "9000", "APP_WORKERS": "4",
           "APP_DEBUG": "true", "PATH": "/usr/bin"}
    expect_equal(_config(learner, env, "Every value here is valid."), (URL, 9000, 4, True),
                 what="(database_url, port, workers, debug) from a full environment",
                 help="Convert the numbers with int() and APP_DEBUG to a bool.")


def test_debug_values(learner: Learner) -> None:
    """reads true, false, 1 and 0 for the debug flag, in any case"""
    for text, value in (("TRUE", True), ("1", True), ("False", False), ("0", False)):
        result = _config(learner, {"APP_DATABASE_URL": URL, "APP_DEBUG": text},
                         f"APP_DEBUG={text!r} is valid.")
        expect_equal(result[3], value, what=f"debug for APP_DEBUG={text!r}",
                     help="Lower-case the text, then 'true' and '1' mean True, 'false' and '0' "
                          "mean False.")


def test_bounds(learner: Learner) -> None:
    """accepts the port and the workers exactly on their bounds"""
    for port, workers in (("1", "1"), ("65535", "32")):
        env = {"APP_DATABASE_URL": URL, "APP_PORT": port, "APP_WORKERS": workers}
        expect_equal(_config(learner, env, "Both values are on an inclusive bound.")[1:3],
                     (int(port), int(workers)),
                     what=f"(port, workers) for APP_PORT={port!r}, APP_WORKERS={workers!r}",
                     help="The ranges include their ends: 1 to 65535 and 1 to 32.")


def test_refuses_out_of_range(learner: Learner) -> None:
    """refuses values one past each bound, naming the variable and the value"""
    for name, text in (("APP_PORT", "0"), ("APP_PORT", "65536"), ("APP_WORKERS", "0"),
                       ("APP_WORKERS", "33")):
        problems = _problems(learner, {"APP_DATABASE_URL": URL, name: text},
                             help=f"{name}={text!r} is out of range: raise ConfigError.")
        expect_true(len(problems) == 1 and problems[0].startswith(name)
                    and repr(text) in problems[0],
                    what=f"ConfigError.problems for {name}={text!r}",
                    expected=f"one problem starting with {name!r} and quoting {text!r}",
                    actual=show(problems),
                    help="Each problem starts with the variable's name and quotes the value "
                         "found ({text!r}), so the operator knows what to fix.")


def test_refuses_bad_numbers(learner: Learner) -> None:
    """refuses numbers that are not plain ASCII digits"""
    for text in ("", " 8000", "+8000", "8000.0", "eighty", "٨٠٠٠"):
        problems = _problems(learner, {"APP_DATABASE_URL": URL, "APP_PORT": text},
                             help=f"APP_PORT={text!r} is not a plain number: raise ConfigError.")
        expect_true(len(problems) == 1 and problems[0].startswith("APP_PORT"),
                    what=f"ConfigError.problems for APP_PORT={text!r}",
                    expected="one problem about APP_PORT", actual=show(problems),
                    help="int() accepts ' 8000', '+8000' and Arabic-Indic digits; check that "
                         "every character is '0' to '9' before converting.")


def test_requires_database_url(learner: Learner) -> None:
    """refuses a missing or empty database URL and a bad debug flag"""
    for env in ({}, {"APP_DATABASE_URL": ""}):
        problems = _problems(learner, env, help="APP_DATABASE_URL is required.")
        expect_true(len(problems) == 1 and problems[0].startswith("APP_DATABASE_URL"),
                    what=f"ConfigError.problems for {show(env)}",
                    expected="one problem about APP_DATABASE_URL", actual=show(problems),
                    help="A missing or empty APP_DATABASE_URL is one problem that names it.")
    problems = _problems(learner, {"APP_DATABASE_URL": URL, "APP_DEBUG": "yes"},
                         help="APP_DEBUG='yes' is not one of true, false, 1, 0.")
    expect_true(len(problems) == 1 and problems[0].startswith("APP_DEBUG")
                and "'yes'" in problems[0],
                what="ConfigError.problems for APP_DEBUG='yes'",
                expected="one problem starting with 'APP_DEBUG' and quoting 'yes'",
                actual=show(problems),
                help="Only true, false, 1 and 0 are accepted; quote the value found.")


def test_reports_every_problem(learner: Learner) -> None:
    """lists every wrong variable at once, in the order of the table"""
    env = {"APP_DEBUG": "maybe", "APP_WORKERS": "100", "APP_PORT": "http"}
    problems = _problems(learner, env, help="All four variables are wrong here.")
    expect_equal([problem.split()[0] for problem in problems],
                 ["APP_DATABASE_URL", "APP_PORT", "APP_WORKERS", "APP_DEBUG"],
                 what="the first word of each problem for four wrong variables",
                 help="Do not raise at the first problem: append each one to a list and raise "
                      "ConfigError(problems) once, after checking every variable in the "
                      "table's order.")
