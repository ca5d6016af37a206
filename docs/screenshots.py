"""Screenshots of the sample site for the README, on a phone and a desktop, in headless Chromium.

    python docs/screenshots.py [--out docs/screenshots] [--chromium /usr/bin/chromium]

What it does:
  1. copies the repo's sample site (seeds/, content/, briefing.toml, entities.yml if any) to a
     temporary folder and runs `briefing ingest` and `briefing build` there, as `python build.py`
     does, so the repo's own public/ and content/ are never touched;
  2. serves that public/ with http.server on a free port of 127.0.0.1;
  3. opens the front page, the sample entry, the S-400 entity page and the tag index in
     Chromium through Playwright, at 390x844 (phone) and 1280x900 (desktop), and saves
     full-page PNGs named PAGE-VIEWPORT.png (front-phone.png, entity-desktop.png, ...), plus
     entity-desktop-dark.png, the entity page with the reader's system in dark mode.

Needs the test extras (`pip install -e '.[test]'`: playwright) and a Chromium binary; it uses
Debian's /usr/bin/chromium (never `playwright install`). Runs as root too (--no-sandbox).
Takes a few seconds. Commit the PNGs in docs/screenshots/ when the theme changes.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
ENTITY = "tags/s-400/"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def sample_copy(target: Path) -> Path:
    """The repo's sample site, inputs only, in `target`."""
    for name in ("seeds", "content"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, target / name)
    for name in ("briefing.toml", "entities.yml"):
        if (REPO / name).is_file():
            shutil.copy2(REPO / name, target / name)
    return target


def briefing(*args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        cwd=REPO,
    )
    if done.returncode != 0:
        sys.exit(f"briefing {' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def entry_url(public: Path) -> str:
    """The sample entry: the newest briefing (the first folder under briefings/ if several)."""
    entries = sorted(p.name for p in (public / "briefings").iterdir() if (p / "index.html").is_file())
    if not entries:
        sys.exit("the sample site has no briefings")
    return f"briefings/{entries[0]}/"


def serve(public: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(public))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def shoot(base: str, pages: dict[str, str], out: Path, chromium: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    saved = []
    args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=args)
        try:
            for view, size in VIEWPORTS.items():
                phone = view == "phone"
                context = browser.new_context(
                    viewport=size,
                    device_scale_factor=2 if phone else 1,
                    is_mobile=phone,
                    has_touch=phone,
                    color_scheme="light",
                    reduced_motion="reduce",
                )
                tab = context.new_page()
                for name, url in pages.items():
                    tab.goto(base + url, wait_until="networkidle")
                    path = out / f"{name}-{view}.png"
                    tab.screenshot(path=str(path), full_page=True)
                    saved.append(path)
                context.close()
            context = browser.new_context(
                viewport=VIEWPORTS["desktop"], color_scheme="dark", reduced_motion="reduce"
            )
            tab = context.new_page()
            tab.goto(base + pages["entity"], wait_until="networkidle")
            path = out / "entity-desktop-dark.png"
            tab.screenshot(path=str(path), full_page=True)
            saved.append(path)
            context.close()
        finally:
            browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"where the PNGs go (default {OUT})")
    parser.add_argument("--chromium", default=CHROMIUM, help=f"Chromium binary (default {CHROMIUM})")
    args = parser.parse_args(argv)
    if not Path(args.chromium).is_file():
        sys.exit(f"no Chromium at {args.chromium} (apt-get install chromium, or pass --chromium)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefing-shots-") as temp:
        site = sample_copy(Path(temp))
        public = site / "public"
        public.mkdir()
        server, base = serve(public)  # the port is known before the build, for its base_url
        try:
            briefing("ingest", "--site", str(site))
            briefing("build", "--site", str(site), "--base-url", base)
            if not (public / ENTITY / "index.html").is_file():
                sys.exit(f"the sample site has no /{ENTITY}")
            pages = {"front": "", "entry": entry_url(public), "entity": ENTITY, "tags": "tags/"}
            saved = shoot(base, pages, args.out, args.chromium)
        finally:
            server.shutdown()
            server.server_close()
    for path in saved:
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
