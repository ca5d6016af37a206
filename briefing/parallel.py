"""Work spread over every core: forked workers that inherit the site in memory.

Fork, so workers see the parent's entries, templates and registry without
unpickling them; results come back in order. Small jobs stay in-process,
where starting workers would cost more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator

# Below this many items, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400


def run_chunks(
    work: Callable[[list[int]], list], count: int, progress: bool, what: str, size: int = 200
) -> list:
    """Run `work` over chunks of 0..count-1, on every core when it pays; results in order.

    `work` is a module-level function reading its inputs from module globals set
    before the call (inherited by the forked workers). An exception in a worker,
    a BriefingError with its file and line included, is raised here as it was.
    """
    results: list = []
    for part in iter_chunks(work, count, progress, what, size):
        results.extend(part)
    return results


def iter_chunks(
    work: Callable[[list[int]], list], count: int, progress: bool, what: str, size: int = 200
) -> Iterator[list]:
    """As run_chunks, but yields each chunk's results, in order, as soon as it is done:
    the caller's own share of the work overlaps the workers'."""
    chunks = [list(range(i, min(i + size, count))) for i in range(0, count, size)]
    bar = _progress(count, what) if progress and count >= PARALLEL_THRESHOLD else None
    cores = os.cpu_count() or 1
    try:
        if count >= PARALLEL_THRESHOLD and cores > 1 and "fork" in multiprocessing.get_all_start_methods():
            # Fork, so workers inherit the site in memory instead of unpickling it; frozen,
            # so their cycle collector leaves the inherited objects (and their pages) alone.
            gc.freeze()
            try:
                with multiprocessing.get_context("fork").Pool(min(cores, 8), initializer=_worker_gc) as pool:
                    for part in pool.imap(work, chunks):
                        if bar:
                            bar.update(len(part))
                        yield part
            finally:
                gc.unfreeze()
        else:
            for chunk in chunks:
                part = work(chunk)
                if bar:
                    bar.update(len(part))
                yield part
    finally:
        if bar:
            bar.close()


def _worker_gc() -> None:
    """Workers run without the cycle collector: rendering makes no cycles (none left after
    5,000 pages), reading an entry a few small ones (its YAML), and a worker lives for one
    phase of one build. It cost a few percent of a cold build."""
    gc.disable()


def _progress(total: int, what: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=what, unit="", leave=False, file=sys.stderr)
