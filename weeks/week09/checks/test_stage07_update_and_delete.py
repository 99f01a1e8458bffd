"""Checks for week09/stage07_update_and_delete: PATCH with the status workflow, and DELETE."""

from __future__ import annotations

from pathlib import Path

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import excerpt, expect_problem, json_body, open_taskhub

_NOT_YOURS_HELP = (
    "Update and delete start from the same owner-scoped lookup as GET (TaskService.get_task), "
    "so another user's task is a 404 before anything changes."
)


def test_partial_update(learner: Learner, tmp_path: Path) -> None:
    """changes only the fields a PATCH sends, and clears a field sent as null"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("editor")
        task = hub.task(
            account, title="Water the plants", description="Twice a week", due_date="2030-05-01"
        )
        path = f"/tasks/{task['id']}"
        updated = hub.request(
            "PATCH",
            path,
            account=account,
            json={"title": "Water the garden"},
            expect=200,
            help="PATCH changes only the fields present in the body and answers 200 with the "
            "updated task (TaskService.update_task).",
        )
        changed = json_body(f"PATCH {path}", updated, help="Return the task as JSON.")
        expect_true(
            changed.get("title") == "Water the garden"
            and changed.get("description") == "Twice a week"
            and changed.get("due_date") == "2030-05-01",
            what=f"PATCH {path} with a new title",
            expected="the new title, and the description and due date unchanged",
            actual=excerpt(updated),
            help="Apply only the fields the client sent: model_dump(exclude_unset=True) tells "
            "them apart from the ones it left out.",
        )
        cleared = hub.request(
            "PATCH",
            path,
            account=account,
            json={"due_date": None},
            expect=200,
            help="An explicit null clears an optional field.",
        )
        expect_true(
            json_body(f"PATCH {path}", cleared, help="Return JSON.").get("due_date") is None,
            what=f'PATCH {path} with {{"due_date": null}}',
            expected="the task without a due date",
            actual=excerpt(cleared),
            help="A field sent as null is set (to None), unlike a field left out: "
            "exclude_unset keeps it in the changes.",
        )
        read = hub.request("GET", path, account=account, expect=200, help="Read the task.")
        expect_true(
            json_body(f"GET {path}", read, help="Return JSON.").get("title") == "Water the garden",
            what=f"GET {path} after the PATCH",
            expected="the new title, saved",
            actual=excerpt(read),
            help="Commit the change: the next request opens a new session.",
        )


def test_status_transitions(learner: Learner, tmp_path: Path) -> None:
    """follows the status workflow and refuses a forbidden move with 409 and the allowed moves"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("worker")
        task = hub.task(account, title="Ship it")
        path = f"/tasks/{task['id']}"
        response = hub.request(
            "PATCH",
            path,
            account=account,
            json={"status": "done"},
            expect=409,
            help="'todo' may only move to 'in_progress' or 'cancelled': check the move "
            "against ALLOWED_TRANSITIONS and raise InvalidTransitionError otherwise.",
        )
        problem = expect_problem(
            f"PATCH {path} from todo to done",
            response,
            409,
            help="Raise InvalidTransitionError; its handler writes the problem.",
        )
        allowed = problem.get("allowed")
        expect_true(
            isinstance(allowed, list) and sorted(allowed) == ["cancelled", "in_progress"],
            what=f"PATCH {path} from todo to done returned 409",
            expected="a problem whose 'allowed' lists ['cancelled', 'in_progress']",
            actual=f"'allowed': {allowed!r}",
            help="Tell the client what it may do instead: pass the allowed moves as an "
            "'allowed' extension of the problem (see the error example in the capstone "
            "specification).",
        )
        for status in ("in_progress", "in_progress", "done", "in_progress", "cancelled", "todo"):
            moved = hub.request(
                "PATCH",
                path,
                account=account,
                json={"status": status},
                expect=200,
                help="Allowed moves (and staying in the same status) succeed with 200: "
                "todo -> in_progress -> done -> in_progress (reopen) -> cancelled -> todo.",
            )
            expect_true(
                json_body(f"PATCH {path}", moved, help="Return the task.").get("status") == status,
                what=f"PATCH {path} with status {status!r}",
                expected=f"the task in status {status!r}",
                actual=excerpt(moved),
                help="Save the new status and return the updated task.",
            )
        for status in ("cancelled", "done"):
            hub.request(
                "PATCH",
                path,
                account=account,
                json={"status": status},
                expect=200 if status == "cancelled" else 409,
                help="'cancelled' may only move back to 'todo', never straight to 'done'.",
            )


def test_delete(learner: Learner, tmp_path: Path) -> None:
    """deletes a task with 204, after which it is a 404"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("tidy")
        task = hub.task(account, title="Throw away")
        kept = hub.task(account, title="Keep me")
        path = f"/tasks/{task['id']}"
        response = hub.request(
            "DELETE",
            path,
            account=account,
            expect=204,
            help="DELETE answers 204 No Content once the task is gone (TaskService.delete_task).",
        )
        expect_true(
            not response.content,
            what=f"DELETE {path} returned 204",
            expected="an empty body",
            actual=excerpt(response),
            help="204 No Content has no body: the route returns None.",
        )
        hub.request(
            "GET",
            path,
            account=account,
            expect=404,
            help="A deleted task no longer exists: reading it is a 404.",
        )
        hub.request(
            "DELETE",
            path,
            account=account,
            expect=404,
            help="Deleting a task that is already gone is a 404 (NotFoundError).",
        )
        hub.request(
            "GET",
            f"/tasks/{kept['id']}",
            account=account,
            expect=200,
            help="Delete only the task named in the path.",
        )


def test_other_users_task_cannot_change(learner: Learner, tmp_path: Path) -> None:
    """answers 404 to another user's PATCH and DELETE, and leaves the task as it was"""
    with open_taskhub(learner, tmp_path) as hub:
        owner = hub.account("owner")
        intruder = hub.account("intruder")
        task = hub.task(owner, title="Private plans")
        path = f"/tasks/{task['id']}"
        hub.request(
            "PATCH",
            path,
            account=intruder,
            json={"title": "Hacked"},
            expect=404,
            help=_NOT_YOURS_HELP,
        )
        hub.request("DELETE", path, account=intruder, expect=404, help=_NOT_YOURS_HELP)
        hub.request("DELETE", path, expect=401, help="A DELETE without a token is a 401.")
        hub.request(
            "PATCH",
            path,
            account=intruder,
            json={"owner_id": intruder.id},
            expect=(404, 422),
            help="The owner never comes from a body: owner_id is an unknown field (422).",
        )
        still = hub.request(
            "GET",
            path,
            account=owner,
            expect=200,
            help="Another user's DELETE must not remove the task: it should have been a 404 "
            "before anything was deleted.",
        )
        expect_true(
            json_body(f"GET {path}", still, help="Return the task as JSON.").get("title")
            == "Private plans",
            what=f"GET {path} as the owner, after another user's PATCH",
            expected="the title 'Private plans'",
            actual=excerpt(still),
            help="Check ownership before changing anything: the 404 must come before the update.",
        )
        hub.request(
            "PATCH",
            path,
            account=owner,
            json={"owner_id": intruder.id},
            expect=422,
            help="TaskUpdate refuses unknown fields (extra='forbid'), so a body cannot move a "
            "task to another owner.",
        )
