"""Property-based API testing from the OpenAPI document (schemathesis, deterministic).

Every operation gets a bounded number of generated requests, sent with a valid token, and
every schemathesis check runs: no 5xx; status codes, content types, headers and bodies as
documented; schema-valid requests accepted; 405 answers that list the allowed methods. It
runs on the test database (SQLite, or PostgreSQL with TASKHUB_TEST_DATABASE_URL).

Two phases: ``DELETE /me`` runs on its own, so deleting the account cannot turn the rest of
the run into a string of 401s.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis import Case
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from taskhub.main import create_app
from tests.conftest import bind_sessions, make_settings
from tests.helpers import Account, Api

# The schema is loaded when the module is collected, so the application exists up front; each
# test then binds its sessions to that test's rolled-back connection.
APP = create_app(make_settings("sqlite://"))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture
def fuzz_account(connection: Connection, db_session: Session) -> Iterator[Account]:
    bind_sessions(APP, connection)
    api = Api(TestClient(APP), db_session, APP)
    account = api.account()
    tag = api.tag(account, "fuzz")
    api.task(account, title="seeded", tag_ids=[tag["id"]])
    yield account
    APP.dependency_overrides.clear()


FUZZ_SETTINGS = settings(
    max_examples=15,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _drop_invented_cursor(case: Case[Any]) -> None:
    """A cursor is only valid as a previous page returned it; an invented one is a 400.

    ``test_tasks.py`` walks real cursors and sends bad ones; here the generated value is
    dropped, so the schema-valid-request check judges the rest of the query.
    """
    if isinstance(case.query, dict):
        case.query.pop("cursor", None)


@schema.exclude(method="DELETE", path="/me").parametrize()
@FUZZ_SETTINGS
def test_api_matches_its_openapi_document(case: Case[Any], fuzz_account: Account) -> None:
    _drop_invented_cursor(case)
    case.call_and_validate(headers=fuzz_account.headers)


@schema.include(method="DELETE", path="/me").parametrize()
@FUZZ_SETTINGS
def test_account_deletion_matches_its_openapi_document(
    case: Case[Any], fuzz_account: Account
) -> None:
    case.call_and_validate(headers=fuzz_account.headers)
