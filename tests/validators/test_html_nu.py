"""Every built page passes the Nu HTML Checker (vnu.jar, the W3C validator) with no errors and,
as with --Werror, no warnings: the sample and the hostile site, at the root and under a sub-path."""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from pathlib import Path

from sites import OUTPUT_IDS
from webtools import vnu_jar

# A page the checker must reject: proves it ran on our files and reports what it finds.
CANARY = '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><p>no title</body></html>\n'


def run_vnu(folders: list[Path]) -> dict[str, list[str]]:
    """{file: [problem, ...]} for every error and warning, from one run of the checker."""
    done = subprocess.run(
        [
            "java",
            "-jar",
            str(vnu_jar()),
            "--skip-non-html",
            "--format",
            "json",
            "--stdout",
            *map(str, folders),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        raise AssertionError(
            f"vnu gave no JSON report (exit {done.returncode}):\n{done.stdout}{done.stderr}"
        ) from exc
    problems: dict[str, list[str]] = defaultdict(list)
    for message in report["messages"]:
        kind = message.get("type")
        if kind == "info" and message.get("subType") != "warning":
            continue
        where = message.get("url", "?").removeprefix("file:")
        problems[where].append(
            f"{kind}{'/' + message['subType'] if 'subType' in message else ''}"
            f" line {message.get('lastLine', '?')}: {message.get('message')}"
            f" [{message.get('extract', '').strip()[:120]}]"
        )
    return problems


def test_every_built_page_passes_the_nu_html_checker(outputs, tmp_path):
    canary = tmp_path / "canary"
    canary.mkdir()
    (canary / "bad.html").write_text(CANARY, encoding="utf-8")
    sites = [outputs[name].public for name in OUTPUT_IDS]
    pages = sum(len(list(site.rglob("*.html"))) for site in sites)

    problems = run_vnu([*sites, canary])

    assert any(path.endswith("canary/bad.html") for path in problems), (
        "the checker did not flag the canary page: it did not check anything"
    )
    found = {path: lines for path, lines in problems.items() if not path.endswith("canary/bad.html")}
    print(f"\nvnu checked {pages} pages in {len(sites)} builds")
    assert not found, "Nu HTML Checker:\n" + "\n".join(
        f"{path}\n  " + "\n  ".join(lines) for path, lines in sorted(found.items())
    )
