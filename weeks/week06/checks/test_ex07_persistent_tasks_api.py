"""Checks for week06/ex07_persistent_tasks_api: the learner's app built on a fresh database per
engine and called in-process; the rows it leaves and the connections it gives back are read
on the engine itself."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Engine, text

from workbook.checking import Learner, expect_equal, expect_true
from workbook.checking_app import Api, open_api
from workbook.checking_orm import engine_label, orm_engines, run_learner, track_connections
from workbook.checking_sql import names_engines


def _apis(learner: Learner) -> Iterator[tuple[Engine, Api]]:
    create_app = learner.function("create_app")
    for _name, engine in orm_engines():
        app = run_learner(create_app, engine, what="called create_app(engine)",
                          help="create_app builds the FastAPI app on the engine it is given.")
        with open_api(app=app) as api:
            yield engine, api


def _create(api: Api, title: str) -> int:
    answer = api.post("/tasks", json={"title": title}, expect=201,
                      help="POST /tasks creates the task through the service and answers 201.")
    return int(answer.json(help="Answer the created task as JSON.")["id"])


def _rows(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [(row[0], row[1]) for row in
                connection.execute(text("SELECT id, title FROM tasks ORDER BY id"))]


@names_engines
def test_create_persists(learner: Learner) -> None:
    """creates a task: 201, Location, and a committed row in the table"""
    for engine, api in _apis(learner):
        answer = api.post("/tasks", json={"title": "Write docs"}, expect=201,
                          help="POST /tasks answers 201 Created with the task.")
        answer.expect_json({"id": 1, "title": "Write docs", "done": False},
                           help="Answer the stored task: its id, title and done.")
        answer.expect_header("location", "/tasks/1",
                             help="Point at the new task: Location: /tasks/{id}.")
        expect_equal(_rows(engine), [(1, "Write docs")], what=f"on {engine_label(engine)}, "
                     "the rows in tasks after the request", help="The service commits: "
                     "without a commit the row is rolled back when the session closes.")


@names_engines
def test_title_bounds(learner: Learner) -> None:
    """accepts a 1- and a 200-character title, refuses an empty one and 201 characters"""
    for _engine, api in _apis(learner):
        for title in ("x", "t" * 200):
            api.post("/tasks", json={"title": title}, expect=201,
                     help="1 to 200 characters is valid: both bounds are inclusive.")
        for title in ("", "t" * 201):
            api.post("/tasks", json={"title": title}, expect=422,
                     help="Let the request model refuse it: Field(min_length=1, "
                     "max_length=200).")


@names_engines
def test_duplicate(learner: Learner) -> None:
    """answers 409 for a duplicate title and keeps working"""
    for engine, api in _apis(learner):
        _create(api, "Write docs")
        api.post("/tasks", json={"title": "Write docs"}, expect=409,
                 help="Catch the service's DuplicateTask and answer 409 Conflict.").expect_json(
            {"detail": "a task titled 'Write docs' already exists"},
            help="Pass the service's message as the detail.")
        _create(api, "Fix login")
        expect_equal([title for _id, title in _rows(engine)], ["Write docs", "Fix login"],
                     what=f"on {engine_label(engine)}, the titles stored after a duplicate and "
                     "another task",
                     help="Each request has its own session, so a failed one leaves nothing "
                     "behind.")


@names_engines
def test_read(learner: Learner) -> None:
    """reads a task by id, and 404 with a message for an unknown id"""
    for _engine, api in _apis(learner):
        _create(api, "Write docs")
        api.get("/tasks/1", expect=200, help="GET /tasks/{id} answers the task.").expect_json(
            {"id": 1, "title": "Write docs", "done": False}, help="Answer the stored task.")
        api.get("/tasks/9", expect=404, help="Catch TaskNotFound and answer 404.").expect_json(
            {"detail": "task 9 not found"}, help="Pass the service's message as the detail.")


@names_engines
def test_list(learner: Learner) -> None:
    """lists the tasks by id, filtered by done, and [] when there are none"""
    for _engine, api in _apis(learner):
        api.get("/tasks", expect=200, help="GET /tasks lists the tasks.").expect_json(
            [], help="No tasks yet: an empty list.")
        for title in ("Write docs", "Fix login", "Ship it"):
            _create(api, title)
        api.patch("/tasks/2", json={"done": True}, expect=200,
                  help="PATCH /tasks/{id} updates the fields given.")
        ids = {}
        for params in (None, {"done": True}, {"done": False}):
            answer = api.get("/tasks", params=params, expect=200, help="GET /tasks lists.")
            ids[str(params)] = [task["id"] for task in answer.json(help="Answer a list.")]
        expect_equal(ids, {"None": [1, 2, 3], "{'done': True}": [2],
                           "{'done': False}": [1, 3]},
                     what="task ids of GET /tasks, ?done=true and ?done=false",
                     help="Pass done to the service: None lists all, True or False filters.")


@names_engines
def test_update(learner: Learner) -> None:
    """updates a task, 404 for an unknown one, 409 for a title in use"""
    for _engine, api in _apis(learner):
        _create(api, "Write docs")
        _create(api, "Fix login")
        api.patch("/tasks/1", json={"done": True}, expect=200,
                  help="PATCH changes only the fields sent.").expect_json(
            {"id": 1, "title": "Write docs", "done": True}, help="done changed, title kept.")
        api.patch("/tasks/1", json={"title": "Fix login"}, expect=409,
                  help="A title another task has: catch DuplicateTask, answer 409.")
        api.patch("/tasks/9", json={"done": True}, expect=404,
                  help="An unknown id: catch TaskNotFound, answer 404.")
        api.get("/tasks/1", expect=200, help="The task is still there.").expect_json(
            {"id": 1, "title": "Write docs", "done": True},
            help="The refused rename must have been rolled back.")


@names_engines
def test_delete(learner: Learner) -> None:
    """deletes a task with 204, then 404 for it"""
    for engine, api in _apis(learner):
        _create(api, "Write docs")
        api.delete("/tasks/1", expect=204, help="DELETE answers 204 No Content.").expect_content(
            b"", help="A 204 has no body.")
        api.get("/tasks/1", expect=404, help="A deleted task is gone.")
        api.delete("/tasks/1", expect=404, help="Deleting it again: 404.")
        expect_equal(_rows(engine), [], what=f"on {engine_label(engine)}, rows after the delete",
                     help="The delete must be committed.")


@names_engines
def test_session_per_request(learner: Learner) -> None:
    """gives each request a session and closes it, even after an error"""
    for engine, api in _apis(learner):
        _create(api, "Write docs")
        for method, path, body, status in (
            ("GET", "/tasks/1", None, 200), ("GET", "/tasks/9", None, 404),
            ("POST", "/tasks", {"title": "Write docs"}, 409), ("GET", "/tasks", None, 200),
        ):
            with track_connections(engine) as log:
                api.request(method, path, json=body, expect=status,
                            help="Each route gets its session from the get_session dependency.")
            expect_true(log.checked_out >= 1 and log.still_open == 0,
                        what=f"on {engine_label(engine)}, connections after {method} {path}",
                        expected="at least one taken from the pool and all given back",
                        actual=f"{log.checked_out} taken, {log.still_open} still open",
                        help="get_session opens a Session on request.app.state.engine, yields "
                        "it and closes it afterwards: use it in a with block around yield.")
