"""Work spread over every core, behind one small interface; the only module with worker state.

A stage hands `run_chunks` (or `iter_chunks`) a worker function, the one input every
worker shares, and a count: the worker is called as `work(shared, chunk)` for chunks
of `range(count)`, and the results come back in order. Nothing else reaches a worker,
so its signature says what it uses.

`Executor` is the interface: share a snapshot once, map a function over chunks,
stream the results back in order. `ForkExecutor`, the default, forks workers that
inherit the snapshot in memory instead of unpickling it; an executor running on a
distributed engine would ship (scatter) the snapshot once instead, which needs it and
the worker function to pickle. Small jobs stay in-process, where starting workers
costs more than it saves. The snapshot is dropped when the map ends, so nothing of
a build stays pinned (as it would under `briefing serve`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

S = TypeVar("S")  # what every worker shares
R = TypeVar("R")  # the result for one item

# Below this many items, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400


class Executor(Protocol):
    """Runs `work(shared, chunk)` over chunks of items, yielding each chunk's results in order.

    `shared` is sent (or inherited) once per map, not once per chunk. An exception a
    worker raises (a BriefingError naming its file and line) is raised to the caller
    as it was.
    """

    def map_chunks(
        self, work: Callable[[S, Sequence[int]], list[R]], shared: S, chunks: list[range]
    ) -> Iterator[list[R]]: ...


class InProcessExecutor:
    """Every chunk in this process, one after the other."""

    def map_chunks(
        self, work: Callable[[S, Sequence[int]], list[R]], shared: S, chunks: list[range]
    ) -> Iterator[list[R]]:
        for chunk in chunks:
            yield work(shared, chunk)


class ForkExecutor:
    """Forked workers, one per core (at most `processes`), that inherit `shared` in memory."""

    def __init__(self, processes: int | None = None) -> None:
        self.processes = processes or min(os.cpu_count() or 1, 8)

    def map_chunks(
        self, work: Callable[[S, Sequence[int]], list[R]], shared: S, chunks: list[range]
    ) -> Iterator[list[R]]:
        global _SHARED, _PARENT
        # Frozen, so the workers' cycle collector leaves the inherited objects alone.
        gc.freeze()
        _SHARED, _PARENT = shared, os.getpid()
        try:
            context = multiprocessing.get_context("fork")
            with context.Pool(self.processes, initializer=_worker_start) as pool:
                yield from pool.imap(_ForkTask(work), chunks)
        finally:
            _SHARED = None
            gc.unfreeze()


# The one piece of worker state: the snapshot a ForkExecutor's workers inherit, set only
# while its map runs, and the pid of the process that forked them.
_SHARED: Any = None
_PARENT = 0


class _ForkTask:
    """`work` applied to the inherited snapshot; pickles as a reference to `work`."""

    def __init__(self, work: Callable[[Any, Sequence[int]], list]) -> None:
        self.work = work

    def __call__(self, chunk: Sequence[int]) -> list:
        return self.work(_SHARED, chunk)


def _worker_start() -> None:
    """Workers run without the cycle collector: rendering makes no cycles (none left after
    5,000 pages), reading an entry a few small ones (its YAML), and a worker lives for one
    phase of one build. It cost a few percent of a cold build."""
    gc.disable()


def orphaned() -> bool:
    """True in a forked worker whose build was killed: it must stop before writing more."""
    return _PARENT != 0 and os.getpid() != _PARENT and os.getppid() != _PARENT


def default_executor(count: int) -> Executor:
    """Forked workers when `count` items make them pay and the system can fork."""
    cores = os.cpu_count() or 1
    if count >= PARALLEL_THRESHOLD and cores > 1 and "fork" in multiprocessing.get_all_start_methods():
        return ForkExecutor()
    return InProcessExecutor()


def iter_chunks(
    work: Callable[[S, Sequence[int]], list[R]],
    shared: S,
    count: int,
    *,
    what: str = "",
    progress: bool = False,
    size: int = 200,
    executor: Executor | None = None,
) -> Iterator[list[R]]:
    """Each chunk's results, in order, as soon as it is done: the caller's own share of
    the work overlaps the workers'. `executor` defaults to `default_executor(count)`."""
    chunks = [range(i, min(i + size, count)) for i in range(0, count, size)]
    runner = executor if executor is not None else default_executor(count)
    bar = _progress(count, what) if progress and count >= PARALLEL_THRESHOLD else None
    try:
        for part in runner.map_chunks(work, shared, chunks):
            if bar:
                bar.update(len(part))
            yield part
    finally:
        if bar:
            bar.close()


def run_chunks(
    work: Callable[[S, Sequence[int]], list[R]],
    shared: S,
    count: int,
    *,
    what: str = "",
    progress: bool = False,
    size: int = 200,
    executor: Executor | None = None,
) -> list[R]:
    """As iter_chunks, all results in one list, in order."""
    results: list[R] = []
    for part in iter_chunks(work, shared, count, what=what, progress=progress, size=size, executor=executor):
        results.extend(part)
    return results


def _progress(total: int, what: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=what, unit="", leave=False, file=sys.stderr)
