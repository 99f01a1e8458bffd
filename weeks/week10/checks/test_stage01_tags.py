"""Checks for week10/stage01_tags: per-user tags, attached to tasks by id, filtered by tag."""

from __future__ import annotations

from pathlib import Path

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import describe_request, excerpt, json_body, open_taskhub

_FILTER_HELP = (
    "Each query parameter that is present adds one WHERE clause to the owner's tasks "
    "(TaskRepository._filtered); the count uses the same filters."
)


def test_tags(learner: Learner, tmp_path: Path) -> None:
    """creates tags, attaches them to tasks and filters the list by tag"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("tagger")
        response = hub.request(
            "POST",
            "/tags",
            account=account,
            json={"name": "home"},
            expect=201,
            help="POST /tags creates a tag for the caller and answers 201 with it "
            "(TaskService.create_tag).",
        )
        tag = json_body("POST /tags", response, help="Return the tag as JSON.")
        hub.request(
            "POST",
            "/tags",
            account=account,
            json={"name": "home"},
            expect=409,
            help="Tag names are unique per user: look the name up first and raise "
            "ConflictError when the caller already has it.",
        )
        tagged = hub.task(account, title="Clean the kitchen", tag_ids=[tag["id"]])
        names = [t.get("name") for t in tagged.get("tags", []) if isinstance(t, dict)]
        expect_true(
            names == ["home"],
            what="POST /tasks with tag_ids=[<the 'home' tag>]",
            expected="a task whose 'tags' list holds the 'home' tag",
            actual=f"tags {names}",
            help="Load the caller's tags with those ids and assign them to task.tags before "
            "saving.",
        )
        hub.task(account, title="Call the bank")
        listed = hub.page(account, {"tag": tag["id"]})["items"]
        expect_true(
            [item.get("id") for item in listed] == [tagged["id"]],
            what=describe_request("GET", "/tasks", {"tag": tag["id"]}),
            expected="only the task carrying the tag",
            actual=f"{len(listed)} task(s): {[item.get('title') for item in listed]}",
            help="Filter with a join on the association table (or Task.tags.any(id=...)); "
            + _FILTER_HELP,
        )
        mine = hub.request(
            "GET",
            "/tags",
            account=account,
            expect=200,
            help="GET /tags lists the caller's tags (TaskService.list_tags).",
        )
        expect_true(
            [t.get("name") for t in json_body("GET /tags", mine, help="Return a JSON list.")]
            == ["home"],
            what="GET /tags",
            expected="the caller's one tag, 'home'",
            actual=excerpt(mine),
            help="Select the tags WHERE owner_id is the caller's id.",
        )


def test_tag_ownership(learner: Learner, tmp_path: Path) -> None:
    """treats another user's tag as missing (404), and lets them reuse its name"""
    with open_taskhub(learner, tmp_path) as hub:
        owner = hub.account("owner")
        other = hub.account("other")
        response = hub.request(
            "POST",
            "/tags",
            account=owner,
            json={"name": "secret"},
            expect=201,
            help="POST /tags creates a tag for the caller and answers 201 with it.",
        )
        tag = json_body("POST /tags", response, help="Return the tag as JSON.")
        help_text = (
            "Tags belong to one user like tasks do: look them up by id AND owner_id, and "
            "raise NotFoundError when an id is unknown to the caller."
        )
        hub.request(
            "POST",
            "/tasks",
            account=other,
            json={"title": "Borrowing a tag", "tag_ids": [tag["id"]]},
            expect=404,
            help=help_text,
        )
        hub.request("DELETE", f"/tags/{tag['id']}", account=other, expect=404, help=help_text)
        hub.request(
            "POST",
            "/tags",
            account=other,
            json={"name": "secret"},
            expect=201,
            help="Names are unique per user, not across users: another user may have a tag "
            "with the same name.",
        )
        listed = hub.request("GET", "/tags", account=other, expect=200, help="GET /tags lists.")
        expect_true(
            len(json_body("GET /tags", listed, help="Return a JSON list.")) == 1,
            what="GET /tags as the second user",
            expected="their own 'secret' tag only",
            actual=excerpt(listed),
            help="Select the tags WHERE owner_id is the caller's id.",
        )


def test_delete_tag(learner: Learner, tmp_path: Path) -> None:
    """deletes a tag with 204 and removes it from every task that carried it"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("pruner")
        response = hub.request(
            "POST",
            "/tags",
            account=account,
            json={"name": "someday"},
            expect=201,
            help="POST /tags creates a tag for the caller.",
        )
        tag = json_body("POST /tags", response, help="Return the tag as JSON.")
        task = hub.task(account, title="Learn the cello", tag_ids=[tag["id"]])
        hub.request(
            "DELETE",
            f"/tags/{tag['id']}",
            account=account,
            expect=204,
            help="DELETE /tags/{id} deletes the caller's tag and answers 204 "
            "(TaskService.delete_tag).",
        )
        read = hub.request(
            "GET", f"/tasks/{task['id']}", account=account, expect=200, help="Read the task."
        )
        expect_true(
            json_body("GET /tasks/{id}", read, help="Return JSON.").get("tags") == [],
            what="GET /tasks/{id} after deleting the task's only tag",
            expected="'tags': []",
            actual=excerpt(read),
            help="Deleting the tag must delete its rows in the association table too (the "
            "foreign key's ON DELETE CASCADE does it, if the tag row is really deleted).",
        )
