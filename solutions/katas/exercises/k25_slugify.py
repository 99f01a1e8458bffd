"""Kata k25: slugs from titles, Unicode included.

A blog API turns a post's title into the last part of its URL: ``"Crème Brûlée for Beginners"``
becomes ``/posts/creme-brulee-for-beginners``. Titles come from everywhere, so accents must
become plain letters, and two posts may not share a slug.

Write two functions:

``slugify(title, max_length=50)``
    1. Normalise the title to NFKD with ``unicodedata.normalize``: ``"é"`` becomes ``"e"``
       followed by a combining accent, and ``"ﬁ"`` becomes ``"fi"``.
    2. Drop every character that is not ASCII (the accents go; so does a letter such as
       ``"ß"`` or ``"æ"`` that has no ASCII decomposition), and lower-case the rest.
    3. Replace each run of characters that are not ``a``-``z`` or ``0``-``9`` with one ``-``,
       and strip ``-`` from both ends.
    4. Cut the slug to at most ``max_length`` characters, then strip any ``-`` the cut left at
       the end.

    When nothing is left, raise ``ValueError`` with a message quoting the title.

``unique_slug(slug, taken)``
    ``slug`` itself when it is not in the set ``taken``, otherwise the first of ``slug-2``,
    ``slug-3``, ... that is not taken.

Examples::

    >>> slugify("  Crème Brûlée -- for Beginners! ")
    'creme-brulee-for-beginners'
    >>> unique_slug("hello", {"hello", "hello-2"})
    'hello-3'
"""

import re
import unicodedata


def slugify(title: str, max_length: int = 50) -> str:
    """A URL slug for ``title``: lower-case ASCII letters and digits joined by hyphens."""
    # BEGIN SOLUTION: normalise, drop non-ASCII, collapse the rest into hyphens, then cut
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:max_length].rstrip("-")
    if not slug:
        raise ValueError(f"cannot make a slug from {title!r}")
    return slug
    # END SOLUTION


def unique_slug(slug: str, taken: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``, ...: the first one not in ``taken``."""
    # BEGIN SOLUTION: try the slug, then numbered variants from 2 upwards
    candidate = slug
    number = 2
    while candidate in taken:
        candidate = f"{slug}-{number}"
        number += 1
    return candidate
    # END SOLUTION
