"""Checks for week01/ex06_request_stats: counting, grouping and inverting with dicts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, call, expect_call, expect_equal


def _request(user: str, path: str, status: int, ms: float, method: str = "GET") -> dict[str, Any]:
    return {"user": user, "method": method, "path": path, "status": status, "ms": ms}


LOG = [
    _request("ana", "/orders", 200, 30.0),
    _request("bo", "/login", 401, 12.0, "POST"),
    _request("ana", "/orders/7", 404, 8.5),
    _request("ana", "/orders", 200, 45.0),
    _request("bo", "/login", 200, 14.0, "POST"),
    _request("cy", "/orders", 500, 120.25),
]


def _short(requests: list[dict[str, Any]]) -> str:
    """The requests as one readable line: [ana /orders 200 30.0ms, ...]."""
    shown = [f"{r['user']} {r['path']} {r['status']} {r['ms']}ms" for r in requests]
    return "[" + ", ".join(shown) + "]"


def _expect_on_log(func: Callable[..., Any], requests: list[dict[str, Any]], *, returns: Any,
                   help: str) -> None:
    """Like expect_call, but describes a list of request dicts in one short line."""
    name = getattr(func, "__name__", "function")
    result = call(func, requests, help=help)
    expect_equal(result, returns, what=f"called {name}(requests) with {_short(requests)}",
                 help=help)


def test_count_by_status(learner: Learner) -> None:
    """counts the requests for each status code"""
    count_by_status = learner.function("count_by_status")
    _expect_on_log(count_by_status, LOG, returns={200: 3, 401: 1, 404: 1, 500: 1},
                   help="Count each request['status']; collections.Counter does the counting, "
                   "and dict(...) turns it into a plain dict.")
    expect_call(count_by_status, [], returns={},
                help="An empty log has no status codes: return an empty dict.")


def test_paths_by_user(learner: Learner) -> None:
    """groups each user's paths in first-visit order, without repeats"""
    paths_by_user = learner.function("paths_by_user")
    _expect_on_log(paths_by_user, LOG,
                   returns={"ana": ["/orders", "/orders/7"], "bo": ["/login"], "cy": ["/orders"]},
                   help="grouped.setdefault(user, []) returns the user's list, creating it the "
                   "first time; append a path only if it is not in the list yet.")
    expect_call(paths_by_user, [], returns={}, help="No requests, no users.")


def test_users_by_role(learner: Learner) -> None:
    """inverts users-to-roles into roles-to-users, sorted"""
    users_by_role = learner.function("users_by_role")
    roles = {"zoe": ["staff"], "ana": ["admin", "staff"], "bo": ["support"], "cy": ["staff"]}
    expect_call(users_by_role, roles,
                returns={"staff": ["ana", "cy", "zoe"], "admin": ["ana"], "support": ["bo"]},
                help="Loop over every (user, role) pair and add the user under the role; sort "
                "each role's users at the end.")


def test_users_by_role_edge_cases(learner: Learner) -> None:
    """leaves out users without roles and counts a repeated role once"""
    users_by_role = learner.function("users_by_role")
    roles = {"ana": ["admin", "admin"], "bo": [], "cy": ("admin",)}
    expect_call(users_by_role, roles, returns={"admin": ["ana", "cy"]},
                help="A set per role ignores repeats; a user with no roles never creates a key.")
    expect_call(users_by_role, {}, returns={}, help="No users, no roles.")
    original = {"ana": ["staff"]}
    call(users_by_role, original, help="users_by_role should accept any mapping of lists.")
    expect_equal(original, {"ana": ["staff"]}, what="the argument after users_by_role(roles)",
                 help="Build a new dict; never change the mapping you were given.")


def test_average_ms_by_path(learner: Learner) -> None:
    """averages the response time of each path, to one decimal"""
    average = learner.function("average_ms_by_path")
    _expect_on_log(average, LOG,
                   returns={"/orders": 65.1, "/login": 13.0, "/orders/7": 8.5},
                   help="Keep a running total and a count per path (totals.get(path, 0) + ms), "
                   "then divide and round(..., 1). /orders is (30 + 45 + 120.25) / 3.")
    expect_call(average, [], returns={}, help="No requests, no paths.")


def test_error_rate(learner: Learner) -> None:
    """returns the share of server errors (status 500 and above)"""
    error_rate = learner.function("error_rate")
    half = [_request("ana", "/a", 500, 1.0), _request("ana", "/a", 200, 1.0),
            _request("bo", "/b", 503, 1.0), _request("bo", "/b", 404, 1.0)]
    _expect_on_log(error_rate, half, returns=0.5,
                   help="Two of the four requests have a status of 500 or more; 404 is a client "
                   "error, not a server error.")
    edge = [_request("ana", "/a", 499, 1.0), _request("bo", "/b", 500, 1.0)]
    _expect_on_log(error_rate, edge, returns=0.5,
                   help="500 is the first server error and counts (status >= 500); 499 is still "
                   "a client error and does not.")
    expect_call(error_rate, [], returns=0.0,
                help="Dividing by zero requests fails: return 0.0 when there are none.")
    result = call(error_rate, (r for r in half),
                  help="requests may be a generator, which has no len() and can be read only "
                  "once: collect what you need in one pass.")
    expect_equal(result, 0.5, what=f"called error_rate(a generator over {_short(half)})",
                 help="A generator can be read only once: if you loop over it twice, the second "
                 "loop sees nothing.")
