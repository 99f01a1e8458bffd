"""Checks for week04/ex02_tasks_crud: create, list, read, replace, update and delete in memory."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from workbook.checking import Learner
from workbook.checking_app import Api, open_api


@contextmanager
def fresh_api(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> Iterator[Api]:
    """The learner's app with an empty store, so every check starts from nothing."""
    monkeypatch.setattr(learner.module, "store", learner.cls("TaskStore")())
    with open_api(learner) as api:
        yield api


def create(api: Api, title: str, **extra: object) -> dict[str, object]:
    answer = api.post("/tasks", json={"title": title, **extra}, expect=201,
                      help="Creating is POST /tasks; the route's status_code=201 says Created.")
    body = answer.json(help="Return the new Task.")
    assert isinstance(body, dict)
    return body


def test_create(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """creates a task: 201, the task, and a Location header"""
    with fresh_api(learner, monkeypatch) as api:
        first = api.post("/tasks", json={"title": "Write the README"}, expect=201,
                         help="Add the payload to the store and return the Task it gives back.")
        first.expect_json({"id": 1, "title": "Write the README", "done": False},
                          help="Return the stored Task (with its new id); done defaults to False.")
        first.expect_header("location", "/tasks/1",
                            help="Set response.headers['Location'] to the new task's path, so "
                            "the client knows where the resource lives.")
        second = api.post("/tasks", json={"title": "Ship it", "done": True}, expect=201,
                          help="A second task gets the next id.")
        second.expect_json({"id": 2, "title": "Ship it", "done": True},
                           help="Keep the done value the client sent.")
        second.expect_header("location", "/tasks/2",
                             help="Build the Location from the id of the task just created.")


def test_create_validation(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """refuses bodies that break TaskCreate with 422 and stores nothing"""
    with fresh_api(learner, monkeypatch) as api:
        create(api, "x" * 200)
        for body in ({"title": ""}, {"title": "x" * 201}, {}, {"title": "ok", "done": "perhaps"}):
            api.post("/tasks", json=body, expect=422,
                     help="Declare the body as payload: TaskCreate, so FastAPI validates it.")
        api.get("/tasks", expect=200, help="GET /tasks lists every task.").expect_json(
            [{"id": 1, "title": "x" * 200, "done": False}],
            help="A refused body must not create a task; only the valid one is stored.")


def test_list_and_read(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """lists every task and reads one by id"""
    with fresh_api(learner, monkeypatch) as api:
        api.get("/tasks", expect=200, help="GET /tasks lists every task.").expect_json(
            [], help="With no tasks, the list is empty (still 200).")
        create(api, "One")
        create(api, "Two", done=True)
        api.get("/tasks", expect=200, help="GET /tasks lists every task.").expect_json(
            [{"id": 1, "title": "One", "done": False}, {"id": 2, "title": "Two", "done": True}],
            help="Return store.all(): every task, in id order.")
        api.get("/tasks/2", expect=200, help="GET /tasks/{task_id} reads one task.").expect_json(
            {"id": 2, "title": "Two", "done": True}, help="Return the task with that id.")


def test_not_found(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """answers 404 naming the task on every route that takes an id"""
    with fresh_api(learner, monkeypatch) as api:
        create(api, "Only task")
        help = ("Look the task up with find_task (or raise not_found) before doing anything "
                "else; the detail names the id.")
        for method, body in (("GET", None), ("PUT", {"title": "New"}), ("PATCH", {"done": True}),
                             ("DELETE", None)):
            api.request(method, "/tasks/7", json=body, expect=404, help=help).expect_json(
                {"detail": "Task 7 not found"}, help=help)


def test_replace(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """PUT replaces the whole task"""
    with fresh_api(learner, monkeypatch) as api:
        create(api, "Draft", done=True)
        create(api, "Other")
        api.put("/tasks/1", json={"title": "Final"}, expect=200,
                help="PUT /tasks/{task_id} takes a TaskCreate body.").expect_json(
            {"id": 1, "title": "Final", "done": False},
            help="PUT replaces the whole resource: done was left out, so it takes its default "
            "(False). Build a new Task from the payload and the id in the path.")
        api.get("/tasks/1", expect=200, help="Read the replaced task back.").expect_json(
            {"id": 1, "title": "Final", "done": False},
            help="Save the new task in the store, not only in the answer.")
        api.get("/tasks/2", expect=200, help="The other task is untouched.").expect_json(
            {"id": 2, "title": "Other", "done": False},
            help="Replace only the task named in the path.")
        api.put("/tasks/1", json={"done": True}, expect=422,
                help="PUT needs the whole task: a body without a title is refused.")


def test_update(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """PATCH changes only the fields sent"""
    with fresh_api(learner, monkeypatch) as api:
        create(api, "Draft")
        api.patch("/tasks/1", json={"done": True}, expect=200,
                  help="PATCH /tasks/{task_id} takes a TaskUpdate body.").expect_json(
            {"id": 1, "title": "Draft", "done": True},
            help="Apply only what the client sent: payload.model_dump(exclude_unset=True) "
            "leaves out the fields that were not in the body.")
        api.patch("/tasks/1", json={"title": "Final"}, expect=200,
                  help="PATCH with only a title.").expect_json(
            {"id": 1, "title": "Final", "done": True},
            help="done was not sent, so it keeps the True set by the previous PATCH.")
        api.patch("/tasks/1", json={}, expect=200, help="An empty PATCH changes nothing."
                  ).expect_json({"id": 1, "title": "Final", "done": True},
                                help="With nothing sent, nothing changes.")
        api.get("/tasks/1", expect=200, help="Read the task back.").expect_json(
            {"id": 1, "title": "Final", "done": True},
            help="Save the updated task in the store.")
        api.patch("/tasks/1", json={"title": ""}, expect=422,
                  help="TaskUpdate keeps TaskCreate's rules for the fields it receives.")


def test_delete(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """DELETE answers 204 with an empty body, then the task is gone"""
    with fresh_api(learner, monkeypatch) as api:
        create(api, "Old")
        create(api, "Keep")
        deleted = api.delete("/tasks/1", expect=204,
                             help="Remove the task and answer 204 No Content.")
        if deleted.response.text:
            deleted.expect_json(None, help="A 204 answer has no body at all: declare the "
                                "route with status_code=204 and return nothing.")
        api.get("/tasks/1", expect=404, help="A deleted task is gone: reading it is 404.")
        api.delete("/tasks/1", expect=404,
                   help="Deleting a task that is already gone is 404 (store.remove returns "
                   "False).")
        api.get("/tasks", expect=200, help="List what is left.").expect_json(
            [{"id": 2, "title": "Keep", "done": False}], help="Delete only that task.")
