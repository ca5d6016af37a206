"""`briefing serve` in a real browser (issue 6): a save shows without a manual reload, twice
within livereload's 3-second window; a broken save shows the error and recovers by itself;
a busy port, a sub-path base_url, loopback only, and public/ left alone.

The server runs as a user runs it (`python -m briefing serve` in a subprocess) and Debian's
chromium, driven by Playwright, is the browser. Every wait is on a condition, with a timeout.
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

# The spec asks for a reload within one second of a save; the bound asserted here is generous so
# that a loaded CI machine does not flake, and the measured latency is printed for the record.
VISIBLE_WITHIN_S = 5.0
WAIT_MS = int(VISIBLE_WITHIN_S * 1000)


def entry(title: str, day: int, body: str = "The Growler radar was seen near the coast.") -> str:
    return (
        f"---\ntitle: {title}\ndate: 2024-03-{day:02d}\ntags: [Air defence, Radar]\n"
        f"summary: A short note on {title.lower()}.\n---\n\n{body}\n"
    )


def site_files(base_url: str = "http://localhost:8000/") -> dict[str, str]:
    return {
        "briefing.toml": f'title = "Serve Test"\nbase_url = "{base_url}"\n',
        "content/alpha.md": entry("Alpha radar sighting", 1),
        "content/bravo.md": entry("Bravo launcher moved", 2),
        "content/charlie.md": entry("Charlie drills at sea", 3),
    }


def save(path: Path, text: str) -> None:
    """Save as an editor does: the whole new file appears at once (written beside the site's
    watched folders, then renamed into place)."""
    root = next(folder for folder in path.parents if (folder / "briefing.toml").is_file())
    temporary = root / f".{path.name}.saving"
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def heading(page, text: str):
    return page.locator("h1", has_text=text)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def served_site(site, serve):
    root = site(site_files())
    return root, serve(root)


def test_saves_show_without_manual_reload_twice_within_three_seconds(served_site, live):
    root, served = served_site
    page = live.page
    live.goto(served.url + "briefings/alpha/")
    heading(page, "Alpha radar sighting").wait_for()

    started = time.perf_counter()
    save(root / "content/alpha.md", entry("Alpha radar confirmed", 1))
    heading(page, "Alpha radar confirmed").wait_for(timeout=WAIT_MS)
    first_seen = time.perf_counter()
    first_latency = first_seen - started

    # livereload's default drops a change that comes within 3 s of the last reload: save again
    # as soon as the reloaded page is listening.
    live.wait_connected(2)
    save(root / "content/alpha.md", entry("Alpha radar destroyed", 1))
    second_saved = time.perf_counter()
    heading(page, "Alpha radar destroyed").wait_for(timeout=WAIT_MS)
    second_latency = time.perf_counter() - second_saved

    print(
        f"\nsave-to-visible latency: first {first_latency:.2f} s, second {second_latency:.2f} s "
        f"(second save {second_saved - first_seen:.2f} s after the first reload)"
    )
    assert second_saved - first_seen < 3.0, "the second save must come inside livereload's 3 s window"
    assert first_latency < VISIBLE_WITHIN_S and second_latency < VISIBLE_WITHIN_S
    assert served.running


def test_save_while_the_page_connects_is_not_lost(served_site, live):
    """A save between a page's load and its livereload connection (the page just reloaded after
    another save, or was just opened) must still reach it: here the client's script is held back
    until the save has been rebuilt, which is what a slow reload looks like."""
    root, served = served_site
    page = live.page
    held, holding = [], [True]

    def hold(route) -> None:
        if holding:
            held.append(route)
        else:
            route.continue_()

    page.route("**/livereload.js*", hold)
    page.goto(served.url + "briefings/charlie/", wait_until="domcontentloaded")
    heading(page, "Charlie drills at sea").wait_for()
    deadline = time.monotonic() + 10
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(20)
    assert held, "the page never asked for livereload.js"

    mark = served.mark()
    save(root / "content/charlie.md", entry("Charlie drills cancelled", 3))
    served.wait_for_line(r"^build: ", stream="out", after=mark)
    holding.clear()
    for route in held:
        route.continue_()
    live.wait_connected(1)
    heading(page, "Charlie drills cancelled").wait_for(timeout=WAIT_MS)


def test_a_save_also_updates_the_lists_the_entry_is_on(served_site, live):
    root, served = served_site
    page = live.page
    live.goto(served.url)
    page.get_by_role("link", name="Bravo launcher moved").wait_for()
    save(root / "content/bravo.md", entry("Bravo launcher returned", 2))
    page.get_by_role("link", name="Bravo launcher returned").wait_for(timeout=WAIT_MS)
    assert page.get_by_role("link", name="Bravo launcher moved").count() == 0


def test_broken_front_matter_shows_the_error_over_the_last_good_page_and_recovers(served_site, live):
    root, served = served_site
    page = live.page
    live.goto(served.url + "briefings/alpha/")
    heading(page, "Alpha radar sighting").wait_for()
    overlay = page.locator("#briefing-error")
    assert overlay.count() == 0

    mark = served.mark()
    save(root / "content/alpha.md", "---\ntitle: [Alpha radar: broken\ndate: 2024-03-01\n---\n\nBody.\n")
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    assert "alpha.md" in overlay.inner_text()
    # The terminal gets the one-line error naming the file; the server keeps running.
    error_line = served.wait_for_line(r"^error: .*alpha\.md.*", stream="err", after=mark).group(0)
    assert "Traceback" not in served.output("err")
    assert served.running, served.output()
    # The last good page is still what is served under the overlay.
    assert heading(page, "Alpha radar sighting").count() == 1
    print(f"\nterminal: {error_line}")

    live.wait_connected(2)
    started = time.perf_counter()
    save(root / "content/alpha.md", entry("Alpha radar repaired", 1))
    heading(page, "Alpha radar repaired").wait_for(timeout=WAIT_MS)
    overlay.wait_for(state="detached", timeout=WAIT_MS)
    print(f"recovered {time.perf_counter() - started:.2f} s after the fixing save")
    assert served.running


def test_template_error_shows_the_error_and_recovers(served_site, live):
    root, served = served_site
    page = live.page
    live.goto(served.url + "briefings/bravo/")
    heading(page, "Bravo launcher moved").wait_for()
    override = root / "themes/default/templates/entry.html"
    override.parent.mkdir(parents=True)
    mark = served.mark()
    save(override, '{% extends "base.html" %}{% block main %}{% if %}{% endblock %}\n')
    overlay = page.locator("#briefing-error")
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    assert "entry.html" in overlay.inner_text()
    served.wait_for_line(r"^error: .*entry\.html", stream="err", after=mark)
    assert served.running, served.output()

    live.wait_connected(2)
    override.unlink()
    overlay.wait_for(state="detached", timeout=WAIT_MS)
    heading(page, "Bravo launcher moved").wait_for(timeout=WAIT_MS)
    assert served.running


def test_busy_port_moves_to_the_next_free_one_and_says_which(site, serve):
    root = site(site_files())
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        served = serve(root, "--port", str(port), wait=False)
        found = served.wait_for_line(rf"serving (http://127\.0\.0\.1:(\d+)/)|^error: .*{port}", timeout=30)
        if found.group(0).startswith("error:"):
            # The other allowed answer: a clear one-line error naming the port, and exit status 1.
            assert served.process.wait(10) == 1
            return
        url, chosen = found.group(1), int(found.group(2))
        assert chosen != port
        notice = served.wait_for_line(rf"\b{port}\b.*\b{chosen}\b", timeout=5)
        print(f"\n{notice.group(0)}")
        served.start()
        with urllib.request.urlopen(url + "briefings/alpha/", timeout=5) as response:
            assert "Alpha radar sighting" in response.read().decode()


def test_serves_under_the_base_url_path(site, serve, live):
    root = site(site_files("https://example.org/digest/"))
    served = serve(root)
    assert served.url.startswith("http://127.0.0.1:") and served.url.endswith("/digest/"), served.url
    origin = served.url.removesuffix("digest/")
    page = live.page

    live.goto(served.url + "briefings/alpha/")
    heading(page, "Alpha radar sighting").wait_for()
    # The page's own links stay under /digest/, and its stylesheet loads.
    for href in page.eval_on_selector_all("a[href], link[href]", "els => els.map(e => e.href)"):
        if href.startswith(origin):
            assert href.startswith(served.url), href
    assert page.evaluate("[...document.styleSheets].some(s => s.href && s.cssRules.length > 0)"), (
        "the stylesheet did not load under the sub-path"
    )

    save(root / "content/alpha.md", entry("Alpha radar under a path", 1))
    heading(page, "Alpha radar under a path").wait_for(timeout=WAIT_MS)

    # The bare address leads to the site rather than a 404.
    page.goto(origin)
    page.wait_for_url(served.url + "**", timeout=WAIT_MS)
    page.get_by_role("link", name="Bravo launcher moved").wait_for()


def test_never_writes_into_public_nor_serves_outside_the_output(site, serve, live):
    root = site(site_files())
    public = root / "public"
    public.mkdir()
    (public / "index.html").write_text("<!doctype html><title>published</title>\n", encoding="utf-8")
    (public / "keep.txt").write_text("as published\n", encoding="utf-8")
    before = tree_digest(public)
    top_level = {p.name for p in root.iterdir()}
    served = serve(root)

    page = live.page
    live.goto(served.url + "briefings/charlie/")
    save(root / "content/charlie.md", entry("Charlie drills ended", 3))
    heading(page, "Charlie drills ended").wait_for(timeout=WAIT_MS)
    live.wait_connected(2)
    mark = served.mark()
    save(root / "content/delta.md", entry("Delta arrives", 4))
    served.wait_for_line(r"^build: ", stream="out", after=mark)
    live.wait_connected(3)  # the open page reloads on any save; let it finish before leaving it
    page.goto(served.url + "briefings/delta/")
    heading(page, "Delta arrives").wait_for()

    assert tree_digest(public) == before
    # Its own work goes into .briefing-cache/ only.
    assert {p.name for p in root.iterdir()} - top_level <= {".briefing-cache"}

    # Nothing outside the preview's output folder is reachable, however the path is spelled.
    port = served.url.split(":")[2].split("/")[0]
    for path in (
        "../briefing.toml",
        "%2e%2e/briefing.toml",
        "..%2fbriefing.toml",
        f"../serve-{port}-state/",
        "%2e%2e/%2e%2e/briefing.toml",
        "%2e%2e/content/alpha.md",
        "..%2f..%2fcontent%2falpha.md",
    ):
        status, body = _get(served.url + path)
        assert status != 200 or (b"Serve Test" not in body and b"title:" not in body), (path, status)


def test_binds_to_loopback_by_default(site, serve):
    address = _outward_address()
    if address is None:
        pytest.skip("this machine has no non-loopback address to try")
    served = serve(site(site_files()))
    port = int(served.url.rsplit(":", 1)[1].split("/")[0])
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(2)
        assert probe.connect_ex((address, port)) != 0, f"serve answers on {address}:{port}"


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def _outward_address() -> str | None:
    """This machine's address on its default route, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def _written(line: str) -> int:
    return int(re.search(r"\((\d+) written", line).group(1))


def test_a_save_after_a_broken_one_rebuilds_only_what_changed(served_site):
    """serve saves its cache when saves pause, not in each rebuild; a failed rebuild must
    still leave the next one starting from the last good state, not from scratch."""
    root, served = served_site
    total = int(served.wait_for_line(r"^build: \d+ entr(?:y|ies), (\d+) files", stream="out").group(1))
    mark = served.mark()
    save(root / "content/bravo.md", entry("Bravo launcher moved again", 2))
    served.wait_for_line(r"^build: ", stream="out", after=mark)
    mark = served.mark()
    save(root / "content/alpha.md", "---\ntitle: [broken\n---\n\nBody.\n")  # at once, no pause
    served.wait_for_line(r"^error: .*alpha\.md", stream="err", after=mark)
    mark = served.mark()
    save(root / "content/alpha.md", entry("Alpha radar repaired", 1))
    line = served.wait_for_line(r"^build: .*", stream="out", after=mark).group(0)
    assert 0 < _written(line) < total / 2, line


def test_a_restarted_server_reuses_the_cache_it_saved_while_idle(site, serve):
    root = site(site_files())
    first = serve(root)
    port = first.url.split(":")[2].split("/")[0]
    mark = first.mark()
    save(root / "content/charlie.md", entry("Charlie drills again", 3))
    first.wait_for_line(r"^build: ", stream="out", after=mark)
    time.sleep(2.5)  # the editor pauses: the cache is saved now
    first.process.kill()  # no chance to save at exit
    first.process.wait(10)
    second = serve(root, "--port", port, wait=False)
    line = second.wait_for_line(r"^build: .*", stream="out", timeout=30).group(0)
    assert _written(line) == 0, (line, first.output(), second.output())
