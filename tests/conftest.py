"""Shared fixtures: tiny sites built from a dict of files, the CLI run as a user runs it, and
the one Chromium (Debian's, driven by Playwright) every browser test shares."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from shared_support import REPO, SAMPLE_SEED, SAMPLE_SEEDS, Run, run_cli, write_files  # noqa: F401
from webtools import chromium, fresh_page


@pytest.fixture
def site(tmp_path: Path):
    """A factory: site({"seeds/a.txt": "..."}) -> the site's root folder."""

    def make(files: dict[str, str | bytes] | None = None) -> Path:
        root = tmp_path / "site"
        root.mkdir(exist_ok=True)
        return write_files(root, files or {})

    return make


@pytest.fixture
def sample_site(tmp_path: Path) -> Path:
    """A copy of the repo's sample site (seeds, content, config) outside the repo."""
    root = tmp_path / "sample"
    root.mkdir()
    for name in ("seeds", "content"):
        source = REPO / name
        if source.is_dir():
            for path in source.rglob("*"):
                if path.is_file():
                    target = root / path.relative_to(REPO)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(path.read_bytes())
    if (REPO / "briefing.toml").exists():
        (root / "briefing.toml").write_bytes((REPO / "briefing.toml").read_bytes())
    return root


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """One Chromium per test module (skipped, or failed under BRIEFING_REQUIRE_TOOLS=1, if absent).

    Not one per session: Playwright's sync API keeps its event loop registered as this thread's
    running loop for as long as it is open, and later modules that run an asyncio or tornado
    loop of their own (serve's watcher, a Dask client) would find a loop already running.
    """
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser) -> Iterator:
    """A fresh page that records every dialog (alert, confirm, prompt) it opens and every script error."""
    with fresh_page(browser) as opened:
        opened.dialogs, opened.errors = [], []

        def dismiss(dialog) -> None:
            opened.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        opened.on("dialog", dismiss)
        opened.on("pageerror", lambda error: opened.errors.append(str(error)))
        yield opened
