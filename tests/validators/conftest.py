"""Fixtures for the validator tests: the built outputs (once per session), each served over
HTTP from a thread (the browser and page fixtures are tests/conftest.py's)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sites import HOSTILE_FILES, Output, build_outputs
from webtools import http_folder


@pytest.fixture(scope="session")
def _output_cache() -> dict[str, Output]:
    return {}


@pytest.fixture
def outputs(sample_site: Path, _output_cache, tmp_path_factory) -> dict[str, Output]:
    """All four outputs, keyed "sample-root", "sample-sub", "hostile-root", "hostile-sub";
    built the first time a test asks, from the shared `sample_site` and the hostile files."""
    if not _output_cache:
        into = tmp_path_factory.mktemp("validated")
        _output_cache.update(build_outputs(sample_site, "sample", into))
        hostile = tmp_path_factory.mktemp("hostile-site")
        for relative, text in HOSTILE_FILES.items():
            (hostile / relative).parent.mkdir(parents=True, exist_ok=True)
            (hostile / relative).write_text(text, encoding="utf-8")
        _output_cache.update(build_outputs(hostile, "hostile", into))
    return _output_cache


@pytest.fixture(scope="session")
def _hosts() -> Iterator[dict[Path, str]]:
    with contextlib.ExitStack() as stack:
        yield _LazyHosts(stack)


class _LazyHosts(dict):
    def __init__(self, stack: contextlib.ExitStack) -> None:
        super().__init__()
        self.stack = stack

    def __missing__(self, host: Path) -> str:
        self[host] = self.stack.enter_context(http_folder(host))
        return self[host]


@pytest.fixture
def site_url(_hosts):
    """site_url(output) -> the http://127.0.0.1:PORT/[digest/] address the output is served at."""

    def url(output: Output) -> str:
        return _hosts[output.host] + output.base_path.lstrip("/")

    return url
