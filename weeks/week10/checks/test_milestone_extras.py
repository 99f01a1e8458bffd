"""Checks for week10/milestone_extras: tags, filters, sorting, pagination, workflow and ETags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import (
    Account,
    TaskHub,
    describe_request,
    excerpt,
    expect_problem,
    json_body,
    open_taskhub,
)

_FILTER_HELP = (
    "Each query parameter that is present adds one WHERE clause to the owner's tasks "
    "(TaskRepository._filtered); the count uses the same filters."
)


def _names(hub: TaskHub, account: Account, params: dict[str, object]) -> list[str]:
    return [str(item.get("title")) for item in hub.page(account, params)["items"]]


def _seed(hub: TaskHub, account: Account) -> dict[str, dict[str, Any]]:
    """Three tasks that differ in every filterable field."""
    milk = hub.task(account, title="Buy milk", priority=1, due_date="2030-01-10")
    report = hub.task(
        account,
        title="Write report",
        description="The quarterly numbers",
        priority=3,
        due_date="2030-02-15",
    )
    bike = hub.task(account, title="Fix bike", priority=4)
    for task, status in ((report, "in_progress"), (bike, "in_progress"), (bike, "done")):
        hub.request(
            "PATCH",
            f"/tasks/{task['id']}",
            account=account,
            json={"status": status},
            expect=200,
            help="todo -> in_progress -> done is the normal life of a task; each move is a "
            "PATCH with the new status.",
        )
    return {"milk": milk, "report": report, "bike": bike}


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
    """treats another user's tag as missing (404)"""
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


def test_filters(learner: Learner, tmp_path: Path) -> None:
    """filters by status, priority, due date and text"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("filter")
        _seed(hub, account)
        hub.task(hub.account("noise"), title="Buy milk for the neighbours", priority=1)
        cases: list[tuple[dict[str, object], list[str], str]] = [
            ({"status": "in_progress"}, ["Write report"], "status is an exact match."),
            ({"priority": 4}, ["Fix bike"], "priority is an exact match."),
            (
                {"due_before": "2030-01-31"},
                ["Buy milk"],
                "due_before keeps tasks due on or before the date; a task with no due date "
                "never matches.",
            ),
            ({"due_after": "2030-02-01"}, ["Write report"], "due_after: on or after the date."),
            ({"q": "milk"}, ["Buy milk"], "q searches the title (only the caller's tasks)."),
            ({"q": "quarterly"}, ["Write report"], "q also searches the description."),
            (
                {"status": "todo", "priority": 1},
                ["Buy milk"],
                "Filters combine with AND.",
            ),
            ({"status": "cancelled"}, [], "No task matches: the page is empty, not an error."),
        ]
        for params, expected, why in cases:
            names = _names(hub, account, params)
            expect_true(
                sorted(names) == sorted(expected),
                what=describe_request("GET", "/tasks", params),
                expected=str(expected),
                actual=str(names),
                help=f"{why} {_FILTER_HELP}",
            )


def test_sorting(learner: Learner, tmp_path: Path) -> None:
    """sorts by a whitelisted field in both directions and refuses unknown fields"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("sorter")
        _seed(hub, account)
        cases: list[tuple[dict[str, object], list[str]]] = [
            ({"sort": "priority", "order": "asc"}, ["Buy milk", "Write report", "Fix bike"]),
            ({"sort": "priority", "order": "desc"}, ["Fix bike", "Write report", "Buy milk"]),
            ({"sort": "title", "order": "asc"}, ["Buy milk", "Fix bike", "Write report"]),
            ({"sort": "title", "order": "desc"}, ["Write report", "Fix bike", "Buy milk"]),
        ]
        for params, expected in cases:
            names = _names(hub, account, params)
            expect_true(
                names == expected,
                what=describe_request("GET", "/tasks", params),
                expected=str(expected),
                actual=str(names),
                help="Map the sort name to a column through a whitelist, order by it in the "
                "requested direction, then by id as a tie-breaker.",
            )
        hub.request(
            "GET",
            "/tasks",
            account=account,
            params={"sort": "password_hash"},
            expect=(400, 422),
            help="Only whitelisted fields may be sorted on: an enum of sort fields in the "
            "query schema refuses anything else before it reaches SQL.",
        )


def test_offset_pagination(learner: Learner, tmp_path: Path) -> None:
    """pages by offset with a total, and refuses a limit above the cap with 422"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("pager")
        created = {hub.task(account, title=f"Task {n}")["id"] for n in range(5)}
        hub.task(hub.account("noise"), title="Not yours")
        seen: list[str] = []
        for offset, size in ((0, 2), (2, 2), (4, 1)):
            params = {"limit": 2, "offset": offset}
            page = hub.page(account, params)
            ids = [str(item.get("id")) for item in page["items"]]
            expect_true(
                len(ids) == size and page.get("total") == 5,
                what=describe_request("GET", "/tasks", params),
                expected=f"{size} item(s) and total 5",
                actual=f"{len(ids)} item(s) and total {page.get('total')!r}",
                help="Apply OFFSET and LIMIT after ORDER BY, and count the caller's matching "
                "tasks for 'total' with the same filters and no limit.",
            )
            seen += ids
        expect_true(
            sorted(seen) == sorted(created),
            what="GET /tasks?limit=2 with offsets 0, 2 and 4",
            expected="each of the 5 tasks exactly once",
            actual=f"{len(set(seen))} distinct of {len(seen)} items",
            help="A stable order (the sort column, then the id) keeps pages from overlapping.",
        )
        for limit in (101, 0):
            hub.request(
                "GET",
                "/tasks",
                account=account,
                params={"limit": limit},
                expect=422,
                help="limit is bounded (1 to 100) in the query schema, so FastAPI refuses "
                "anything else with 422 before your code runs.",
            )


def _walk(hub: TaskHub, account: Account, params: dict[str, object]) -> list[str]:
    """Follow next_cursor from the first page to the last; return every id in order."""
    ids: list[str] = []
    cursor: str | None = None
    for _ in range(20):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        page = hub.page(account, query)
        ids += [str(item.get("id")) for item in page["items"]]
        cursor = page.get("next_cursor")
        if not cursor:
            return ids
    expect_true(
        False,
        what=describe_request("GET", "/tasks", params) + " followed by its cursors",
        expected="a last page without next_cursor",
        actual="more than 20 pages",
        help="next_cursor must point past the last item of the page, and be absent (null) "
        "when nothing follows.",
    )
    return ids


def test_cursor_pagination(learner: Learner, tmp_path: Path) -> None:
    """walks every page with a cursor, never repeating or skipping a task"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("walker")
        priorities = [2, 2, 1, 2, 3, 2, 2]
        created = [
            hub.task(account, title=f"Task {n}", priority=p)["id"] for n, p in enumerate(priorities)
        ]
        walks: list[dict[str, object]] = [
            {"limit": 3},
            {"limit": 2, "sort": "priority", "order": "asc"},
        ]
        for params in walks:
            ids = _walk(hub, account, params)
            expect_true(
                len(ids) == len(set(ids)) and sorted(ids) == sorted(created),
                what=describe_request("GET", "/tasks", params) + " followed by its cursors",
                expected=f"each of the {len(created)} tasks exactly once",
                actual=f"{len(ids)} items, {len(set(ids))} distinct",
                help="Keyset pagination continues after the last row seen: compare the pair "
                "(sort value, id) with a row comparison, so equal sort values neither repeat "
                "nor vanish at a page boundary.",
            )
        response = hub.request(
            "GET",
            "/tasks",
            account=account,
            params={"cursor": "not-a-real-cursor"},
            expect=400,
            help="A cursor the server did not make is the client's mistake: decode it "
            "defensively and raise BadRequestError (400) when it does not parse.",
        )
        expect_problem(
            "GET /tasks?cursor=not-a-real-cursor",
            response,
            400,
            help="Raise the BadRequestError of core/errors.py.",
        )


def test_status_transitions(learner: Learner, tmp_path: Path) -> None:
    """follows the status workflow and refuses a forbidden move with 409"""
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
        for status in ("in_progress", "in_progress", "done", "in_progress", "cancelled"):
            moved = hub.request(
                "PATCH",
                path,
                account=account,
                json={"status": status},
                expect=200,
                help="Allowed moves (and staying in the same status) succeed with 200: "
                "todo -> in_progress -> done -> in_progress (reopen) -> cancelled.",
            )
            expect_true(
                json_body(f"PATCH {path}", moved, help="Return the task.").get("status") == status,
                what=f"PATCH {path} with status {status!r}",
                expected=f"the task in status {status!r}",
                actual=excerpt(moved),
                help="Save the new status and return the updated task.",
            )
        hub.request(
            "PATCH",
            path,
            account=account,
            json={"status": "done"},
            expect=409,
            help="'cancelled' may only move back to 'todo'.",
        )


def test_etag(learner: Learner, tmp_path: Path) -> None:
    """sends an ETag with each task and refuses a stale If-Match with 412"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("editor")
        task = hub.task(account, title="Draft")
        path = f"/tasks/{task['id']}"
        read = hub.request(
            "GET", path, account=account, expect=200, help="Read the task you just created."
        )
        etag = read.headers.get("etag")
        expect_true(
            bool(etag),
            what=f"GET {path}",
            expected="an ETag header",
            actual="no ETag header",
            help="Set the ETag response header from the task's version (etag_for) in the route.",
        )
        first = hub.request(
            "PATCH",
            path,
            account=account,
            json={"title": "First edit"},
            headers={"If-Match": str(etag)},
            expect=200,
            help="A PATCH whose If-Match equals the current ETag is applied.",
        )
        new_etag = first.headers.get("etag")
        expect_true(
            bool(new_etag) and new_etag != etag,
            what=f"PATCH {path} with If-Match: {etag}",
            expected="a new ETag header, different from the old one",
            actual=f"ETag {new_etag!r}",
            help="Every change moves the version on, so the ETag changes with it; send the "
            "new one back.",
        )
        stale = hub.request(
            "PATCH",
            path,
            account=account,
            json={"title": "Second edit"},
            headers={"If-Match": str(etag)},
            expect=412,
            help="Compare If-Match with the current ETag before changing anything and raise "
            "PreconditionFailedError when they differ: someone else changed the task since "
            "this client read it.",
        )
        expect_problem(
            f"PATCH {path} with a stale If-Match",
            stale,
            412,
            help="Raise the PreconditionFailedError of core/errors.py.",
        )
        after = hub.request("GET", path, account=account, expect=200, help="Read the task again.")
        expect_true(
            json_body(f"GET {path}", after, help="Return the task.").get("title") == "First edit",
            what=f"GET {path} after a refused PATCH",
            expected="the title 'First edit'",
            actual=excerpt(after),
            help="A 412 must leave the task untouched: check the precondition first.",
        )


def _promote(hub: TaskHub, account: Account) -> None:
    engine = create_engine(str(hub.settings.database_url))
    try:
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE users SET role = 'admin' WHERE email = :email"),
                {"email": account.email},
            )
    finally:
        engine.dispose()


def test_admin_endpoints(learner: Learner, tmp_path: Path) -> None:
    """lets an admin list accounts and answers 403 to everybody else"""
    with open_taskhub(learner, tmp_path) as hub:
        user = hub.account("plain")
        admin = hub.account("boss")
        _promote(hub, admin)
        response = hub.request(
            "GET",
            "/admin/users",
            account=user,
            expect=403,
            help="Admin routes depend on AdminUser, which refuses other roles with 403: the "
            "caller is known, just not allowed.",
        )
        expect_problem("GET /admin/users as a user", response, 403, help="Raise ForbiddenError.")
        listed = hub.request(
            "GET",
            "/admin/users",
            account=admin,
            params={"limit": 10},
            expect=200,
            help="An admin gets a page of every account (UserService.list_users).",
        )
        page = json_body("GET /admin/users", listed, help="Return the page as JSON.")
        emails = [item.get("email") for item in page.get("items", []) if isinstance(item, dict)]
        expect_true(
            user.email in emails and admin.email in emails and page.get("total") == 2,
            what="GET /admin/users?limit=10 as an admin",
            expected="both accounts and total 2",
            actual=f"{len(emails)} account(s), total {page.get('total')!r}",
            help="Page through all users ordered by creation and count them for 'total'.",
        )
        hub.request(
            "POST",
            f"/admin/users/{user.id}/deactivate",
            account=admin,
            expect=200,
            help="Deactivating clears is_active and revokes the user's tokens.",
        )
        hub.request(
            "GET",
            "/me",
            account=user,
            expect=401,
            help="A deactivated account's tokens stop working at once: authenticate checks "
            "is_active on every request.",
        )
