"""Kata k17: a validated configuration object.

A service reads its settings from environment variables when it starts. A typo there should
stop it at once with a message that says what to fix, and all the mistakes should be listed
together: fixing one, redeploying, and only then learning about the next is slow.

Write the classmethod ``AppConfig.from_env(env)``. ``env`` is a mapping of variable names to
strings (``os.environ`` in production, a plain dict in tests). It reads:

========================  ===========================================  ==================
variable                  rule                                         default
========================  ===========================================  ==================
``APP_DATABASE_URL``      required, not empty                          (none)
``APP_PORT``              a whole number from 1 to 65535               ``8000``
``APP_WORKERS``           a whole number from 1 to 32                  ``1``
``APP_DEBUG``             ``true``/``false``/``1``/``0`` (any case)    ``False``
========================  ===========================================  ==================

Numbers are written with ASCII digits only (``"8000"``; not ``" 8000"`` or ``"+8000"``). It
returns an ``AppConfig`` with the converted values. When one or more variables are wrong it
raises ``ConfigError`` whose ``problems`` is a list with one string per wrong variable, in the
order of the table, each starting with the variable's name and quoting the value found, e.g.
``"APP_PORT must be a whole number from 1 to 65535, got '70000'"``. Other variables in ``env``
are ignored.

Example::

    >>> AppConfig.from_env({"APP_DATABASE_URL": "sqlite:///app.db", "APP_DEBUG": "TRUE"})
    AppConfig(database_url='sqlite:///app.db', port=8000, workers=1, debug=True)
"""

from collections.abc import Mapping
from dataclasses import dataclass


class ConfigError(Exception):
    """The configuration is invalid; ``problems`` lists every wrong variable."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("invalid configuration: " + "; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class AppConfig:
    """The service's settings, already converted and checked."""

    database_url: str
    port: int = 8000
    workers: int = 1
    debug: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "AppConfig":
        """Build the settings from ``env``, or raise ConfigError listing every problem."""
        # TODO: check each variable in turn, collecting problems instead of raising
        raise NotImplementedError


# Optional: a helper that reads one whole-number variable saves writing it twice.
