"""Checks for week08/ex02_ownership: another user's task is a 404, never listed or counted."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from workbook.checking import Learner, expect_true
from workbook.checking_app import Api, learner_app, open_api

ADA = {"Authorization": "Bearer token-ada"}
BOB = {"Authorization": "Bearer token-bob"}
EVE = {"Authorization": "Bearer token-eve"}


@contextmanager
def fresh_api(learner: Learner) -> Iterator[Api]:
    """The learner's app with get_store overridden by a fresh TaskStore."""
    app = learner_app(learner)
    fresh = learner.cls("TaskStore")()
    app.dependency_overrides[learner.function("get_store")] = lambda: fresh
    try:
        with open_api(learner) as api:
            yield api
    finally:
        app.dependency_overrides.clear()


def seed(api: Api) -> None:
    """Task 1 and 3 are Ada's, task 2 is Bob's."""
    for title, who in (("Ada's plan", ADA), ("Bob's secret", BOB), ("Ada's notes", ADA)):
        api.post("/tasks", json={"title": title}, headers=who, expect=201,
                 help="POST /tasks with a valid token creates a task owned by the caller.")


AUTH_HELP = ("current_user reads 'Authorization: Bearer <token>', looks the token up in TOKENS "
             "and raises HTTPException(401, 'Not authenticated', headers={'WWW-Authenticate': "
             "'Bearer'}) when anything is missing or unknown.")


def test_unauthenticated(learner: Learner) -> None:
    """answers 401 with WWW-Authenticate when the token is missing, wrong or not Bearer"""
    with fresh_api(learner) as api:
        for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic token-ada"},
                        {"Authorization": "token-ada"}):
            answer = api.get("/tasks", headers=headers or None, expect=401, help=AUTH_HELP,
                             note="" if headers else "without an Authorization header")
            answer.expect_json({"detail": "Not authenticated"}, help=AUTH_HELP)
            answer.expect_header("www-authenticate", "Bearer",
                                 help="A 401 tells the client how to authenticate: "
                                 "WWW-Authenticate: Bearer.")
        api.get("/tasks", headers={"Authorization": "bearer token-ada"}, expect=200,
                help="The scheme name is case-insensitive: 'bearer' is as good as 'Bearer'.")


def test_create_owned_by_caller(learner: Learner) -> None:
    """creates a task owned by the caller, whatever owner_id the body claims"""
    with fresh_api(learner) as api:
        api.post("/tasks", json={"title": "Mine", "owner_id": 2}, headers=EVE, expect=201,
                 help="POST /tasks answers 201 with the new task.").expect_json(
            {"id": 1, "title": "Mine", "owner_id": 3},
            help="The owner is the authenticated user (Eve is user 3), never a value the "
            "client sends: take owner_id from current_user.")


def test_own_task(learner: Learner) -> None:
    """reads and deletes the caller's own task"""
    with fresh_api(learner) as api:
        seed(api)
        api.get("/tasks/3", headers=ADA, expect=200,
                help="Ada owns task 3, so owned_task returns it.").expect_json(
            {"id": 3, "title": "Ada's notes", "owner_id": 1}, help="Return the stored task.")
        api.get("/tasks/2", headers=BOB, expect=200,
                help="Bob owns task 2, so he can read it.")
        api.delete("/tasks/3", headers=ADA, expect=204,
                   help="Deleting your own task answers 204.")
        api.get("/tasks/3", headers=ADA, expect=404,
                help="After DELETE the task must be gone from the store: call store.remove.")


def test_other_users_task_is_404(learner: Learner) -> None:
    """answers 404, not 403, for another user's task, on read and on delete"""
    help = ("Another user's task must look exactly like a missing one: 404 with "
            "'Task <id> not found'. A 403 (or a 200) tells the caller the task exists.")
    with fresh_api(learner) as api:
        seed(api)
        api.get("/tasks/2", headers=ADA, expect=404, help=help).expect_json(
            {"detail": "Task 2 not found"}, help=help)
        api.delete("/tasks/2", headers=ADA, expect=404, help=help).expect_json(
            {"detail": "Task 2 not found"}, help=help)
        api.get("/tasks/2", headers=BOB, expect=200,
                help="A refused DELETE must leave the owner's task in place.")
        api.get("/tasks/99", headers=ADA, expect=404, help=help).expect_json(
            {"detail": "Task 99 not found"}, help="A task that was never created is a 404 "
            "with the same message.")


def test_list_only_own(learner: Learner) -> None:
    """lists and counts only the caller's tasks"""
    help = ("GET /tasks keeps only tasks whose owner_id is the caller, and total counts what "
            "was kept, not the whole store.")
    with fresh_api(learner) as api:
        seed(api)
        api.get("/tasks", headers=ADA, expect=200, help=help).expect_json(
            {"items": [{"id": 1, "title": "Ada's plan", "owner_id": 1},
                       {"id": 3, "title": "Ada's notes", "owner_id": 1}], "total": 2}, help=help)
        api.get("/tasks", headers=BOB, expect=200, help=help).expect_json(
            {"items": [{"id": 2, "title": "Bob's secret", "owner_id": 2}], "total": 1}, help=help)
        body = api.get("/tasks", headers=EVE, expect=200, help=help).json(help=help)
        expect_true(body == {"items": [], "total": 0}, what="GET /tasks as Eve",
                    expected='{"items":[],"total":0} (Eve owns nothing)', actual=str(body),
                    help="A user with no tasks gets an empty page and a total of 0.")
