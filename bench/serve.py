"""How long a save takes to show in the browser under `briefing serve`, on a generated site.

    python bench/serve.py            # N = 10,000 entries, 8 saves
    python bench/serve.py 2000 5     # N entries, that many saves

Generates and ingests N seeds, starts `briefing serve` as a user would, opens an
entry in Chromium (Debian's /usr/bin/chromium, driven by Playwright), then saves
edits to that entry's title and body. For each save it prints the time from
the save until the open page shows the new title without anyone touching it
(the watcher noticing the file, the rebuild, live reload and the browser's own
reload), and the rebuild's share as serve reports it.

Without Playwright or Chromium, it polls the page over HTTP instead (no reload).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

CHROMIUM = os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8", "replace")


def save(path: Path, text: str) -> None:
    """As an editor saves: the whole new file appears at once."""
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def wait_until(condition, timeout: float, step: float = 0.005) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise SystemExit("bench: timed out waiting for the server")
        time.sleep(step)
    return time.perf_counter()


def open_browser(url: str):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None, None, None
    if not Path(CHROMIUM).is_file():
        return None, None, None
    driver = sync_playwright().start()
    browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    page = browser.new_page()
    page.goto(url)
    return driver, browser, page


def run(count: int, saves: int) -> None:
    with tempfile.TemporaryDirectory(prefix=f"briefing-serve-{count}-") as tmp:
        site = Path(tmp)
        generate(count, site / "seeds")
        subprocess.run(
            [sys.executable, "-m", "briefing", "ingest", "--site", str(site)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        entry = sorted((site / "content").glob("*.md"))[count // 2]
        text = entry.read_text(encoding="utf-8")
        slug = re.search(r"^slug: (.+)$", text, re.MULTILINE).group(1).strip()
        title = re.search(r"^title: (.+)$", text, re.MULTILINE).group(1).strip().strip("'\"")

        port = free_port()
        lines: list[str] = []
        server = subprocess.Popen(
            [sys.executable, "-m", "briefing", "serve", "--site", str(site), "--port", str(port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True).start()
        url = f"http://127.0.0.1:{port}/briefings/{slug}/"
        driver = browser = None
        try:
            started = time.perf_counter()
            wait_until(lambda: any(line.startswith("serving ") for line in lines), timeout=300, step=0.1)
            print(f"N = {count:,}: first build and server start {time.perf_counter() - started:.1f} s")
            driver, browser, page = open_browser(url)
            rows = []
            for number in range(1, saves + 1):
                marker = f"Edit {number} of {title}"
                edited = text.replace(f"title: {title}", f"title: {marker}", 1).replace(
                    "Officials said", f"Officials said ({number})", 1
                )
                time.sleep(1.5)  # let the previous reload settle, as between an editor's saves
                seen_before = len(lines)
                saved = time.perf_counter()
                save(entry, edited)
                if page is not None:
                    # Only the browser asks the server for pages meanwhile: polling it too
                    # would slow what is measured.
                    page.wait_for_function(
                        "m => document.querySelector('h1') && "
                        "document.querySelector('h1').textContent.includes(m)",
                        arg=marker,
                        timeout=30_000,
                    )
                else:
                    wait_until(lambda m=marker: m in fetch(url), timeout=30, step=0.02)
                shown = time.perf_counter() - saved
                wait_until(
                    lambda n=seen_before: any("save to reload" in line for line in lines[n:]), timeout=30
                )
                rebuild = next(
                    float(m.group(1))
                    for line in lines[seen_before:]
                    if (m := re.search(r"save to reload: ([\d.]+) s", line))
                )
                rows.append((shown, rebuild))
                print(
                    f"save {number}: {'in browser' if page else 'served'} {shown:.2f} s "
                    f"(rebuild {rebuild:.2f} s)",
                    flush=True,
                )
            shown_all = [r[0] for r in rows]
            what = "in browser" if page is not None else "served (no browser: playwright or chromium missing)"
            print(
                f"{what}: median {statistics.median(shown_all):.2f} s, max {max(shown_all):.2f} s; "
                f"rebuild median {statistics.median(r[1] for r in rows):.2f} s"
            )
        finally:
            if browser is not None:
                browser.close()
                driver.stop()
            os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
            shutil.rmtree(site / ".briefing-cache", ignore_errors=True)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    times = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    run(size, times)
