"""Rewrite relative links of Markdown that moves from the repository into the site.

A lesson at ``weeks/week03/README.md`` becomes the page ``weeks/week03.md``. Its links to
other pages of the site are pointed at their new place; links to files that are not pages
(``exercises/ex01.py``, ``checks/``) become the file's repository path as code text, because
the site does not contain those files. Images are copied along. Links inside code are left
alone, and so are links with a scheme (``https:``, ``mailto:``) and anchors on the same page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\]\n]*)\]"
    r"\(\s*<?(?P<target>[^)\s>]+)>?(?P<title>\s+\"[^\"]*\")?\s*\)"
)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}


@dataclass
class LinkRewriter:
    """Knows where each repository file lives in the site, and which images to copy."""

    root: Path
    site_pages: Mapping[str, str]
    assets: dict[str, str] = field(default_factory=dict)

    def rewrite(self, markdown: str, source: str, page: str) -> str:
        """Rewrite ``markdown`` read from repository path ``source`` for the site path ``page``."""
        lines: list[str] = []
        fence: str | None = None
        for line in markdown.splitlines(keepends=True):
            match = _FENCE.match(line)
            if fence is None and match:
                fence = match.group(1)[0] * 3
            elif fence is not None:
                if line.strip().startswith(fence):
                    fence = None
            else:
                lines.append(self._rewrite_line(line, source, page))
                continue
            lines.append(line)
        return "".join(lines)

    def _rewrite_line(self, line: str, source: str, page: str) -> str:
        code = [span.span() for span in _CODE_SPAN.finditer(line)]

        def replace(match: re.Match[str]) -> str:
            if any(start <= match.start() < end for start, end in code):
                return match.group(0)
            return self._rewrite_link(match, source, page)

        return _LINK.sub(replace, line)

    def _rewrite_link(self, match: re.Match[str], source: str, page: str) -> str:
        target = match.group("target")
        if target.startswith(("#", "//")) or _SCHEME.match(target):
            return match.group(0)
        path, hash_mark, fragment = target.partition("#")
        path = path.partition("?")[0]
        anchor = f"#{fragment}" if hash_mark else ""
        if path.startswith("/"):
            resolved = posixpath.normpath(path.lstrip("/"))
        else:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        if resolved == ".." or resolved.startswith("../"):
            return _as_code(match.group("text"), path)
        site_path = self._site_path(resolved)
        if site_path is not None:
            relative = posixpath.relpath(site_path, posixpath.dirname(page) or ".")
            title = match.group("title") or ""
            return f"{match.group('bang')}[{match.group('text')}]({relative}{anchor}{title})"
        return _as_code(match.group("text"), resolved + ("/" if self._is_dir(resolved) else ""))

    def _site_path(self, resolved: str) -> str | None:
        if resolved in self.site_pages:
            return self.site_pages[resolved]
        readme = posixpath.join(resolved, "README.md") if resolved != "." else "README.md"
        if self._is_dir(resolved) and readme in self.site_pages:
            return self.site_pages[readme]
        file = self.root / resolved
        if file.suffix.lower() in _IMAGE_SUFFIXES and file.is_file():
            return self.assets.setdefault(resolved, f"assets/repository/{resolved}")
        return None

    def _is_dir(self, resolved: str) -> bool:
        return (self.root / resolved).is_dir()


def _as_code(text: str, path: str) -> str:
    """``[the stub](exercises/ex01.py)`` -> ``the stub (`weeks/week01/exercises/ex01.py`)``."""
    plain = text.strip().strip("`")
    if not plain or plain in (path, path.rstrip("/"), posixpath.basename(path.rstrip("/"))):
        return f"`{path}`"
    return f"{text} (`{path}`)"
