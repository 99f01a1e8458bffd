"""Checks for week06/ex05_service_layer: each use case commits all of its work or none of it,
shown by counting rows after a success, after a broken rule and after a failure forced
half-way through."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from workbook.checking import CheckFailure, Learner, expect_equal, expect_raises
from workbook.checking_orm import (
    engine_label,
    learner_metadata,
    new_session,
    orm_engines,
    run_learner,
    seed,
)
from workbook.checking_sql import names_engines


def _services(learner: Learner) -> Iterator[tuple[Engine, Session, Any]]:
    """A service on each engine; users 1 and 2, tag 'docs', user 1 owns tasks 1 and 2."""
    metadata = learner_metadata(learner)
    service = learner.cls("TaskService")
    for _name, engine in orm_engines():
        metadata.create_all(engine)
        seed(engine, metadata, {
            "users": [{"id": 1, "email": "ana@example.com"},
                      {"id": 2, "email": "bruno@example.com"}],
            "tags": [{"id": 1, "name": "docs"}],
            "tasks": [{"id": 1, "owner_id": 1, "title": "Write docs"},
                      {"id": 2, "owner_id": 1, "title": "Fix login"}],
        })
        with new_session(engine) as session:
            yield engine, session, service(session)


def _counts(engine: Engine) -> list[int]:
    """[tasks, tags, task_tags] rows, read on the database (committed work only counts)."""
    with engine.connect() as connection:
        return [int(connection.scalar(select(func.count()).select_from(text(name))) or 0)
                for name in ("tasks", "tags", "task_tags")]


def _owners(engine: Engine) -> list[tuple[int, int]]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(
            text("SELECT id, owner_id FROM tasks ORDER BY id"))]


@names_engines
def test_create_commits(learner: Learner) -> None:
    """creates a stripped task with new and existing tags, committed"""
    for engine, session, service in _services(learner):
        call = "service.create_task(2, '  Plan sprint ', ['docs', 'urgent'])"
        task = run_learner(service.create_task, 2, "  Plan sprint ", ["docs", "urgent"],
                           what=f"called {call}", help="Add the task and its tags, then commit.")
        expect_equal(getattr(task, "title", None), "Plan sprint", what=f"the title of {call}",
                     help="Strip the title before storing it.")
        session.rollback()  # undoes nothing if the service committed
        expect_equal(_counts(engine), [3, 2, 2], what=f"on {engine_label(engine)}, [tasks, "
                     f"tags, task_tags] rows after {call} and a rollback",
                     help="Commit inside the service; reuse the tag 'docs' that exists "
                     "(TagRepository.get_or_create) and create only 'urgent'.")


@names_engines
def test_title_bounds(learner: Learner) -> None:
    """accepts a 1- and a 200-character title and refuses empty, blank and 201"""
    invalid = learner.cls("InvalidTask")
    for engine, _session, service in _services(learner):
        for title in ("x", "t" * 200):
            run_learner(service.create_task, 2, title, what=f"called service.create_task(2, "
                        f"<{len(title)} characters>)", help="1 to 200 characters is valid: "
                        "both bounds are inclusive.")
        for title, shown in (("", "''"), ("   ", "'   '"), ("t" * 201, "<201 characters>")):
            expect_raises(invalid, service.create_task, 2, title,
                          match="title must be 1 to 200 characters",
                          help=f"A title of {shown} breaks the rule: raise InvalidTask with "
                          "the message of the docstring, before touching the database.")
        expect_equal(_counts(engine)[0], 4, what=f"on {engine_label(engine)}, tasks after two "
                     "valid and three invalid titles", help="Only the valid titles are stored.")


@names_engines
def test_duplicate(learner: Learner) -> None:
    """turns a duplicate title into DuplicateTask and stays usable"""
    duplicate = learner.cls("DuplicateTask")
    for engine, _session, service in _services(learner):
        expect_raises(duplicate, service.create_task, 1, "Write docs", ["release"],
                      match="a task titled 'Write docs' already exists",
                      help="Catch the IntegrityError of the flush, roll back, and raise "
                      "DuplicateTask with the message of the docstring.")
        expect_equal(_counts(engine), [2, 1, 0], what=f"on {engine_label(engine)}, [tasks, "
                     "tags, task_tags] after the duplicate", help="The new tag 'release' must "
                     "be rolled back with the task.")
        run_learner(service.create_task, 1, "Write more docs", what="called service."
                    "create_task(1, 'Write more docs') after the duplicate",
                    help="After a failed flush the session must be rolled back before it can "
                    "be used again.")


def _fail_on_second(real: Callable[[str], Any]) -> Callable[[str], Any]:
    """``real`` for the first tag, and a RuntimeError for the next."""
    made: list[str] = []

    def failing(name: str) -> Any:
        if made:
            raise RuntimeError("the tag store is down")
        made.append(name)
        return real(name)

    return failing


@names_engines
def test_failure_half_way(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """rolls back a task and its first tag when the second tag fails"""
    for engine, _session, service in _services(learner):
        monkeypatch.setattr(service.tags, "get_or_create",
                            _fail_on_second(service.tags.get_or_create))
        call = "service.create_task(2, 'Plan sprint', ['urgent', 'later'])"
        try:
            service.create_task(2, "Plan sprint", ["urgent", "later"])
        except NotImplementedError:
            raise
        except RuntimeError:
            pass
        except Exception as error:
            raise CheckFailure(
                f"called {call} while the second tag fails: it raised {error!r}",
                expected="RuntimeError('the tag store is down'), raised again",
                actual=repr(error), help="Roll back and re-raise any other exception as it is.",
            ) from error
        else:
            raise CheckFailure(f"called {call} while the second tag fails: it returned",
                               expected="RuntimeError raised again", actual="no exception",
                               help="Do not swallow errors: roll back, then raise.")
        monkeypatch.undo()
        expect_equal(_counts(engine), [2, 1, 0], what=f"on {engine_label(engine)}, [tasks, "
                     f"tags, task_tags] after {call} failed on its second tag",
                     help="Commit once at the end, and roll back on any exception: the tag "
                     "'urgent' made before the failure must go too.")
        run_learner(service.create_task, 2, "Plan sprint", what=f"called service.create_task"
                    f"(2, 'Plan sprint') after {call} failed",
                    help="Roll the session back after a failure so it can be used again.")


@names_engines
def test_reassign(learner: Learner) -> None:
    """reassigns all the tasks, or none when one id is unknown"""
    not_found = learner.cls("TaskNotFound")
    for engine, session, service in _services(learner):
        expect_raises(not_found, service.reassign, [1, 99, 2], 2, match="task 99 not found",
                      help="Raise TaskNotFound naming the unknown id.")
        expect_equal(_owners(engine), [(1, 1), (2, 1)], what=f"on {engine_label(engine)}, "
                     "(id, owner_id) after service.reassign([1, 99, 2], 2) failed",
                     help="Task 1 was moved before the failure: roll it back, commit only "
                     "when every task was moved.")
        expect_equal(run_learner(service.reassign, [], 2, what="called service.reassign([], 2)",
                                 help="No ids moves nothing."), 0,
                     what="service.reassign([], 2)", help="Return how many tasks moved.")
        expect_equal(run_learner(service.reassign, [1, 2], 2, what="called service.reassign("
                                 "[1, 2], 2)", help="Every id exists."), 2,
                     what="service.reassign([1, 2], 2)", help="Return how many tasks moved.")
        session.rollback()  # undoes nothing if the service committed
        expect_equal(_owners(engine), [(1, 2), (2, 2)], what=f"on {engine_label(engine)}, "
                     "(id, owner_id) after service.reassign([1, 2], 2) and a rollback",
                     help="Commit after moving every task.")
