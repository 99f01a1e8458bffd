"""The ceiling of the benchmark: a bare Starlette endpoint serving the same 50 items.

``bench.py`` fetches one page of the list scenario from TaskHub (same URL, same token),
writes its JSON body to a file and names that file in ``TASKHUB_BENCH_CEILING_BODY``. This
endpoint answers that page on every request: no database, no authentication, no validation,
but the same document serialised again each time, as a real endpoint would.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

BODY_VARIABLE = "TASKHUB_BENCH_CEILING_BODY"

_page: dict[str, Any] = json.loads(Path(os.environ[BODY_VARIABLE]).read_text(encoding="utf-8"))


async def list_page(_request: Request) -> JSONResponse:
    return JSONResponse(_page)


app = Starlette(routes=[Route("/", list_page)])
