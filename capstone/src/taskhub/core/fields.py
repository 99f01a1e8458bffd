"""Field constraints shared by every input: no NUL characters, omittable-but-not-null.

PostgreSQL cannot store U+0000 in a text value (psycopg refuses it, which used to surface as a
500), and no legitimate title or name contains one. The constraint is a ``pattern`` so that the
OpenAPI document says it too and schema-driven clients never send one.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic.config import JsonDict

#: Any string without U+0000 (``[^\x00]`` also matches line breaks, unlike ``.``).
NO_NUL_PATTERN = r"^[^\x00]*$"
#: Starts with a visible character, contains no U+0000.
NO_NUL_NOT_BLANK_PATTERN = r"^[^\s\x00][^\x00]*$"

NulFreeStr = Annotated[str, Field(pattern=NO_NUL_PATTERN)]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: Any) -> Any:
    """Refuse what pydantic would otherwise read as a date: ``0`` is 1970-01-01 in lax mode."""
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("expected a date as YYYY-MM-DD")


#: A calendar date written as ``YYYY-MM-DD``, as the OpenAPI ``format: date`` says; no numbers.
IsoDate = Annotated[date, BeforeValidator(_iso_date_only)]


def omittable_not_null(schema: JsonDict) -> None:
    """``json_schema_extra`` for a PATCH field that may be left out but never sent as null.

    The Python type is ``X | None = None`` (None means "not sent"); a model validator refuses
    an explicit null, so the published schema drops the ``null`` alternative to say the same.
    """
    alternatives = schema.pop("anyOf", None)
    if not isinstance(alternatives, list):
        return
    kept = [
        item for item in alternatives if not (isinstance(item, dict) and item.get("type") == "null")
    ]
    if len(kept) == 1 and isinstance(kept[0], dict):
        schema.update(kept[0])
    else:
        schema["anyOf"] = kept
