"""The GitHub workflows parse, run on the right events, and their shell steps are valid bash.

(actionlint is not used: its PyPI package downloads the binary while it builds, and the
workbook's tests must not download anything.)
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"


def load(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_every_job_has_steps_and_every_shell_step_is_valid_bash(name: str) -> None:
    workflow = load(name)
    assert workflow["name"]
    assert workflow[True], "the events (YAML 1.1 reads the key 'on' as True)"
    for job_name, job in workflow["jobs"].items():
        assert job["runs-on"] == "ubuntu-latest", job_name
        assert job["steps"], job_name
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "run" in step and shutil.which("bash"):
                checked = subprocess.run(
                    ["bash", "-n"], input=step["run"], text=True, capture_output=True, check=False
                )
                assert checked.returncode == 0, (step.get("name"), checked.stderr)


def test_the_review_workflow_grades_pull_requests_with_workbook_review() -> None:
    workflow = load("workbook.yml")
    assert "pull_request" in workflow[True]
    steps = workflow["jobs"]["review"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0, "the base branch must be in the clone"
    script = "\n".join(step.get("run", "") for step in steps)
    assert 'workbook review --base "origin/$BASE_REF"' in script
    assert "$GITHUB_STEP_SUMMARY" in script
    assert workflow["permissions"] == {"contents": "read", "pull-requests": "write"}


def test_the_maintainers_workflow_runs_the_ci_script() -> None:
    steps = load("ci.yml")["jobs"]["tests"]["steps"]
    assert any(step.get("run") == "CI=true bash .ci/run" for step in steps)
