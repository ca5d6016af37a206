"""Fixtures for the story tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def registry(tmp_path_factory):
    """The entity registry a site without its own data gets, loaded once."""
    from briefing.entities import load_registry

    return load_registry(tmp_path_factory.mktemp("registry-site"))
