"""Print the settings the service would start with.

Run it from the exercises folder with::

    python -m ex02_settings.cli
"""

import os

from .loader import load_settings


def main() -> None:
    """Load the settings from the real environment and print their one-line description."""
    print(load_settings(os.environ).describe())


# BEGIN SOLUTION: run main() only when this file is executed, never when it is imported
if __name__ == "__main__":
    main()
# STUB: # TODO: this line runs on every import of the module. Make it run only when the file
# STUB: # is executed (python -m ex02_settings.cli), never when another module imports it.
# STUB: main()
# END SOLUTION
