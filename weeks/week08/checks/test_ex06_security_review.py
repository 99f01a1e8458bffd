"""Checks for week08/ex06_security_review: each check attacks the app through one flaw."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from workbook.checking import Learner, expect_true
from workbook.checking_app import Api, learner_app, open_api

ADA = {"Authorization": "Bearer token-ada"}
BOB = {"Authorization": "Bearer token-bob"}


@contextmanager
def fresh_api(learner: Learner) -> Iterator[Api]:
    app = learner_app(learner)
    fresh = learner.cls("Store")()
    app.dependency_overrides[learner.function("get_store")] = lambda: fresh
    try:
        with open_api(learner) as api:
            yield api
    finally:
        app.dependency_overrides.clear()


def add(api: Api, title: str, who: dict[str, str]) -> None:
    api.post("/tasks", json={"title": title}, headers=who, expect=201,
             help="POST /tasks creates a task for the caller (this route was not flawed).")


def test_idor(learner: Learner) -> None:
    """flaw 1, IDOR: another user's task is a 404"""
    help = ("visible_task must compare the task's owner_id with the caller and raise 404 "
            "'Task <id> not found' for someone else's task, as for a missing one.")
    with fresh_api(learner) as api:
        add(api, "Bob's salary review", BOB)
        add(api, "Ada's plan", ADA)
        api.get("/tasks/1", headers=ADA, expect=404, help=help).expect_json(
            {"detail": "Task 1 not found"}, help=help)
        api.get("/tasks/1/card", headers=ADA, expect=404,
                help="The HTML card goes through the same dependency: it must refuse too.")
        api.get("/tasks/2", headers=ADA, expect=200,
                help="The owner still reads their own task.")
        api.get("/tasks/9", headers=ADA, expect=404, help=help).expect_json(
            {"detail": "Task 9 not found"}, help=help)


def test_mass_assignment(learner: Learner) -> None:
    """flaw 2, mass assignment: a role in the body changes nothing"""
    help = ("Declare the body as ProfileUpdate (only display_name) and copy display_name "
            "alone: a body is never applied key by key.")
    with fresh_api(learner) as api:
        api.patch("/me", json={"display_name": "Countess", "role": "admin", "id": 2},
                  headers=ADA, expect=(200, 422), help=help)
        api.get("/me", headers=ADA, expect=200, help="GET /me reads the profile.").expect_fields(
            {"id": 1, "name": "ada", "role": "member"}, help=help)
        api.patch("/me", json={"display_name": "Ada L."}, headers=ADA, expect=200,
                  help="Changing display_name alone is allowed.").expect_json(
            {"id": 1, "name": "ada", "display_name": "Ada L.", "role": "member"},
            help="Return the updated profile.")
        api.get("/me", headers=ADA, expect=200, help="GET /me reads the profile.").expect_fields(
            {"display_name": "Ada L."}, help="Save the updated profile in store.profiles.")
        api.patch("/me", json={"display_name": ""}, headers=ADA, expect=422,
                  help="ProfileUpdate's bounds apply: an empty display_name is refused.")


def test_limit_bounds(learner: Learner) -> None:
    """flaw 3, no limit: limit is bounded from 1 to MAX_LIMIT"""
    help = "Annotate limit with Query(ge=1, le=MAX_LIMIT), keeping the default of 20."
    with fresh_api(learner) as api:
        for number in range(21):
            add(api, f"Task {number}", ADA)
        api.get("/tasks", params={"limit": 1000000}, headers=ADA, expect=422, help=help)
        api.get("/tasks", params={"limit": 101}, headers=ADA, expect=422, help=help)
        api.get("/tasks", params={"limit": 0}, headers=ADA, expect=422, help=help)
        body = api.get("/tasks", params={"limit": 100}, headers=ADA, expect=200,
                       help="limit=100 is exactly MAX_LIMIT and allowed.").json(help=help)
        expect_true(len(body) == 21, what="GET /tasks?limit=100", expected="Ada's 21 tasks",
                    actual=f"{len(body)} tasks", help="List the caller's tasks.")
        body = api.get("/tasks", params={"limit": 1}, headers=ADA, expect=200,
                       help="limit=1 is the smallest allowed page.").json(help=help)
        expect_true(len(body) == 1, what="GET /tasks?limit=1", expected="1 task",
                    actual=f"{len(body)} tasks", help="Cut the list at limit.")
        body = api.get("/tasks", headers=ADA, expect=200, help=help).json(help=help)
        expect_true(len(body) == 20, what="GET /tasks (no limit) with 21 tasks",
                    expected="20 tasks", actual=f"{len(body)} tasks",
                    help="Keep the default page size of 20.")


def test_login_leak(learner: Learner) -> None:
    """flaw 4, leak: a login failure never tells whether the user exists"""
    help = ("Answer an unknown user and a wrong password with the same 401 'Invalid "
            "credentials': different messages let an attacker collect valid user names.")
    with fresh_api(learner) as api:
        for body in ({"username": "mallory", "password": "x"},
                     {"username": "ada", "password": "x"}):
            api.post("/login", json=body, expect=401, help=help).expect_json(
                {"detail": "Invalid credentials"}, help=help)
        api.post("/login", json={"username": "ada", "password": "correct horse battery staple"},
                 expect=200, help="The right password still logs in.").expect_json(
            {"token": "token-ada"}, help="Return the user's token.")


def test_xss(learner: Learner) -> None:
    """flaw 5, XSS: a script tag in a title arrives escaped"""
    help = "Pass the title through html.escape before putting it in the HTML."
    with fresh_api(learner) as api:
        add(api, "<script>alert('hi')</script> & more", ADA)
        answer = api.get("/tasks/1/card", headers=ADA, expect=200, help=help)
        answer.expect_header("content-type", startswith="text/html",
                             help="The card is an HTML page.")
        text = answer.response.text
        expect_true("<script>" not in text and
                    "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt; &amp; more" in text,
                    what="the body of GET /tasks/1/card",
                    expected="the title escaped: &lt;script&gt;alert(&#x27;hi&#x27;)...",
                    actual=text[:200], help=help)
        expect_true("<h1>" in text and "Task 1" in text, what="the card's markup",
                    expected="the page's own tags kept (<h1>, 'Task 1')", actual=text[:200],
                    help="Escape only the user's text, not the whole page.")
