"""Measure how fast a learner gets a verdict; print medians and ratios against a baseline.

    python scripts/bench_check.py                       # week 01, warm runs (about a minute)
    python scripts/bench_check.py --unit week04         # a FastAPI week
    python scripts/bench_check.py --fresh 3             # also time first runs on fresh clones

Figures (median wall time over several runs):
  baseline   python -c "import pytest": the floor any pytest-based check pays
  check      workbook check <unit> in a ready environment, stubs untouched
  solved     the same on a copy with every solution in place
  nox        nox -s week01 with its environment reused                      (target <= 3 s)
  fresh      nox -s week01 on a fresh clone, package cache warm             (target <= 30 s)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"nox": 3.0, "fresh": 30.0}  # seconds
# Ratios to the baseline for a check: what the engine may add to the floor pytest itself costs.
RATIO_TARGETS = {"check": 2.0, "solved": 2.0}
WEB_UNITS = {"week04", "week06", "week07", "week08", "week09", "week10", "week11", "week12"}
WEB_RATIO_TARGETS = {"check": 2.5, "solved": 2.5}  # the checks import FastAPI


# As on a learner's machine, Python may cache bytecode: a container's PYTHONDONTWRITEBYTECODE
# would make every run (the baseline too) compile the engine and the checkers again.
LEARNER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(
        command,
        cwd=cwd,
        env=LEARNER_ENV if env is None else env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - started


def median_of(
    runs: int, command: Sequence[str], cwd: Path, warmup: int = 1
) -> tuple[float, list[float]]:
    for _ in range(warmup):
        timed(command, cwd)
    samples = [timed(command, cwd) for _ in range(runs)]
    return statistics.median(samples), samples


def solved_copy(scratch: Path, unit: str) -> Path:
    """A clone of the repository with the unit's solutions copied over its stubs."""
    clone = scratch / "solved"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    folder = Path("weeks") / unit if unit.startswith("week") else Path(unit)
    shutil.copytree(
        clone / "solutions" / folder / "exercises", clone / folder / "exercises", dirs_exist_ok=True
    )
    return clone


def fresh_clone_runs(runs: int, unit: str) -> list[float]:
    samples = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="workbook-bench-") as scratch:
            clone = Path(scratch) / "clone"
            subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
            env = {**LEARNER_ENV, "NOX_DEFAULT_VENV_BACKEND": ""}
            samples.append(timed(["nox", "-s", unit], clone, env))
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--unit", default="week01")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per warm measurement")
    parser.add_argument("--fresh", type=int, default=0, help="fresh-clone runs (0 to skip)")
    args = parser.parse_args()

    workbook = shutil.which("workbook") or str(Path(sys.executable).parent / "workbook")
    rows: list[tuple[str, float, list[float]]] = []
    baseline, samples = median_of(args.runs, [sys.executable, "-c", "import pytest"], ROOT)
    rows.append(("baseline", baseline, samples))
    if args.unit in WEB_UNITS:  # the floor of a check that imports FastAPI, for comparison
        web = [sys.executable, "-c", "import pytest, fastapi, fastapi.testclient"]
        rows.append(("web floor", *median_of(args.runs, web, ROOT)))
    rows.append(("check", *median_of(args.runs, [workbook, "check", args.unit], ROOT)))
    with tempfile.TemporaryDirectory(prefix="workbook-bench-") as scratch:
        solved = solved_copy(Path(scratch), args.unit)
        command = [workbook, "--root", str(solved), "check", args.unit]
        rows.append(("solved", *median_of(args.runs, command, solved)))
    if shutil.which("nox"):
        rows.append(("nox", *median_of(max(3, args.runs // 2), ["nox", "-s", args.unit], ROOT)))
    if args.fresh:
        samples = fresh_clone_runs(args.fresh, args.unit)
        rows.append(("fresh", statistics.median(samples), samples))

    ratio_targets = WEB_RATIO_TARGETS if args.unit in WEB_UNITS else RATIO_TARGETS
    print(f"{args.unit} on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    header = f"{'measure':<10}{'median':>9}{'target':>9}{'x baseline':>12}{'ratio target':>14}"
    print(f"{header}   samples (s)")
    for name, median, samples in rows:
        target = f"{TARGETS[name]:.1f} s" if name in TARGETS else "-"
        ratio = f"{median / baseline:.2f}x"
        wanted = f"<= {ratio_targets[name]:.1f}x" if name in ratio_targets else "-"
        shown = " ".join(f"{s:.2f}" for s in samples)
        print(f"{name:<10}{median:>7.2f} s{target:>9}{ratio:>12}{wanted:>14}   {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
