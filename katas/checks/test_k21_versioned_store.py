"""Checks for kata k21: a versioned key-value store."""

from typing import Any

from workbook.checking import Learner, call, expect_call, expect_raises


def _store(learner: Learner) -> Any:
    return call(learner.cls("VersionedStore"), help="VersionedStore() takes no arguments.")


def test_versions_count_up(learner: Learner) -> None:
    """numbers every write from 1, across all keys"""
    store = _store(learner)
    expect_call(store.put, "currency", "EUR", returns=1, help="The first write is version 1.")
    expect_call(store.put, "vat", "21", returns=2,
                help="One counter for the whole store: a write to another key is version 2.")
    expect_call(store.put, "currency", "USD", returns=3, help="Every write adds one.")
    expect_call(store.delete, "vat", returns=4, help="A delete is a write too, with a version.")


def test_reads_current(learner: Learner) -> None:
    """reads the latest value of a key"""
    store = _store(learner)
    call(store.put, "currency", "EUR", help="put writes a value.")
    call(store.put, "currency", "USD", help="put writes a value.")
    expect_call(store.get, "currency", returns="USD",
                help="Without a version, get returns the latest value.")
    expect_raises(KeyError, store.get, "vat", help="A key never written raises KeyError.")


def test_reads_past_versions(learner: Learner) -> None:
    """reads a key as it was at any earlier version"""
    store = _store(learner)
    call(store.put, "currency", "EUR", help="Version 1.")
    call(store.put, "vat", "21", help="Version 2.")
    call(store.put, "currency", "USD", help="Version 3.")
    call(store.put, "vat", "19", help="Version 4.")
    for version, expected in ((1, "EUR"), (2, "EUR"), (3, "USD"), (4, "USD")):
        expect_call(store.get, "currency", version=version, returns=expected,
                    help="The value at a version is the latest write of that key at or before "
                         "the version; bisect_right on the key's versions finds it.")
    expect_raises(KeyError, store.get, "vat", version=1,
                  help="At version 1, vat had not been written yet: KeyError.")
    expect_call(store.get, "vat", version=3, returns="21",
                help="vat was written at version 2 and again only at version 4.")


def test_delete(learner: Learner) -> None:
    """a delete hides the key from that version on, and keeps the past"""
    store = _store(learner)
    call(store.put, "flag", "on", help="Version 1.")
    call(store.delete, "flag", help="Version 2.")
    expect_raises(KeyError, store.get, "flag",
                  help="After a delete, reading the current value raises KeyError.")
    expect_raises(KeyError, store.get, "flag", version=2,
                  help="At the delete's own version the key has no value.")
    expect_call(store.get, "flag", version=1, returns="on",
                help="The past is kept: at version 1 the flag was 'on'.")
    expect_raises(KeyError, store.delete, "flag",
                  help="Deleting a key that has no value now raises KeyError.")
    expect_call(store.put, "flag", "off", returns=3,
                help="A refused delete makes no version; writing again after a delete works.")
    expect_call(store.get, "flag", returns="off", help="The key has a value again.")


def test_refuses_unknown_versions(learner: Learner) -> None:
    """refuses a version below 1 or above the latest"""
    store = _store(learner)
    call(store.put, "a", "1", help="Version 1.")
    call(store.put, "a", "2", help="Version 2.")
    for version in (0, -1, 3, 17):
        expect_raises(ValueError, store.get, "a", version=version, match=str(version),
                      help="Versions go from 1 to the latest one written (2 here); anything "
                           "else is a mistake: raise ValueError.")
    expect_raises(KeyError, store.delete, "never",
                  help="A key never written cannot be deleted.")
