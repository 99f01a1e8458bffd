"""The notebooks in notebooks/ are committed without outputs, so diffs show only what changed.

Run one and its outputs appear; strip them before committing with ``nbstripout notebooks/*.ipynb``
(or ``nbstripout --install`` once, which does it on every ``git add``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS, "notebooks/ has no .ipynb file"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.name for path in NOTEBOOKS])
def test_notebook_is_stripped(notebook: Path) -> None:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    dirty = [
        f"cell {number} ({what})"
        for number, cell in enumerate(cells, start=1)
        if cell.get("cell_type") == "code"
        for what in (["outputs"] if cell.get("outputs") else [])
        + (["execution_count"] if cell.get("execution_count") is not None else [])
    ]
    assert not dirty, (
        f"{notebook.name} has committed outputs: {', '.join(dirty)}; "
        f"strip them with: nbstripout notebooks/{notebook.name}"
    )
