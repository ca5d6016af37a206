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
    if not any((public / "briefings").glob("*/index.html")):
        # Pagefind's command line refuses a site with no pages to index, but a new site
        # (seeds not yet ingested) must still build, and its search page still load.
        _write_empty_index(fresh, language)
        _swap_in(fresh, public / BUNDLE, work)
        return
    command = [sys.executable, "-m", "pagefind", "--site", str(public),
               "--glob", "briefings/**/index.html", "--output-path", str(fresh),
               "--force-language", _language(language), "--silent"]
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
    _swap_in(fresh, public / BUNDLE, work)


def _language(language: str) -> str:
    return language.split("-")[0].lower() or "en"


def _write_empty_index(output: Path, language: str) -> None:
    """The search bundle with no records, through Pagefind's API (which allows that)."""
    import asyncio

    from pagefind.index import IndexConfig, PagefindIndex

    async def write() -> None:
        # The context manager writes the files on exit, to the configured output_path
        # (without one, to ./pagefind in whatever folder the build was started from).
        config = IndexConfig(force_language=_language(language), output_path=str(output))
        async with PagefindIndex(config):
            pass

    try:
        asyncio.run(write())
    except Exception as exc:  # the API spawns the same binary: any failure is a setup problem
        raise BuildError(f"the search indexer (Pagefind) failed on an empty site: {exc}", output,
                         hint="check that pagefind[bin] is installed") from exc
    if not output.is_dir():
        raise BuildError("the search indexer (Pagefind) wrote nothing", output,
                         hint="check that pagefind[bin] is installed")


def _swap_in(fresh: Path, target: Path, work: Path) -> None:
    old = work / "pagefind-old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)
