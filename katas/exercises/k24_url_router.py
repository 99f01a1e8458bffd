"""Kata k24: a URL router with path templates.

Every web framework turns ``/tasks/42`` into "the ``get_task`` endpoint with ``id=42``". Doing it
once by hand shows what the framework does for you, and why ``/tasks/abc`` answers 404 rather
than crashing.

Write the class ``Router``:

``add(template, name)``
    Register a route. A template is a path whose segments (between ``/``) are either literal
    text or a parameter in braces: ``{name}`` matches any non-empty segment and gives a
    ``str``; ``{name:int}`` matches a segment of ASCII digits only and gives an ``int``. A
    parameter's name is a Python identifier. ``ValueError`` is raised, naming the problem, for
    any other converter (``{id:uuid}``) and for a segment with a brace that is not one whole
    parameter (``{id``, ``id}``, ``{}``, ``{id}.json``).

``match(path)``
    The first registered route (in the order they were added) that matches the path, as a
    tuple ``(name, params)`` where ``params`` is a dict of the converted parameters; ``None``
    when no route matches. A template matches only a path with the same number of segments, so
    ``/tasks/`` (which ends with an empty segment) does not match ``/tasks``.

Example::

    >>> router = Router()
    >>> router.add("/tasks/{id:int}", "get_task")
    >>> router.add("/users/{username}/tasks", "user_tasks")
    >>> router.match("/tasks/42")
    ('get_task', {'id': 42})
    >>> router.match("/tasks/abc") is None
    True
"""

import re
from typing import Any

Segment = tuple[str, str]  # ("literal", text) or (converter, parameter name)
CONVERTERS = ("str", "int")
PARAMETER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z_]+))?\}")


class Router:
    """Maps paths to route names, trying routes in the order they were added."""

    def __init__(self) -> None:
        # TODO: the routes, each a name with its parsed segments
        raise NotImplementedError

    def add(self, template: str, name: str) -> None:
        """Register ``template`` under ``name``."""
        # TODO: split the template on "/" and parse each segment
        raise NotImplementedError

    def match(self, path: str) -> tuple[str, dict[str, Any]] | None:
        """The first route matching ``path`` and its parameters, or None."""
        # TODO: compare segment by segment, converting parameters as you go
        raise NotImplementedError


# Optional: a helper that matches one route's segments against a path goes here.
