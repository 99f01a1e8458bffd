"""Checks for week04/ex07_api_tests: the learner's tests pass on the API and catch planted bugs.

The learner's test file runs with pytest in a child process, once against the original
tasks_api.py and once against each copy with one planted bug. A good suite passes on the first
and fails on every copy. Reports name the kind of bug that escaped, never the planted code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.checking import Learner
from workbook.checking_tests import (
    PlantedBug,
    SuiteRun,
    expect_bugs_caught,
    expect_tests_pass,
    learner_suite,
    shown_beside,
)

#: normalised_sha256 of the shipped tasks_api.py (update it when that file changes).
REFERENCE_SHA256 = "90f253880c999b378595500674a2cfff18635cfe44c102fa6b730feefea384de"

CREATION_BUGS = [
    PlantedBug("create_200", "a create that answers 200 instead of 201",
               ('@app.post("/tasks", status_code=status.HTTP_201_CREATED)', '@app.post("/tasks")')),
    PlantedBug("no_location", "a create without a Location header",
               ('    response.headers["Location"] = f"/tasks/{task.id}"\n', "")),
    PlantedBug("empty_title", "a create that accepts an empty title",
               ("title: str = Field(min_length=1, max_length=200)",
                "title: str = Field(max_length=200)")),
    PlantedBug("title_200", "a create that refuses a title of exactly 200 characters",
               ("title: str = Field(min_length=1, max_length=200)",
                "title: str = Field(min_length=1, max_length=199)")),
    PlantedBug("title_201", "a create that accepts a title of 201 characters",
               ("title: str = Field(min_length=1, max_length=200)",
                "title: str = Field(min_length=1, max_length=201)")),
]
LIST_BUGS = [
    PlantedBug("ignores_limit", "a list endpoint that ignores the page size",
               ("matching[offset : offset + limit]", "matching[offset:]")),
    PlantedBug("ignores_offset", "a list endpoint that ignores the offset",
               ("matching[offset : offset + limit]", "matching[:limit]")),
    PlantedBug("limit_0", "a list endpoint that accepts limit=0",
               ("Query(ge=1, le=100)", "Query(ge=0, le=100)")),
    PlantedBug("limit_1", "a list endpoint that refuses limit=1",
               ("Query(ge=1, le=100)", "Query(ge=2, le=100)")),
    PlantedBug("limit_100", "a list endpoint that refuses limit=100",
               ("Query(ge=1, le=100)", "Query(ge=1, le=99)")),
    PlantedBug("limit_101", "a list endpoint that accepts limit=101",
               ("Query(ge=1, le=100)", "Query(ge=1, le=101)")),
    PlantedBug("negative_offset", "a list endpoint that accepts a negative offset",
               ("Query(ge=0)", "Query(ge=-1)")),
    PlantedBug("ignores_done", "a list endpoint that ignores the done filter",
               ("if done is None or task.done == done", "if done is None or True")),
    PlantedBug("page_total", "a total that counts only the tasks on the page",
               ("total=len(matching)", "total=len(items)")),
]
ITEM_BUGS = [
    PlantedBug("vague_404", "a 404 that does not say which task is missing",
               ('detail=f"Task {task_id} not found"', 'detail="Not found"')),
    PlantedBug("patch_resets", "a PATCH that also changes the fields it was not sent",
               ("payload.model_dump(exclude_unset=True)",
                "{**payload.model_dump(exclude_unset=True), 'done': payload.done is True}")),
    PlantedBug("delete_keeps", "a DELETE that answers 204 but keeps the task",
               ("    del store.tasks[task_id]\n", "")),
    PlantedBug("delete_body", "a DELETE that answers 200 with a body",
               ('@app.delete("/tasks/{task_id}", status_code=status.HTTP_204_NO_CONTENT)',
                '@app.delete("/tasks/{task_id}")')),
]


def suite(learner: Learner, tmp_path: Path) -> SuiteRun:
    """The learner's tests, run on the original API and on every planted bug (once)."""
    return learner_suite(
        learner,
        tmp_path,
        subject="tasks_api.py",
        tests="test_tasks_api.py",
        sha256=REFERENCE_SHA256,
        bugs=[*CREATION_BUGS, *LIST_BUGS, *ITEM_BUGS],
    )


def test_passes_on_the_api(learner: Learner, tmp_path: Path) -> None:
    """your tests pass on the correct API"""
    shown = shown_beside(learner, "test_tasks_api.py")
    expect_tests_pass(suite(learner, tmp_path), shown=shown, minimum=8)


@pytest.mark.requires("test_passes_on_the_api")
def test_catches_creation_bugs(learner: Learner, tmp_path: Path) -> None:
    """your tests catch broken creation"""
    expect_bugs_caught(suite(learner, tmp_path), CREATION_BUGS,
                       help="Assert the exact status (201, not just 'success'), the Location "
                       "header, and the title's bounds on the edge: empty and 201 characters "
                       "refused, 1 and exactly 200 accepted.")


@pytest.mark.requires("test_passes_on_the_api")
def test_catches_list_bugs(learner: Learner, tmp_path: Path) -> None:
    """your tests catch broken pagination and filters"""
    expect_bugs_caught(suite(learner, tmp_path), LIST_BUGS,
                       help="Create more tasks than one page holds, then assert which ids come "
                       "back for a limit and an offset, the total, both filters, and each "
                       "bound on the edge: limit 1 and 100 allowed, 0 and 101 refused, offset "
                       "-1 refused.")


@pytest.mark.requires("test_passes_on_the_api")
def test_catches_item_bugs(learner: Learner, tmp_path: Path) -> None:
    """your tests catch broken reads, updates and deletes"""
    expect_bugs_caught(suite(learner, tmp_path), ITEM_BUGS,
                       help="Assert the 404's body, read a task back after a PATCH that sends "
                       "one field, and after a DELETE check both the 204 and that the task "
                       "is gone.")
