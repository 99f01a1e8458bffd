"""Settings for a web service, read from environment variables.

The package is split by job: ``errors`` defines the exception, ``models`` the settings record,
``parsing`` turns text into values, ``loader`` puts it together and ``cli`` prints the result.
Code outside the package should only need what this file exports::

    from ex02_settings import Settings, SettingsError, load_settings
"""

# BEGIN SOLUTION: export Settings, SettingsError and load_settings
from .errors import SettingsError
from .loader import load_settings
from .models import Settings

__all__ = ["Settings", "SettingsError", "load_settings"]
# STUB: # TODO: import Settings, SettingsError and load_settings from the modules of this
# STUB: # package with relative imports (from .module import name), then list exactly those
# STUB: # three names in __all__.
# STUB: __all__: list[str] = []
# END SOLUTION
