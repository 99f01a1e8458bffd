"""The schema of the metadata files, as pydantic models, and their problems in plain words.

``weeks/weekNN/week.toml`` and ``katas/katas.toml`` are validated here; ``catalog`` turns the
validated entries into the engine's records and checks what needs the file system (a checker
that exists, unique ids). Every problem names the file, the entry and the field, and all of a
file's problems are reported at once.
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

FORMAT_VERSION: Literal[1] = 1  # bump with a change old files cannot be read under
Difficulty = Literal["easy", "medium", "hard"]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Positive = Annotated[int, Field(gt=0, strict=True)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EquivalentEntry(_Strict):
    code: Text
    change: Text
    reason: Text


class ExerciseEntry(_Strict):
    """One ``[[exercise]]`` table."""

    id: Slug
    title: Text
    files: Annotated[list[Text], Field(min_length=1)]
    checker: Text
    points: Positive
    difficulty: Difficulty
    minutes: Positive
    day: Positive
    objectives: Annotated[list[Text], Field(min_length=1)]
    hints: Annotated[list[Text], Field(min_length=1)]
    # A hint for one check, by the checker's test function: shown when that check fails.
    check_hints: dict[Annotated[str, StringConstraints(pattern=r"^test_\w+$")], Text] = {}
    module: Text | None = None
    timeout: Annotated[float, Field(gt=0)] | None = None
    level: int | None = None
    source: Text | None = None
    core: Annotated[bool, Field(strict=True)] = False
    requires: list[Slug] = []  # earlier exercises of the unit that must pass first
    equivalent_mutants: list[EquivalentEntry] = []


class PlannedEntry(_Strict):
    id: Text
    title: Text
    day: Positive


class WeekEntry(_Strict):
    """The ``[week]`` table: what the roadmap says about the week."""

    number: Positive
    title: Text
    days: tuple[Positive, Positive]
    milestone: Text
    summary: Text
    topics: list[Text] = []
    planned: list[PlannedEntry] = []
    bonus: Text | None = None
    katas: list[Text] = []


class UnitEntry(_Strict):
    title: Text = "Katas"


class WeekFile(_Strict):
    format_version: Literal[1] = FORMAT_VERSION
    week: WeekEntry
    exercise: list[ExerciseEntry] = []


class KatasFile(_Strict):
    format_version: Literal[1] = FORMAT_VERSION
    unit: UnitEntry = UnitEntry()
    exercise: list[ExerciseEntry] = []


def validate(model: type[WeekFile | KatasFile], data: dict[str, Any], where: str) -> Any:
    """The validated file, or a list of problems in the catalog's words (nothing raised)."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        return problems_of(error, model, data, where)


def problems_of(
    error: ValidationError, model: type[BaseModel], data: dict[str, Any], where: str
) -> list[str]:
    ranked: list[tuple[tuple[int, int], str]] = []
    for detail in error.errors():
        location = detail["loc"]
        entry = _entry_name(location, data, where)
        field_name = str(location[-1]) if location else "?"
        if location and location[-1] == "":  # a problem with the entry itself
            field_name = "?"
        text = _phrase(detail, field_name, _known_fields(model, location))
        index = location[1] if len(location) > 1 and isinstance(location[1], int) else -1
        order = 0 if detail["type"] == "extra_forbidden" else 1
        ranked.append(((index, order), f"{entry}: {text}"))
    return [text for _, text in sorted(ranked, key=lambda pair: pair[0])]


def _entry_name(location: tuple[int | str, ...], data: dict[str, Any], where: str) -> str:
    if len(location) >= 2 and location[0] == "exercise" and isinstance(location[1], int):
        entries = data.get("exercise") or []
        slug = entries[location[1]].get("id") if isinstance(entries[location[1]], dict) else None
        named = f" ({slug!r})" if isinstance(slug, str) else ""
        return f"{where}: exercise #{location[1] + 1}{named}"
    if location and location[0] in ("week", "unit") and len(location) > 1:
        return f"{where}: [{location[0]}]"
    return where


def _known_fields(model: type[BaseModel], location: tuple[int | str, ...]) -> list[str]:
    """The fields allowed where the problem is, for a 'did you mean' suggestion."""
    current: type[BaseModel] = model
    for part in location[:-1]:
        if isinstance(part, int):
            continue
        annotation = (
            current.model_fields[str(part)].annotation if part in current.model_fields else None
        )
        inner = getattr(annotation, "__args__", (annotation,))
        found = next((a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if found is None:
            return []
        current = found
    return list(current.model_fields)


def _phrase(detail: Any, field_name: str, known: list[str]) -> str:
    kind = detail["type"]
    got = detail.get("input")
    if kind == "missing":
        return f"field {field_name!r} is required"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(field_name, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"field {field_name!r} is not a known field{hint}"
    if kind == "literal_error" and field_name == "difficulty":
        return f"field 'difficulty' must be one of easy, medium, hard, got {got!r}"
    if field_name in ("points", "minutes", "day", "number") and kind.startswith(("int", "greater")):
        return f"field {field_name!r} must be a positive integer, got {got!r}"
    if field_name == "id" and kind == "string_pattern_mismatch":
        return f"field 'id' must be a lowercase slug such as 'ex03_parse_duration', got {got!r}"
    if kind in ("list_type", "too_short") and field_name in ("files", "objectives", "hints"):
        return f"field {field_name!r} must be a non-empty list of strings"
    return f"field {field_name!r} {detail['msg'][0].lower()}{detail['msg'][1:]}, got {got!r}"
