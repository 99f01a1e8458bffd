"""Checks for week03/ex06_pydantic_models: request models that refuse bad input precisely."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from workbook.checking import CheckFailure, Learner, call, describe_exception, expect_equal, show


def model(learner: Learner, name: str) -> type[BaseModel]:
    found = learner.cls(name)
    if not issubclass(found, BaseModel):
        raise CheckFailure(f"{name} should be a Pydantic model, but it does not subclass "
                           "BaseModel", expected=f"class {name}(BaseModel)",
                           actual=f"class {name} with bases {found.__bases__}",
                           help="Import BaseModel from pydantic and inherit from it.")
    return found


def accept(cls: type[BaseModel], data: Any, help: str) -> Any:
    """Validate data that must be accepted; a refusal fails with Pydantic's errors."""
    try:
        return cls.model_validate(data)
    except ValidationError as error:
        raise CheckFailure(
            f"{cls.__name__}.model_validate({show(data)}) refused valid input:\n"
            f"{describe_errors(error)}",
            expected="a valid model", actual=f"{error.error_count()} validation error(s)",
            help=help) from None
    except Exception as error:
        raise CheckFailure(
            f"{cls.__name__}.model_validate({show(data)}) raised {describe_exception(error)}",
            expected="a valid model", actual=describe_exception(error),
            help="Validators should raise ValueError, which Pydantic turns into a "
            "ValidationError; anything else escapes as a crash.") from error


def describe_errors(error: ValidationError) -> str:
    return "\n".join(f"  - at {e['loc']!r}: {e['msg']}" for e in error.errors())


def refuse(cls: type[BaseModel], data: Any, *, loc: tuple[Any, ...], help: str,
           message: str | None = None, kind: str | None = None) -> None:
    """Validate data that must be refused with an error at ``loc`` (of ``kind``/``message``)."""
    call_text = f"{cls.__name__}.model_validate({show(data)})"
    try:
        result = cls.model_validate(data)
    except ValidationError as error:
        for found in error.errors():
            if (tuple(found["loc"]) == loc and (kind is None or found["type"] == kind)
                    and (message is None or message in found["msg"])):
                return
        want = f"an error at {loc!r}" + (f" of type {kind!r}" if kind else "") + (
            f" saying {message!r}" if message else "")
        raise CheckFailure(f"{call_text} refused the input, but not as expected:\n"
                           f"{describe_errors(error)}", expected=want,
                           actual="; ".join(f"{e['loc']!r}: {e['msg']}" for e in error.errors()),
                           help=help) from None
    except Exception as error:
        raise CheckFailure(f"{call_text} raised {describe_exception(error)}",
                           expected="a ValidationError", actual=describe_exception(error),
                           help="Raise ValueError inside validators; Pydantic wraps it in a "
                           "ValidationError.") from error
    raise CheckFailure(f"{call_text} accepted invalid input: {result!r}",
                       expected=f"a ValidationError at {loc!r}", actual=f"accepted: {result!r}",
                       help=help)


def test_minimal_task(learner: Learner) -> None:
    """accepts a task with only a title and fills the defaults"""
    task_create = model(learner, "TaskCreate")
    priority = learner.cls("Priority")
    task = accept(task_create, {"title": "  Buy milk  "}, help="A title is all a task needs.")
    expect_equal(
        (task.title, task.description, task.priority, task.tags, task.starts_on, task.due_on,
         task.repeat),
        ("Buy milk", "", priority.MEDIUM, [], None, None, None),
        what="TaskCreate(title='  Buy milk  ') as (title, description, priority, tags, "
        "starts_on, due_on, repeat)",
        help="Strip strings with str_strip_whitespace=True in model_config, and give every other "
        "field the default the docstring lists.")


def test_title_bounds(learner: Learner) -> None:
    """accepts titles of 1 and 200 characters and refuses 0 and 201"""
    task_create = model(learner, "TaskCreate")
    for title in ("a", "x" * 200):
        task = accept(task_create, {"title": title}, help="1 and 200 characters are allowed.")
        expect_equal(task.title, title, what=f"TaskCreate(title=<{len(title)} chars>).title",
                     help="Both bounds are inclusive.")
    for title, kind in (("", "string_too_short"), ("   ", "string_too_short"),
                        ("x" * 201, "string_too_long")):
        refuse(task_create, {"title": title}, loc=("title",), kind=kind,
               help="Field(min_length=1, max_length=200) on the title; spaces are stripped "
               "before the length is checked.")
    refuse(task_create, {}, loc=("title",), kind="missing", help="The title is required.")


def test_description_and_priority(learner: Learner) -> None:
    """limits the description to 2000 characters and the priority to its enum"""
    task_create = model(learner, "TaskCreate")
    priority = learner.cls("Priority")
    task = accept(task_create, {"title": "t", "description": "d" * 2000, "priority": "high"},
                  help="2000 characters and 'high' are allowed.")
    expect_equal(task.priority, priority.HIGH, what="TaskCreate(priority='high').priority",
                 help="Type the field as Priority: Pydantic turns 'high' into Priority.HIGH.")
    refuse(task_create, {"title": "t", "description": "d" * 2001}, loc=("description",),
           kind="string_too_long", help="Field(max_length=2000) on the description.")
    refuse(task_create, {"title": "t", "priority": "urgent"}, loc=("priority",), kind="enum",
           help="Only low, medium and high exist; the error should name the allowed values.")


def test_refuses_unknown_fields(learner: Learner) -> None:
    """refuses fields the API does not know"""
    task_create = model(learner, "TaskCreate")
    refuse(task_create, {"title": "t", "owner_id": 3}, loc=("owner_id",),
           kind="extra_forbidden",
           help="A client must not set owner_id; extra='forbid' in model_config makes a typo "
           "or a sneaky field a 422 instead of being silently dropped.")


def test_tags_normalised(learner: Learner) -> None:
    """cleans tags and drops repeats, keeping the first"""
    task_create = model(learner, "TaskCreate")
    tags = [" Home ", "work-2", "HOME", "a", "b" * 30]
    task = accept(task_create, {"title": "t", "tags": tags}, help="These tags are valid.")
    expect_equal(task.tags, ["home", "work-2", "a", "b" * 30],
                 what=f"TaskCreate(tags={show(tags)}).tags",
                 help="Strip and lower-case each tag in a field_validator, then keep the first "
                 "of each (a set would lose the order).")
    task = accept(task_create, {"title": "t", "tags": [f"t{n}" for n in range(10)]},
                  help="Ten tags are allowed.")
    expect_equal(len(task.tags), 10, what="TaskCreate(tags=<10 tags>) number of tags",
                 help="max_length=10 is inclusive.")


def test_tags_refused(learner: Learner) -> None:
    """refuses bad tags and more than ten"""
    task_create = model(learner, "TaskCreate")
    refuse(task_create, {"title": "t", "tags": [f"t{n}" for n in range(11)]}, loc=("tags",),
           kind="too_long", help="At most 10 tags: Field(max_length=10) on the list.")
    for tag in ("b" * 31, "", "a b", "café", "tag!"):
        refuse(task_create, {"title": "t", "tags": ["ok", tag]}, loc=("tags",),
               message=f"invalid tag: {tag!r}",
               help="After cleaning, a tag is 1 to 30 characters of a-z, 0-9 and '-'; raise "
               "ValueError quoting the tag.")
    refuse(task_create, {"title": "t", "tags": ["  "]}, loc=("tags",), message="invalid tag",
           help="A tag of spaces is empty once stripped, and an empty tag is invalid.")


def test_dates(learner: Learner) -> None:
    """refuses a due date before the start, accepting the same day"""
    task_create = model(learner, "TaskCreate")
    task = accept(task_create, {"title": "t", "starts_on": "2026-03-02", "due_on": "2026-03-02"},
                  help="Due on the start day is fine.")
    expect_equal((task.starts_on, task.due_on), (date(2026, 3, 2), date(2026, 3, 2)),
                 what="TaskCreate(starts_on='2026-03-02', due_on='2026-03-02') dates",
                 help="Type the fields as date | None: Pydantic parses ISO 8601 strings.")
    accept(task_create, {"title": "t", "due_on": "2026-01-01"},
           help="A due date without a start date is fine.")
    accept(task_create, {"title": "t", "starts_on": "2026-01-01"},
           help="A start date without a due date is fine.")
    refuse(task_create, {"title": "t", "starts_on": "2026-03-02", "due_on": "2026-03-01"},
           loc=(), message="due_on must not be before starts_on",
           help="A rule across two fields belongs in a model_validator(mode='after'); raise "
           "ValueError with the documented message.")


def test_recurrence_union(learner: Learner) -> None:
    """reads each kind of recurrence by its kind field"""
    recurrence = TypeAdapter(learner.attribute("Recurrence", kind="type alias"))
    cases = [({"kind": "daily"}, "Daily", {"kind": "daily", "every": 1}),
             ({"kind": "daily", "every": 1}, "Daily", {"kind": "daily", "every": 1}),
             ({"kind": "daily", "every": 365}, "Daily", {"kind": "daily", "every": 365}),
             ({"kind": "weekly", "days": [5, 1, 5, 7]}, "Weekly",
              {"kind": "weekly", "days": [1, 5, 7]}),
             ({"kind": "weekly", "days": [3]}, "Weekly", {"kind": "weekly", "days": [3]}),
             ({"kind": "weekly", "days": [7, 6, 5, 4, 3, 2, 1]}, "Weekly",
              {"kind": "weekly", "days": [1, 2, 3, 4, 5, 6, 7]}),
             ({"kind": "monthly", "day": 1}, "Monthly", {"kind": "monthly", "day": 1}),
             ({"kind": "monthly", "day": 28}, "Monthly", {"kind": "monthly", "day": 28})]
    for data, name, dumped in cases:
        try:
            value = recurrence.validate_python(data)
        except ValidationError as error:
            raise CheckFailure(f"Recurrence refused {show(data)}:\n{describe_errors(error)}",
                               expected=f"a {name}", actual="a ValidationError",
                               help="Check the bounds: every 1..365, 1 to 7 days, day 1..28."
                               ) from None
        expect_equal(type(value).__name__, name, what=f"Recurrence validating {show(data)}",
                     help="Recurrence is Annotated[Daily | Weekly | Monthly, "
                     "Field(discriminator='kind')] and each model has a Literal kind.")
        expect_equal(call(value.model_dump, mode="json", help="Dumping must work."), dumped,
                     what=f"the {name} from {show(data)}, dumped",
                     help="Weekly removes repeated days and sorts them Monday first.")


def test_recurrence_refused(learner: Learner) -> None:
    """refuses a bad recurrence with an error at the right place"""
    task_create = model(learner, "TaskCreate")
    for repeat, loc, kind in (
        ({"kind": "daily", "every": 0}, ("repeat", "daily", "every"), "greater_than_equal"),
        ({"kind": "daily", "every": 366}, ("repeat", "daily", "every"), "less_than_equal"),
        ({"kind": "weekly", "days": []}, ("repeat", "weekly", "days"), "too_short"),
        ({"kind": "weekly", "days": [1, 2, 3, 4, 5, 6, 7, 1]}, ("repeat", "weekly", "days"),
         "too_long"),
        ({"kind": "weekly", "days": [8]}, ("repeat", "weekly", "days", 0), "enum"),
        ({"kind": "monthly", "day": 29}, ("repeat", "monthly", "day"), "less_than_equal"),
        ({"kind": "monthly", "day": 0}, ("repeat", "monthly", "day"), "greater_than_equal"),
        ({"kind": "yearly"}, ("repeat",), "union_tag_invalid"),
        ({"every": 2}, ("repeat",), "union_tag_not_found"),
    ):
        refuse(task_create, {"title": "t", "repeat": repeat}, loc=loc, kind=kind,
               help="With a discriminator, Pydantic validates only the model the kind names, "
               "so the error's location starts with that kind; a plain union would report "
               "every member. Bounds: every 1..365, 1 to 7 days (Weekday values), day 1..28.")


def test_update_needs_a_field(learner: Learner) -> None:
    """refuses an empty update and accepts a single field"""
    task_update = model(learner, "TaskUpdate")
    refuse(task_update, {}, loc=(), message="an update must set at least one field",
           help="A model_validator can look at self.model_fields_set: the fields the client "
           "actually sent.")
    update = accept(task_update, {"priority": "low"}, help="One field is a valid update.")
    expect_equal((update.priority, update.model_fields_set), ("low", {"priority"}),
                 what="TaskUpdate(priority='low') as (priority, model_fields_set)",
                 help="Every field is optional with a default of None.")
    update = accept(task_update, {"due_on": None}, help="Sending null sets a field.")
    expect_equal(update.model_fields_set, {"due_on"},
                 what="TaskUpdate(due_on=None).model_fields_set",
                 help="A field sent as null counts as set (it clears the due date).")


def test_update_rules(learner: Learner) -> None:
    """applies the creation rules to the fields an update sends"""
    task_update = model(learner, "TaskUpdate")
    update = accept(task_update, {"tags": [" A ", "a", "b"], "title": " New "},
                    help="Tags and a title are valid.")
    expect_equal((update.title, update.tags), ("New", ["a", "b"]),
                 what="TaskUpdate(tags=[' A ', 'a', 'b'], title=' New ') as (title, tags)",
                 help="The same stripping and tag cleaning as TaskCreate.")
    refuse(task_update, {"title": ""}, loc=("title",), kind="string_too_short",
           help="An update may change the title, but not to an empty one.")
    refuse(task_update, {"title": "x" * 201}, loc=("title",), kind="string_too_long",
           help="The same 200-character limit as TaskCreate.")
    refuse(task_update, {"description": "d" * 2001}, loc=("description",),
           kind="string_too_long", help="The same 2000-character limit as TaskCreate.")
    refuse(task_update, {"tags": ["x y"]}, loc=("tags",), message="invalid tag",
           help="Clean and check tags in TaskUpdate too (None stays None).")
    refuse(task_update, {"tags": [f"t{n}" for n in range(11)]}, loc=("tags",), kind="too_long",
           help="At most 10 tags in an update too.")
    refuse(task_update, {"starts_on": "2026-03-02", "due_on": "2026-03-01"}, loc=(),
           message="due_on must not be before starts_on",
           help="When both dates are sent, the date rule applies.")
    accept(task_update, {"starts_on": "2026-03-02", "due_on": "2026-03-02"},
           help="Due on the start day is fine in an update too: only an earlier due date is "
           "refused.")
    refuse(task_update, {"status": "done"}, loc=("status",), kind="extra_forbidden",
           help="Unknown fields are refused in updates too.")
    refuse(task_update, {"repeat": {"kind": "monthly", "day": 31}},
           loc=("repeat", "monthly", "day"), kind="less_than_equal",
           help="repeat takes a Recurrence (or None) in updates too.")
    update = accept(task_update, {"tags": None, "repeat": {"kind": "daily", "every": 2}},
                    help="tags may be null in an update.")
    expect_equal(update.tags, None, what="TaskUpdate(tags=None).tags",
                 help="A null tags list stays None; only a list is cleaned.")


def test_from_json(learner: Learner) -> None:
    """validates a JSON body with dates and a recurrence"""
    task_create = model(learner, "TaskCreate")
    body = ('{"title": "Pay rent", "tags": ["Home"], "due_on": "2026-04-30", '
            '"repeat": {"kind": "monthly", "day": 28}}')
    try:
        task: Any = task_create.model_validate_json(body)
    except ValidationError as error:
        raise CheckFailure(f"TaskCreate.model_validate_json({body!r}) refused it:\n"
                           f"{describe_errors(error)}", expected="a valid TaskCreate",
                           actual="a ValidationError",
                           help="This body follows every rule.") from None
    expect_equal((task.tags, task.due_on, type(task.repeat).__name__, task.repeat.day),
                 (["home"], date(2026, 4, 30), "Monthly", 28),
                 what="TaskCreate.model_validate_json(<rent body>) as (tags, due_on, repeat "
                 "type, repeat.day)", help="JSON input goes through the same validators.")
