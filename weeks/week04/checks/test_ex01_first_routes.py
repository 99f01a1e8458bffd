"""Checks for week04/ex01_first_routes: a health route and typed read-only task routes."""

from __future__ import annotations

import pytest

from workbook.checking import Learner
from workbook.checking_app import expect_parameter, learner_app, open_api, openapi_document

TITLES = [
    "Write the README",
    "Add a health route",
    "Review the pull request",
    "Deploy to staging",
    "Tag the release",
    "Rotate the API keys",
    "Fix the flaky login test",
    "Update the dependencies",
    "Write the changelog",
    "Archive old reports",
    "Plan the next sprint",
    "Back up the database",
]
DONE = {1, 2, 6, 9, 12}


def task(task_id: int) -> dict[str, object]:
    return {"id": task_id, "title": TITLES[task_id - 1], "done": task_id in DONE}


def test_health(learner: Learner) -> None:
    """answers GET /health with status ok"""
    with open_api(learner) as api:
        answer = api.get("/health", expect=200,
                         help="Register the route with @app.get('/health') and return the dict.")
        answer.expect_json({"status": "ok"},
                           help="Return exactly {'status': 'ok'}: monitors read that field.")


def test_read_task(learner: Learner) -> None:
    """reads one task by its id"""
    with open_api(learner) as api:
        for task_id in (1, 3, 12):
            api.get(f"/tasks/{task_id}", expect=200,
                    help="Look the id up in TASKS and return the Task you find.").expect_json(
                task(task_id),
                help="Return the Task itself; FastAPI turns it into JSON with id, title and done.",
            )


def test_missing_task(learner: Learner) -> None:
    """answers 404 naming the task that does not exist"""
    with open_api(learner) as api:
        for task_id in (13, 99):
            api.get(f"/tasks/{task_id}", expect=404,
                    help="When no task has the id, raise HTTPException with status 404; "
                    "returning None would answer 200 with null.").expect_json(
                {"detail": f"Task {task_id} not found"},
                help="Give the HTTPException the detail f'Task {task_id} not found', so the "
                "client knows which task is missing.",
            )


def test_bad_task_id(learner: Learner) -> None:
    """refuses a task id that is not a positive integer with 422"""
    with open_api(learner) as api:
        for bad in ("abc", "1.5", "0", "-2"):
            api.get(f"/tasks/{bad}", expect=422,
                    help="Annotate task_id as an int with Path(ge=1): FastAPI then refuses "
                    "text and numbers below 1 before your function runs.")


def test_list_all(learner: Learner) -> None:
    """lists the tasks in id order, ten by default"""
    with open_api(learner) as api:
        api.get("/tasks", expect=200,
                help="GET /tasks without parameters lists the tasks.").expect_json(
            [task(n) for n in range(1, 11)],
            help="Keep the tasks in id order and cut the list at limit, DEFAULT_LIMIT (10) "
            "when the query string has no limit.",
        )


def test_filter_done(learner: Learner) -> None:
    """filters by done=true and done=false"""
    with open_api(learner) as api:
        api.get("/tasks", params={"done": True}, expect=200,
                help="done is an optional bool query parameter.").expect_json(
            [task(n) for n in sorted(DONE)],
            help="With done=true, keep only the tasks whose done is True.",
        )
        api.get("/tasks", params={"done": False, "limit": 50}, expect=200,
                help="done is an optional bool query parameter.").expect_json(
            [task(n) for n in range(1, 13) if n not in DONE],
            help="With done=false, keep only the tasks whose done is False (None means no "
            "filter, False is a filter: test 'done is None', not 'not done').",
        )
        api.get("/tasks", params={"done": "maybe"}, expect=422,
                help="Declare done as bool | None so FastAPI refuses values that are not "
                "a boolean.")


def test_search(learner: Learner) -> None:
    """searches titles with q, ignoring case"""
    with open_api(learner) as api:
        api.get("/tasks", params={"q": "WRITE"}, expect=200,
                help="q is an optional str query parameter.").expect_json(
            [task(1), task(9)],
            help="Compare in lower case: 'WRITE' matches 'Write the README'.",
        )
        api.get("/tasks", params={"q": "the", "done": True}, expect=200,
                help="q and done combine.").expect_json(
            [task(1), task(6), task(9), task(12)],
            help="Keep a task only when it passes both filters.",
        )
        longest = api.get("/tasks", params={"q": "x" * 40}, expect=200,
                          help="A search of exactly MAX_SEARCH_LENGTH (40) characters is allowed.")
        longest.expect_json([], help="No title contains it, so the list is empty (still 200).")
        api.get("/tasks", params={"q": "x" * 41}, expect=422,
                help="Give q Query(max_length=MAX_SEARCH_LENGTH): 41 characters is too long.")
        api.get("/tasks", params={"q": ""}, expect=422,
                help="Give q Query(min_length=1): an empty search is a client mistake.")


def test_limit(learner: Learner) -> None:
    """cuts the list at limit, from 1 to 50"""
    with open_api(learner) as api:
        for limit, expected in ((1, [1]), (3, [1, 2, 3]), (50, list(range(1, 13)))):
            api.get("/tasks", params={"limit": limit}, expect=200,
                    help="limit is an int query parameter from 1 to MAX_LIMIT (50), both "
                    "allowed.").expect_json(
                [task(n) for n in expected],
                help="Return at most limit tasks: slice the filtered list with [:limit].",
            )
        for bad in (0, 51, -1):
            api.get("/tasks", params={"limit": bad}, expect=422,
                    help="Annotate limit with Query(ge=1, le=MAX_LIMIT) so FastAPI refuses "
                    "values outside 1-50.")


@pytest.mark.requires("test_limit")
def test_openapi(learner: Learner) -> None:
    """documents the parameters and their bounds in the OpenAPI schema"""
    document = openapi_document(learner_app(learner), help="Keep the routes' type hints valid.")
    help = ("Declare each parameter with its type (and Path/Query bounds) in the function's "
            "signature: that is what FastAPI writes into /openapi.json.")
    expect_parameter(document, "GET", "/tasks/{task_id}", "task_id", location="path",
                     type="integer", required=True, minimum=1, help=help)
    expect_parameter(document, "GET", "/tasks", "done", location="query", type="boolean",
                     required=False, help=help)
    expect_parameter(document, "GET", "/tasks", "q", location="query", type="string",
                     required=False, help=help)
    expect_parameter(document, "GET", "/tasks", "limit", location="query", type="integer",
                     required=False, minimum=1, maximum=50, default=10, help=help)
