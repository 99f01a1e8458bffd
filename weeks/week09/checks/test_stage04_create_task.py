"""Checks for week09/stage04_create_task: POST /tasks saves a task for the caller; GET reads it."""

from __future__ import annotations

from pathlib import Path

from workbook.checking import Learner, expect_true, show
from workbook.taskhub_checks import excerpt, expect_problem, json_body, open_taskhub


def test_create_task(learner: Learner, tmp_path: Path) -> None:
    """creates a task with 201, a Location header and the status 'todo'"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("creator")
        payload = {
            "title": "Water the plants",
            "description": "Twice a week",
            "priority": 3,
            "due_date": "2030-06-01",
        }
        response = hub.create(account, payload)
        task = json_body("POST /tasks", response, help="Return the task as TaskRead JSON.")
        expect_true(
            isinstance(task, dict)
            and isinstance(task.get("id"), str)
            and task.get("status") == "todo"
            and all(task.get(key) == value for key, value in payload.items()),
            what=f"POST /tasks with {payload}",
            expected="the saved task: its id, the four fields sent and the status 'todo'",
            actual=excerpt(response),
            help="A new task always starts in 'todo'; copy every field of TaskCreate onto the "
            "Task, save it, and return it as TaskRead.",
        )
        location = response.headers.get("location")
        expect_true(
            location == f"/tasks/{task['id']}",
            what="POST /tasks returned 201",
            expected=f"a Location header '/tasks/{task['id']}'",
            actual=f"Location {location!r}" if location else "no Location header",
            help="201 Created names the new resource in Location: set "
            "response.headers['Location'] in the route.",
        )


def test_read_own_task(learner: Learner, tmp_path: Path) -> None:
    """reads a task back at GET /tasks/{id} with 200, and a missing id is a 404 problem"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("reader")
        task = hub.task(account, title="Call the plumber")
        path = f"/tasks/{task['id']}"
        read = hub.request(
            "GET",
            path,
            account=account,
            expect=200,
            help="GET /tasks/{id} returns the caller's task (TaskService.get_task, "
            "TaskRepository.get_for_owner). TaskRead includes the tags, and the models refuse "
            "to lazy-load them: select the task with .options(joinedload(Task.tags)), then "
            ".unique().",
        )
        body = json_body(f"GET {path}", read, help="Return the task as JSON.")
        expect_true(
            isinstance(body, dict)
            and body.get("id") == task["id"]
            and body.get("title") == "Call the plumber",
            what=f"GET {path}",
            expected="the task just created",
            actual=excerpt(read),
            help="Select the task by its id and return it as TaskRead.",
        )
        missing = "/tasks/00000000-0000-4000-8000-000000000000"
        response = hub.request(
            "GET",
            missing,
            account=account,
            expect=404,
            help="An id that matches no task is a 404: raise NotFoundError when the repository "
            "returns None.",
        )
        expect_problem(f"GET {missing}", response, 404, help="Raise NotFoundError.")


def test_invalid_task(learner: Learner, tmp_path: Path) -> None:
    """refuses an empty title or a priority outside 1-4 with 422, and saves nothing"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("strict")
        kept = hub.task(account, title="The only valid one", priority=4)
        for payload in (
            {"title": ""},
            {"title": "x", "priority": 0},
            {"title": "x", "priority": 5},
        ):
            hub.request(
                "POST",
                "/tasks",
                account=account,
                json=payload,
                expect=422,
                help="TaskCreate declares the limits (a title of 1 to 200 characters, a "
                "priority from 1 to 4); keep the schema as the route's body type, so FastAPI "
                "refuses bad input before your code runs.",
            )
        read = hub.request(
            "GET",
            f"/tasks/{kept['id']}",
            account=account,
            expect=200,
            help="GET /tasks/{id} returns the caller's task.",
        )
        priority = json_body("GET /tasks/{id}", read, help="Return JSON.").get("priority")
        expect_true(
            priority == 4,
            what="POST /tasks with priority 4 (the top of the range), then GET it",
            expected="priority 4",
            actual=f"priority {show(priority)}",
            help="4 (urgent) is a valid priority: save the priority the client sent.",
        )
