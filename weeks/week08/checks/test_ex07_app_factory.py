"""Checks for week08/ex07_app_factory: create_app builds a fresh app; two apps share nothing."""

from __future__ import annotations

from typing import Any

from workbook.checking import Learner, call, expect_call, expect_raises, expect_true
from workbook.checking_app import open_api

FACTORY_HELP = ("create_app builds FastAPI(title=settings.app_name), sets app.state.settings "
                "and app.state.tasks = TaskService(settings.max_tasks), includes tasks.router "
                "and adds GET /health.")


def build(learner: Learner, **settings: Any) -> Any:
    made = learner.cls("Settings")(**settings)
    app = call(learner.function("create_app"), made, help=FACTORY_HELP)
    kept = getattr(getattr(app, "state", None), "settings", None)
    expect_true(kept is made, what="create_app(settings).state.settings",
                expected="the settings passed in", actual=repr(kept),
                help="Keep the settings on app.state.settings, where routes and dependencies "
                "of this app find them.")
    return app


def test_service_limit(learner: Learner) -> None:
    """adds tasks up to max_tasks and refuses the next one"""
    service = learner.submodule("tasks").cls("TaskService")(2)
    help = "Number tasks from 1 and keep them in self.tasks."
    expect_call(lambda: service.add("one").id, returns=1, help=help)
    expect_call(lambda: service.add("two").id, returns=2,
                help="The second of max_tasks=2 is still allowed.")
    expect_raises(learner.submodule("tasks").cls("TaskLimitReached"), service.add, "three",
                  match="Task limit of 2 reached",
                  help="Refuse once len(self.tasks) has reached max_tasks.")
    expect_true(len(service.all()) == 2, what="service.all() after a refused add",
                expected="2 tasks", actual=f"{len(service.all())} tasks",
                help="A refused task is not kept.")


def test_factory_uses_settings(learner: Learner) -> None:
    """builds an app from its settings: title, health and task limit"""
    app = build(learner, app_name="Tasks (staging)", max_tasks=1)
    expect_true(getattr(app, "title", None) == "Tasks (staging)", what="create_app(...).title",
                expected="'Tasks (staging)'", actual=repr(getattr(app, "title", None)),
                help="Pass title=settings.app_name to FastAPI(...).")
    with open_api(app=app) as api:
        api.get("/health", expect=200, help=FACTORY_HELP).expect_json(
            {"status": "ok", "app": "Tasks (staging)"}, help="Health names the app it serves.")
        api.post("/tasks", json={"title": "only one"}, expect=201, help=FACTORY_HELP
                 ).expect_json({"id": 1, "title": "only one"}, help="Return the new task.")
        api.post("/tasks", json={"title": "one too many"}, expect=409,
                 help="Catch TaskLimitReached in the route and raise HTTPException(409, "
                 "str(error)).").expect_json({"detail": "Task limit of 1 reached"},
                                             help="The detail is the error's message.")
        api.get("/tasks", expect=200, help=FACTORY_HELP).expect_json(
            [{"id": 1, "title": "only one"}], help="The refused task is not listed.")


def test_default_settings(learner: Learner) -> None:
    """uses Settings() when no settings are given"""
    app = call(learner.function("create_app"), help=FACTORY_HELP)
    with open_api(app=app) as api:
        api.get("/health", expect=200, help="create_app() with no argument uses Settings()."
                ).expect_json({"status": "ok", "app": "Tasks API"},
                              help="settings = settings or Settings().")


def test_apps_share_no_state(learner: Learner) -> None:
    """gives each app its own tasks"""
    first, second = build(learner), build(learner)
    expect_true(first is not second, what="two calls of create_app", expected="two apps",
                actual="the same object twice", help="Build a new FastAPI() on every call.")
    help = ("Keep the TaskService on app.state and read it in get_service from "
            "request.app.state.tasks; a module-level service is shared by every app.")
    with open_api(app=first) as api:
        api.post("/tasks", json={"title": "in the first app"}, expect=201, help=help)
    with open_api(app=second) as api:
        api.get("/tasks", expect=200, help=help).expect_json(
            [], help=help)
        api.post("/tasks", json={"title": "in the second app"}, expect=201, help=help
                 ).expect_json({"id": 1, "title": "in the second app"}, help=help)
    with open_api(app=first) as api:
        api.get("/tasks", expect=200, help=help).expect_json(
            [{"id": 1, "title": "in the first app"}], help=help)
