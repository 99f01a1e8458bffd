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
        # BEGIN SOLUTION: the routes, each a name with its parsed segments
        self._routes: list[tuple[str, list[Segment]]] = []
        # END SOLUTION

    def add(self, template: str, name: str) -> None:
        """Register ``template`` under ``name``."""
        # BEGIN SOLUTION: split the template on "/" and parse each segment
        segments: list[Segment] = []
        for part in template.split("/"):
            found = PARAMETER.fullmatch(part)
            if found:
                converter = found.group(2) or "str"
                if converter not in CONVERTERS:
                    raise ValueError(f"unknown converter {converter!r} in {template!r}")
                segments.append((converter, found.group(1)))
            elif "{" in part or "}" in part:
                raise ValueError(f"malformed segment {part!r} in {template!r}")
            else:
                segments.append(("literal", part))
        self._routes.append((name, segments))
        # END SOLUTION

    def match(self, path: str) -> tuple[str, dict[str, Any]] | None:
        """The first route matching ``path`` and its parameters, or None."""
        # BEGIN SOLUTION: compare segment by segment, converting parameters as you go
        parts = path.split("/")
        for name, segments in self._routes:
            params = _match_segments(segments, parts)
            if params is not None:
                return name, params
        return None
        # END SOLUTION


# BEGIN SOLUTION
def _match_segments(segments: list[Segment], parts: list[str]) -> dict[str, Any] | None:
    if len(segments) != len(parts):
        return None
    params: dict[str, Any] = {}
    for (kind, text), part in zip(segments, parts, strict=True):
        if kind == "literal":
            if part != text:
                return None
        elif kind == "int":
            if not part or not all("0" <= char <= "9" for char in part):
                return None
            params[text] = int(part)
        elif not part:
            return None
        else:
            params[text] = part
    return params
# STUB: # Optional: a helper that matches one route's segments against a path goes here.
# END SOLUTION
