"""Checks for kata k25: slugs from titles, Unicode included."""

from collections.abc import Callable
from typing import Any

from workbook.checking import Learner, expect_call, expect_raises


def _slugify(learner: Learner) -> Callable[..., Any]:
    return learner.function("slugify", signature="slugify(title: str, max_length: int = 50) -> str")


def _unique(learner: Learner) -> Callable[..., Any]:
    return learner.function("unique_slug", signature="unique_slug(slug: str, taken: set[str]) "
                                                     "-> str")


def test_ascii_titles(learner: Learner) -> None:
    """lower-cases words and joins them with single hyphens"""
    slugify = _slugify(learner)
    for title, slug in (("Hello World", "hello-world"),
                        ("  FastAPI:  10 Tips & Tricks!! ", "fastapi-10-tips-tricks"),
                        ("snake_case and kebab-case", "snake-case-and-kebab-case"),
                        ("2024", "2024")):
        expect_call(slugify, title, returns=slug,
                    help="Every run of characters other than a-z and 0-9 becomes one '-', and "
                         "'-' is stripped from both ends.")


def test_accents(learner: Learner) -> None:
    """turns accented letters into plain ones"""
    slugify = _slugify(learner)
    for title, slug in (("Crème Brûlée", "creme-brulee"), ("São Paulo", "sao-paulo"),
                        ("Ærøskøbing Straße", "rskbing-strae"),
                        ("\uff26\uff55\uff4c\uff4c \uff57\uff49\uff44\uff54\uff48", "full-width"),
                        ("ﬁnal oﬀer", "final-offer")):
        expect_call(slugify, title, returns=slug,
                    help="unicodedata.normalize('NFKD', ...) splits 'é' into 'e' plus an accent "
                         "and turns 'ﬁ' and full-width letters into plain ones; then drop what "
                         "is not ASCII (a letter such as 'ø' or 'ß' simply disappears).")


def test_max_length(learner: Learner) -> None:
    """cuts the slug to max_length without a trailing hyphen"""
    slugify = _slugify(learner)
    expect_call(slugify, "hello world", max_length=11, returns="hello-world",
                help="A slug exactly max_length long is kept whole.")
    expect_call(slugify, "hello world", max_length=10, returns="hello-worl",
                help="Cut to max_length characters.")
    expect_call(slugify, "hello world", max_length=6, returns="hello",
                help="The cut can end on a hyphen ('hello-'): strip it after cutting.")
    expect_call(slugify, "a" * 60, returns="a" * 50,
                help="max_length is 50 unless the caller says otherwise.")


def test_nothing_left(learner: Learner) -> None:
    """refuses a title that leaves no slug, quoting it"""
    slugify = _slugify(learner)
    for title in ("", "!!!", "日本語", " - "):
        expect_raises(ValueError, slugify, title, match=repr(title),
                      help="When nothing is left, raise ValueError and quote the title "
                           "({title!r}) so the editor knows which post needs a slug by hand.")


def test_unique_slug(learner: Learner) -> None:
    """adds -2, -3, ... until the slug is free"""
    unique_slug = _unique(learner)
    expect_call(unique_slug, "hello", set(), returns="hello",
                help="A slug nobody has taken is used as it is.")
    expect_call(unique_slug, "hello", {"hello-2", "other"}, returns="hello",
                help="Only the slug itself needs to be free.")
    expect_call(unique_slug, "hello", {"hello"}, returns="hello-2",
                help="The first numbered variant is -2 (the original counts as the first).")
    expect_call(unique_slug, "hello", {"hello", "hello-2"}, returns="hello-3",
                help="After -2 comes -3: count up one at a time.")
    expect_call(unique_slug, "hello", {"hello", "hello-2", "hello-3"}, returns="hello-4",
                help="Keep counting up until a variant is free; always add the number to the "
                     "original slug, not to the last variant ('hello-2-3').")
