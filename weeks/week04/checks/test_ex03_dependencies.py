"""Checks for week04/ex03_dependencies: a pagination dependency and an overridable store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from workbook.checking import Learner, call, expect_true
from workbook.checking_app import Api, expect_parameter, learner_app, open_api, openapi_document


@contextmanager
def api_with_tasks(learner: Learner, count: int, *, done_every: int = 0) -> Iterator[Api]:
    """The learner's app with get_store overridden by a fresh store holding ``count`` tasks."""
    app = learner_app(learner)
    get_store = learner.function("get_store")
    fresh = learner.cls("TaskStore")()
    app.dependency_overrides[get_store] = lambda: fresh
    try:
        with open_api(learner) as api:
            for number in range(1, count + 1):
                done = bool(done_every) and number % done_every == 0
                api.post("/tasks", json={"title": f"Task {number}", "done": done}, expect=201,
                         help="POST /tasks is given; it stores the task in the injected store.")
            yield api
    finally:
        app.dependency_overrides.clear()


def task(number: int, done_every: int = 0) -> dict[str, Any]:
    return {"id": number, "title": f"Task {number}",
            "done": bool(done_every) and number % done_every == 0}


def page(numbers: list[int], total: int, limit: int, offset: int,
         done_every: int = 0) -> dict[str, Any]:
    return {"items": [task(n, done_every) for n in numbers], "total": total, "limit": limit,
            "offset": offset}


def test_get_store(learner: Learner) -> None:
    """get_store returns the same store on every call"""
    get_store = learner.function("get_store")
    task_store = learner.cls("TaskStore")
    first = call(get_store, help="get_store returns the module's store.")
    expect_true(isinstance(first, task_store), what="called get_store()",
                expected="a TaskStore", actual=f"it returned {first!r}",
                help="Return the module-level _store.")
    second = call(get_store, help="get_store returns the module's store.")
    expect_true(second is first, what="called get_store() twice",
                expected="the same TaskStore both times", actual="two different stores",
                help="Creating a TaskStore inside get_store gives every request an empty store: "
                "return the one created at module level instead.")


def test_uses_injected_store(learner: Learner) -> None:
    """reads the store through Depends, so a test can override it"""
    with api_with_tasks(learner, 0) as api:
        api.get("/tasks", expect=200, help="List the tasks of the injected store.").expect_json(
            page([], 0, 20, 0),
            help="The check replaced get_store with an empty store. Take the store as a "
            "parameter (store: Store) instead of reading _store directly.")
    with api_with_tasks(learner, 2) as api:
        api.get("/tasks", expect=200, help="List the tasks of the injected store.").expect_json(
            page([1, 2], 2, 20, 0), help="Use the store the dependency gives you.")


def test_default_page(learner: Learner) -> None:
    """answers the first 20 tasks with the total by default"""
    with api_with_tasks(learner, 25) as api:
        api.get("/tasks", expect=200, help="List the tasks through the dependencies."
                ).expect_json(page(list(range(1, 21)), 25, 20, 0),
                              help="With no query parameters, limit is DEFAULT_LIMIT (20) and "
                              "offset is 0; total counts all 25 tasks.")


def test_limit_and_offset(learner: Learner) -> None:
    """slices the list with limit and offset"""
    with api_with_tasks(learner, 25) as api:
        for params, expected in (
            ({"limit": 5}, page([1, 2, 3, 4, 5], 25, 5, 0)),
            ({"limit": 5, "offset": 10}, page([11, 12, 13, 14, 15], 25, 5, 10)),
            ({"limit": 1, "offset": 24}, page([25], 25, 1, 24)),
            ({"offset": 23}, page([24, 25], 25, 20, 23)),
            ({"offset": 25}, page([], 25, 20, 25)),
            ({"limit": 100}, page(list(range(1, 26)), 25, 100, 0)),
        ):
            api.get("/tasks", params=params, expect=200,
                    help="limit from 1 to 100 and any offset from 0 are allowed.").expect_json(
                expected, help="Slice with [offset : offset + limit] and echo the page's limit "
                "and offset; a page past the end is empty, not an error.")


def test_bounds(learner: Learner) -> None:
    """refuses limit outside 1-100 and a negative offset with 422"""
    with api_with_tasks(learner, 1) as api:
        for params in ({"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "many"}):
            api.get("/tasks", params=params, expect=422,
                    help="Declare the bounds in pagination's signature: "
                    "Query(ge=1, le=MAX_LIMIT) for limit, Query(ge=0) for offset.")


def test_filter_counts_total(learner: Learner) -> None:
    """filters by done and counts the matching tasks in total"""
    with api_with_tasks(learner, 12, done_every=3) as api:
        api.get("/tasks", params={"done": True, "limit": 2}, expect=200,
                help="done filters before the page is cut.").expect_json(
            page([3, 6], 4, 2, 0, done_every=3),
            help="Filter first, then slice; total is the number of matching tasks (4), not "
            "the size of the page or of the whole store.")
        api.get("/tasks", params={"done": False, "offset": 6}, expect=200,
                help="done=false keeps the open tasks.").expect_json(
            page([10, 11], 8, 20, 6, done_every=3),
            help="done=false is a filter too: compare with 'done is None', not 'not done'.")


@pytest.mark.requires("test_bounds")
def test_openapi(learner: Learner) -> None:
    """documents limit and offset with their bounds"""
    document = openapi_document(learner_app(learner), help="Keep the dependency's hints valid.")
    help = ("The parameters of a dependency become the route's parameters in /openapi.json: "
            "declare them with Query(...) in pagination's signature.")
    expect_parameter(document, "GET", "/tasks", "limit", location="query", type="integer",
                     required=False, minimum=1, maximum=100, default=20, help=help)
    expect_parameter(document, "GET", "/tasks", "offset", location="query", type="integer",
                     required=False, minimum=0, default=0, help=help)
