"""Kata k18: a state machine for task status.

In a task tracker a task cannot jump from any status to any other: a finished task is not
"blocked", and a cancelled one must be reopened before work starts again. Putting the rules in
one table, instead of ``if`` statements scattered over the endpoints, keeps them in one place.

The allowed moves:

============  ==========================================
from          to
============  ==========================================
todo          in_progress, cancelled
in_progress   todo, blocked, done, cancelled
blocked       in_progress, cancelled
done          (nothing: a finished task stays finished)
cancelled     todo
============  ==========================================

Moving to the status a task already has is not a move, and is refused too.

1. Fill in ``ALLOWED``, which maps each ``Status`` to the frozenset of statuses it may move to
   (every status is a key, ``done`` with an empty set).
2. Write the class ``Task``: ``Task(title)`` starts in ``todo``; ``task.title`` is its title
   and ``task.status`` its status; ``task.move_to(status)`` changes it, or raises
   ``InvalidTransition`` (the status is left as it was) with a message naming both statuses
   by value, e.g. ``"cannot move a task from done to todo"``; ``task.history`` is a list of
   every status the task has had, oldest first, starting with ``todo``.

Example::

    >>> task = Task("Write the release notes")
    >>> task.move_to(Status.IN_PROGRESS); task.move_to(Status.DONE)
    >>> task.history
    [<Status.TODO: 'todo'>, <Status.IN_PROGRESS: 'in_progress'>, <Status.DONE: 'done'>]
"""

from enum import Enum


class Status(Enum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"
    CANCELLED = "cancelled"


class InvalidTransition(Exception):
    """A task was asked to move to a status the rules do not allow from its current one."""


# BEGIN SOLUTION: the table of allowed moves, one entry per status
ALLOWED: dict[Status, frozenset[Status]] = {
    Status.TODO: frozenset({Status.IN_PROGRESS, Status.CANCELLED}),
    Status.IN_PROGRESS: frozenset({Status.TODO, Status.BLOCKED, Status.DONE, Status.CANCELLED}),
    Status.BLOCKED: frozenset({Status.IN_PROGRESS, Status.CANCELLED}),
    Status.DONE: frozenset(),
    Status.CANCELLED: frozenset({Status.TODO}),
}
# STUB: # TODO: one entry per status, mapping it to the frozenset of statuses it may move to
# STUB: ALLOWED: dict[Status, frozenset[Status]] = {}
# END SOLUTION


class Task:
    """A task whose status only changes along the moves in ``ALLOWED``."""

    def __init__(self, title: str) -> None:
        # BEGIN SOLUTION: start in TODO with a one-item history
        self.title = title
        self.history: list[Status] = [Status.TODO]
        # END SOLUTION

    @property
    def status(self) -> Status:
        """The current status."""
        # BEGIN SOLUTION: the last status in the history
        return self.history[-1]
        # END SOLUTION

    def move_to(self, status: Status) -> None:
        """Move to ``status``, or raise InvalidTransition if the rules do not allow it."""
        # BEGIN SOLUTION: look the move up in ALLOWED before changing anything
        if status not in ALLOWED[self.status]:
            raise InvalidTransition(
                f"cannot move a task from {self.status.value} to {status.value}"
            )
        self.history.append(status)
        # END SOLUTION
