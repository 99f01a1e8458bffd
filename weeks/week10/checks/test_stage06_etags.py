"""Checks for week10/stage06_etags: an ETag from the task's version, and If-Match with 412."""

from __future__ import annotations

from pathlib import Path

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import excerpt, expect_problem, json_body, open_taskhub


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
            json_body(f"GET {path}", after, help="Return the task.").get("title") == "First edit"
            and after.headers.get("etag") == new_etag,
            what=f"GET {path} after a refused PATCH",
            expected=f"the title 'First edit' and the ETag {new_etag}",
            actual=f"{excerpt(after)} with ETag {after.headers.get('etag')!r}",
            help="A 412 must leave the task untouched: check the precondition first.",
        )


def test_if_match_forms(learner: Learner, tmp_path: Path) -> None:
    """applies a PATCH without If-Match, with '*', or with a list holding the current ETag"""
    with open_taskhub(learner, tmp_path) as hub:
        account = hub.account("lenient")
        task = hub.task(account, title="Draft")
        path = f"/tasks/{task['id']}"
        for n, form in enumerate(("none", "*", "list")):
            current = hub.request(
                "GET", path, account=account, expect=200, help="Read the task."
            ).headers.get("etag")
            headers = {
                "none": {},
                "*": {"If-Match": "*"},
                "list": {"If-Match": f'"999", {current}'},
            }[form]
            hub.request(
                "PATCH",
                path,
                account=account,
                json={"title": f"Edit {n}"},
                headers=headers,
                expect=200,
                help="If-Match is optional; '*' matches any version, and a comma-separated list "
                "matches when one of its ETags is the current one (RFC 9110, section 13.1.1).",
            )
