"""Work spread over every core: forked workers that inherit the site in memory.

Fork, so workers see the parent's entries, templates and registry without
unpickling them; results come back in order. Small jobs stay in-process,
where starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable

from briefing.errors import BriefingError

# Below this many items, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400


def run_chunks(work: Callable[[list[int]], list], count: int, progress: bool, what: str) -> list:
    """Run `work` over chunks of 0..count-1, on every core when it pays; results in order.

    `work` is a module-level function reading its inputs from module globals set
    before the call (inherited by the forked workers)."""
    chunks = [list(range(i, min(i + 200, count))) for i in range(0, count, 200)]
    bar = _progress(count, what) if progress and count >= PARALLEL_THRESHOLD else None
    results: list = []
    cores = os.cpu_count() or 1
    try:
        if count >= PARALLEL_THRESHOLD and cores > 1 and "fork" in multiprocessing.get_all_start_methods():
            # Fork, so workers inherit the site in memory instead of unpickling it.
            with multiprocessing.get_context("fork").Pool(min(cores, 8)) as pool:
                for part in pool.imap(_guarded(work), chunks):
                    results.extend(_unwrap(part))
                    if bar:
                        bar.update(len(part))
        else:
            for chunk in chunks:
                results.extend(work(chunk))
                if bar:
                    bar.update(len(chunk))
    finally:
        if bar:
            bar.close()
    return results


class _guarded:
    """Carry a BriefingError back from a worker whole (its fields do not survive pickling)."""

    def __init__(self, work: Callable[[list[int]], list]) -> None:
        self.work = work

    def __call__(self, chunk: list[int]) -> tuple:
        try:
            return ("ok", self.work(chunk))
        except BriefingError as error:
            return ("error", type(error).__name__, error.message, str(error.path or ""),
                    error.line, error.hint)


def _unwrap(part: tuple) -> list:
    if part[0] == "ok":
        return part[1]
    import briefing.errors as errors
    kind, message, path, line, hint = part[1:]
    raise getattr(errors, kind)(message, path or None, line, hint)


def _progress(total: int, what: str):
    from tqdm import tqdm
    return tqdm(total=total, desc=what, unit="", leave=False, file=sys.stderr)


