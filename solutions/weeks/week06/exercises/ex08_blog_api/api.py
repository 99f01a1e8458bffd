"""The blog's read API. Each route runs a fixed number of statements, however many posts,
comments and users there are (the models raise on any lazy load).

* ``GET /posts?limit=10&after=42``: the newest posts first (by id, descending), ``limit`` 1 to
  50 (10 by default; otherwise 422), starting after the post ``after`` when given. Each item:
  ``{"id": 7, "title": "...", "author": "Ana", "comments": 3}`` (the number of comments).
* ``GET /posts/{post_id}``: ``{"id": 7, "title": "...", "author": "Ana", "comments": [{"id":
  1, "author": "Bruno", "body": "..."}, ...]}`` with comments by id; 404 ``{"detail": "post 9
  not found"}``.
* ``GET /users/{user_id}/posts``: ``[{"id": 7, "title": "..."}, ...]`` by id; 404
  ``{"detail": "user 9 not found"}`` for an unknown user, ``[]`` for a user with no post.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from .models import Base, Comment, Post, User


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def create_app(engine: Engine) -> FastAPI:
    """The blog API on ``engine``; creates the tables if they are missing."""
    Base.metadata.create_all(engine)
    app = FastAPI(title="Blog")
    app.state.engine = engine

    @app.get("/posts")
    def list_posts(
        session: SessionDep,
        limit: Annotated[int, Query(ge=1, le=50)] = 10,
        after: int | None = None,
    ) -> list[dict[str, Any]]:
        # BEGIN SOLUTION: one query: posts, their author's name and a comment count, keyset paged
        comments = (
            select(Comment.post_id, func.count(Comment.id).label("n"))
            .group_by(Comment.post_id)
            .subquery()
        )
        stmt = (
            select(Post.id, Post.title, User.name, func.coalesce(comments.c.n, 0))
            .join(User, User.id == Post.author_id)
            .outerjoin(comments, comments.c.post_id == Post.id)
            .order_by(Post.id.desc())
            .limit(limit)
        )
        if after is not None:
            stmt = stmt.where(Post.id < after)
        return [
            {"id": post_id, "title": title, "author": author, "comments": count}
            for post_id, title, author, count in session.execute(stmt)
        ]
        # END SOLUTION

    @app.get("/posts/{post_id}")
    def read_post(post_id: int, session: SessionDep) -> dict[str, Any]:
        # BEGIN SOLUTION: the post with its author, and its comments with their authors
        stmt = (
            select(Post)
            .where(Post.id == post_id)
            .options(
                joinedload(Post.author),
                selectinload(Post.comments).joinedload(Comment.author),
            )
        )
        post = session.scalars(stmt).one_or_none()
        if post is None:
            raise HTTPException(404, f"post {post_id} not found")
        return {
            "id": post.id,
            "title": post.title,
            "author": post.author.name,
            "comments": [
                {"id": c.id, "author": c.author.name, "body": c.body} for c in post.comments
            ],
        }
        # END SOLUTION

    @app.get("/users/{user_id}/posts")
    def user_posts(user_id: int, session: SessionDep) -> list[dict[str, Any]]:
        # BEGIN SOLUTION: 404 for an unknown user, then the user's posts by id
        user = session.scalars(
            select(User).where(User.id == user_id).options(selectinload(User.posts))
        ).one_or_none()
        if user is None:
            raise HTTPException(404, f"user {user_id} not found")
        return [{"id": p.id, "title": p.title} for p in sorted(user.posts, key=lambda p: p.id)]
        # END SOLUTION

    return app
