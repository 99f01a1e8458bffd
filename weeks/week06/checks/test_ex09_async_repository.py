"""Checks for week06/ex09_async_repository: the awaited repository on a database with seven
tasks and three tags, compared by ids and tag names; its pages load their tags in a fixed number
of statements, and a relationship the query did not load is refused, never lazy-loaded."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from workbook.checking import CheckFailure, Learner, expect_equal
from workbook.checking_orm import (
    StatementLog,
    async_seed,
    await_learner,
    await_raises,
    count_statements,
    engine_label,
    engine_names,
    expect_fixed_statements,
    fresh_async_engine,
    learner_metadata,
    loaded_attribute,
    new_async_session,
    run_async,
)
from workbook.checking_sql import names_engines

USERS = [{"id": 1, "email": "ana@example.com"}, {"id": 2, "email": "bruno@example.com"}]
TAGS = [{"id": 1, "name": "urgent"}, {"id": 2, "name": "docs"}, {"id": 3, "name": "api"}]
TASKS = [
    {"id": 1, "owner_id": 1, "title": "Write docs", "done": False, "priority": 3},
    {"id": 2, "owner_id": 1, "title": "Fix login bug", "done": True, "priority": 5},
    {"id": 3, "owner_id": 1, "title": "Review login page", "done": False, "priority": 3},
    {"id": 4, "owner_id": 1, "title": "Ship it", "done": False, "priority": 1},
    {"id": 5, "owner_id": 1, "title": "Reach full coverage", "done": False, "priority": 5},
    {"id": 6, "owner_id": 1, "title": "Deploy", "done": True, "priority": 2},
    {"id": 7, "owner_id": 2, "title": "Write docs", "done": False, "priority": 4},
]
TAGGED = {1: (2, 3), 2: (1, 3), 4: (2,), 5: (1,), 6: (3, 2, 1), 7: (2,)}  # task 3 has none
LINKS = [{"task_id": task, "tag_id": tag} for task, tags in TAGGED.items() for tag in tags]
ORDERED = [2, 5, 1, 3, 6, 4]  # user 1's tasks: priority high to low, then id
NAMES = {1: ["api", "docs"], 2: ["api", "urgent"], 3: [], 4: ["docs"], 5: ["urgent"],
         6: ["api", "docs", "urgent"], 7: ["docs"]}
TAGS_HELP = ("Load the tags with the query: .options(selectinload(Task.tags)); in async code "
             "nothing may be loaded later.")

Scenario = Callable[[AsyncEngine, AsyncSession, Any], Awaitable[None]]


def _on_each_engine(
    learner: Learner,
    scenario: Scenario,
    *,
    tasks: Sequence[Mapping[str, Any]] = TASKS,
    links: Sequence[Mapping[str, Any]] = LINKS,
) -> None:
    """Run ``scenario(engine, session, repository)`` on a seeded database of each engine."""
    metadata = learner_metadata(learner)
    repository = learner.cls("AsyncTaskRepository")
    rows = {"users": USERS, "tags": TAGS, "tasks": tasks, "task_tags": links}
    for name in engine_names():

        async def main(name: str = name) -> None:
            async with fresh_async_engine(name) as engine:
                await async_seed(engine, metadata, rows)
                async with new_async_session(engine) as session:
                    await scenario(engine, session, repository(session))

        run_async(main, what=f"on {name}, the check's calls to AsyncTaskRepository")


def _call(kwargs: Mapping[str, Any]) -> str:
    given = ", ".join(["1", *(f"{key}={value!r}" for key, value in kwargs.items())])
    return f"await repo.list_for_owner({given})"


async def _page(repo: Any, **kwargs: Any) -> list[Any]:
    call = _call(kwargs)
    tasks = await await_learner(repo.list_for_owner, 1, what=f"called {call}",
                                help="Build one select() with a where() per filter given, "
                                "and await session.scalars(...).", **kwargs)
    return list(tasks)


def _tags(task: Any, what: str) -> list[str]:
    tags = loaded_attribute(task, "tags", what=what, help=TAGS_HELP)
    return [tag.name for tag in tags]


async def _ids(repo: Any, **kwargs: Any) -> list[int]:
    return [task.id for task in await _page(repo, **kwargs)]


@names_engines
def test_get(learner: Learner) -> None:
    """gets a task with its tags loaded, and None for an unknown id"""

    async def scenario(_engine: AsyncEngine, _session: AsyncSession, repo: Any) -> None:
        for task_id in (1, 3):
            task = await await_learner(repo.get, task_id, what=f"called await repo.get({task_id})",
                                       help="select(Task).where(Task.id == task_id) with the "
                                       "tags loaded, then one_or_none().")
            expect_equal(getattr(task, "title", None), TASKS[task_id - 1]["title"],
                         what=f"(await repo.get({task_id})).title",
                         help="Return the Task whose id is task_id.")
            expect_equal(_tags(task, f"await repo.get({task_id})"), NAMES[task_id],
                         what=f"the tag names of await repo.get({task_id})",
                         help="The task's tags, sorted by name (Task.tags has order_by).")
        missing = await await_learner(repo.get, 99, what="called await repo.get(99)",
                                      help="An unknown id is not an error.")
        expect_equal(missing, None, what="await repo.get(99)",
                     help="one_or_none() gives None when no row matches.")

    _on_each_engine(learner, scenario)


@names_engines
def test_add_without_commit(learner: Learner) -> None:
    """adds a task with its tags and an id, and a rollback undoes it (no commit)"""
    task_model, tag_model = learner.cls("Task"), learner.cls("Tag")

    async def scenario(engine: AsyncEngine, session: AsyncSession, repo: Any) -> None:
        docs = await session.get(tag_model, 2)
        task = await await_learner(repo.add, task_model(owner_id=2, title="New", tags=[docs]),
                                   what="called await repo.add(Task(owner_id=2, title='New', "
                                   "tags=[<tag docs>]))",
                                   help="Add the task to the session and await the flush.")
        expect_equal(getattr(task, "id", None), 8, what="the id of the task repo.add returned",
                     help="Await session.flush() after add: the database assigns the id then.")
        expect_equal(_tags(task, "the task repo.add returned"), ["docs"],
                     what="the tag names of the task repo.add returned",
                     help="Return the task you were given, with the tags it carries.")
        await session.rollback()
        left = await session.scalar(select(func.count()).select_from(text("tasks")))
        expect_equal(left, 7, what=f"on {engine_label(engine)}, tasks in the table after "
                     "await repo.add(...) then await session.rollback()",
                     help="A repository never commits: the caller owns the transaction.")

    _on_each_engine(learner, scenario)


@names_engines
def test_order_and_tags(learner: Learner) -> None:
    """lists the owner's tasks with their tags, highest priority first, then by id"""

    async def scenario(_engine: AsyncEngine, _session: AsyncSession, repo: Any) -> None:
        tasks = await _page(repo)
        expect_equal([task.id for task in tasks], ORDERED,
                     what="ids of await repo.list_for_owner(1)",
                     help="Filter on owner_id and order by priority descending, then id.")
        expect_equal({task.id: _tags(task, "await repo.list_for_owner(1)") for task in tasks},
                     {task_id: NAMES[task_id] for task_id in ORDERED},
                     what="the tag names of each task of await repo.list_for_owner(1)",
                     help="Every task of the page comes with all its tags, sorted by name.")

    _on_each_engine(learner, scenario)


@names_engines
def test_filters(learner: Learner) -> None:
    """filters by done and by a tag name; an empty tag name keeps every task"""

    async def scenario(_engine: AsyncEngine, _session: AsyncSession, repo: Any) -> None:
        for kwargs, expected, help in (
            ({"done": True}, [2, 6], "done=True keeps the tasks done."),
            ({"done": False}, [5, 1, 3, 4], "done=False keeps the open tasks (not all of them)."),
            ({"tag": "docs"}, [1, 6, 4], "tag='docs' keeps the tasks that carry that tag: "
             "Task.tags.any(Tag.name == tag)."),
            ({"tag": "urgent"}, [2, 5, 6], "Compare the tag's name, not its id."),
            ({"tag": "later"}, [], "A tag that no task carries gives an empty page."),
            ({"tag": ""}, ORDERED, "An empty tag name filters nothing."),
            ({"tag": "docs", "done": False}, [1, 4], "Filters combine: each adds a where()."),
        ):
            expect_equal(await _ids(repo, **kwargs), expected, what=f"ids of {_call(kwargs)}",
                         help=help)
        tasks = await _page(repo, tag="urgent")
        expect_equal({task.id: _tags(task, _call({"tag": "urgent"})) for task in tasks},
                     {2: NAMES[2], 5: NAMES[5], 6: NAMES[6]},
                     what="the tag names of each task of await repo.list_for_owner(1, "
                     "tag='urgent')",
                     help="Filter with Task.tags.any(...): a join that keeps only the matching "
                     "tag would hide the task's other tags.")

    _on_each_engine(learner, scenario)


@names_engines
def test_keyset_pages(learner: Learner) -> None:
    """pages by keyset: each page starts right after the previous page's last task"""

    async def scenario(_engine: AsyncEngine, _session: AsyncSession, repo: Any) -> None:
        pages: list[list[int]] = []
        after = None
        for _ in range(4):
            tasks = await _page(repo, after=after, limit=2)
            pages.append([task.id for task in tasks])
            if tasks:
                after = (tasks[-1].priority, tasks[-1].id)
        expect_equal(pages, [[2, 5], [1, 3], [6, 4], []],
                     what="the ids of four pages of 2, each after the last (priority, id)",
                     help="After (p, id) come lower priorities, and equal priority with a "
                     "higher id: priority < p OR (priority = p AND id > id).")
        expect_equal(await _ids(repo, done=False, after=(3, 1)), [3, 4],
                     what=f"ids of {_call({'done': False, 'after': (3, 1)})}",
                     help="The cursor combines with the other filters.")
        expect_equal(await _ids(repo, tag="docs", after=(5, 5)), [1, 6, 4],
                     what=f"ids of {_call({'tag': 'docs', 'after': (5, 5)})}",
                     help="A cursor before every task of the filter leaves them all.")

    _on_each_engine(learner, scenario)


@names_engines
def test_limit_bounds(learner: Learner) -> None:
    """accepts a limit of 1 and 100 and refuses 0 and 101"""

    async def scenario(_engine: AsyncEngine, _session: AsyncSession, repo: Any) -> None:
        expect_equal(await _ids(repo, limit=1), [2], what=f"ids of {_call({'limit': 1})}",
                     help="limit=1 is allowed.")
        expect_equal(await _ids(repo, limit=100), ORDERED,
                     what=f"ids of {_call({'limit': 100})}",
                     help="limit=100 is allowed (the bound is inclusive).")
        for limit in (0, 101):
            await await_raises(ValueError, repo.list_for_owner, 1, limit=limit,
                               what=f"called {_call({'limit': limit})}",
                               match="limit must be between 1 and 100",
                               help="Check the limit before building the query, with the "
                               "message the docstring gives.")

    _on_each_engine(learner, scenario)


@names_engines
def test_fixed_statements(learner: Learner) -> None:
    """reads a page of tasks and all their tags in a fixed number of statements"""
    logs: dict[int, StatementLog] = {}
    for size in (3, 30):
        tasks = [{"id": i, "owner_id": 1, "title": f"Task {i}", "done": False,
                  "priority": 1 + i % 5} for i in range(1, size + 1)]
        links = [{"task_id": i, "tag_id": tag} for i in range(1, size + 1)
                 for tag in (1, 2, 3)[: i % 4]]

        async def scenario(engine: AsyncEngine, _session: AsyncSession, repo: Any,
                           size: int = size) -> None:
            with count_statements(engine) as log:
                page = await _page(repo, limit=100)
                for task in page:
                    _tags(task, f"await repo.list_for_owner(1, limit=100) with {size} tasks")
            expect_equal(len(page), size, what=f"tasks on the page with {size} tasks",
                         help="limit=100 holds every task of this owner.")
            logs[size] = log

        _on_each_engine(learner, scenario, tasks=tasks, links=links)
        expect_fixed_statements(
            logs, what="await repo.list_for_owner(1, limit=100), then reading each task's tags",
            rows="tasks", most=2,
            help="One SELECT for the page and one for all its tags: selectinload(Task.tags).",
        )


@names_engines
def test_lazy_load_refused(learner: Learner) -> None:
    """refuses to lazy-load a task's tags (lazy="raise")"""
    task_model = learner.cls("Task")

    async def scenario(engine: AsyncEngine, session: AsyncSession, _repo: Any) -> None:
        task: Any = await session.get(task_model, 1)
        with count_statements(engine) as log:
            try:
                tags = [tag.name for tag in task.tags]
            except InvalidRequestError as error:
                if "lazy='raise'" in str(error):
                    return
                raise CheckFailure(
                    f"on {engine_label(engine)}, reading task.tags of a task loaded with "
                    f"await session.get(Task, 1) raised {type(error).__name__}: "
                    f"{str(error).splitlines()[0]}",
                    expected="InvalidRequestError: 'Task.tags' is not available due to "
                    "lazy='raise'",
                    actual=type(error).__name__,
                    help="Without lazy='raise' the relationship tries a lazy load, which async "
                    "code cannot do: give Task.tags lazy='raise' so the mistake says what it is.",
                ) from None
        raise CheckFailure(
            f"on {engine_label(engine)}, reading task.tags of a task loaded with "
            f"await session.get(Task, 1) gave {tags!r} ({log.count} more statement(s))",
            expected="InvalidRequestError: 'Task.tags' is not available due to lazy='raise'",
            actual=f"the tags {tags!r}",
            help="Task.tags must load only when a query asks (lazy='raise'); an eager default "
            "such as lazy='selectin' loads them for every query, needed or not.",
        )

    _on_each_engine(learner, scenario)
