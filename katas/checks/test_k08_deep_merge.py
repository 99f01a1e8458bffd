"""Checks for kata k08: merge nested settings."""

import copy
from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call, expect_equal

SIGNATURE = "deep_merge(base: Settings, override: Settings) -> Settings"


def _deep_merge(learner: Learner) -> Callable[..., Any]:
    return learner.function("deep_merge", signature=SIGNATURE)


def test_top_level_keys(learner: Learner) -> None:
    """keeps keys from both dicts and lets override win on the same key"""
    deep_merge = _deep_merge(learner)
    expect_call(deep_merge, {"debug": False, "port": 8000}, {"port": 9000, "workers": 4},
                returns={"debug": False, "port": 9000, "workers": 4},
                help="Start from every key of base, then apply override: its keys are added "
                     "or replace base's.")
    expect_call(deep_merge, {"debug": True}, {}, returns={"debug": True},
                help="Merging with an empty override changes nothing.")


def test_merges_nested_dicts(learner: Learner) -> None:
    """merges nested dicts instead of replacing them"""
    deep_merge = _deep_merge(learner)
    expect_call(deep_merge,
                {"db": {"host": "localhost", "port": 5432}, "debug": False},
                {"db": {"host": "db.internal"}},
                returns={"db": {"host": "db.internal", "port": 5432}, "debug": False},
                help="When both sides hold a dict under the same key, merge those two dicts "
                     "the same way, so the port from base survives.")


def test_merges_at_any_depth(learner: Learner) -> None:
    """merges three levels deep"""
    deep_merge = _deep_merge(learner)
    base = {"logging": {"handlers": {"console": {"level": "INFO", "colour": True}}}}
    override = {"logging": {"handlers": {"console": {"level": "DEBUG"}, "file": {"path": "a.log"}}}}
    expect_call(deep_merge, base, override,
                returns={"logging": {"handlers": {"console": {"level": "DEBUG", "colour": True},
                                                  "file": {"path": "a.log"}}}},
                help="Nesting can go as deep as it likes. Rather than one loop per level, let "
                     "deep_merge call itself for nested dicts.")


def test_override_replaces_non_dicts(learner: Learner) -> None:
    """replaces lists and values of different types with the override's value"""
    deep_merge = _deep_merge(learner)
    expect_call(deep_merge, {"hosts": ["a", "b"]}, {"hosts": ["c"]}, returns={"hosts": ["c"]},
                help="Only dicts are merged; a list from override replaces the old list.")
    expect_call(deep_merge, {"db": {"host": "x"}}, {"db": "sqlite:///app.db"},
                returns={"db": "sqlite:///app.db"},
                help="If either value is not a dict, override's value wins as it is.")
    expect_call(deep_merge, {"cache": None}, {"cache": {"ttl": 60}},
                returns={"cache": {"ttl": 60}},
                help="None is an ordinary value: a dict from override replaces it.")


def test_does_not_mutate_inputs(learner: Learner) -> None:
    """leaves both arguments exactly as they were"""
    deep_merge = _deep_merge(learner)
    base = {"db": {"host": "localhost", "port": 5432}, "tags": ["api"]}
    override = {"db": {"host": "db.internal", "options": {"ssl": True}}}
    base_before, override_before = copy.deepcopy(base), copy.deepcopy(override)
    expect_call(deep_merge, base, override,
                returns={"db": {"host": "db.internal", "port": 5432, "options": {"ssl": True}},
                         "tags": ["api"]},
                help="Nested dicts are merged key by key, at every depth.")
    expect_equal(base, base_before, what="base after deep_merge(base, override)",
                 help="Never write into base: updating base['db'] in place changes the "
                      "caller's defaults for everyone. Build the result in a copy.")
    expect_equal(override, override_before, what="override after deep_merge(base, override)",
                 help="Read override, never write into it.")


def test_result_shares_nothing(learner: Learner) -> None:
    """returns a result whose nested dicts and lists can change without touching the inputs"""
    deep_merge = _deep_merge(learner)
    base = {"db": {"host": "localhost", "port": 5432}, "tags": ["api"]}
    override = {"cache": {"ttl": 60}}
    merged = expect_call(deep_merge, base, override,
                         returns={"db": {"host": "localhost", "port": 5432}, "tags": ["api"],
                                  "cache": {"ttl": 60}},
                         help="Keys found on one side only keep their value.")
    merged["db"]["port"] = 6543
    merged["tags"].append("admin")
    merged["cache"]["ttl"] = 1
    expect_equal(base, {"db": {"host": "localhost", "port": 5432}, "tags": ["api"]},
                 what="base after changing merged['db'] and merged['tags']",
                 help="dict(base) or base.copy() copies only the outer dict: the inner dicts "
                      "and lists are still shared. copy.deepcopy copies them too.")
    expect_equal(override, {"cache": {"ttl": 60}},
                 what="override after changing merged['cache']",
                 help="Values taken from override need copying as well, not only those from "
                      "base.")
