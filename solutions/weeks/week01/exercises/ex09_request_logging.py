"""Report what a service does through ``logging``, never ``print``.

``print`` writes to standard output with no level, no timestamp and no way to switch it off.
A logger sends records to whatever the application configured (the console in development,
JSON lines in production) and lets an operator choose how much detail to see.

Library code like this module only *creates* a logger and *uses* it. It never calls
``logging.basicConfig`` and never adds handlers: configuring logging is the application's job.

Levels used here:

* DEBUG: details that only help while developing (each feature flag read);
* INFO: normal events worth a line (a request that succeeded);
* WARNING: something unexpected that the service survived (a 4xx response, a bad flag value);
* ERROR via ``logger.exception``: a failure, with its traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

# BEGIN SOLUTION: create the module's logger, named after the module
logger = logging.getLogger(__name__)
# STUB: # TODO: create the module's logger here, named after the module (__name__).
# END SOLUTION

CLIENT_ERROR = 400
SERVER_ERROR = 500
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def handle_request(request_id: str, path: str, handler: Callable[[], int]) -> int:
    """Run ``handler`` (it returns an HTTP status code) and log how the request went.

    * Status below 400: one INFO record, e.g. ``"req-0042 /orders -> 200"``.
    * Status 400 to 499: one WARNING record with the same kind of text.
    * Status 500 or more (returned by the handler): one ERROR record.
    * The handler raises: log it with ``logger.exception`` (level ERROR, traceback attached)
      and return 500 instead of raising.

    Every record's message contains the request id, the path and the status code.
    """
    # BEGIN SOLUTION: call the handler inside try/except, then pick the level from the status
    try:
        status = handler()
    except Exception:
        logger.exception("%s %s -> %d (unhandled error)", request_id, path, SERVER_ERROR)
        return SERVER_ERROR
    if status >= SERVER_ERROR:
        level = logging.ERROR
    elif status >= CLIENT_ERROR:
        level = logging.WARNING
    else:
        level = logging.INFO
    logger.log(level, "%s %s -> %d", request_id, path, status)
    return status
    # END SOLUTION


def read_feature_flags(raw: Mapping[str, str]) -> dict[str, bool]:
    """Turn ``{"new_checkout": "on", "dark_mode": "no"}`` into booleans.

    Words are compared stripped and lower-cased (``TRUE_WORDS`` and ``FALSE_WORDS``). Log each
    flag you read at DEBUG, with its name and value. A value that is neither true nor false
    is logged at WARNING (name the flag and quote the value) and the flag is switched off.
    """
    # BEGIN SOLUTION: normalise each value, log at DEBUG or WARNING, and build the dict
    flags: dict[str, bool] = {}
    for name, value in raw.items():
        word = value.strip().lower()
        if word in TRUE_WORDS or word in FALSE_WORDS:
            flags[name] = word in TRUE_WORDS
            logger.debug("feature flag %s = %s", name, flags[name])
        else:
            logger.warning("feature flag %s has an unknown value %r; turning it off", name, value)
            flags[name] = False
    return flags
    # END SOLUTION
