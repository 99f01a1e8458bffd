"""Load the metadata (``weeks/weekNN/week.toml``, ``katas/katas.toml``) into typed records.

The catalog is the first stage of the engine: everything else asks it which exercises exist,
which files a learner edits and which checker grades them. Bad metadata is reported with the
file, the entry and the field, all problems at once.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Difficulty = Literal["easy", "medium", "hard"]
DIFFICULTIES: tuple[Difficulty, ...] = ("easy", "medium", "hard")
WEEK_COUNT = 13
DEFAULT_TIMEOUT = 3.0  # seconds a check may run unless its exercise sets ``timeout``
KATA_LEVELS = {
    1: "validation",
    2: "lists and dicts",
    3: "parsing",
    4: "objects and state",
    5: "back-end algorithms",
}

_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
_EXERCISE_FIELDS = {
    "id": True,
    "title": True,
    "files": True,
    "checker": True,
    "points": True,
    "difficulty": True,
    "minutes": True,
    "objectives": True,
    "hints": True,
    "day": True,
    "module": False,
    "timeout": False,
    "level": False,
    "source": False,
    "core": False,
    "equivalent_mutants": False,
}
_WEEK_FIELDS = {
    "number": True,
    "title": True,
    "days": True,
    "milestone": True,
    "summary": True,
    "topics": False,
    "planned": False,
    "bonus": False,
    "katas": False,
}


class CatalogError(Exception):
    """Metadata that cannot be used; the message lists every problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class UnknownName(LookupError):
    """A unit or exercise name that does not exist; the message suggests close matches."""


@dataclass(frozen=True)
class EquivalentMutant:
    """A mutant of the solution that behaves exactly like it, so no check can kill it."""

    code: str  # the solution's line, stripped, as ``workbook dev mutate`` prints it
    change: str  # the mutation, e.g. "< → <="
    reason: str


@dataclass(frozen=True)
class Exercise:
    """One graded exercise: what the learner edits and what grades it."""

    unit: str
    slug: str
    title: str
    files: tuple[str, ...]
    module: str
    checker: str
    points: int
    difficulty: Difficulty
    minutes: int
    objectives: tuple[str, ...]
    hints: tuple[str, ...]
    day: int
    timeout: float | None = None
    level: int | None = None
    source: str | None = None  # import root relative to the repository (default: exercises/)
    core: bool = False  # part of the 5 h/week path
    equivalent_mutants: tuple[EquivalentMutant, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.unit}/{self.slug}"

    def file_paths(self, source_root: Path, unit_directory: Path) -> list[Path]:
        """Where the learner's files are, below ``source_root`` (the repository or a copy)."""
        base = source_root if self.source else source_root / unit_directory
        return [base / relative for relative in self.files]

    def import_root(self, source_root: Path, unit_directory: Path) -> Path:
        """The folder that goes on ``sys.path`` so ``import <module>`` finds the learner's code."""
        if self.source:
            return source_root / self.source
        return source_root / unit_directory / "exercises"


@dataclass(frozen=True)
class PlannedExercise:
    """An exercise announced in a week's syllabus but not written yet."""

    slug: str
    title: str
    day: int


@dataclass(frozen=True)
class Syllabus:
    """What the roadmap says about a week."""

    number: int
    days: tuple[int, int]
    milestone: str
    summary: str
    topics: tuple[str, ...] = ()
    planned: tuple[PlannedExercise, ...] = ()
    bonus: str | None = None
    katas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unit:
    """A folder of exercises graded together: a week, or the katas."""

    name: str
    title: str
    directory: Path
    metadata_file: Path
    exercises: tuple[Exercise, ...]
    syllabus: Syllabus | None = None

    @property
    def max_points(self) -> int:
        return sum(exercise.points for exercise in self.exercises)

    def exercise(self, name: str) -> Exercise:
        """Find an exercise by slug, full id or number prefix (``ex03`` or ``k07``)."""
        wanted = name.removeprefix(f"{self.name}/")
        for exercise in self.exercises:
            if wanted in (exercise.slug, exercise.slug.split("_", 1)[0]):
                return exercise
        raise UnknownName(
            _unknown(
                f"no exercise {name!r} in {self.name}", wanted, [e.slug for e in self.exercises]
            )
        )


@dataclass(frozen=True)
class Catalog:
    """Every unit of the workbook, in roadmap order (weeks first, then katas)."""

    root: Path
    units: tuple[Unit, ...] = field(default_factory=tuple)

    def unit(self, name: str) -> Unit:
        for unit in self.units:
            if unit.name == name:
                return unit
        folder = self.root / "weeks" / name
        if name.startswith("week") and folder.is_dir():
            raise UnknownName(
                f"weeks/{name}/week.toml is missing, so {name} cannot be graded. "
                f"Restore it with: git checkout -- weeks/{name}/week.toml"
            )
        raise UnknownName(_unknown(f"no unit called {name!r}", name, [u.name for u in self.units]))

    def exercise(self, exercise_id: str) -> Exercise:
        unit_name, _, slug = exercise_id.partition("/")
        return self.unit(unit_name).exercise(slug or unit_name)

    def all_exercises(self) -> list[Exercise]:
        return [exercise for unit in self.units for exercise in unit.exercises]


def check_limit(exercise: Exercise, override: float | None = None) -> float:
    """Seconds one check of ``exercise`` may run: ``--timeout``, else its own, else the default."""
    return override or exercise.timeout or DEFAULT_TIMEOUT


def week_name(number: int) -> str:
    return f"week{number:02d}"


def load_catalog(root: Path) -> Catalog:
    """Read every metadata file under ``root``; raise CatalogError listing all problems."""
    problems: list[str] = []
    units: list[Unit] = []
    for number in range(1, WEEK_COUNT + 1):
        directory = root / "weeks" / week_name(number)
        metadata_file = directory / "week.toml"
        if metadata_file.is_file():
            unit = _load_unit(root, week_name(number), directory, metadata_file, problems)
            if unit is not None:
                units.append(unit)
    katas_file = root / "katas" / "katas.toml"
    if katas_file.is_file():
        unit = _load_unit(root, "katas", katas_file.parent, katas_file, problems)
        if unit is not None:
            units.append(unit)
    _check_kata_links(root, units, problems)
    if problems:
        raise CatalogError(problems)
    return Catalog(root=root, units=tuple(units))


def _unknown(message: str, wanted: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(wanted, choices, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    listing = ", ".join(choices) if choices else "none yet"
    return f"{message}.{hint} Available: {listing}."


def _load_unit(
    root: Path, name: str, directory: Path, metadata_file: Path, problems: list[str]
) -> Unit | None:
    where = metadata_file.relative_to(root).as_posix()
    try:
        data = tomllib.loads(metadata_file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.append(f"{where}: not valid TOML: {error}")
        return None
    syllabus: Syllabus | None = None
    if name == "katas":
        header = data.get("unit", {})
        title = header.get("title", "Katas") if isinstance(header, dict) else "Katas"
        allowed_top = {"unit", "exercise"}
    else:
        week = data.get("week")
        if not isinstance(week, dict):
            problems.append(f"{where}: missing the [week] table")
            return None
        syllabus = _load_syllabus(week, where, problems)
        title = str(week.get("title", name))
        allowed_top = {"week", "exercise"}
    for key in data:
        if key not in allowed_top:
            problems.append(
                f"{where}: unknown table or key {key!r} (expected {sorted(allowed_top)})"
            )
    entries = data.get("exercise", [])
    if not isinstance(entries, list):
        problems.append(f"{where}: 'exercise' must be an array of tables ([[exercise]])")
        entries = []
    exercises: list[Exercise] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        exercise = _load_exercise(name, directory, entry, f"{where}: exercise #{index}", problems)
        if exercise is None:
            continue
        if exercise.slug in seen:
            problems.append(f"{where}: exercise #{index}: duplicate id {exercise.slug!r}")
        seen.add(exercise.slug)
        exercises.append(exercise)
    checkers = [exercise.checker for exercise in exercises]
    for checker in sorted({c for c in checkers if checkers.count(c) > 1}):
        problems.append(f"{where}: checker {checker!r} is used by more than one exercise")
    return Unit(name, title, directory, metadata_file, tuple(exercises), syllabus)


def _load_syllabus(week: dict[str, Any], where: str, problems: list[str]) -> Syllabus | None:
    before = len(problems)
    for key in week:
        if key not in _WEEK_FIELDS:
            problems.append(f"{where}: [week]: unknown field {key!r}")
    for key, required in _WEEK_FIELDS.items():
        if required and key not in week:
            problems.append(f"{where}: [week]: missing required field {key!r}")
    if len(problems) > before:
        return None
    days = week["days"]
    if not (isinstance(days, list) and len(days) == 2 and all(isinstance(d, int) for d in days)):
        problems.append(f"{where}: [week]: field 'days' must be [first, last], got {days!r}")
        return None
    planned: list[PlannedExercise] = []
    for index, item in enumerate(week.get("planned", []), start=1):
        if not isinstance(item, dict) or not {"id", "title", "day"} <= item.keys():
            problems.append(f"{where}: [week]: planned #{index} needs id, title and day")
            continue
        planned.append(PlannedExercise(str(item["id"]), str(item["title"]), int(item["day"])))
    return Syllabus(
        number=int(week["number"]),
        days=(days[0], days[1]),
        milestone=str(week["milestone"]),
        summary=str(week["summary"]),
        topics=tuple(str(t) for t in week.get("topics", [])),
        planned=tuple(planned),
        bonus=str(week["bonus"]) if "bonus" in week else None,
        katas=tuple(str(k) for k in week.get("katas", [])),
    )


def _load_exercise(
    unit: str, directory: Path, entry: Any, where: str, problems: list[str]
) -> Exercise | None:
    if not isinstance(entry, dict):
        problems.append(f"{where}: must be a table")
        return None
    slug = entry.get("id")
    if isinstance(slug, str):
        where = f"{where} ({slug!r})"
    before = len(problems)

    def fail(field_name: str, message: str) -> None:
        problems.append(f"{where}: field {field_name!r} {message}")

    for key in entry:
        if key not in _EXERCISE_FIELDS:
            close = difflib.get_close_matches(key, list(_EXERCISE_FIELDS), n=1)
            fail(key, "is not a known field" + (f" (did you mean {close[0]!r}?)" if close else ""))
    for key, required in _EXERCISE_FIELDS.items():
        if required and key not in entry:
            fail(key, "is required")
    if len(problems) > before:
        return None

    if not isinstance(slug, str) or not _SLUG.match(slug):
        fail("id", f"must be a lowercase slug such as 'ex03_parse_duration', got {slug!r}")
    for text_field in ("title",):
        if not isinstance(entry[text_field], str) or not entry[text_field].strip():
            fail(text_field, "must be a non-empty string")
    for list_field in ("files", "objectives", "hints"):
        value = entry[list_field]
        if not (isinstance(value, list) and value and all(isinstance(v, str) and v for v in value)):
            fail(list_field, "must be a non-empty list of strings")
    for int_field in ("points", "minutes", "day"):
        value = entry[int_field]
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            fail(int_field, f"must be a positive integer, got {value!r}")
    if entry["difficulty"] not in DIFFICULTIES:
        fail("difficulty", f"must be one of {', '.join(DIFFICULTIES)}, got {entry['difficulty']!r}")
    timeout = entry.get("timeout")
    if timeout is not None and (not isinstance(timeout, int | float) or timeout <= 0):
        fail("timeout", f"must be a positive number of seconds, got {timeout!r}")
    source = entry.get("source")
    if source is not None and (not isinstance(source, str) or not source):
        fail("source", f"must be a folder relative to the repository, got {source!r}")
    level = entry.get("level")
    if unit == "katas" and level not in KATA_LEVELS:
        fail("level", f"must be one of {sorted(KATA_LEVELS)} for a kata, got {level!r}")
    core = entry.get("core", False)
    if not isinstance(core, bool):
        fail("core", f"must be true or false, got {core!r}")
    equivalents = _load_equivalents(entry.get("equivalent_mutants", []), fail)
    if len(problems) > before:
        return None

    files = tuple(entry["files"])
    # A missing learner file is the learner's problem, reported when grading; a missing
    # checker is the workbook's.
    if not (directory / entry["checker"]).is_file():
        fail("checker", f"names {entry['checker']!r}, which does not exist")
    if not Path(entry["checker"]).name.startswith("test_"):
        fail("checker", "must name a file whose name starts with 'test_'")
    module = entry.get("module") or _module_name(files[0])
    if len(problems) > before:
        return None
    return Exercise(
        unit=unit,
        slug=str(slug),
        title=entry["title"].strip(),
        files=files,
        module=module,
        checker=entry["checker"],
        points=entry["points"],
        difficulty=entry["difficulty"],
        minutes=entry["minutes"],
        objectives=tuple(entry["objectives"]),
        hints=tuple(entry["hints"]),
        day=entry["day"],
        timeout=float(timeout) if timeout is not None else None,
        level=level,
        source=source,
        core=core,
        equivalent_mutants=equivalents,
    )


def _load_equivalents(value: Any, fail: Any) -> tuple[EquivalentMutant, ...]:
    if not isinstance(value, list):
        fail("equivalent_mutants", "must be a list of { code, change, reason } tables")
        return ()
    found: list[EquivalentMutant] = []
    for index, item in enumerate(value, start=1):
        if not (
            isinstance(item, dict)
            and set(item) == {"code", "change", "reason"}
            and all(isinstance(v, str) and v.strip() for v in item.values())
        ):
            fail("equivalent_mutants", f"#{index} needs exactly code, change and reason (text)")
            continue
        found.append(EquivalentMutant(item["code"].strip(), item["change"], item["reason"]))
    return tuple(found)


def _module_name(first_file: str) -> str:
    """``exercises/ex02_shop/__init__.py`` -> ``ex02_shop``; ``exercises/ex01.py`` -> ``ex01``."""
    path = Path(first_file)
    return path.parent.name if path.name == "__init__.py" else path.stem


def _check_kata_links(root: Path, units: list[Unit], problems: list[str]) -> None:
    katas = next((u for u in units if u.name == "katas"), None)
    known = {e.slug for e in katas.exercises} if katas else set()
    for unit in units:
        if unit.syllabus is None:
            continue
        for kata in unit.syllabus.katas:
            if kata not in known:
                where = unit.metadata_file.relative_to(root).as_posix()
                problems.append(
                    f"{where}: [week]: katas lists {kata!r}, which is not in katas.toml"
                )
