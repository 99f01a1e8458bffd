"""Measure workbook watch: the time from saving an exercise file to its verdict on screen.

    python scripts/bench_watch.py                          # week 01 ex07 and week 04 ex02
    python scripts/bench_watch.py --saves 15 --exercise week01/ex03

For each exercise, on a fresh clone: ``workbook watch <unit> <exercise>`` runs in a child with
no terminal; the script saves the learner's file (alternating the stub and a wrong version, so
every save changes the verdict's input) and times until the watcher prints its "Watching" line
again. It prints the median and, as the baseline in the same run, the median of a one-off
``workbook check <unit> <exercise>`` on the same clone; the ratio is the figure to compare on a
shared machine. Target: save -> verdict <= 0.4 s median.
"""

from __future__ import annotations

import argparse
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 0.4
DEFAULT_EXERCISES = ("week01/ex07", "week04/ex02")


def learner_file(clone: Path, unit: str, exercise: str) -> Path:
    sys.path.insert(0, str(ROOT))
    from workbook.catalog import load_unit

    found = load_unit(clone, unit)
    chosen = found.exercise(exercise)
    return chosen.file_paths(clone, found.directory.relative_to(clone))[0]


def wait_for(child: subprocess.Popen[bytes], needle: bytes, seconds: float) -> float:
    """Read the child's output until a line holds ``needle``; return when it arrived."""
    assert child.stdout is not None
    descriptor = child.stdout.fileno()
    buffer = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([descriptor], [], [], 0.05)
        if not ready:
            continue
        chunk = os.read(descriptor, 65536)
        if not chunk:
            break
        buffer += chunk
        if needle in buffer:
            return time.perf_counter()
    raise RuntimeError(f"the watcher never printed {needle!r}:\n{buffer.decode(errors='replace')}")


def measure(clone: Path, target: str, saves: int) -> tuple[float, float]:
    unit, exercise = target.split("/")
    path = learner_file(clone, unit, exercise)
    stub = path.read_text(encoding="utf-8")
    wrong = stub + "\n\nWRONG = 1  # a change the checks do not care about\n"
    workbook = [sys.executable, "-m", "workbook", "--root", str(clone)]
    checks = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([*workbook, "check", unit, exercise], capture_output=True, check=False)
        checks.append(time.perf_counter() - started)
    child = subprocess.Popen(
        [*workbook, "watch", unit, exercise],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=clone,
    )
    latencies = []
    try:
        wait_for(child, b"Watching", 120)
        for number in range(saves + 1):
            time.sleep(0.3)
            started = time.perf_counter()
            path.write_text(wrong if number % 2 == 0 else stub, encoding="utf-8")
            arrived = wait_for(child, b"Watching", 60)
            if number:  # the first save also pays for warming the file system's caches
                latencies.append(arrived - started)
    finally:
        child.terminate()
        child.wait(timeout=10)
        path.write_text(stub, encoding="utf-8")
    return statistics.median(latencies), statistics.median(checks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=9, help="saves timed per exercise")
    parser.add_argument("--exercise", action="append", help="unit/exercise (repeatable)")
    args = parser.parse_args()
    targets = args.exercise or list(DEFAULT_EXERCISES)
    print(f"{'exercise':<14} {'save -> verdict':>16} {'one-off check':>14} {'ratio':>7}  target")
    with tempfile.TemporaryDirectory(prefix="bench-watch-") as scratch:
        clone = Path(scratch) / "clone"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        for target in targets:
            watch, check = measure(clone, target, args.saves)
            verdict = "ok" if watch <= TARGET_SECONDS else "over"
            print(
                f"{target:<14} {watch:>15.3f}s {check:>13.3f}s {watch / check:>6.2f}x  "
                f"<= {TARGET_SECONDS} s: {verdict}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
