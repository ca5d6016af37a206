"""Fixtures for the search tests: the labelled corpus built once, served over HTTP."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
# The labelled corpus lives with the search bench, which prints the same figures the tests assert.
sys.path.insert(0, str(HERE.parent.parent / "bench"))

from search_corpus import site_files  # noqa: E402
from searching import SearchPage  # noqa: E402
from shared_support import run_cli, write_files  # noqa: E402
from webtools import fresh_page, http_folder  # noqa: E402


@pytest.fixture(scope="module")
def corpus_public(tmp_path_factory) -> Path:
    root = write_files(tmp_path_factory.mktemp("search") / "site", site_files())
    done = run_cli("build", "--site", str(root), cwd=root)
    assert done.code == 0, done.err
    return root / "public"


@pytest.fixture(scope="module")
def served(corpus_public: Path) -> Iterator[str]:
    with http_folder(corpus_public) as url:
        yield url


@pytest.fixture
def search_page(browser, served) -> Iterator[SearchPage]:
    with fresh_page(browser) as page:
        yield SearchPage(page, served + "search/")
