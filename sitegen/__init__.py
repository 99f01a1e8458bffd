"""Assemble the roadmap site's MkDocs source tree from the repository.

The site is built from what the repository already holds: the hand-written pages in ``docs/``,
each week's ``README.md``, the katas' ``README.md``, the metadata read by
``workbook.catalog.load_catalog`` and, when there is one, the learner's
``.workbook/progress.json``; the Portuguese edition under ``pt-BR/`` also reads
``translations/pt-BR/``. ``python -m sitegen`` writes the tree to ``build/site-src`` and
``mkdocs build`` (or ``zensical build``) turns it into HTML. docs/maintainers/the-site.md
explains where each page comes from.
"""

from __future__ import annotations

from sitegen.assemble import DEFAULT_OUTPUT, SiteSource, assemble_site

__all__ = ["DEFAULT_OUTPUT", "SiteSource", "assemble_site"]
