"""Checks for week06/ex08_blog_api: the blog's answers on seeded data, and the number of SQL
statements each route runs, which must not grow with the posts and comments."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

from workbook.checking import Learner, expect_equal
from workbook.checking_app import Api, open_api
from workbook.checking_orm import (
    StatementLog,
    count_statements,
    engine_label,
    expect_fixed_statements,
    learner_metadata,
    orm_engines,
    run_learner,
    seed,
)
from workbook.checking_sql import names_engines

NAMES = {1: "Ana", 2: "Bruno", 3: "Chloe"}


def _rows(posts: int, extra: int) -> dict[str, list[dict[str, Any]]]:
    """Posts 1..posts: odd ones by Bruno, even ones by Ana; post i has i % 3 comments, and post
    1 has ``extra`` more; commenters cycle through Chloe, Ana and Bruno. Chloe writes no post."""
    comments: list[dict[str, Any]] = []
    for post in range(1, posts + 1):
        for n in range(post % 3 + (extra if post == 1 else 0)):
            comments.append({"id": len(comments) + 1, "post_id": post,
                             "author_id": (3, 1, 2)[n % 3], "body": f"Comment {n + 1}"})
    return {
        "users": [{"id": key, "name": name} for key, name in NAMES.items()],
        "posts": [{"id": i, "author_id": 2 if i % 2 else 1, "title": f"Post {i}"}
                  for i in range(1, posts + 1)],
        "comments": comments,
    }


def _apis(learner: Learner, posts: int, extra: int = 0) -> Iterator[tuple[Engine, Api]]:
    create_app = learner.function("create_app")
    models = learner.submodule("models")
    for _name, engine in orm_engines():
        app = run_learner(create_app, engine, what="called create_app(engine)",
                          help="create_app builds the app on the engine it is given.")
        seed(engine, learner_metadata(models), _rows(posts, extra))
        with open_api(app=app) as api:
            yield engine, api


def _counted(engine: Engine, api: Api, path: str, help: str) -> tuple[Any, StatementLog]:
    with count_statements(engine) as log:
        body = api.get(path, expect=200, help=help).json(help="Answer JSON.")
    return body, log


@names_engines
def test_list_posts(learner: Learner) -> None:
    """lists posts newest first with the author and the number of comments"""
    for _engine, api in _apis(learner, 5):
        api.get("/posts", expect=200, help="GET /posts lists the posts.").expect_json([
            {"id": 5, "title": "Post 5", "author": "Bruno", "comments": 2},
            {"id": 4, "title": "Post 4", "author": "Ana", "comments": 1},
            {"id": 3, "title": "Post 3", "author": "Bruno", "comments": 0},
            {"id": 2, "title": "Post 2", "author": "Ana", "comments": 2},
            {"id": 1, "title": "Post 1", "author": "Bruno", "comments": 1},
        ], help="Newest first (id descending); count the comments in the query, keeping "
            "posts without any (an outer join) as 0.")


@names_engines
def test_list_pages(learner: Learner) -> None:
    """pages with limit and after, and refuses a limit of 0 or 51"""
    for _engine, api in _apis(learner, 5):
        pages = {}
        for params in ({"limit": 2}, {"limit": 2, "after": 4}, {"limit": 2, "after": 2},
                       {"after": 1}, {"limit": 1}, {"limit": 50}):
            answer = api.get("/posts", params=params, expect=200,
                             help="limit from 1 to 50 is valid; after is a post id.")
            pages[str(params)] = [post["id"] for post in answer.json(help="Answer a list.")]
        want = {"{'limit': 2}": [5, 4], "{'limit': 2, 'after': 4}": [3, 2],
                "{'limit': 2, 'after': 2}": [1], "{'after': 1}": [], "{'limit': 1}": [5],
                "{'limit': 50}": [5, 4, 3, 2, 1]}
        expect_equal(pages, want, what="post ids of GET /posts with these query parameters",
                     help="after=N keeps the posts older than N (id < N), then LIMIT.")
        for limit in (0, 51):
            api.get("/posts", params={"limit": limit}, expect=422,
                    help="Bound limit in the signature: Query(ge=1, le=50).")


@names_engines
def test_list_statements(learner: Learner) -> None:
    """lists posts in one statement for 4 posts as for 12"""
    logs: dict[str, dict[int, StatementLog]] = {}
    for size in (4, 12):
        for engine, api in _apis(learner, size):
            _body, log = _counted(engine, api, "/posts?limit=50", "GET /posts lists the posts.")
            logs.setdefault(engine_label(engine), {})[size] = log
    for label, by_size in logs.items():
        expect_fixed_statements(by_size, what=f"GET /posts on {label}", rows="posts", most=1,
                                help="Select the columns you answer with: join the author, "
                                "outer-join a grouped count of comments.")


@names_engines
def test_read_post(learner: Learner) -> None:
    """reads a post with its comments and their authors, and 404 for an unknown one"""
    for _engine, api in _apis(learner, 5):
        api.get("/posts/5", expect=200, help="GET /posts/{id} answers the post.").expect_json(
            {"id": 5, "title": "Post 5", "author": "Bruno", "comments": [
                {"id": 5, "author": "Chloe", "body": "Comment 1"},
                {"id": 6, "author": "Ana", "body": "Comment 2"}]},
            help="Nest the comments by id, each with its author's name.")
        api.get("/posts/3", expect=200, help="A post without comments exists.").expect_json(
            {"id": 3, "title": "Post 3", "author": "Bruno", "comments": []},
            help="No comments: an empty list.")
        api.get("/posts/9", expect=404, help="An unknown post: 404.").expect_json(
            {"detail": "post 9 not found"}, help="Name the post that is missing.")


@names_engines
def test_read_post_statements(learner: Learner) -> None:
    """reads a post with 1 comment in as many statements as one with 11"""
    logs: dict[str, dict[int, StatementLog]] = {}
    for extra in (0, 10):
        for engine, api in _apis(learner, 3, extra):
            _body, log = _counted(engine, api, "/posts/1", "GET /posts/{id} answers the post.")
            logs.setdefault(engine_label(engine), {})[1 + extra] = log
    for label, by_size in logs.items():
        expect_fixed_statements(by_size, what=f"GET /posts/1 on {label}", rows="comments",
                                most=3, help="Load the author with the post and the comments "
                                "with their authors: joinedload and selectinload options.")


@names_engines
def test_user_posts(learner: Learner) -> None:
    """lists a user's posts, [] for a user without any, 404 for an unknown user"""
    for _engine, api in _apis(learner, 5):
        api.get("/users/1/posts", expect=200, help="Ana's posts.").expect_json(
            [{"id": 2, "title": "Post 2"}, {"id": 4, "title": "Post 4"}],
            help="The user's posts by id.")
        api.get("/users/3/posts", expect=200, help="Chloe exists, with no post.").expect_json(
            [], help="A user without posts: an empty list, not 404.")
        api.get("/users/9/posts", expect=404, help="An unknown user: 404.").expect_json(
            {"detail": "user 9 not found"}, help="Name the user that is missing.")


@names_engines
def test_user_posts_statements(learner: Learner) -> None:
    """lists a user's posts in the same statements for 4 posts as for 12"""
    logs: dict[str, dict[int, StatementLog]] = {}
    for size in (4, 12):
        for engine, api in _apis(learner, size):
            _body, log = _counted(engine, api, "/users/1/posts", "Ana's posts.")
            logs.setdefault(engine_label(engine), {})[size] = log
    for label, by_size in logs.items():
        expect_fixed_statements(by_size, what=f"GET /users/1/posts on {label}", rows="posts",
                                most=2, help="One query for the user and one for the posts "
                                "(selectinload), or one for the posts alone.")
