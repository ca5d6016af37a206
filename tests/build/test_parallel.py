"""parallel.py: workers get their input explicitly, results come back in order, nothing stays."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from sitecheck import tree_differences, write_files
from sites import small_files

from briefing import parallel
from briefing.build import build_site
from briefing.config import load_config
from briefing.errors import ContentError
from briefing.parallel import ForkExecutor, InProcessExecutor, run_chunks


def _square_plus(shared: dict[str, int], chunk: Sequence[int]) -> list[int]:
    return [i * i + shared["plus"] for i in chunk]


def _fails_on_seven(shared: None, chunk: Sequence[int]) -> list[int]:
    if 7 in chunk:
        raise ContentError("cannot be read", "content/seven.md", 3, hint="fix it")
    return list(chunk)


@pytest.mark.parametrize("executor", [InProcessExecutor(), ForkExecutor(2)], ids=["in-process", "fork"])
def test_results_come_back_in_order_from_the_shared_input(executor):
    results = run_chunks(_square_plus, {"plus": 1}, 25, size=4, executor=executor)
    assert results == [i * i + 1 for i in range(25)]
    assert parallel._SHARED is None  # the snapshot is not pinned once the map is over


def test_a_workers_error_reaches_the_caller_as_it_was():
    with pytest.raises(ContentError) as raised:
        run_chunks(_fails_on_seven, None, 20, size=3, executor=ForkExecutor(2))
    assert str(raised.value) == "content/seven.md:3: cannot be read (fix it)"
    assert parallel._SHARED is None


def test_forked_and_in_process_builds_write_the_same_bytes(tmp_path: Path):
    one = write_files(tmp_path / "one", small_files())
    two = write_files(tmp_path / "two", small_files())
    build_site(load_config(one), executor=InProcessExecutor())
    build_site(load_config(two), executor=ForkExecutor(2))
    assert tree_differences(one / "public", two / "public") == []
    assert parallel._SHARED is None
