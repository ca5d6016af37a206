"""Fixtures for the offsite tests (feeds, email, print): the offsite site built once per
session under a sub-path base_url, plus the build and browser helpers of the other suites."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

_TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(_TESTS / "build"))  # sitecheck: build, entry_md, broken_links
sys.path.insert(0, str(_TESTS / "browser"))  # webtools: chromium, vnu_jar, http_folder

from offsite_sites import SUB_URL, offsite_files, write_site  # noqa: E402
from sitecheck import build  # noqa: E402


@dataclass(frozen=True)
class Built:
    root: Path
    base_url: str

    @property
    def public(self) -> Path:
        return self.root / "public"


@pytest.fixture(scope="session")
def offsite(tmp_path_factory) -> Built:
    """The offsite site, built once at https://example.org/digest/ (read-only for tests)."""
    root = write_site(tmp_path_factory.mktemp("offsite"), offsite_files())
    build(root, "--base-url", SUB_URL)
    return Built(root, SUB_URL)
