"""lychee, offline, finds no broken link or fragment in any page, feed, sitemap, robots.txt or
stylesheet, at the root and under a sub-path base_url.

How the sub-path is checked: the build's public/ sits at host/digest/, `--root-dir host` resolves
root-relative links (404.html's /digest/...), and `--remap` sends the site's absolute links
(canonical, feeds, sitemap) to the same files. lychee's own `--base-url` does not fit a built site:
it resolves every relative link against that one URL instead of the page's own address, so
`../../tags/` on an entry page would be checked as https://example.org/tags/.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from sites import ORIGIN, OUTPUT_IDS, Output
from webtools import lychee_executable


def lychee(host: Path, inputs: list[Path]) -> dict:
    command = [
        lychee_executable(),
        "--offline",
        "--include-fragments",
        "--no-progress",
        "--verbose",
        "--format",
        "json",
        "--index-files",
        "index.html",
        "--root-dir",
        str(host),
        "--remap",
        f"^{re.escape(ORIGIN)} {host.as_uri()}/",
        *map(str, inputs),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        raise AssertionError(
            f"lychee gave no JSON report (exit {done.returncode}):\n{done.stdout}{done.stderr}"
        ) from exc


def problems(report: dict) -> list[str]:
    return [
        f"{source}: {item['url']} ({item['status'].get('details') or item['status'].get('text')})"
        for key in ("error_map", "timeout_map")
        for source, items in report.get(key, {}).items()
        for item in items
    ]


@pytest.mark.parametrize("output_id", OUTPUT_IDS)
def test_no_broken_links_or_fragments(outputs, output_id):
    output: Output = outputs[output_id]
    report = lychee(output.host, [output.public])
    print(
        f"\n{output_id}: lychee {report['total']} links, {report['successful']} ok, "
        f"{report['excludes']} excluded, {report['errors']} errors"
    )

    assert not problems(report), "\n".join(problems(report))
    pages = len(list(output.public.rglob("*.html")))
    assert report["successful"] >= 5 * pages, "lychee checked suspiciously few links"
    # Offline, lychee leaves out what it cannot reach. None of that may be the site's own address
    # (the remap failed) or a loopback one (a preview address leaked into a published build).
    leaked = [
        item["url"]
        for items in report.get("excluded_map", {}).values()
        for item in items
        if re.match(r"(https?://)?(localhost|127\.|\[::1\])|" + re.escape(ORIGIN), item["url"])
    ]
    assert not leaked, leaked


def test_lychee_catches_a_missing_fragment_and_file(tmp_path):
    """The flags above must make lychee fail on what they are meant to catch."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>x</title><h1 id="top">x</h1><a href="#top">ok</a>'
        '<a href="#nowhere">bad fragment</a><a href="gone/">bad page</a>'
        f'<a href="{ORIGIN}missing.html">bad absolute</a>\n',
        encoding="utf-8",
    )
    found = "\n".join(problems(lychee(tmp_path, [tmp_path])))
    assert "nowhere" in found and "gone" in found and "missing.html" in found, found
