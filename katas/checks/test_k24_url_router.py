"""Checks for kata k24: a URL router with path templates."""

from typing import Any

from workbook.checking import Learner, call, expect_call, expect_raises

ROUTES = (
    ("/tasks", "list_tasks"),
    ("/tasks/{id:int}", "get_task"),
    ("/tasks/{id:int}/comments/{comment_id:int}", "get_comment"),
    ("/users/{username}", "get_user"),
    ("/users/{username:str}/tasks", "user_tasks"),
)


def _router(learner: Learner, routes: tuple[tuple[str, str], ...] = ROUTES) -> Any:
    router = call(learner.cls("Router"), help="Router() takes no arguments.")
    for template, name in routes:
        call(router.add, template, name, help=f"{template!r} is a valid template.")
    return router


def test_literal_paths(learner: Learner) -> None:
    """matches a path without parameters"""
    router = _router(learner)
    expect_call(router.match, "/tasks", returns=("list_tasks", {}),
                help="A literal template matches exactly that path, with no parameters.")
    expect_call(router.match, "/projects", returns=None,
                help="No route matches: return None (the app answers 404).")
    expect_call(router.match, "/", returns=None, help="'/' is not '/tasks'.")


def test_int_parameters(learner: Learner) -> None:
    """converts {name:int} parameters to int"""
    router = _router(learner)
    expect_call(router.match, "/tasks/42", returns=("get_task", {"id": 42}),
                help="{id:int} matches a segment of digits and gives the int, not the string.")
    expect_call(router.match, "/tasks/0", returns=("get_task", {"id": 0}),
                help="A single digit is a valid int segment.")
    expect_call(router.match, "/tasks/7/comments/19",
                returns=("get_comment", {"id": 7, "comment_id": 19}),
                help="A template can have several parameters between literal segments.")


def test_int_rejects_non_digits(learner: Learner) -> None:
    """does not match an int parameter against text that is not ASCII digits"""
    router = _router(learner)
    for path in ("/tasks/abc", "/tasks/-1", "/tasks/4a", "/tasks/²", "/tasks/ 4", "/tasks/"):
        expect_call(router.match, path, returns=None,
                    help="{id:int} matches only when every character is '0' to '9' and there "
                         "is at least one; str.isdigit() also accepts '²', and int() accepts "
                         "' 4' and '-1'.")


def test_str_parameters(learner: Learner) -> None:
    """matches {name} and {name:str} against any non-empty segment"""
    router = _router(learner)
    expect_call(router.match, "/users/ann", returns=("get_user", {"username": "ann"}),
                help="{username} matches any segment and keeps it as a str.")
    expect_call(router.match, "/users/42", returns=("get_user", {"username": "42"}),
                help="A str parameter keeps digits as text: '42', not 42.")
    expect_call(router.match, "/users/ann/tasks", returns=("user_tasks", {"username": "ann"}),
                help="{username:str} is the same as {username}.")
    expect_call(router.match, "/users/", returns=None,
                help="An empty segment does not match a parameter.")


def test_segment_count(learner: Learner) -> None:
    """matches only paths with the same number of segments"""
    router = _router(learner)
    for path in ("/tasks/", "/tasks/42/", "/tasks/42/comments", "/users/ann/tasks/extra",
                 "tasks"):
        expect_call(router.match, path, returns=None,
                    help="Split both on '/': a template matches only a path with exactly as "
                         "many segments, and a trailing '/' adds an empty one.")


def test_first_route_wins(learner: Learner) -> None:
    """tries routes in the order they were added"""
    router = _router(learner, (("/tasks/{id:int}", "get_task"), ("/tasks/{slug}", "by_slug"),
                               ("/tasks/mine", "my_tasks")))
    expect_call(router.match, "/tasks/12", returns=("get_task", {"id": 12}),
                help="Both of the first two routes match '/tasks/12'; the first one added wins.")
    expect_call(router.match, "/tasks/mine", returns=("by_slug", {"slug": "mine"}),
                help="'/tasks/{slug}' was added before '/tasks/mine', so it wins: keep the "
                     "routes in a list and return the first match.")


def test_unknown_converter(learner: Learner) -> None:
    """refuses an unknown converter when the route is added, naming it"""
    router = call(learner.cls("Router"), help="Router() takes no arguments.")
    for template, converter in (("/tasks/{id:uuid}", "uuid"), ("/files/{p:path}", "path")):
        expect_raises(ValueError, router.add, template, "bad", match=converter,
                      help="Only str and int are known: refuse anything else in add, naming "
                           "the converter, so the mistake shows at start-up, not on a request.")


def test_malformed_segments(learner: Learner) -> None:
    """refuses a segment with braces that is not one whole parameter, naming it"""
    router = call(learner.cls("Router"), help="Router() takes no arguments.")
    for segment in ("{id", "id}", "{}", "{id}.json", "{id:}", "{:int}"):
        expect_raises(ValueError, router.add, f"/tasks/{segment}", "bad", match=segment,
                      help="A segment is a parameter only when it is entirely '{name}' or "
                           "'{name:converter}'; any other use of a brace is a typo in the "
                           "template: raise ValueError quoting the segment.")
    call(router.add, "/tasks/{task_id2}", "ok",
         help="Letters, digits and '_' make a valid parameter name.")
    expect_call(router.match, "/tasks/x", returns=("ok", {"task_id2": "x"}),
                help="'{task_id2}' is a str parameter named task_id2.")
