"""Learner code that tries to fake, stall or damage the grading gets an honest, bounded verdict.

Each case puts a file from ``tests/fixtures/hostile`` in place of an exercise and asserts the
exact verdict and message, and that nothing else was affected.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from subprocess import PIPE

import pytest

from tests.conftest import FIXTURES, MiniWorkbook
from workbook import runner

HOSTILE = FIXTURES / "hostile"
GREET = "weeks/week01/exercises/ex01_greet.py"
linux_only = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


def use_hostile(mini: MiniWorkbook, name: str, slug: str = "ex01_greet") -> None:
    shutil.copyfile(HOSTILE / f"{name}.py", mini.learner_file(slug))


@linux_only
def test_lines_forged_on_the_channel_are_ignored_and_reported(mini: MiniWorkbook) -> None:
    use_hostile(mini, "forge_channel")
    mini.use_solution("ex02_total")
    run = mini.run("check", "week01")
    assert run.exit_code == 1
    greet = mini.exercise("week01/ex01_greet")
    assert greet["status"] == "failed"
    assert greet["tests"][0]["message"] == (
        "called greet('Ada'), got 'not a greeting', expected 'Hello, Ada!'"
    )
    notices = mini.results()["notices"]
    assert any("were not written by the workbook" in n for n in notices), notices
    assert f"{GREET}, line 10: writes to a raw file descriptor (os.write)" in notices
    assert f"{GREET}, line 8: refers to the process's open files (/proc/self/fd)" in notices
    assert "Code that reaches into the grading" in run.out


def test_patched_engine_internals_are_flagged_and_undone_after_the_check(
    mini: MiniWorkbook,
) -> None:
    use_hostile(mini, "patch_internals")
    mini.use_solution("ex02_total")
    run = mini.run("check", "week01", "--format", "markdown")
    assert run.exit_code == 1
    assert mini.results()["status"] == "failed"
    greet = mini.exercise("week01/ex01_greet")
    assert greet["status"] == "failed", "the patch does not outlive the check that imported it"
    assert greet["tests"][1]["message"] == (
        "called greet('  Ada '), got 'not a greeting', expected 'Hello, Ada!'"
    )
    assert mini.results()["notices"] == [
        f"{GREET}, line 4: uses sys.modules, which can replace loaded modules"
    ]
    assert "> [!CAUTION]" in run.out and "uses sys.modules" in run.out


def test_conftest_files_and_a_root_pytest_module_take_no_part(mini: MiniWorkbook) -> None:
    forcing = (
        "import pytest\n\n\n@pytest.hookimpl(wrapper=True)\n"
        "def pytest_runtest_makereport(item, call):\n"
        "    report = yield\n    report.outcome = 'passed'\n    return report\n"
    )
    for folder in ("", "weeks", "weeks/week01", "weeks/week01/checks", "weeks/week01/exercises"):
        (mini.root / folder / "conftest.py").write_text(forcing, encoding="utf-8")
    (mini.root / "pytest.py").write_text("raise SystemExit(0)\n", encoding="utf-8")
    run = mini.run("check", "week01")
    assert run.exit_code == 1
    assert [e["status"] for e in mini.results()["exercises"]] == ["not_started", "not_started"]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_checker_edited_with_its_manifest_is_still_caught_by_git(mini: MiniWorkbook) -> None:
    def git(*arguments: str) -> None:
        subprocess.run(
            ["git", "-C", str(mini.root), *arguments], check=True, capture_output=True
        )

    git("init", "-q", "-b", "main")
    git("-c", "user.name=Course", "-c", "user.email=course@example.com", "add", "-A")
    git("-c", "user.name=Course", "-c", "user.email=course@example.com", "commit", "-qm", "x")
    checker = mini.root / "weeks" / "week01" / "checks" / "test_ex01_greet.py"
    checker.write_text("def test_greets_by_name() -> None:\n    assert True\n", encoding="utf-8")
    assert mini.run("dev", "manifest").exit_code == 0  # the manifest now agrees with the edit
    mini.run("check", "week01")
    assert mini.results()["tampered"] == [
        "checkers.sha256",
        "weeks/week01/checks/test_ex01_greet.py",
    ]


@linux_only
def test_forged_heartbeats_do_not_keep_a_stuck_check_alive(mini: MiniWorkbook) -> None:
    use_hostile(mini, "heartbeat_while_stuck")
    started = time.monotonic()
    mini.run("check", "week01", "--timeout", "1")
    elapsed = time.monotonic() - started
    first = mini.exercise("week01/ex01_greet")["tests"][0]
    assert (first["status"], first["message"]) == (
        "timeout",
        "did not finish in time and had to be stopped",
    )
    assert elapsed < 15, f"stopped after {elapsed:.1f}s"
    assert any("were not written by the workbook" in n for n in mini.results()["notices"])


def test_a_unit_has_an_overall_bound(mini: MiniWorkbook, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "unit_bound", lambda exercises, timeout: 6.0)
    use_hostile(mini, "heartbeat_while_stuck")
    started = time.monotonic()
    mini.run("check", "week01", "--timeout", "30")
    elapsed = time.monotonic() - started
    first = mini.exercise("week01/ex01_greet")["tests"][0]
    assert (first["status"], first["message"]) == (
        "timeout",
        "was still running when the whole run ran out of time",
    )
    total = mini.exercise("week01/ex02_total")
    assert total["status"] == "error"
    assert total["message"] == (
        "not checked: the whole run ran out of time before reaching this exercise"
    )
    assert total["help"] == "Grade it on its own: workbook check week01 ex02"
    assert elapsed < 15, f"stopped after {elapsed:.1f}s"


@linux_only
@pytest.mark.parametrize("name", ["leaves_orphans", "forks_orphans"])
def test_processes_left_behind_are_killed_when_the_check_ends(
    mini: MiniWorkbook, name: str
) -> None:
    use_hostile(mini, name)
    mini.run("check", "week01", "ex01")
    assert mini.exercise("week01/ex01_greet")["status"] == "passed"
    pid = int(mini.learner_file("ex01_greet").with_name("orphan.pid").read_text())
    time.sleep(0.2)
    assert not _alive(pid), "a grandchild that called setsid outlived the check"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(sys.platform == "win32", reason="no RLIMIT_AS")
def test_a_memory_hog_gets_its_own_message(mini: MiniWorkbook) -> None:
    use_hostile(mini, "allocates_too_much")
    mini.run("check", "week01", "ex01")
    first = mini.exercise("week01/ex01_greet")["tests"][0]
    assert first["status"] == "failed"
    assert first["message"] == (
        "called greet('Ada'), it used more than 2048 MiB of memory\n"
        "  raised at ex01_greet.py, line 2: buffer = bytearray(64 * 1024**3)  # 64 GiB"
    )
    assert first["actual"] == "MemoryError"


def test_keyboard_interrupt_in_learner_code_fails_only_that_check(mini: MiniWorkbook) -> None:
    use_hostile(mini, "raises_keyboard_interrupt")
    mini.use_solution("ex02_total")
    run = mini.run("check", "week01")
    assert run.exit_code == 1
    first = mini.exercise("week01/ex01_greet")["tests"][0]
    assert (first["status"], first["message"]) == (
        "failed",
        f"your code raised KeyboardInterrupt ({GREET}, line 2: raise KeyboardInterrupt)",
    )
    assert mini.exercise("week01/ex02_total")["status"] == "passed"
    assert "problem in the workbook" not in run.err


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "keyboard_interrupt_at_import",
            f"importing {GREET} raised KeyboardInterrupt "
            f"({GREET}, line 1: raise KeyboardInterrupt)",
        ),
        (
            "base_exception_at_import",
            f"importing {GREET} raised Escape('leaving') "
            f"({GREET}, line 5: raise Escape(\"leaving\"))",
        ),
    ],
)
def test_a_base_exception_at_import_is_that_exercises_error(
    mini: MiniWorkbook, name: str, message: str
) -> None:
    use_hostile(mini, name)
    mini.use_solution("ex02_total")
    mini.run("check", "week01")
    greet = mini.exercise("week01/ex01_greet")
    assert (greet["status"], greet["message"]) == ("error", message)
    assert mini.exercise("week01/ex02_total")["status"] == "passed"


@pytest.mark.parametrize("name", ["closes_stdout", "patches_builtins", "deletes_history"])
def test_one_exercise_cannot_change_anothers_verdict(mini: MiniWorkbook, name: str) -> None:
    mini.use_solution("ex02_total")
    mini.run("check", "week01")
    use_hostile(mini, name)
    run = mini.run("check", "week01")
    assert [e["status"] for e in mini.results()["exercises"]] == ["passed", "passed"]
    assert run.exit_code == 0
    progress = json.loads((mini.root / ".workbook" / "progress.json").read_text())
    assert progress["exercises"]["week01/ex02_total"]["attempts"] == 2, "history survives"


def test_an_unwritable_state_folder_still_prints_the_verdict(mini: MiniWorkbook) -> None:
    (mini.root / ".workbook").write_text("not a folder", encoding="utf-8")
    mini.use_solution("ex02_total")
    run = mini.run("check", "week01")
    assert run.exit_code == 1
    assert "Score 6/16" in run.out
    assert run.err.startswith("warning: this verdict could not be saved in ")
    assert "make sure .workbook is a folder you can write to (or delete it)" in run.err
    assert "Traceback" not in run.err


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGINT to a process")
def test_ctrl_c_stops_cleanly_and_saves_what_was_graded(mini: MiniWorkbook) -> None:
    mini.use_solution("ex01_greet")
    use_hostile(mini, "stuck_in_c_total", "ex02_total")
    command = [sys.executable, "-m", "workbook", "--root", str(mini.root), "check", "week01"]
    # A job started in the background of a script inherits Ctrl-C ignored, and so would the
    # workbook started here; a learner's shell in front of them does not ignore it.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        child = subprocess.Popen(command, stdout=PIPE, stderr=PIPE, text=True, env=dict(os.environ))
    finally:
        signal.signal(signal.SIGINT, previous)
    results = mini.root / ".workbook" / "results" / "week01.json"
    started = mini.learner_file("ex02_total").with_name("total.started")
    deadline = time.monotonic() + 30
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # ex01 is graded once ex02's code runs; ex02 is stuck in C
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=20)
    assert child.returncode == 130, f"stdout:\n{out}\nstderr:\n{err}"
    assert "Stopped (Ctrl-C): 1 exercise(s) were graded and saved" in err
    data = json.loads(results.read_text())
    assert [(e["id"], e["status"]) for e in data["exercises"]] == [("week01/ex01_greet", "passed")]
    assert "Traceback" not in err
