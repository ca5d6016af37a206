"""Fixtures for the build tests: small hand-written sites, built once per session where read-only."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sitecheck import build, run_cli, write_files
from sites import ROOT_URL, SUB_URL, desk_files, hostile_files, paged_files, related_files, small_files


@dataclass(frozen=True)
class Built:
    root: Path
    base_url: str

    @property
    def public(self) -> Path:
        return self.root / "public"


def _built(tmp_path_factory, name: str, files: dict[str, str], base_url: str | None) -> Built:
    root = write_files(tmp_path_factory.mktemp(name), files)
    build(root, *(["--base-url", base_url] if base_url else []))
    return Built(root, base_url or ROOT_URL)


@pytest.fixture(scope="session")
def small(tmp_path_factory) -> Built:
    return _built(tmp_path_factory, "small", small_files(), None)


@pytest.fixture(scope="session")
def small_sub(tmp_path_factory) -> Built:
    return _built(tmp_path_factory, "small-sub", small_files(), SUB_URL)


@pytest.fixture(scope="session")
def paged(tmp_path_factory) -> Built:
    return _built(tmp_path_factory, "paged", paged_files(), None)


@pytest.fixture(scope="session")
def paged_sub(tmp_path_factory) -> Built:
    return _built(tmp_path_factory, "paged-sub", paged_files(), SUB_URL)


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> Built:
    return _built(tmp_path_factory, "hostile", hostile_files(), None)


@pytest.fixture(scope="session")
def hostile_allowed(tmp_path_factory) -> Built:
    return _built(tmp_path_factory, "hostile-allowed", hostile_files(allow_html=True), None)


@pytest.fixture
def built_sample(sample_site: Path) -> Built:
    """The repo sample (the shared fixture's copy), ingested if needed, then built at the root."""
    if not any((sample_site / "content").glob("**/*.md")):
        run = run_cli("ingest", "--site", str(sample_site))
        assert run.code == 0, run.err
    build(sample_site, "--base-url", ROOT_URL)
    return Built(sample_site, ROOT_URL)


# The analyst's sites (DESK, RELATED), each built once per session.


def _built_root(tmp_path_factory, name: str, files: dict[str, str]) -> Path:
    root = write_files(tmp_path_factory.mktemp(name), files)
    build(root)
    return root


@pytest.fixture(scope="session")
def desk(tmp_path_factory) -> Path:
    """The DESK site's public/."""
    return _built_root(tmp_path_factory, "desk", desk_files()) / "public"


@pytest.fixture(scope="session")
def related_site(tmp_path_factory) -> Path:
    """The RELATED site's root (tests copy it to rebuild it differently)."""
    return _built_root(tmp_path_factory, "related", related_files())
