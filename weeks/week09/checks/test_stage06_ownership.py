"""Checks for week09/stage06_ownership: another user's task is a 404; the token sets the owner."""

from __future__ import annotations

from pathlib import Path

from workbook.checking import CheckFailure, Learner, expect_true
from workbook.taskhub_checks import excerpt, expect_problem, json_body, open_taskhub

_NOT_YOURS_HELP = (
    "Look the task up by its id AND its owner (TaskRepository.get_for_owner), and raise "
    "NotFoundError when nothing matches: a 403 would confirm that the id exists."
)


def test_other_users_task_is_404(learner: Learner, tmp_path: Path) -> None:
    """answers 404, never 403, for another user's task, exactly as for a missing one"""
    with open_taskhub(learner, tmp_path) as hub:
        owner = hub.account("owner")
        intruder = hub.account("intruder")
        task = hub.task(owner, title="Private plans")
        path = f"/tasks/{task['id']}"
        response = hub.request("GET", path, account=intruder, expect=404, help=_NOT_YOURS_HELP)
        problem = expect_problem(
            f"GET {path} as another user", response, 404, help="Raise NotFoundError."
        )
        leaked = "Private plans" in response.text
        expect_true(
            not leaked,
            what=f"GET {path} as another user returned 404",
            expected="a problem that says nothing about the task",
            actual=excerpt(response),
            help="The 404 must look exactly like the one for an id that never existed.",
        )
        missing = hub.request(
            "GET",
            "/tasks/00000000-0000-4000-8000-000000000000",
            account=intruder,
            expect=404,
            help="An id that matches no task is a 404.",
        )
        expect_true(
            missing.json().get("detail") == problem.get("detail"),
            what="GET /tasks/{id} for another user's task, then for an id that does not exist",
            expected="the same problem detail for both",
            actual=f"{problem.get('detail')!r} and {missing.json().get('detail')!r}",
            help="Raise the same NotFoundError in both cases, so nobody can tell which ids exist.",
        )
        still = hub.request(
            "GET", path, account=owner, expect=200, help="The owner still reads their task."
        )
        expect_true(
            json_body(f"GET {path}", still, help="Return JSON.").get("title") == "Private plans",
            what=f"GET {path} as the owner",
            expected="the title 'Private plans'",
            actual=excerpt(still),
            help="Scope by owner, do not hide the task from its owner.",
        )


def test_owner_comes_from_the_token(learner: Learner, tmp_path: Path) -> None:
    """never lets a request body choose a new task's owner"""
    with open_taskhub(learner, tmp_path) as hub:
        alice = hub.account("alice")
        mallory = hub.account("mallory")
        help_text = (
            "The owner always comes from the token, never from the body: request schemas "
            "refuse unknown fields (extra='forbid'), so owner_id is a 422."
        )
        created = hub.request(
            "POST",
            "/tasks",
            account=mallory,
            json={"title": "Planted", "owner_id": alice.id},
            expect=(201, 422),
            help=help_text,
        )
        if created.status_code == 201:
            planted = json_body("POST /tasks", created, help="Return the task as JSON.")
            if str(planted.get("id")) in hub.list_ids(alice):
                raise CheckFailure(
                    "POST /tasks by one user with another user's owner_id in the body created "
                    "a task in the other user's list",
                    expected="a 422, or a task owned by the caller",
                    actual="a task owned by the user named in the body",
                    help=help_text,
                )
        own = hub.task(mallory, title="Mallory's own")
        expect_true(
            own["id"] not in hub.list_ids(alice),
            what="POST /tasks as one user, then GET /tasks as another",
            expected="the task in its creator's list only",
            actual="the task in the other user's list",
            help="Set task.owner_id = the current user's id in TaskService.create_task.",
        )
