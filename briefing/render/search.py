"""The search index: Pagefind over the built entry pages, swapped in whole.

Pagefind reads the HTML the build wrote (only `briefings/`, and only the part
marked `data-pagefind-body`), so titles, summaries, bodies and tags are all
searchable with no server, and escaping is already done by the templates.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from briefing.errors import BuildError

BUNDLE = "pagefind"


def build_search_index(public: Path, work: Path, language: str) -> None:
    fresh = work / "pagefind-new"
    shutil.rmtree(fresh, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(public),
               "--glob", "briefings/**/index.html", "--output-path", str(fresh),
               "--force-language", language.split("-")[0].lower() or "en", "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600,
                              stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildError(f"the search indexer (Pagefind) did not run: {exc}", public,
                         hint="reinstall Briefing: pip install --force-reinstall briefing") from exc
    if done.returncode != 0 or not fresh.is_dir():
        detail = " ".join((done.stderr or done.stdout or "no output").split())[:300]
        raise BuildError(f"the search indexer (Pagefind) failed: {detail}", public,
                         hint="check that pagefind[bin] is installed")
    target = public / BUNDLE
    old = work / "pagefind-old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)
