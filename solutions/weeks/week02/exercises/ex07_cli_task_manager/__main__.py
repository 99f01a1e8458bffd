"""``python -m ex07_cli_task_manager ...`` runs the command line and exits with its code."""

import sys

from .cli import main

sys.exit(main())
