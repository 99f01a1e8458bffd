"""``nox -s docs -- serve`` rebuilds the site when a lesson is saved."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE_SOURCES = (
    "README.md",
    "weeks",
    "docs",
    "katas",
    "sitegen",
    "translations",
    "mkdocs.yml",
    "capstone",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _page(url)
        if page is not None and needle in page:
            return True
        time.sleep(0.5)
    return False


@pytest.mark.site
@pytest.mark.slow
def test_saving_a_lesson_rebuilds_the_served_site(tmp_path: Path) -> None:
    for name in SITE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns(".venv"))
        elif source.is_file():
            shutil.copy2(source, tmp_path / name)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sitegen.serve", "--address", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={"PYTHONPATH": str(ROOT), "PATH": str(Path(sys.executable).parent)},
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/weeks/week01.html"
    try:
        assert _wait_for(url, "</html>", 180), "the site was never served"
        lesson = tmp_path / "weeks" / "week01" / "README.md"
        marker = "A sentence added while the site was being served."
        lesson.write_text(lesson.read_text(encoding="utf-8") + f"\n\n{marker}\n")
        assert _wait_for(url, marker, 120), "saving the lesson did not rebuild the page"
    finally:
        server.terminate()
        server.wait(timeout=20)
        assert not _alive_in_group(server.pid), "mkdocs outlived the server that started it"


def _alive_in_group(group: int) -> bool:
    """Whether a process of ``group`` is still running (then it is killed)."""
    try:
        os.killpg(group, signal.SIGKILL)
    except ProcessLookupError:
        return False
    return True
