"""Fixtures for the story tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The build tests' helpers (sitecheck: build, page, tree_differences...).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build"))
# The browser tests' helpers (webtools: chromium, fresh_page, http_folder).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "browser"))


@pytest.fixture(scope="session")
def registry(tmp_path_factory):
    """The entity registry a site without its own data gets, loaded once."""
    from briefing.entities import load_registry

    return load_registry(tmp_path_factory.mktemp("registry-site"))
