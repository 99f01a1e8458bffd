"""Fixtures for the site tests: the assembled source, the built site, a local server, a browser.

Everything is built once per test session into temporary folders, with the sample progress
file in this folder, so the tests never depend on the learner's own ``.workbook/``. The browser
is Debian's Chromium driven by Playwright; nothing is downloaded at test time, and a page may
load nothing but the site itself: a request to any other host is blocked and fails the test.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from sitegen import SiteSource, assemble_site

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PROGRESS = Path(__file__).parent / "fixtures" / "progress.json"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# The theme draws each Mermaid diagram into a closed shadow root; open them instead, so that
# the tests can look at the drawn SVG.
OPEN_SHADOW_ROOTS = """
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attachShadow.call(this, { ...init, mode: "open" });
};
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder ``site`` so ``-m "not site"`` leaves them out."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.site)


def site_config(source: Path, site: Path, folder: Path) -> Path:
    """A copy of the repository's mkdocs.yml that reads ``source`` and writes ``site``."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key, value in (("docs_dir", source), ("site_dir", site)):
        # Relative to the configuration, as in the repository (Zensical needs that).
        relative = Path(os.path.relpath(value, folder)).as_posix()
        text, count = re.subn(rf"^{key}:.*$", f"{key}: {relative}", text, flags=re.M)
        assert count == 1, f"mkdocs.yml should set {key} exactly once"
    overrides = Path(os.path.relpath(ROOT / "sitegen" / "overrides", folder)).as_posix()
    text, count = re.subn(r"^(\s+custom_dir:).*$", rf"\1 {overrides}", text, flags=re.M)
    assert count == 1, "mkdocs.yml should set theme.custom_dir exactly once"
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


@dataclass(frozen=True)
class Build:
    """One run of a site generator: what it printed and where the site went."""

    returncode: int
    output: str
    site: Path


def run_build(command: list[str], site: Path, cwd: Path) -> Build:
    process = subprocess.run(
        command,
        cwd=cwd,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Build(process.returncode, process.stdout + process.stderr, site)


@pytest.fixture(scope="session")
def site_source(tmp_path_factory: pytest.TempPathFactory) -> SiteSource:
    """The site's source tree, ticked from the sample progress file."""
    output = tmp_path_factory.mktemp("site-src") / "src"
    return assemble_site(ROOT, output, SAMPLE_PROGRESS)


@pytest.fixture(scope="session")
def mkdocs_build(site_source: SiteSource, tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("mkdocs")
    site = folder / "site"
    config = site_config(site_source.output, site, folder)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)]
    return run_build(command, site, folder)


@pytest.fixture(scope="session")
def built_site(mkdocs_build: Build) -> Path:
    """The HTML site; fails every test that needs it when the strict build failed."""
    if mkdocs_build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{mkdocs_build.output}")
    return mkdocs_build.site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 at a free port, for the whole session."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium; missing is a failure under CI and a skip elsewhere."""
    if not CHROMIUM.is_file():
        _unavailable(
            f"{CHROMIUM} is missing: install Debian's Chromium "
            "(apt-get install chromium) to run the browser tests"
        )
    return CHROMIUM


def is_local(url: str) -> bool:
    """Whether loading ``url`` stays on this machine: the local server, a file or inline data."""
    parts = urlsplit(url)
    if parts.scheme in {"file", "data", "blob", "about"}:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname in LOCAL_HOSTS


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@dataclass
class BrowserErrors:
    """Console errors, uncaught exceptions and failed requests seen on the pages visited."""

    messages: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert not self.messages, "the browser reported errors:\n" + "\n".join(self.messages)


@pytest.fixture(scope="package")
def browser_context(
    chromium: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BrowserContext]:
    """A headless Chromium with a fresh profile, shared by the browser tests.

    Package-scoped: Playwright's sync API keeps an event loop running in the main thread
    while it is open, and the tests after this package run event loops of their own."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing: run `uv sync` (it is in the docs group)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(chromium),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        context.add_init_script(OPEN_SHADOW_ROOTS)
        # Nothing may come from the network (a CDN, say): block it; open_page reports it.
        context.route(lambda url: not is_local(url), lambda route: route.abort("blockedbyclient"))
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def open_page(
    browser_context: BrowserContext,
) -> Iterator[Callable[[str], tuple[Page, BrowserErrors]]]:
    """Open a URL in a new tab that records errors and requests that leave the machine; every
    tab is checked and closed after."""
    opened: list[tuple[Page, BrowserErrors]] = []

    def open_url(url: str) -> tuple[Page, BrowserErrors]:
        page = browser_context.new_page()
        errors = BrowserErrors()

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                errors.messages.append(f"console error on {page.url}: {message.text}")

        def on_request(request: Request) -> None:
            if not is_local(request.url):
                errors.messages.append(f"request to a non-local host: {request.url}")

        def on_request_failed(request: Request) -> None:
            # ERR_ABORTED: the page navigated away before the request finished (the search
            # worker still loading its languages, say); not a broken resource.
            if request.failure != "net::ERR_ABORTED":
                errors.messages.append(f"request failed: {request.url} ({request.failure})")

        page.on("console", on_console)
        page.on("request", on_request)
        page.on("pageerror", lambda error: errors.messages.append(f"page error: {error}"))
        page.on("requestfailed", on_request_failed)
        page.goto(url)
        opened.append((page, errors))
        return page, errors

    yield open_url
    for page, _ in opened:
        page.close()
    for _, errors in opened:
        errors.check()
