"""Fixtures for the analyst tests: the small sites of analyst_sites.py, each built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from analyst_sites import desk_files, related_files
from analyst_support import build, write_files


def _built(tmp_path_factory, name: str, files: dict[str, str]) -> Path:
    root = write_files(tmp_path_factory.mktemp(name), files)
    build(root)
    return root


@pytest.fixture(scope="session")
def desk(tmp_path_factory) -> Path:
    """The DESK site's public/."""
    return _built(tmp_path_factory, "desk", desk_files()) / "public"


@pytest.fixture(scope="session")
def related_site(tmp_path_factory) -> Path:
    """The RELATED site's root (tests copy it to rebuild it differently)."""
    return _built(tmp_path_factory, "related", related_files())
