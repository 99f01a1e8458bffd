"""Build a Settings object from a mapping of environment variables."""

from collections.abc import Mapping

from .errors import SettingsError
from .models import Settings

# BEGIN SOLUTION: import parse_bool and parse_port from the sibling module parsing
from .parsing import parse_bool, parse_port

# STUB: # TODO: import parse_bool and parse_port from the sibling module parsing
# STUB: # (a relative import, like the two above).
# END SOLUTION

DEFAULTS = {"APP_DEBUG": "false", "APP_PORT": "8000", "APP_DATABASE_URL": "sqlite:///./app.db"}


def load_settings(environ: Mapping[str, str]) -> Settings:
    """Read APP_DEBUG, APP_PORT and APP_DATABASE_URL from ``environ``.

    A missing variable takes its value from ``DEFAULTS``. APP_DEBUG goes through ``parse_bool``
    and APP_PORT through ``parse_port``; both raise SettingsError for bad values. The database
    URL is kept as it is, without surrounding spaces; an empty one is a SettingsError too.
    """
    # BEGIN SOLUTION: look each variable up with a default, convert it, and build Settings
    def read(variable: str) -> str:
        return environ.get(variable, DEFAULTS[variable])

    database_url = read("APP_DATABASE_URL").strip()
    if not database_url:
        raise SettingsError("APP_DATABASE_URL", "must not be empty")
    return Settings(
        debug=parse_bool("APP_DEBUG", read("APP_DEBUG")),
        port=parse_port("APP_PORT", read("APP_PORT")),
        database_url=database_url,
    )
    # END SOLUTION
