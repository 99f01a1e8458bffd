"""Check vocabulary for tests the learner writes: run them on the reference and on planted bugs.

A learner's test suite is good when it passes on a correct application and fails on a broken
one. ``run_learner_tests`` copies the learner's test file next to a module under test (the
reference, or a variant with one planted bug) in a temporary package and runs pytest on it in a
child process. ``expect_tests_pass`` fails when a test fails on the reference (naming the test
and its error); ``expect_bugs_caught`` fails unless some test fails on each variant, naming the
kind of every bug that escaped ("a list endpoint that ignores the page size was not caught")
and never the variant's code::

    reference = expect_original(tests.parent / "tasks_api.py", REFERENCE_SHA256, shown=...)
    bug = PlantedBug("ignores_limit", "a list endpoint that ignores the page size",
                     replace=("matching[offset : offset + limit]", "matching[offset:]"))
    suite = run_suite(tests, reference, [bug], tmp_path)  # one child process, then cached
    expect_tests_pass(suite, shown="test_tasks_api.py")
    expect_bugs_caught(suite, [bug], help="...")
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from workbook.checking import CheckFailure, Learner, NotStarted
from workbook.state import STATE_DIR_VARIABLE, STATE_FOLDER

_PYTEST_INI = "[pytest]\naddopts =\npython_files = test_*.py\n"


@dataclass(frozen=True)
class Subject:
    """The module the learner's tests import: its file name and its source."""

    filename: str
    source: str


@dataclass(frozen=True)
class PlantedBug:
    """One broken variant of a subject, made by replacing text that occurs exactly once."""

    name: str
    escaped: str  # the kind of bug, as the report says it: "a delete that answers 200"
    replace: tuple[str, str]

    def apply(self, subject: Subject) -> Subject:
        old, new = self.replace
        count = subject.source.count(old)
        if count != 1:
            raise CheckFailure(
                f"{subject.filename} is not the original file, so the planted bugs cannot be "
                "made",
                expected=f"the original {subject.filename}",
                actual="a changed copy",
                help=f"The tests are graded against the original {subject.filename}: restore "
                f"it with  git checkout -- <path to {subject.filename}>",
            )
        return Subject(subject.filename, subject.source.replace(old, new))


@dataclass(frozen=True)
class TestOutcome:
    """One of the learner's tests in one run."""

    name: str
    status: str  # passed | failed | error | skipped
    message: str = ""


@dataclass
class TestRun:
    """What pytest reported for the learner's test file on one subject."""

    outcomes: list[TestOutcome] = field(default_factory=list)
    output: str = ""  # what the child printed (shared by every run of one batch)

    @property
    def failed(self) -> list[TestOutcome]:
        return [o for o in self.outcomes if o.status in ("failed", "error")]

    @property
    def passed(self) -> list[TestOutcome]:
        return [o for o in self.outcomes if o.status == "passed"]


def normalised_sha256(text: str) -> str:
    """SHA-256 of ``text`` with Windows line endings made Unix ones (for "is this the original")."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def expect_original(path: Path, sha256: str, *, shown: str) -> Subject:
    """The subject at ``path``, failing unless it is the file the workbook ships (by hash).

    The learner's tests are graded against this file, so a changed copy would grade them
    against something else; line endings do not count as a change.
    """
    if not path.is_file():
        raise CheckFailure(
            f"{shown} is missing",
            expected=f"the original {shown}",
            actual="no such file",
            help=f"Restore it with: git checkout -- {shown}",
        )
    text = path.read_text(encoding="utf-8")
    if normalised_sha256(text) != sha256:
        raise CheckFailure(
            f"{shown} has been changed, and your tests are graded against the original",
            expected=f"the original {shown}",
            actual="a changed copy",
            help=f"Fix the tests, not the code they test: restore it with "
            f"git checkout -- {shown}",
        )
    return Subject(path.name, text.replace("\r\n", "\n"))


#: Runs pytest once per job in one interpreter, so FastAPI and pytest are imported only once.
#: The reference goes first; once the tests pass on it, the planted bugs (independent of each
#: other) are shared among forked copies of the interpreter, one per core up to four.
_DRIVER = """
import gc, json, os, sys
import pytest
jobs = json.loads(sys.argv[1])
plugins = []
if sys.argv[2:] == ["hypothesis"]:
    from hypothesis import Phase, settings

    # A verdict needs pass or fail, not the smallest failing example: no shrinking (nor its
    # explanation), no example database in the scratch folder, and no deadline that a loaded
    # machine would trip. Hypothesis fixes a test's settings when @given decorates it, so a
    # profile the tests register themselves (inheriting the 200 ms deadline) would win over
    # the one loaded here; once they are collected, each test's own settings get the same
    # three changes (its max_examples and derandomize stay).
    def verdict_only(current):
        phases = tuple(p for p in current.phases if p not in (Phase.shrink, Phase.explain))
        return settings(current, phases=phases, database=None, deadline=None)

    settings.register_profile("workbook", verdict_only(settings.default))
    settings.load_profile("workbook")

    class VerdictOnly:
        def pytest_collection_finish(self, session):
            for item in session.items:
                test = getattr(item, "obj", None)
                current = getattr(test, "_hypothesis_internal_use_settings", None)
                if isinstance(current, settings):
                    test._hypothesis_internal_use_settings = verdict_only(current)

    plugins.append(VerdictOnly())

def run(job):
    # A planted bug needs one failing test to count as caught: its run stops there (-x).
    first = ["-x"] if job["bug"] else []
    code = pytest.main(["-c", job["ini"], "--rootdir", job["root"], "-p", "no:cacheprovider",
                        "-q", "--no-header", "--tb=line", "--junitxml=" + job["report"],
                        *first, job["tests"]], plugins=plugins)
    while job["root"] in sys.path:
        sys.path.remove(job["root"])
    package = job["package"]
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]
    return code

# pytest ends every run with full garbage collections; what is imported by now (pytest,
# Hypothesis) stays to the end, so it is frozen out of their sight.
gc.freeze()
# When the tests fail on the reference, the planted bugs cannot be judged yet.
if jobs and run(jobs[0]) == 0:
    gc.freeze()  # and what the reference run imported (the subject's own libraries)
    bugs = jobs[1:]
    workers = max(1, min(4, os.cpu_count() or 1, len(bugs))) if hasattr(os, "fork") else 1
    children = []
    for worker in range(1, workers):
        pid = os.fork()
        if pid == 0:
            try:
                for job in bugs[worker::workers]:
                    run(job)
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(0)
        children.append(pid)
    for job in bugs[::workers]:
        run(job)
    for pid in children:
        os.waitpid(pid, 0)
"""


def run_learner_tests(
    tests: Path, subjects: Sequence[Subject], workdir: Path, *, timeout: float = 30.0
) -> list[TestRun]:
    """Run pytest on copies of ``tests``, each placed next to one subject in a fresh package.

    The runs happen in one child process (the reference first; the planted bugs then shared
    among forks of it, see ``_DRIVER``). A planted bug's run stops at its first failing test,
    which is all its verdict needs. Each package has the name of
    the folder ``tests`` is in and an empty ``__init__.py``, so the tests may import the subject
    either way (``from .tasks_api import app`` or ``from ex07_api_tests.tasks_api import app``).
    Plugins are not auto-loaded, no configuration file of the learner's is read, nothing is
    cached, and the child has no standard input.
    """
    source = tests.read_text(encoding="utf-8")
    uses_hypothesis = ["hypothesis"] if "hypothesis" in source else []
    jobs: list[dict[str, Any]] = []
    for index, subject in enumerate(subjects):
        root = workdir / f"run{index}"
        package = root / tests.parent.name
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("", encoding="utf-8")
        (package / subject.filename).write_text(subject.source, encoding="utf-8")
        (package / tests.name).write_text(source, encoding="utf-8")
        (root / "pytest.ini").write_text(_PYTEST_INI, encoding="utf-8")
        jobs.append(
            {
                "root": str(root),
                "ini": str(root / "pytest.ini"),
                "report": str(root / "report.xml"),
                "tests": str(package / tests.name),
                "package": tests.parent.name,
                "bug": index > 0,
            }
        )
    environment = {
        **os.environ,
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": "",
        # Hypothesis keeps its Unicode tables in its storage folder, by default under the
        # working directory, which is fresh for every run: building them again costs about
        # 2 s of a 2.5 s run. The state folder keeps them from one check to the next.
        "HYPOTHESIS_STORAGE_DIRECTORY": str(
            Path(os.environ.get(STATE_DIR_VARIABLE, STATE_FOLDER)).resolve() / "hypothesis"
        ),
    }
    try:
        completed = subprocess.run(
            [sys.executable, "-c", _DRIVER, json.dumps(jobs), *uses_hypothesis],
            cwd=workdir,
            env=environment,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise CheckFailure(
            f"your tests did not finish within {timeout:g} s",
            expected="a test run that finishes in a few seconds",
            actual="still running when it was stopped",
            help="Look for a test that waits for something that never comes (an input(), a "
            "loop without an end, a request to a real server).",
        ) from None
    output = completed.stdout + completed.stderr
    return [TestRun(_outcomes(Path(job["report"])), output) for job in jobs]


def _outcomes(report: Path) -> list[TestOutcome]:
    if not report.is_file():
        return []
    outcomes = []
    for case in ElementTree.parse(report).getroot().iter("testcase"):
        name = case.get("name", "?")
        status, message = "passed", ""
        for child in case:
            if child.tag in ("failure", "error", "skipped"):
                status = "failed" if child.tag == "failure" else child.tag
                message = (child.get("message") or child.text or "").strip()
                break
        outcomes.append(TestOutcome(name, status, _first_line(message)))
    return outcomes


def _first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    first = lines[0].strip() if lines else ""
    return first if len(first) <= 200 else first[:197] + "..."


def _tail(output: str) -> str:
    lines = [line for line in output.strip().splitlines() if line.strip()]
    return "\n".join(lines[-6:])


@dataclass(frozen=True)
class SuiteRun:
    """The learner's tests run on the reference and on every planted bug."""

    subject: Subject
    reference: TestRun
    variants: dict[str, TestRun]  # by PlantedBug.name; each run stops at its first failure


_suite_runs: dict[str, SuiteRun] = {}


def run_suite(
    tests: Path,
    subject: Subject,
    bugs: Sequence[PlantedBug],
    workdir: Path,
    *,
    timeout: float = 80.0,
) -> SuiteRun:
    """Run the learner's tests on ``subject`` and on each bug, in one child process.

    When the tests fail on ``subject`` itself the bugs are not run (their verdict would mean
    nothing), and ``variants`` is empty.

    The result is kept for the rest of the grading process, keyed by the files' contents, so
    the checks of one exercise share a single run.
    """
    text = tests.read_text(encoding="utf-8")
    untouched = stub_tests(text)
    if untouched:  # nothing written yet: no need to start a second Python to find that out
        raise NotStarted(
            f"{len(untouched)} of the tests in {tests.name} are still the starting stub: "
            + ", ".join(untouched),
            help="Replace each test's 'raise NotImplementedError' with requests and asserts.",
        )
    key = normalised_sha256(
        "\0".join([text, subject.source, *(f"{b.name}:{b.replace}" for b in bugs)])
    )
    if key not in _suite_runs:
        subjects = [subject, *(bug.apply(subject) for bug in bugs)]
        reference, *variants = run_learner_tests(tests, subjects, workdir, timeout=timeout)
        judged = bool(reference.outcomes) and not reference.failed
        _suite_runs[key] = SuiteRun(
            subject,
            reference,
            {bug.name: run for bug, run in zip(bugs, variants, strict=True)} if judged else {},
        )
    return _suite_runs[key]


def learner_suite(
    learner: Learner,
    workdir: Path,
    *,
    subject: str,
    tests: str,
    sha256: str,
    bugs: Sequence[PlantedBug],
) -> SuiteRun:
    """The learner's ``tests`` (a file beside the exercise's module), run on the untouched
    ``subject`` (checked against ``sha256``) and on each planted bug: ``run_suite`` for the
    usual layout of a "write the tests" exercise."""
    folder = learner.path.parent
    shown = Path(learner.display_path).parent.as_posix()
    reference = expect_original(folder / subject, sha256, shown=f"{shown}/{subject}")
    return run_suite(folder / tests, reference, bugs, workdir)


def shown_beside(learner: Learner, name: str) -> str:
    """How the file ``name`` beside the exercise's module is named in a message."""
    return f"{Path(learner.display_path).parent.as_posix()}/{name}"


def stub_tests(text: str) -> list[str]:
    """The test functions of ``text`` when every one of them is still a stub (a docstring at
    most, then ``raise NotImplementedError``); empty when any test has been written."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return []
    tests = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")
    ]

    def is_stub(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        body = list(function.body)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body = body[1:]  # the docstring
        if len(body) != 1 or not isinstance(body[0], ast.Raise) or body[0].exc is None:
            return False
        raised = body[0].exc.func if isinstance(body[0].exc, ast.Call) else body[0].exc
        return isinstance(raised, ast.Name) and raised.id == "NotImplementedError"

    if tests and all(is_stub(test) for test in tests):
        return [test.name for test in tests]
    return []


def expect_tests_pass(suite: SuiteRun, *, shown: str, minimum: int = 1) -> None:
    """Fail unless the learner's tests all pass on the reference (and there are ``minimum``).

    Tests that still raise the stub's NotImplementedError make the check "not started".
    """
    run = suite.reference
    if not run.outcomes:
        raise CheckFailure(
            f"pytest found no test it could run in {shown}:\n{_tail(run.output)}",
            expected="a test file pytest can collect, with test_... functions",
            actual="no test ran",
            help="Run the file yourself with pytest to see the error (often an import that "
            "fails or a syntax error).",
        )
    stubs = [o for o in run.failed if o.message.startswith("NotImplementedError")]
    if stubs:
        raise NotStarted(
            f"{len(stubs)} of the tests in {shown} are still the starting stub: "
            + ", ".join(o.name for o in stubs),
            help="Replace each test's 'raise NotImplementedError' with requests and asserts.",
        )
    if len(run.outcomes) < minimum:
        raise CheckFailure(
            f"{shown} has {len(run.outcomes)} test(s), expected at least {minimum}",
            expected=f"at least {minimum} tests",
            actual=f"{len(run.outcomes)}",
            help="Keep the tests of the starting file; add more if you like.",
        )
    if run.failed:
        lines = "\n".join(f"    {o.name}: {o.message or o.status}" for o in run.failed)
        raise CheckFailure(
            f"on the correct {suite.subject.filename}, {len(run.failed)} of your "
            f"{len(run.outcomes)} tests failed:\n{lines}",
            expected="every test passing on the correct application",
            actual=", ".join(o.name for o in run.failed) + " failed",
            help="A test that fails on correct code expects something the API does not "
            "promise; read the API's docstring again and fix the test, not the API.",
        )


def expect_bugs_caught(suite: SuiteRun, bugs: Sequence[PlantedBug], *, help: str) -> None:
    """Fail unless, for each bug, at least one of the learner's tests fails on that variant.

    The failure names the kind of every bug that escaped, never the variant's code.
    """
    if not suite.variants and bugs:
        stubs = [o for o in suite.reference.failed if o.message.startswith("NotImplementedError")]
        if stubs or not suite.reference.outcomes:
            raise NotStarted(
                "your tests are not written yet, so no planted bug can be tried on them",
                help="Write the tests first; this check then runs them on broken copies.",
            )
        raise CheckFailure(
            "can't try the planted bugs until your tests pass on the correct "
            f"{suite.subject.filename}",
            expected="every test passing on the correct application first",
            actual=f"{len(suite.reference.failed)} test(s) failing on it",
            help="Fix the tests that fail on correct code (see the check above), then this "
            "check runs them on each broken copy.",
        )
    escaped = [bug for bug in bugs if not suite.variants[bug.name].failed]
    if escaped:
        names = [bug.escaped for bug in escaped]
        raise CheckFailure(
            "; ".join(f"{name} was not caught" for name in names)
            + f" (all your tests passed on a copy of {suite.subject.filename} with "
            + ("that bug)" if len(names) == 1 else "each of those bugs)"),
            expected="at least one failing test for each planted bug",
            actual=f"{len(escaped)} of {len(bugs)} planted bugs escaped your tests",
            help=help,
        )
