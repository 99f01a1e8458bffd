"""Task attachments: upload a file with a size limit and a type check, stream it back.

``POST /tasks/{task_id}/attachments`` takes a multipart form with one field, ``file``, and
answers ``201`` with ``{"id": 1, "filename": "notes.txt", "content_type": "text/plain",
"size": 12}``. It refuses:

- a file larger than MAX_ATTACHMENT_BYTES with ``413`` and
  ``{"detail": "Attachments are limited to 65536 bytes"}`` (exactly the limit is allowed);
- a content type outside ALLOWED_TYPES with ``415`` and
  ``{"detail": "Content type text/html is not allowed"}``;
- a task that does not exist with ``404``.

``GET /tasks/{task_id}/attachments/{attachment_id}`` streams the file back in chunks of
CHUNK_BYTES, with its content type and ``Content-Disposition: attachment;
filename="notes.txt"`` so a browser saves it instead of showing it. An attachment that does
not exist, or belongs to another task, is ``404`` with ``{"detail": "Attachment 7 not found"}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from fastapi import FastAPI, HTTPException, Response, UploadFile, status
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

app = FastAPI(title="Tasks API", version="0.9.0")

MAX_ATTACHMENT_BYTES = 64 * 1024
CHUNK_BYTES = 8 * 1024
ALLOWED_TYPES = frozenset({"text/plain", "application/pdf", "image/png"})
TASK_IDS = frozenset({1, 2, 3})
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


class AttachmentInfo(BaseModel):
    id: int
    filename: str
    content_type: str
    size: int


@dataclass
class Attachment:
    info: AttachmentInfo
    task_id: int
    data: bytes


ATTACHMENTS: dict[int, Attachment] = {}


def safe_filename(name: str | None) -> str:
    """The file name without any folder, with characters outside ``[A-Za-z0-9._-]`` as ``_``.

    Leading dots are dropped too, so no upload becomes a hidden file. ``"../../etc/passwd"``
    -> ``"passwd"``, ``"my notes.txt"`` -> ``"my_notes.txt"``; a name that ends up empty (or
    is missing) becomes ``"attachment"``.
    """
    # TODO: keep the last path part (either slash), replace unsafe characters
    raise NotImplementedError


async def read_limited(file: UploadFile, limit: int) -> bytes:
    """Read the upload in CHUNK_BYTES pieces; 413 as soon as it is larger than ``limit``.

    The size a client announces cannot be trusted, so count the bytes actually read.
    """
    # TODO: read chunk by chunk, stop with 413 once the total passes the limit
    raise NotImplementedError


@app.post("/tasks/{task_id}/attachments", status_code=status.HTTP_201_CREATED)
async def upload_attachment(task_id: int, file: UploadFile) -> AttachmentInfo:
    """Store the uploaded file for the task (see the module docstring for the refusals)."""
    if task_id not in TASK_IDS:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"Task {task_id} not found")
    # TODO: check the type (415), read with the limit, then store the attachment
    raise NotImplementedError


def chunks(data: bytes) -> Iterator[bytes]:
    """The bytes in pieces of CHUNK_BYTES, for a streamed answer."""
    for start in range(0, len(data), CHUNK_BYTES):
        yield data[start : start + CHUNK_BYTES]


@app.get("/tasks/{task_id}/attachments/{attachment_id}")
def download_attachment(task_id: int, attachment_id: int) -> Response:
    """Stream the attachment back (404 when it does not exist or belongs to another task)."""
    # TODO: find it, then answer a StreamingResponse with Content-Disposition
    raise NotImplementedError
