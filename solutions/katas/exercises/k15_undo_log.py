"""Kata k15: an event log with undo and redo.

An admin screen edits a service's feature flags. Every change is recorded as an event, so that
an operator can undo a bad change (and redo it after all). The trick is to remember what was
there *before* each change, including "nothing was there".

Write the class ``FlagEditor``:

``FlagEditor(initial)``
    Starts from a copy of the ``initial`` dict (flag name to ``str`` value); the caller's dict
    is never changed.

``set(name, value)`` and ``delete(name)``
    Change a flag and record the change. ``delete`` of a flag that does not exist raises
    ``KeyError``. Any new change empties the redo history.

``undo()`` and ``redo()``
    Revert the latest change that is not undone yet, or apply again the latest undone one.
    Undoing a ``set`` of a flag that did not exist before removes it again. With nothing to
    undo (or redo) they raise ``LookupError`` with the message ``"nothing to undo"`` (or
    ``"nothing to redo"``).

``flags``
    A property: a copy of the current flags as a dict.

Example::

    >>> editor = FlagEditor({"beta": "off"})
    >>> editor.set("beta", "on"); editor.set("dark_mode", "on")
    >>> editor.undo(); editor.flags
    {'beta': 'on'}
    >>> editor.undo(); editor.flags
    {'beta': 'off'}
    >>> editor.redo(); editor.flags
    {'beta': 'on'}
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """One recorded change: the flag's value before and after (``None``: it did not exist)."""

    name: str
    before: str | None
    after: str | None


class FlagEditor:
    """Feature flags with an undoable history of changes."""

    def __init__(self, initial: dict[str, str]) -> None:
        # BEGIN SOLUTION: copy the flags and start two empty stacks of changes
        self._flags = dict(initial)
        self._done: list[Change] = []
        self._undone: list[Change] = []
        # END SOLUTION

    @property
    def flags(self) -> dict[str, str]:
        """A copy of the current flags."""
        # BEGIN SOLUTION: return a copy, never the internal dict
        return dict(self._flags)
        # END SOLUTION

    def set(self, name: str, value: str) -> None:
        """Set a flag, recording its previous value."""
        # BEGIN SOLUTION: record a Change (before, after), apply it, forget the redo history
        self._record(Change(name, self._flags.get(name), value))
        # END SOLUTION

    def delete(self, name: str) -> None:
        """Remove a flag (KeyError if it does not exist), recording its value."""
        # BEGIN SOLUTION: record a change whose after is None (indexing raises the KeyError)
        self._record(Change(name, self._flags[name], None))
        # END SOLUTION

    def undo(self) -> None:
        """Revert the latest change; LookupError('nothing to undo') when there is none."""
        # BEGIN SOLUTION: move the latest change to the undone stack and restore its before
        if not self._done:
            raise LookupError("nothing to undo")
        change = self._done.pop()
        self._apply(change.name, change.before)
        self._undone.append(change)
        # END SOLUTION

    def redo(self) -> None:
        """Apply the latest undone change again; LookupError('nothing to redo') when none."""
        # BEGIN SOLUTION: the mirror image of undo
        if not self._undone:
            raise LookupError("nothing to redo")
        change = self._undone.pop()
        self._apply(change.name, change.after)
        self._done.append(change)
        # END SOLUTION

    # BEGIN SOLUTION
    def _record(self, change: Change) -> None:
        self._apply(change.name, change.after)
        self._done.append(change)
        self._undone.clear()

    def _apply(self, name: str, value: str | None) -> None:
        if value is None:
            self._flags.pop(name, None)
        else:
            self._flags[name] = value
    # STUB: # Optional: helpers shared by set, delete, undo and redo go here.
    # END SOLUTION
