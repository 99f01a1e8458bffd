"""Checks for kata k27: the order to run migrations in."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call, expect_raises, expect_true, show


def _order(learner: Learner) -> Callable[..., Any]:
    return learner.function("migration_order", signature="migration_order(migrations: "
                            "Mapping[str, Sequence[str]]) -> list[str]")


def test_chain(learner: Learner) -> None:
    """puts a chain of migrations after their dependencies"""
    order = _order(learner)
    expect_call(order, {"0003_tasks": ["0002_users"], "0001_init": [],
                        "0002_users": ["0001_init"]},
                returns=["0001_init", "0002_users", "0003_tasks"],
                help="Each migration comes after the one it depends on, whatever the order of "
                     "the dict.")
    expect_call(order, {}, returns=[], help="No migrations: nothing to run.")
    expect_call(order, {"0001_init": []}, returns=["0001_init"],
                help="A migration without dependencies is ready at once.")


def test_ties_by_name(learner: Learner) -> None:
    """breaks ties by name, at every step"""
    order = _order(learner)
    expect_call(order, {"c": [], "a": [], "b": []}, returns=["a", "b", "c"],
                help="When several migrations are ready, take the one whose name sorts first.")
    expect_call(order, {"b2": ["a"], "z": [], "a": ["z"], "b1": ["a"], "c": []},
                returns=["c", "z", "a", "b1", "b2"],
                help="At every step pick the smallest name among those ready now: 'c' before "
                     "'z', and 'a' only once 'z' has run. A heap (heapq) keeps that cheap.")


def test_diamond(learner: Learner) -> None:
    """runs a migration with two dependencies once, after both"""
    order = _order(learner)
    expect_call(order, {"base": [], "left": ["base"], "right": ["base"],
                        "merge": ["right", "left"]},
                returns=["base", "left", "right", "merge"],
                help="'merge' waits for both branches and appears once, after the last of "
                     "them.")
    expect_call(order, {"a": [], "b": ["a", "a"]}, returns=["a", "b"],
                help="A dependency listed twice is still one dependency: 'b' runs once.")


def test_unknown_dependency(learner: Learner) -> None:
    """refuses a dependency that does not exist, naming both migrations"""
    order = _order(learner)
    for name in ("0002_users", "0001_missing"):
        expect_raises(ValueError, order, {"0002_users": ["0001_missing"]}, match=name,
                      help="Name the migration and the dependency it cannot find, e.g. "
                           "'0002_users depends on 0001_missing, which does not exist'.")


def _cycle_message(learner: Learner, migrations: dict[str, list[str]]) -> str:
    error = expect_raises(ValueError, _order(learner), migrations, match="cycle",
                          help="When migrations are left over because they wait for each "
                               "other, raise ValueError that says there is a cycle.")
    return str(error)


def _expect_cycle(learner: Learner, migrations: dict[str, list[str]],
                  edges: tuple[tuple[str, str], ...], help: str) -> None:
    """The message follows every edge of the cycle and names nothing else."""
    message = _cycle_message(learner, migrations)
    in_cycle = {name for edge in edges for name in edge}
    others = set(migrations) - in_cycle
    mentions = sum(message.count(name) for name in in_cycle)
    expect_true(all(f"{a} -> {b}" in message for a, b in edges)
                and mentions == len(in_cycle) + 1
                and not any(name in message for name in others),
                what=f"the cycle error for {show(migrations)}",
                expected="a message such as 'migration cycle: "
                         + " -> ".join([*(a for a, _ in edges), edges[0][0]])
                         + "' (any starting point), naming no other migration",
                actual=repr(message), help=help)


def test_reports_cycle(learner: Learner) -> None:
    """follows a cycle by name, and names none that merely waits for it"""
    migrations = {"0001_init": [], "0002_users": ["0001_init"],
                  "0003_tags": ["0002_users", "0004_labels"], "0004_labels": ["0005_colours"],
                  "0005_colours": ["0003_tags"], "0006_views": ["0005_colours"]}
    _expect_cycle(learner, migrations,
                  (("0003_tags", "0004_labels"), ("0004_labels", "0005_colours"),
                   ("0005_colours", "0003_tags")),
                  help="0006_views only waits for the cycle, and 0001 and 0002 ran. Follow the "
                       "unmet dependencies from a left-over migration until a name repeats; "
                       "the cycle runs from that name's first visit, joined with ' -> '.")


def test_cycle_reached_from_a_waiting_migration(learner: Learner) -> None:
    """leaves out the migrations on the way to a cycle"""
    migrations = {"0001_waits": ["0002_a"], "0002_a": ["0003_b"], "0003_b": ["0002_a"]}
    _expect_cycle(learner, migrations, (("0002_a", "0003_b"), ("0003_b", "0002_a")),
                  help="Starting from 0001_waits, the walk reaches the cycle 0002_a -> 0003_b "
                       "-> 0002_a; 0001_waits is on the way in, not part of the cycle.")


def test_reports_self_cycle(learner: Learner) -> None:
    """reports a migration that depends on itself"""
    _expect_cycle(learner, {"0001_init": [], "0002_loop": ["0002_loop"]},
                  (("0002_loop", "0002_loop"),),
                  help="A migration that depends on itself is the smallest cycle: "
                       "'0002_loop -> 0002_loop'.")
