"""Kata k27: the order to run migrations in.

Each database migration names the migrations it depends on, the way Alembic's
``down_revision`` does. Before running them, a tool must put them in an order where every
migration comes after all of its dependencies, and refuse, with a useful message, when the
dependencies go round in a circle.

Write ``migration_order(migrations)``. ``migrations`` maps each migration's name to the list of
names it depends on. It returns every name once, dependencies first. When several migrations
are ready at the same time, the one whose name sorts first goes first, so the order is the same
on every machine.

Errors (``ValueError``):

- a dependency that is not in ``migrations``: the message names the migration and the missing
  dependency;
- a cycle (a migration that depends, directly or through others, on itself): the message
  follows the cycle, each migration followed by `` -> `` and one it depends on, naming each
  migration of the cycle once and the first one again to close it, e.g. ``"migration cycle:
  0003_tags -> 0004_labels -> 0003_tags"``. It names no migration that is merely waiting for
  the cycle.

Example::

    >>> migration_order({"0002_users": ["0001_init"], "0001_init": [],
    ...                  "0003_tasks": ["0001_init", "0002_users"]})
    ['0001_init', '0002_users', '0003_tasks']
"""

import heapq
from collections.abc import Mapping, Sequence


def migration_order(migrations: Mapping[str, Sequence[str]]) -> list[str]:
    """Every migration once, each after its dependencies (ties broken by name)."""
    # BEGIN SOLUTION: Kahn's algorithm with a heap; what is left at the end holds a cycle
    waiting_on: dict[str, set[str]] = {}
    dependents: dict[str, list[str]] = {name: [] for name in migrations}
    for name, depends_on in migrations.items():
        for dependency in dict.fromkeys(depends_on):
            if dependency not in migrations:
                raise ValueError(f"{name} depends on {dependency}, which does not exist")
            dependents[dependency].append(name)
        waiting_on[name] = set(depends_on)
    ready = [name for name, deps in waiting_on.items() if not deps]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        name = heapq.heappop(ready)
        order.append(name)
        for dependent in dependents[name]:
            waiting_on[dependent].discard(name)
            if not waiting_on[dependent]:
                heapq.heappush(ready, dependent)
    if len(order) < len(migrations):
        raise ValueError("migration cycle: " + " -> ".join(_find_cycle(waiting_on)))
    return order
    # END SOLUTION


# BEGIN SOLUTION
def _find_cycle(waiting_on: dict[str, set[str]]) -> list[str]:
    """Follow unmet dependencies from a stuck migration until a name repeats."""
    path = [min(name for name, deps in waiting_on.items() if deps)]
    while path[-1] not in path[:-1]:
        path.append(min(waiting_on[path[-1]]))
    return path[path.index(path[-1]):]
# STUB: # Optional: a helper that finds the cycle among the migrations left over goes here.
# END SOLUTION
