"""Property-based API testing from the OpenAPI document (schemathesis, deterministic).

Every operation gets a bounded number of generated requests, sent with a valid token. The
responses must never be 5xx and must match what the document promises: status codes,
content types, headers and body schemas.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis import Case
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from taskhub.main import create_app
from tests.conftest import bind_sessions, make_settings
from tests.helpers import Account, Api

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

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


@schema.parametrize()
@settings(
    max_examples=15,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_matches_its_openapi_document(case: Case[Any], fuzz_account: Account) -> None:
    case.call_and_validate(headers=fuzz_account.headers, checks=CHECKS)
