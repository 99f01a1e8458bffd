"""Checks for week03/ex07_pydantic_serialisation: a read model and what it puts on the wire."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from pydantic import BaseModel, ValidationError

from workbook.checking import CheckFailure, Learner, call, describe_exception, expect_equal, show

CAMEL = {"id": 7, "title": "Café run", "status": "doing", "tags": ["home"],
         "dueOn": "2026-04-30", "createdAt": "2026-03-01T11:30:00.250+02:00",
         "updatedAt": None, "internalNotes": "customer was rude"}
PAYLOAD = {"id": 7, "title": "Café run", "status": "doing", "tags": ["home"],
           "dueOn": "2026-04-30", "createdAt": "2026-03-01T09:30:00Z", "updatedAt": None,
           "isDone": False, "url": "/v1/tasks/7"}


@dataclass
class TaskRow:
    """What an ORM row looks like to the model: attributes, not a dict."""

    id: int
    title: str
    status: str
    created_at: datetime
    due_on: date | None = None
    tags: list[str] = field(default_factory=list)
    updated_at: datetime | None = None
    internal_notes: str = ""


def task_read(learner: Learner) -> type[BaseModel]:
    found = learner.cls("TaskRead")
    if not issubclass(found, BaseModel):
        raise CheckFailure("TaskRead should be a Pydantic model", expected="class "
                           "TaskRead(BaseModel)", actual=f"bases {found.__bases__}",
                           help="Inherit from pydantic.BaseModel.")
    return found


def validate(learner: Learner, data: Any, help: str) -> Any:
    model = task_read(learner)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        errors = "; ".join(f"{e['loc']!r}: {e['msg']}" for e in error.errors())
        raise CheckFailure(f"TaskRead.model_validate({show(data)}) refused it: {errors}",
                           expected="a TaskRead", actual=errors, help=help) from None
    except Exception as error:
        raise CheckFailure(f"TaskRead.model_validate({show(data)}) raised "
                           f"{describe_exception(error)}", expected="a TaskRead",
                           actual=describe_exception(error), help=help) from error


def payload(learner: Learner, task: Any) -> Any:
    to_payload = learner.function("to_payload", signature="to_payload(task: TaskRead)")
    return call(to_payload, task, help="to_payload dumps the model; it must not fail.")


def test_reads_camel_case(learner: Learner) -> None:
    """reads camelCase keys as a client sends them"""
    task = validate(learner, CAMEL, help="Give the model alias_generator=to_camel.")
    expect_equal((task.due_on, task.created_at, task.internal_notes),
                 (date(2026, 4, 30),
                  datetime(2026, 3, 1, 11, 30, 0, 250000, tzinfo=timezone(timedelta(hours=2))),
                  "customer was rude"),
                 what="TaskRead from camelCase keys: (due_on, created_at, internal_notes)",
                 help="alias_generator=to_camel lets dueOn fill due_on; the datetime keeps "
                 "its offset inside Python.")


def test_reads_snake_case_and_rows(learner: Learner) -> None:
    """reads snake_case keys and ORM-like objects too"""
    created = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    task = validate(learner, {"id": 1, "title": "t", "status": "todo", "created_at": created},
                    help="populate_by_name=True also accepts the field names themselves.")
    expect_equal((task.id, task.tags, task.due_on, task.updated_at, task.internal_notes),
                 (1, [], None, None, ""),
                 what="TaskRead from snake_case keys: (id, tags, due_on, updated_at, notes)",
                 help="tags defaults to an empty list, the dates to None, the notes to ''.")
    row = TaskRow(2, "From the database", "done", created, internal_notes="secret")
    task = validate(learner, row, help="from_attributes=True reads an object's attributes.")
    expect_equal((task.title, task.status, task.internal_notes),
                 ("From the database", "done", "secret"),
                 what="TaskRead.model_validate(<a TaskRow object>): (title, status, notes)",
                 help="An ORM row is an object with attributes: set from_attributes=True.")


def test_refuses_naive_datetime(learner: Learner) -> None:
    """refuses a timestamp without a time zone"""
    model = task_read(learner)
    data = {"id": 1, "title": "t", "status": "todo", "createdAt": "2026-03-01T09:30:00"}
    try:
        result = model.model_validate(data)
    except ValidationError as error:
        locs = [tuple(e["loc"]) for e in error.errors()]
        expect_equal(locs, [("createdAt",)], what=f"the errors of TaskRead({show(data)})",
                     help="Only createdAt is wrong here.")
        return
    raise CheckFailure(f"TaskRead({show(data)}) accepted a naive datetime: {result!r}",
                       expected="a ValidationError at createdAt", actual="accepted",
                       help="Type the timestamps as AwareDatetime: a time without a zone is "
                       "ambiguous the moment two servers disagree on theirs.")


def test_frozen(learner: Learner) -> None:
    """cannot be changed once built"""
    task = validate(learner, CAMEL, help="The example is valid.")
    try:
        task.title = "changed"
    except (ValidationError, TypeError, AttributeError):
        return
    raise CheckFailure("assigning task.title on a TaskRead worked", expected="an error",
                       actual="the title changed", help="Add frozen=True to model_config.")


def test_payload(learner: Learner) -> None:
    """sends camelCase JSON with UTC timestamps and computed fields"""
    task = validate(learner, CAMEL, help="The example is valid.")
    expect_equal(payload(learner, task), PAYLOAD, what="to_payload(<the Café run task>)",
                 help="model_dump(mode='json', by_alias=True): camelCase keys, JSON types, "
                 "createdAt in UTC to the second with a Z, isDone and url computed, and "
                 "internalNotes never (Field(exclude=True)).")


def test_payload_variants(learner: Learner) -> None:
    """computes isDone and writes both timestamps in UTC"""
    data = {"id": 42, "title": "Done", "status": "done",
            "createdAt": "2026-12-31T23:59:59.999-05:00", "updatedAt": "2027-01-01T05:00:00Z"}
    task = validate(learner, data, help="This task is valid.")
    result = payload(learner, task)
    expect_equal({k: result.get(k) for k in ("createdAt", "updatedAt", "isDone", "url")},
                 {"createdAt": "2027-01-01T04:59:59Z", "updatedAt": "2027-01-01T05:00:00Z",
                  "isDone": True, "url": "/v1/tasks/42"},
                 what=f"to_payload(TaskRead({show(data)})) timestamps and computed fields",
                 help="Convert to UTC (astimezone(UTC)) before dropping the microseconds; the "
                 "same serializer handles updated_at; is_done is True for DONE.")
    expect_true_python_mode(task)


def expect_true_python_mode(task: Any) -> None:
    dumped = call(task.model_dump, help="model_dump() must work in Python mode too.")
    expect_equal((type(dumped.get("created_at")).__name__, "internal_notes" in dumped),
                 ("datetime", False),
                 what="task.model_dump() (Python mode): (type of created_at, notes present)",
                 help="Serialise timestamps as text only in JSON mode: "
                 "field_serializer(..., when_used='json'). Excluded fields stay out of every "
                 "dump.")


def test_summary(learner: Learner) -> None:
    """sends only id, title and status in a summary"""
    to_summary = learner.function("to_summary", signature="to_summary(task: TaskRead)")
    task = validate(learner, CAMEL, help="The example is valid.")
    result = call(to_summary, task, help="to_summary dumps the model.")
    expect_equal(result, {"id": 7, "title": "Café run", "status": "doing"},
                 what="to_summary(<the Café run task>)",
                 help="model_dump(include={...}) keeps only the fields you name, computed "
                 "ones included; use JSON mode so the status is a plain string.")
    expect_equal(type(result.get("status")).__name__, "str",
                 what="the type of to_summary(<the Café run task>)['status']",
                 help="A summary holds JSON types only: dump in mode='json' so the status is a "
                 "plain str, not the Status enum.")


def test_page_json(learner: Learner) -> None:
    """writes a compact JSON page with items, total and next"""
    page_json = learner.function("page_json", signature="page_json(tasks, *, total, next_url)")
    task = validate(learner, CAMEL, help="The example is valid.")
    text = call(page_json, [task], total=31, next_url="/v1/tasks?page=2",
                help="page_json builds a string.")
    expected = json.dumps({"items": [PAYLOAD], "total": 31, "next": "/v1/tasks?page=2"},
                          separators=(",", ":"), ensure_ascii=False)
    expect_equal(text, expected, what="page_json([task], total=31, next_url='/v1/tasks?page=2')",
                 help="Use to_payload for each item, then json.dumps with separators=(',', ':') "
                 "and ensure_ascii=False (a compact body with 'é' as it is).")
    text = call(page_json, [], total=0, next_url=None, help="An empty page is valid.")
    expect_equal(text, '{"items":[],"total":0,"next":null}',
                 what="page_json([], total=0, next_url=None)",
                 help="An empty page still has the three keys; None becomes null.")
