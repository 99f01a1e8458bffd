"""``python -m sitegen``: assemble the site's MkDocs source tree (then run ``mkdocs build``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitegen.assemble import DEFAULT_OUTPUT, assemble_site
from sitegen.progress_source import PROGRESS_ENVIRONMENT_VARIABLE
from sitegen.sources import SiteError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sitegen",
        description="Assemble the roadmap site's source tree from the repository.",
    )
    parser.add_argument("--root", type=Path, default=Path(), help="the repository (default: .)")
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help=f"where to write the tree (default: <root>/{DEFAULT_OUTPUT.as_posix()})",
    )
    parser.add_argument(
        "--progress",
        type=Path,
        default=None,
        help=(
            "the progress file that ticks the checklists "
            f"(default: ${PROGRESS_ENVIRONMENT_VARIABLE}, else <root>/.workbook/progress.json)"
        ),
    )
    arguments = parser.parse_args(argv)
    try:
        site = assemble_site(arguments.root, arguments.output, arguments.progress)
    except SiteError as error:
        print(f"sitegen: {error}", file=sys.stderr)
        return 1
    if site.progress is None:
        ticks = "no progress file found, so nothing is ticked"
    elif site.progress.warning is not None:
        ticks = site.progress.warning
        print(f"sitegen: warning: {ticks}", file=sys.stderr)
    else:
        ticks = f"ticked from {site.progress.source}"
    print(f"sitegen: wrote {len(site.pages)} pages to {site.output} ({ticks})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
