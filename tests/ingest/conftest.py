"""Fixtures for the ingest tests: tiny sites whose seeds have a fixed modification time."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_support import seed_time


@pytest.fixture
def seeds(site):
    """A factory: seeds({"a.txt": "..."}) -> a site root whose seeds/ holds those files.

    Every seed gets the same fixed mtime, so dates that come from the file are known.
    Names under other folders ("content/x.md") are written as given.
    """

    def make(files: dict[str, str | bytes]) -> Path:
        named = {(name if "/" in name else f"seeds/{name}"): data for name, data in files.items()}
        root = site(named)
        for name in named:
            if name.startswith("seeds/"):
                seed_time(root / name)
        return root

    return make


@pytest.fixture(scope="session")
def registry(tmp_path_factory):
    """The entity registry a site without its own data gets, loaded once."""
    from briefing.entities import load_registry

    return load_registry(tmp_path_factory.mktemp("registry-site"))
