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
        # TODO: copy the flags and start two empty stacks of changes
        raise NotImplementedError

    @property
    def flags(self) -> dict[str, str]:
        """A copy of the current flags."""
        # TODO: return a copy, never the internal dict
        raise NotImplementedError

    def set(self, name: str, value: str) -> None:
        """Set a flag, recording its previous value."""
        # TODO: record a Change (before, after), apply it, forget the redo history
        raise NotImplementedError

    def delete(self, name: str) -> None:
        """Remove a flag (KeyError if it does not exist), recording its value."""
        # TODO: record a change whose after is None (indexing raises the KeyError)
        raise NotImplementedError

    def undo(self) -> None:
        """Revert the latest change; LookupError('nothing to undo') when there is none."""
        # TODO: move the latest change to the undone stack and restore its before
        raise NotImplementedError

    def redo(self) -> None:
        """Apply the latest undone change again; LookupError('nothing to redo') when none."""
        # TODO: the mirror image of undo
        raise NotImplementedError

    # Optional: helpers shared by set, delete, undo and redo go here.
