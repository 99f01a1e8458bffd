"""Load the metadata (``weeks/weekNN/week.toml``, ``katas/katas.toml``) into typed records.

The catalog is the first stage of the engine: everything else asks it which exercises exist,
which files a learner edits and which checker grades them. The files' schema lives in
``metadata``; bad metadata is reported with the file, the entry and the field, all problems at
once.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Literal

from workbook.manifest import digest, read_manifest

WEEK_COUNT = 13
DEFAULT_TIMEOUT = 3.0  # seconds a check may run unless its exercise sets ``timeout``
KATA_LEVELS = {
    1: "validation",
    2: "lists and dicts",
    3: "parsing",
    4: "objects and state",
    5: "back-end algorithms",
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
    difficulty: Literal["easy", "medium", "hard"]
    minutes: int
    objectives: tuple[str, ...]
    hints: tuple[str, ...]
    day: int
    timeout: float | None = None
    level: int | None = None
    source: str | None = None  # import root relative to the repository (default: exercises/)
    core: bool = False  # part of the 5 h/week path
    requires: tuple[str, ...] = ()  # slugs of earlier exercises of the unit that must pass first
    check_hints: tuple[tuple[str, str], ...] = ()  # (checker test function, hint for it)
    equivalent_mutants: tuple[EquivalentMutant, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.unit}/{self.slug}"

    def hint_for_check(self, nodeid: str) -> str | None:
        """The hint tied to the check ``nodeid`` (``checks/test_x.py::test_name[param]``)."""
        function = nodeid.rsplit("::", 1)[-1].split("[", 1)[0]
        return dict(self.check_hints).get(function)

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

    def with_prerequisites(self, chosen: Sequence[Exercise]) -> list[Exercise]:
        """``chosen`` and every exercise they require, directly or not, in the unit's order."""
        by_slug = {exercise.slug: exercise for exercise in self.exercises}
        wanted: set[str] = set()
        stack = [exercise.slug for exercise in chosen]
        while stack:
            slug = stack.pop()
            if slug not in wanted:
                wanted.add(slug)
                stack += by_slug[slug].requires
        return [exercise for exercise in self.exercises if exercise.slug in wanted]

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


class Catalog:
    """Every unit of the workbook, in roadmap order (weeks first, then katas).

    A unit's metadata is read the first time it is needed: ``unit("week03")`` parses that
    week's file alone, so grading one week does not pay for the other thirteen (about 40 ms
    of a week 01 check's 0.5 s). ``units`` reads every file and checks the links between
    them; :func:`load_catalog` does that up front unless asked to be lazy.
    """

    def __init__(self, root: Path, *, validated: bool = False) -> None:
        self.root = root
        self._validated = validated
        self._sources = _metadata_files(root)
        self._read: dict[str, Unit] = {}
        self._all: tuple[Unit, ...] | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalog):
            return NotImplemented
        return (self.root, self.units) == (other.root, other.units)

    __hash__ = None  # type: ignore[assignment]  # mutable cache inside: not hashable

    @property
    def unit_names(self) -> list[str]:
        """The names of the units present, in roadmap order, without reading their files."""
        return [name for name, _, _ in self._sources]

    @property
    def metadata_files(self) -> list[Path]:
        """Every unit's metadata file, without reading them."""
        return [metadata_file for _, _, metadata_file in self._sources]

    def readable_units(self) -> list[Unit]:
        """The units whose metadata can be read; the others are left out, not reported."""
        readable = []
        for name in self.unit_names:
            try:
                readable.append(self.unit(name))
            except CatalogError:
                continue
        return readable

    @property
    def units(self) -> tuple[Unit, ...]:
        """Every unit; raise CatalogError listing every problem of every file."""
        if self._all is None:
            problems: list[str] = []
            units: list[Unit] = []
            for name, directory, metadata_file in self._sources:
                unit = self._read.get(name) or _load_unit(
                    self.root, name, directory, metadata_file, problems, self._validated
                )
                if unit is not None:
                    units.append(unit)
            _check_kata_links(self.root, units, problems)
            if problems:
                raise CatalogError(problems)
            self._all = tuple(units)
        return self._all

    def unit(self, name: str) -> Unit:
        name = _canonical_unit_name(name)
        if self._all is not None:
            for unit in self._all:
                if unit.name == name:
                    return unit
        else:
            for unit_name, directory, metadata_file in self._sources:
                if unit_name == name:
                    if name not in self._read:
                        problems: list[str] = []
                        read = _load_unit(
                            self.root, name, directory, metadata_file, problems, self._validated
                        )
                        if read is None:
                            raise CatalogError(problems)
                        self._read[name] = read
                    return self._read[name]
        folder = self.root / "weeks" / name
        if name.startswith("week") and folder.is_dir():
            raise UnknownName(
                f"weeks/{name}/week.toml is missing, so {name} cannot be graded. "
                f"Restore it with: git checkout -- weeks/{name}/week.toml"
            )
        raise UnknownName(_unknown(f"no unit called {name!r}", name, self.unit_names))

    def exercise(self, exercise_id: str) -> Exercise:
        unit_name, _, slug = exercise_id.partition("/")
        return self.unit(unit_name).exercise(slug or unit_name)

    def all_exercises(self) -> list[Exercise]:
        return [exercise for unit in self.units for exercise in unit.exercises]


def check_limit(exercise: Exercise, override: float | None = None) -> float:
    """Seconds one check of ``exercise`` may run: ``--timeout``, else its own, else the default."""
    return override or exercise.timeout or DEFAULT_TIMEOUT


def _canonical_unit_name(name: str) -> str:
    """``week3``, ``Week03`` and ``3`` all mean ``week03``; anything else is left as it is."""
    lowered = name.strip().lower()
    digits = lowered.removeprefix("week")
    if digits.isdigit() and 1 <= int(digits) <= WEEK_COUNT:
        return week_name(int(digits))
    return lowered


def week_name(number: int) -> str:
    return f"week{number:02d}"


_PARSED: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}


def _parsed(metadata_file: Path) -> dict[str, Any]:
    """The file's TOML, parsed once per version of the file (a forked child reuses it)."""
    stat = metadata_file.stat()
    version = (stat.st_mtime_ns, stat.st_size)
    cached = _PARSED.get(metadata_file)
    if cached is not None and cached[0] == version:
        return cached[1]
    data = tomllib.loads(metadata_file.read_text(encoding="utf-8"))
    _PARSED[metadata_file] = (version, data)
    return data


def _metadata_files(root: Path) -> list[tuple[str, Path, Path]]:
    """(unit name, folder, metadata file) of every unit present, in roadmap order."""
    found = []
    for number in range(1, WEEK_COUNT + 1):
        directory = root / "weeks" / week_name(number)
        if (directory / "week.toml").is_file():
            found.append((week_name(number), directory, directory / "week.toml"))
    if (root / "katas" / "katas.toml").is_file():
        found.append(("katas", root / "katas", root / "katas" / "katas.toml"))
    return found


def load_catalog(root: Path, *, validated: bool = False, lazy: bool = False) -> Catalog:
    """The catalog of ``root``; raise CatalogError listing all problems of every file.

    ``validated``: put every file through the schema, even those the manifest vouches for.
    ``lazy``: read each unit's file when it is first asked for (a learner's command), so a
    problem in one file only stops the commands that need it.
    """
    catalog = Catalog(root, validated=validated)
    if not lazy:
        catalog.units  # noqa: B018 - reads and checks every file now
    return catalog


def load_unit(root: Path, name: str) -> Unit:
    """Read one unit's metadata only (the grading child needs no other); raise CatalogError."""
    return Catalog(root).unit(name)


def _unknown(message: str, wanted: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(wanted, choices, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    listing = ", ".join(choices) if choices else "none yet"
    return f"{message}.{hint} Available: {listing}."


def _checked(
    root: Path, name: str, metadata_file: Path, data: dict[str, Any], where: str, validated: bool
) -> Any:
    """The file's entries: validated by the pydantic schema, or a list of problems.

    Importing pydantic and building the schema costs about as much as importing pytest, on
    every ``workbook check``. A file whose hash is recorded in the committed manifest was
    validated when the manifest was written (``workbook dev manifest`` and ``dev check``
    validate everything), so it is read as it is; any other file, or ``validated=True``, goes
    through the schema.
    """
    if not validated and _recorded(root, metadata_file):
        try:
            return _trusted_file(name, data)
        except (KeyError, TypeError, AttributeError, IndexError):
            pass  # not what the manifest promised: let the schema say what is wrong
    from workbook.metadata import KatasFile, WeekFile, validate

    return validate(KatasFile if name == "katas" else WeekFile, data, where)


def _recorded(root: Path, metadata_file: Path) -> bool:
    manifest = read_manifest(root)
    relative = metadata_file.relative_to(root).as_posix()
    return manifest is not None and manifest.get(relative) == digest(metadata_file)


def _trusted_file(name: str, data: dict[str, Any]) -> SimpleNamespace:
    """The same shape as the schema's models, with their defaults, from known-valid TOML."""
    exercises = [
        SimpleNamespace(
            **{
                **_EXERCISE_DEFAULTS,
                **entry,
                "equivalent_mutants": [
                    SimpleNamespace(**item) for item in entry.get("equivalent_mutants", [])
                ],
            }
        )
        for entry in data.get("exercise", [])
    ]
    if name == "katas":
        unit = SimpleNamespace(title=data.get("unit", {}).get("title", "Katas"))
        return SimpleNamespace(unit=unit, exercise=exercises)
    week = data["week"]
    return SimpleNamespace(
        week=SimpleNamespace(
            **{
                **_WEEK_DEFAULTS,
                **week,
                "days": (week["days"][0], week["days"][1]),
                "planned": [SimpleNamespace(**item) for item in week.get("planned", [])],
            }
        ),
        exercise=exercises,
    )


_EXERCISE_DEFAULTS: dict[str, Any] = {
    "module": None,
    "timeout": None,
    "level": None,
    "source": None,
    "core": False,
    "requires": [],
    "check_hints": {},
}
_WEEK_DEFAULTS: dict[str, Any] = {"topics": [], "bonus": None, "katas": []}


def _load_unit(
    root: Path,
    name: str,
    directory: Path,
    metadata_file: Path,
    problems: list[str],
    validated: bool = False,
) -> Unit | None:
    where = metadata_file.relative_to(root).as_posix()
    try:
        data = _parsed(metadata_file)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.append(f"{where}: not valid TOML: {error}")
        return None
    checked = _checked(root, name, metadata_file, data, where, validated)
    if isinstance(checked, list):
        problems += checked
        return None
    before = len(problems)
    exercises: list[Exercise] = []
    seen: set[str] = set()
    for index, entry in enumerate(checked.exercise, start=1):
        place = f"{where}: exercise #{index} ({entry.id!r})"
        exercise = _exercise(name, directory, entry, place, problems)
        if entry.id in seen:
            problems.append(f"{where}: exercise #{index}: duplicate id {entry.id!r}")
        problems += [
            f"{place}: field 'requires' names {wanted!r}, which is not an earlier exercise "
            "of this unit"
            for wanted in entry.requires
            if wanted not in seen
        ]
        seen.add(entry.id)
        if exercise is not None:
            exercises.append(exercise)
    checkers = [exercise.checker for exercise in exercises]
    for checker in sorted({c for c in checkers if checkers.count(c) > 1}):
        problems.append(f"{where}: checker {checker!r} is used by more than one exercise")
    if len(problems) > before:
        return None
    if name == "katas":
        return Unit(name, checked.unit.title, directory, metadata_file, tuple(exercises))
    week = checked.week
    syllabus = Syllabus(
        number=week.number,
        days=week.days,
        milestone=week.milestone,
        summary=week.summary,
        topics=tuple(week.topics),
        planned=tuple(PlannedExercise(p.id, p.title, p.day) for p in week.planned),
        bonus=week.bonus,
        katas=tuple(week.katas),
    )
    return Unit(name, week.title, directory, metadata_file, tuple(exercises), syllabus)


def _exercise(
    unit: str, directory: Path, entry: Any, where: str, problems: list[str]
) -> Exercise | None:
    """The engine's record for a validated entry, after the checks that need the disk."""
    before = len(problems)
    if unit == "katas" and entry.level not in KATA_LEVELS:
        problems.append(
            f"{where}: field 'level' must be one of {sorted(KATA_LEVELS)} for a kata, "
            f"got {entry.level!r}"
        )
    # A missing learner file is the learner's problem, reported when grading; a missing
    # checker is the workbook's.
    if not (directory / entry.checker).is_file():
        problems.append(f"{where}: field 'checker' names {entry.checker!r}, which does not exist")
    if not Path(entry.checker).name.startswith("test_"):
        problems.append(f"{where}: field 'checker' must name a file whose name starts with 'test_'")
    if len(problems) > before:
        return None
    return Exercise(
        unit=unit,
        slug=entry.id,
        title=entry.title.strip(),
        files=tuple(entry.files),
        module=entry.module or _module_name(entry.files[0]),
        checker=entry.checker,
        points=entry.points,
        difficulty=entry.difficulty,
        minutes=entry.minutes,
        objectives=tuple(entry.objectives),
        hints=tuple(entry.hints),
        day=entry.day,
        timeout=float(entry.timeout) if entry.timeout is not None else None,
        level=entry.level,
        source=entry.source,
        core=entry.core,
        requires=tuple(entry.requires),
        check_hints=tuple(entry.check_hints.items()),
        equivalent_mutants=tuple(
            EquivalentMutant(e.code.strip(), e.change, e.reason) for e in entry.equivalent_mutants
        ),
    )


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
