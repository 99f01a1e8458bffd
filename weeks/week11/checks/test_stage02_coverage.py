"""Checks for week11/stage02_coverage: your own suite covers at least 85% of taskhub."""

from __future__ import annotations

from workbook.checking import CheckFailure, Learner, NotStarted
from workbook.taskhub_checks import run_own_suite, shown_project

SUITE_TIMEOUT = 280  # seconds; the stage's own limit is 300
COVERAGE_GOAL = 85


def test_coverage(learner: Learner) -> None:
    """covers at least 85% of taskhub with your own tests"""
    run = run_own_suite(learner, timeout=SUITE_TIMEOUT)
    if run.returncode == 5:
        raise NotStarted(
            f"your test suite in {shown_project(learner)}/tests has no tests yet",
            help="Coverage measures your own tests: write them first (stage 1 of this week).",
        )
    if run.returncode != 0:
        raise CheckFailure(
            f"your test suite ({run.command}) does not pass, so its coverage is not measured",
            expected="a passing suite",
            actual="a failing or stopped suite" if run.returncode else "a stopped suite",
            help="Grade stage 1 of this week first (workbook check week11 stage01); it shows "
            "the failing test.",
        )
    if run.coverage is None:
        raise CheckFailure(
            f"your test suite ({run.command}) passed without a coverage report",
            expected="a coverage report from pytest-cov",
            actual="no report",
            help="Keep pytest-cov in the project's dev dependencies (uv sync installs it).",
        )
    if run.coverage < COVERAGE_GOAL:
        raise CheckFailure(
            f"your test suite passes but covers {run.coverage:.1f}% of taskhub, expected at "
            f"least {COVERAGE_GOAL}%",
            expected=f"coverage of at least {COVERAGE_GOAL}%",
            actual=f"{run.coverage:.1f}%",
            help="Run 'uv run pytest --cov=taskhub --cov-report=term-missing' to list the lines "
            "no test reaches, then test the behaviour behind them (the error paths count most).",
        )
