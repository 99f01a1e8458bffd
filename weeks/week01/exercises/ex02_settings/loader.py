"""Build a Settings object from a mapping of environment variables."""

from collections.abc import Mapping

from .errors import SettingsError
from .models import Settings

# TODO: import parse_bool and parse_port from the sibling module parsing
# (a relative import, like the two above).

DEFAULTS = {"APP_DEBUG": "false", "APP_PORT": "8000", "APP_DATABASE_URL": "sqlite:///./app.db"}


def load_settings(environ: Mapping[str, str]) -> Settings:
    """Read APP_DEBUG, APP_PORT and APP_DATABASE_URL from ``environ``.

    A missing variable takes its value from ``DEFAULTS``. APP_DEBUG goes through ``parse_bool``
    and APP_PORT through ``parse_port``; both raise SettingsError for bad values. The database
    URL is kept as it is, without surrounding spaces; an empty one is a SettingsError too.
    """
    # TODO: look each variable up with a default, convert it, and build Settings
    raise NotImplementedError
