"""Fixtures for the browser tests: `briefing serve` as a subprocess, and a page's live-reload client
(the browser and page fixtures are tests/conftest.py's)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from webtools import free_port

START_TIMEOUT = 30.0


class Served:
    """A running `python -m briefing serve`, its output read as it comes."""

    def __init__(self, root: Path, *args: str) -> None:
        self.root = root
        env = {**os.environ, "PYTHONWARNINGS": "ignore", "PYTHONUNBUFFERED": "1"}
        self.command = [sys.executable, "-m", "briefing", "serve", "--site", str(root), *args]
        self.process = subprocess.Popen(
            self.command,
            cwd=root,
            env=env,
            text=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        self._lines: list[tuple[str, str]] = []
        self._changed = threading.Condition()
        self._readers = [
            threading.Thread(target=self._read, args=(name, stream), daemon=True)
            for name, stream in (("out", self.process.stdout), ("err", self.process.stderr))
        ]
        for reader in self._readers:
            reader.start()
        self.url = ""

    def _read(self, name: str, stream) -> None:
        for line in stream:
            with self._changed:
                self._lines.append((name, line.rstrip("\n")))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def output(self, stream: str | None = None) -> str:
        with self._changed:
            return "\n".join(line for name, line in self._lines if stream in (None, name))

    def wait_for_line(
        self, pattern: str, timeout: float = 10.0, stream: str | None = None, after: int = 0
    ) -> re.Match:
        """The first line (from the `after`-th on) matching `pattern`; fails with all output on timeout."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for name, line in self._lines[after:]:
                    if stream in (None, name) and (found := regex.search(line)):
                        return found
                left = deadline - time.monotonic()
                finished = self.process.poll() is not None and not any(r.is_alive() for r in self._readers)
                if left <= 0 or finished:
                    break
                self._changed.wait(min(left, 0.2))
        pytest.fail(
            f"no line matching {pattern!r} within {timeout} s from {' '.join(self.command)}"
            f" (exit status {self.process.poll()}); its output:\n{self.output()}"
        )

    def mark(self) -> int:
        """A position in the output, for wait_for_line(after=...)."""
        with self._changed:
            return len(self._lines)

    def start(self) -> str:
        """Wait for "serving URL", for that URL to answer and for the watcher to settle; returns the URL."""
        self.url = self.wait_for_line(r"serving (http://\S+)", timeout=START_TIMEOUT, stream="out").group(1)
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(self.url, timeout=2) as response:
                    if response.status == 200:
                        return self.url
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
            time.sleep(0.05)

    def settle(self) -> None:
        """Get past livereload's start-up reload before a test opens a page.

        livereload queues one "reload every page" at start (for browsers left open across a
        restart) and sends it at its first poll if a page is connected by then: a page opened
        in that first instant reloads once more, by itself. The queued reload is consumed by
        the first poll, and a change is only seen from the second on, so once a touched entry
        has been rebuilt the queue is empty.

        The touch dates the file a second ahead: livereload counts a file it has not scanned yet
        as changed only if its mtime is after the watcher's start, and the file system's coarse
        clock can stamp a touch made a few milliseconds after that start with an earlier time.
        """
        entries = sorted((self.root / "content").glob("*.md"))
        if not entries:
            return
        mark = self.mark()
        ahead = time.time_ns() + 1_000_000_000
        os.utime(entries[0], ns=(ahead, ahead))
        self.wait_for_line(r"^build: ", stream="out", after=mark)

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        """Ctrl+C, as a user stops it; killed if it does not stop."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        for reader in self._readers:
            reader.join(5)


@pytest.fixture
def serve() -> Iterator:
    """A factory: serve(root, "--port", "8123") -> a started Served; all are stopped after the test."""
    started: list[Served] = []

    def start(root: Path, *args: str, wait: bool = True) -> Served:
        if "--port" not in args:
            args = (*args, "--port", str(free_port()))
        served = Served(root, *args)
        started.append(served)
        if wait:
            served.start()
            served.settle()
        return served

    yield start
    for served in started:
        served.stop()


class LiveClient:
    """Counts livereload.js connections of a page: a save is only seen by a page that is connected.

    The client says "info" once its websocket is open; the server then counts it as a waiter.
    Saving before that is a different test (test_save_while_the_page_connects_is_not_lost).
    """

    def __init__(self, page) -> None:
        self.page = page
        self.connections = 0
        page.on("websocket", self._opened)

    def _opened(self, socket) -> None:
        if socket.url.rstrip("/").endswith("/livereload"):
            socket.on("framesent", self._sent)

    def _sent(self, payload) -> None:
        if isinstance(payload, bytes):
            payload = payload.decode("utf-8", "replace")
        if '"info"' in payload:
            self.connections += 1

    def wait_connected(self, count: int, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while self.connections < count:
            if time.monotonic() > deadline:
                pytest.fail(f"livereload.js did not connect (connection {count}) within {timeout} s")
            self.page.wait_for_timeout(20)  # lets Playwright deliver the page's events

    def goto(self, url: str) -> None:
        """Open `url` and wait until its livereload client is connected."""
        before = self.connections
        self.page.goto(url)
        self.wait_connected(before + 1)


@pytest.fixture
def live(page) -> LiveClient:
    return LiveClient(page)
