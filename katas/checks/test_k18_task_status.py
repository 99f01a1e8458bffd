"""Checks for kata k18: a state machine for task status."""

from typing import Any

from workbook.checking import Learner, call, expect_equal, expect_raises

MOVES = {
    "todo": {"in_progress", "cancelled"},
    "in_progress": {"todo", "blocked", "done", "cancelled"},
    "blocked": {"in_progress", "cancelled"},
    "done": set(),
    "cancelled": {"todo"},
}
PATHS = {
    "todo": [],
    "in_progress": ["in_progress"],
    "blocked": ["in_progress", "blocked"],
    "done": ["in_progress", "done"],
    "cancelled": ["cancelled"],
}


def _task_in(learner: Learner, status: str) -> Any:
    """A new task moved along allowed moves until it has ``status``."""
    status_type = learner.cls("Status")
    task = call(learner.cls("Task", signature="Task(title: str)"), "Ship it",
                help="Task(title) creates a task in todo.")
    for step in PATHS[status]:
        call(task.move_to, status_type(step), help=f"The move to {step} is allowed here.")
    return task


def test_table(learner: Learner) -> None:
    """ALLOWED lists the allowed moves of every status"""
    allowed = learner.attribute("ALLOWED", kind="dict")
    found = {getattr(key, "value", key): {getattr(s, "value", s) for s in value}
             for key, value in dict(allowed).items()}
    if not found:
        raise NotImplementedError("ALLOWED is still empty")
    expect_equal(found, MOVES, what="ALLOWED, written with status values",
                 help="Every status is a key (done maps to an empty frozenset), and each maps to "
                      "exactly the statuses in the table.")


def test_starts_in_todo(learner: Learner) -> None:
    """a new task starts in todo with a one-status history"""
    task = _task_in(learner, "todo")
    status_type = learner.cls("Status")
    expect_equal(task.status, status_type.TODO, what="Task('Ship it').status",
                 help="A new task starts in Status.TODO.")
    expect_equal(task.history, [status_type.TODO], what="Task('Ship it').history",
                 help="The history starts with the first status, todo.")
    expect_equal(getattr(task, "title", None), "Ship it", what="Task('Ship it').title",
                 help="Keep the title on the task: self.title = title.")


def test_allowed_moves(learner: Learner) -> None:
    """makes every allowed move and records it"""
    status_type = learner.cls("Status")
    for start, targets in MOVES.items():
        for target in sorted(targets):
            task = _task_in(learner, start)
            call(task.move_to, status_type(target),
                 help=f"The move from {start} to {target} is in the table, so it is allowed.")
            expect_equal(task.status, status_type(target),
                         what=f"status after moving from {start} to {target}",
                         help="move_to changes the status when the move is allowed.")
            expect_equal([s.value for s in task.history], ["todo", *PATHS[start], target],
                         what=f"history (values) after moving from {start} to {target}",
                         help="Every status the task has had is appended to the history.")


def test_refuses_other_moves(learner: Learner) -> None:
    """refuses every move outside the table, naming both statuses, and changes nothing"""
    status_type = learner.cls("Status")
    invalid = learner.cls("InvalidTransition")
    for start, targets in MOVES.items():
        for target in sorted(set(MOVES) - targets):
            task = _task_in(learner, start)
            before = [s.value for s in task.history]
            expect_raises(invalid, task.move_to, status_type(target),
                          match=f"from {start} to {target}",
                          help="A move that is not in the table raises InvalidTransition with "
                               "a message such as 'cannot move a task from done to todo' (a "
                               "status to itself is not a move either).")
            expect_equal([s.value for s in task.history], before,
                         what=f"history (values) after the refused move {start} -> {target}",
                         help="Check the move before changing anything: a refused move leaves "
                              "the task as it was.")
