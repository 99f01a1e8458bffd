"""Checks for week10/stage07_admin: admin-only user listing and deactivation, 403 for others."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from workbook.checking import Learner, expect_true
from workbook.taskhub_checks import Account, TaskHub, expect_problem, json_body, open_taskhub


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
        first = json_body(
            "GET /admin/users?limit=1",
            hub.request(
                "GET",
                "/admin/users",
                account=admin,
                params={"limit": 1},
                expect=200,
                help="limit=1 is a valid page size.",
            ),
            help="Return the page as JSON.",
        )
        expect_true(
            len(first.get("items", [])) == 1 and first.get("total") == 2,
            what="GET /admin/users?limit=1 as an admin",
            expected="1 account and total 2",
            actual=f"{len(first.get('items', []))} account(s), total {first.get('total')!r}",
            help="Apply LIMIT to the page, and count every user for 'total'.",
        )


def test_deactivate(learner: Learner, tmp_path: Path) -> None:
    """deactivates an account, whose tokens stop working at once"""
    with open_taskhub(learner, tmp_path) as hub:
        user = hub.account("plain")
        admin = hub.account("boss")
        _promote(hub, admin)
        hub.request(
            "POST",
            f"/admin/users/{user.id}/deactivate",
            account=user,
            expect=403,
            help="Only an admin may deactivate accounts (the AdminUser dependency).",
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
        hub.request(
            "POST",
            "/admin/users/00000000-0000-4000-8000-000000000000/deactivate",
            account=admin,
            expect=404,
            help="An unknown user id is a 404 (NotFoundError).",
        )
        hub.request(
            "POST",
            f"/admin/users/{admin.id}/deactivate",
            account=admin,
            expect=409,
            help="An admin may not deactivate their own account (ConflictError): nobody "
            "could undo it.",
        )
