"""Checks for week04/ex09_file_transfer: limited, type-checked uploads and streamed downloads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from workbook.checking import Learner, expect_call
from workbook.checking_app import Answer, Api, open_api

LIMIT = 64 * 1024


@contextmanager
def fresh_api(learner: Learner) -> Iterator[Api]:
    """The app with no attachments stored, before and after."""
    attachments = learner.attribute("ATTACHMENTS")
    attachments.clear()
    try:
        with open_api(learner) as api:
            yield api
    finally:
        attachments.clear()


def upload(api: Api, task_id: int, name: str, data: bytes, content_type: str, *,
           expect: int, help: str) -> Answer:
    return api.post(f"/tasks/{task_id}/attachments", files={"file": (name, data, content_type)},
                    expect=expect, help=help,
                    note=f"with a file {name!r} ({content_type}, {len(data)} bytes)")


def test_safe_filename(learner: Learner) -> None:
    """keeps only a safe file name"""
    safe_filename = learner.function("safe_filename")
    help = ("Keep the last part of the path (after '/' or '\\'), replace every character "
            "outside A-Z, a-z, 0-9, '.', '_' and '-' with '_', and drop leading dots.")
    cases: tuple[tuple[str | None, str], ...] = (
        ("notes.txt", "notes.txt"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\report.pdf", "report.pdf"),
        ("my notes (1).txt", "my_notes__1_.txt"),
        ("r\u00e9sum\u00e9.pdf", "r_sum_.pdf"),
        (".env", "env"),
        ("..", "attachment"),
        ("", "attachment"),
        (None, "attachment"),
    )
    for name, expected in cases:
        expect_call(safe_filename, name, returns=expected, help=help)


def test_upload(learner: Learner) -> None:
    """stores an upload and answers 201 with its details"""
    help = "Check the type, read the file with read_limited, store it and return its info."
    with fresh_api(learner) as api:
        upload(api, 1, "notes.txt", b"hello world!", "text/plain", expect=201,
               help=help).expect_json(
            {"id": 1, "filename": "notes.txt", "content_type": "text/plain", "size": 12},
            help="Answer the AttachmentInfo: a new id, the safe file name, the type and the "
            "number of bytes read.")
        upload(api, 2, "../scan one.png", b"\x89PNG....", "image/png", expect=201,
               help=help).expect_json(
            {"id": 2, "filename": "scan_one.png", "content_type": "image/png", "size": 8},
            help="Store the name through safe_filename; ids count up.")
        upload(api, 3, "empty.txt", b"", "text/plain", expect=201,
               help="An empty file is allowed.").expect_fields(
            {"size": 0}, help="An empty file has size 0.")


def test_size_limit(learner: Learner) -> None:
    """accepts exactly 64 KiB and refuses one byte more with 413"""
    with fresh_api(learner) as api:
        upload(api, 1, "big.txt", b"a" * LIMIT, "text/plain", expect=201,
               help="MAX_ATTACHMENT_BYTES itself is allowed: refuse only when the total is "
               "larger than the limit.").expect_fields(
            {"size": LIMIT}, help="Keep every chunk you read.")
        upload(api, 1, "too-big.txt", b"a" * (LIMIT + 1), "text/plain", expect=413,
               help="Count the bytes as you read them and raise HTTPException(413) once the "
               "total passes MAX_ATTACHMENT_BYTES.").expect_json(
            {"detail": "Attachments are limited to 65536 bytes"},
            help="Tell the client the limit: detail=f'Attachments are limited to {limit} bytes'.")
        upload(api, 1, "huge.txt", b"a" * (5 * LIMIT), "text/plain", expect=413,
               help="Refuse large files with 413 too.")
        api.get("/tasks/1/attachments/2", expect=404,
                help="A refused upload must not be stored.")


def test_type_and_task_checks(learner: Learner) -> None:
    """refuses other types with 415, a missing task with 404, no file with 422"""
    with fresh_api(learner) as api:
        for content_type in ("application/x-msdownload", "text/html"):
            upload(api, 1, "run.exe", b"MZ...", content_type, expect=415,
                   help="Compare file.content_type with ALLOWED_TYPES and raise "
                   "HTTPException(415) when it is not there.").expect_json(
                {"detail": f"Content type {content_type} is not allowed"},
                help="Name the refused type: detail=f'Content type {content_type} is not "
                "allowed'.")
        upload(api, 1, "doc.pdf", b"%PDF-1.7", "application/pdf", expect=201,
               help="application/pdf is allowed.")
        upload(api, 9, "notes.txt", b"hi", "text/plain", expect=404,
               help="The task check is given: keep it first in the route.")
        api.post("/tasks/1/attachments", expect=422,
                 help="Declare file: UploadFile so a request without the field is refused.")


def test_download(learner: Learner) -> None:
    """streams the file back with its type and Content-Disposition"""
    data = bytes(range(256)) * 100  # 25,600 bytes: several chunks
    with fresh_api(learner) as api:
        upload(api, 2, "report.pdf", data, "application/pdf", expect=201, help="Upload first.")
        answer = api.get("/tasks/2/attachments/1", expect=200,
                         help="Find the attachment and answer a StreamingResponse.")
        answer.expect_content(data, help="Send every chunk of the stored bytes, in order.")
        answer.expect_header("content-type", startswith="application/pdf",
                             help="Pass media_type=the stored content type.")
        answer.expect_header("content-disposition", 'attachment; filename="report.pdf"',
                             help="Set Content-Disposition: attachment; filename=\"<name>\" so "
                             "a browser saves the file.")
        answer.expect_no_header("content-length",
                                help="Stream the body with StreamingResponse(chunks(data), ...) "
                                "instead of sending it whole with Response(content=...).")
        api.get("/tasks/3/attachments/1", expect=404,
                help="An attachment of another task is 404: check attachment.task_id too.")
        api.get("/tasks/2/attachments/7", expect=404,
                help="A missing attachment is 404.").expect_json(
            {"detail": "Attachment 7 not found"},
            help="Name the attachment: detail=f'Attachment {attachment_id} not found'.")
