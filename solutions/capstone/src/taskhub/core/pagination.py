"""Page envelopes, opaque keyset cursors, and JSON responses serialised in one pass."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, Generic, TypeVar

from fastapi import Response
from pydantic import BaseModel, Field

from taskhub.core.errors import BadRequestError

ItemT = TypeVar("ItemT")


class Page(BaseModel, Generic[ItemT]):
    """One page of a list.

    ``total`` is only computed for offset pages; ``next_cursor`` is present whenever more
    items may follow and can be sent back as ``cursor`` to continue with keyset pagination.
    """

    items: list[ItemT]
    limit: int
    offset: int | None = Field(default=None, description="Offset of this page (offset mode).")
    total: int | None = Field(default=None, description="Matching items (offset mode only).")
    next_cursor: str | None = Field(default=None, description="Opaque cursor of the next page.")


def encode_cursor(payload: dict[str, Any]) -> str:
    """Serialise a cursor payload to an opaque, URL-safe string."""
    raw = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> dict[str, Any]:
    """Read back a cursor made by :func:`encode_cursor`; a 400 problem if it is not one."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
    except (binascii.Error, ValueError) as exc:
        raise BadRequestError("The cursor is malformed.") from exc
    if not isinstance(payload, dict):
        raise BadRequestError("The cursor is malformed.")
    return payload


def json_response(
    body: BaseModel, *, status_code: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """``body`` serialised once, by pydantic, straight to JSON bytes.

    Returning the model itself would make FastAPI validate it a second time against the
    route's ``response_model`` (for a plain ``def`` endpoint, in one more thread-pool hop)
    before serialising it. The route keeps ``response_model=`` for the OpenAPI document.
    """
    return Response(
        body.model_dump_json(),
        status_code=status_code,
        headers=headers,
        media_type="application/json",
    )
