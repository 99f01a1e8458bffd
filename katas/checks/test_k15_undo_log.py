"""Checks for kata k15: an event log with undo and redo."""

from typing import Any

from workbook.checking import Learner, call, expect_equal, expect_raises


def _editor(learner: Learner, initial: dict[str, str]) -> Any:
    cls = learner.cls("FlagEditor", signature="FlagEditor(initial: dict[str, str])")
    return call(cls, initial, help="FlagEditor(initial) starts from a dict of flags.")


def _flags(editor: Any, after: str) -> Any:
    return call(lambda: editor.flags, help=f"editor.flags after {after} must work.")


def test_set_and_delete(learner: Learner) -> None:
    """sets and deletes flags"""
    editor = _editor(learner, {"beta": "off", "search": "v1"})
    expect_equal(_flags(editor, "creating it"), {"beta": "off", "search": "v1"},
                 what="FlagEditor({'beta': 'off', 'search': 'v1'}).flags",
                 help="The editor starts with the initial flags.")
    call(editor.set, "beta", "on", help="set changes a flag.")
    call(editor.set, "dark_mode", "on", help="set can add a new flag.")
    call(editor.delete, "search", help="delete removes an existing flag.")
    expect_equal(_flags(editor, "set beta, set dark_mode, delete search"),
                 {"beta": "on", "dark_mode": "on"},
                 what="flags after set('beta', 'on'), set('dark_mode', 'on'), delete('search')",
                 help="set stores the value (adding the flag if needed); delete removes it.")
    expect_raises(KeyError, editor.delete, "missing",
                  help="Deleting a flag that does not exist is a mistake: raise KeyError.")


def test_undo_restores_previous(learner: Learner) -> None:
    """undo restores the previous value of a changed flag"""
    editor = _editor(learner, {"beta": "off"})
    call(editor.set, "beta", "on", help="set changes a flag.")
    call(editor.set, "beta", "all", help="set changes a flag.")
    call(editor.undo, help="undo reverts the latest change.")
    expect_equal(_flags(editor, "set twice, undo once"), {"beta": "on"},
                 what="flags after set beta on, set beta all, undo",
                 help="undo puts back the value the flag had before the latest change.")
    call(editor.undo, help="undo reverts the change before that.")
    expect_equal(_flags(editor, "set twice, undo twice"), {"beta": "off"},
                 what="flags after set beta on, set beta all, undo, undo",
                 help="Each undo goes one change further back; keep every change, not only "
                      "the last.")


def test_undo_removes_added_flag(learner: Learner) -> None:
    """undo of a set that created a flag removes it again"""
    editor = _editor(learner, {"beta": "off"})
    call(editor.set, "dark_mode", "on", help="set adds a new flag.")
    call(editor.undo, help="undo reverts the latest change.")
    expect_equal(_flags(editor, "set dark_mode, undo"), {"beta": "off"},
                 what="flags after set('dark_mode', 'on'), undo()",
                 help="dark_mode did not exist before the set, so undoing it must remove it, "
                      "not leave it with some old value such as None.")


def test_undo_restores_deleted_flag(learner: Learner) -> None:
    """undo of a delete brings the flag back with its value"""
    editor = _editor(learner, {"beta": "off", "search": "v2"})
    call(editor.delete, "search", help="delete removes an existing flag.")
    call(editor.undo, help="undo reverts the latest change.")
    expect_equal(_flags(editor, "delete search, undo"), {"beta": "off", "search": "v2"},
                 what="flags after delete('search'), undo()",
                 help="Record the deleted flag's value, so undo can put it back.")


def test_redo(learner: Learner) -> None:
    """redo applies undone changes again, in order"""
    editor = _editor(learner, {})
    call(editor.set, "a", "1", help="set adds a flag.")
    call(editor.set, "a", "2", help="set changes a flag.")
    call(editor.delete, "a", help="delete removes a flag.")
    for _ in range(3):
        call(editor.undo, help="undo reverts changes one by one.")
    expect_equal(_flags(editor, "three changes undone"), {},
                 what="flags after set a 1, set a 2, delete a, then three undos",
                 help="Undoing every change gets back to the initial flags.")
    call(editor.redo, help="redo applies the latest undone change.")
    expect_equal(_flags(editor, "one redo"), {"a": "1"}, what="flags after one redo",
                 help="redo applies again the change undone last, which is the oldest one here.")
    call(editor.redo, help="redo applies the next undone change.")
    call(editor.redo, help="redo applies the next undone change.")
    expect_equal(_flags(editor, "three redos"), {}, what="flags after three redos",
                 help="The last change redone is the delete of 'a'.")
    expect_raises(LookupError, editor.redo, match="nothing to redo",
                  help="Once everything is redone, redo raises LookupError('nothing to redo').")
    call(editor.undo, help="A redone change can be undone again.")
    expect_equal(_flags(editor, "three redos and an undo"), {"a": "2"},
                 what="flags after three redos and one more undo",
                 help="redo puts the change back on the undo history, so the next undo "
                      "reverts it (the delete of 'a') again.")


def test_new_change_clears_redo(learner: Learner) -> None:
    """a new change after an undo empties the redo history"""
    editor = _editor(learner, {"beta": "off"})
    call(editor.set, "beta", "on", help="set changes a flag.")
    call(editor.undo, help="undo reverts the latest change.")
    call(editor.set, "beta", "canary", help="set changes a flag.")
    expect_raises(LookupError, editor.redo, match="nothing to redo",
                  help="After a new change, the undone changes belong to a history that no "
                       "longer exists: clear them whenever a change is recorded.")
    expect_equal(_flags(editor, "set, undo, set, redo"), {"beta": "canary"},
                 what="flags after the refused redo", help="A refused redo changes nothing.")


def test_nothing_to_undo(learner: Learner) -> None:
    """undo and redo with an empty history raise LookupError with a clear message"""
    editor = _editor(learner, {"beta": "off"})
    expect_raises(LookupError, editor.undo, match="nothing to undo",
                  help="With no change recorded, raise LookupError('nothing to undo').")
    expect_raises(LookupError, editor.redo, match="nothing to redo",
                  help="With nothing undone, raise LookupError('nothing to redo').")
    call(editor.set, "beta", "on", help="set changes a flag.")
    call(editor.undo, help="undo reverts the latest change.")
    expect_raises(LookupError, editor.undo, match="nothing to undo",
                  help="After undoing the only change, there is nothing left to undo.")


def test_copies(learner: Learner) -> None:
    """never shares its flags with the caller"""
    initial = {"beta": "off"}
    editor = _editor(learner, initial)
    call(editor.set, "beta", "on", help="set changes a flag.")
    expect_equal(initial, {"beta": "off"}, what="the dict given to FlagEditor after a set",
                 help="Copy the initial dict in __init__: the caller's dict must not change.")
    flags = _flags(editor, "a set")
    flags["beta"] = "hacked"
    expect_equal(_flags(editor, "changing the dict it returned"), {"beta": "on"},
                 what="editor.flags after changing a dict it returned before",
                 help="The flags property returns a copy, so callers cannot change the flags "
                      "without leaving a record.")
