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
        # BEGIN SOLUTION: check each variable in turn, collecting problems instead of raising
        problems: list[str] = []
        database_url = env.get("APP_DATABASE_URL", "")
        if not database_url:
            problems.append("APP_DATABASE_URL is required")
        port = _whole_number(env, "APP_PORT", 8000, 65535, problems)
        workers = _whole_number(env, "APP_WORKERS", 1, 32, problems)
        debug_text = env.get("APP_DEBUG", "false").lower()
        if debug_text not in {"true", "false", "1", "0"}:
            problems.append(f"APP_DEBUG must be true, false, 1 or 0, got {env['APP_DEBUG']!r}")
        if problems:
            raise ConfigError(problems)
        return cls(database_url, port, workers, debug_text in {"true", "1"})
        # END SOLUTION


# BEGIN SOLUTION
def _whole_number(
    env: Mapping[str, str], name: str, default: int, maximum: int, problems: list[str]
) -> int:
    """Read ``name`` as an int from 1 to ``maximum``; on failure, add a problem."""
    text = env.get(name)
    if text is None:
        return default
    if text and all("0" <= char <= "9" for char in text) and 1 <= int(text) <= maximum:
        return int(text)
    problems.append(f"{name} must be a whole number from 1 to {maximum}, got {text!r}")
    return default  # not used: from_env raises ConfigError once a problem is recorded
# STUB: # Optional: a helper that reads one whole-number variable saves writing it twice.
# END SOLUTION
