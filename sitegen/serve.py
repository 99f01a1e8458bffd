"""``python -m sitegen.serve``: the site on http://127.0.0.1:8000, rebuilt as its sources change.

``mkdocs serve`` watches only the assembled tree (build/site-src), not the lessons, pages and
translations it is assembled from. This runs it beside a watcher of those sources that
assembles the tree again on every save, which ``mkdocs serve`` then picks up and reloads.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

from watchfiles import watch

from sitegen.assemble import assemble_site
from sitegen.sources import SiteError

SOURCES = ("weeks", "docs", "translations", "katas", "sitegen", "capstone/README.md")


def _assemble(root: Path) -> bool:
    try:
        assemble_site(root, None, None)
    except SiteError as error:
        print(f"sitegen: {error}", file=sys.stderr)
        return False
    return True


def _is_source(path: str) -> bool:
    return path.endswith((".md", ".toml", ".py", ".css", ".html", ".js", ".yml"))


def _stop(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen.serve", description=__doc__)
    parser.add_argument("--address", default="127.0.0.1:8000")
    arguments, extra = parser.parse_known_args(argv)
    root = Path.cwd()
    if not _assemble(root):
        return 1
    # `kill` (SIGTERM) ends this process through the clean-up below, so mkdocs stops with it.
    signal.signal(signal.SIGTERM, _stop)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", arguments.address, *extra]
    server = subprocess.Popen(command, env=environment)
    watched = [root / source for source in SOURCES if (root / source).exists()]
    try:
        for changes in watch(*watched, debounce=300, step=50):
            changed = sorted({Path(p).relative_to(root).as_posix() for _, p in changes})
            if any(_is_source(path) for path in changed):
                print(f"sitegen: {', '.join(changed[:3])} changed; assembling the site again")
                _assemble(root)
            if server.poll() is not None:
                return server.returncode
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
