"""Builds on a Dask distributed cluster: `briefing build --executor tcp://HOST:PORT`.

The parallel stages (load, related, render) hand parallel.py's executor a
worker function, one snapshot every worker shares and chunks of item numbers.
Here the snapshot is scattered to every worker once (`broadcast`), a task per
chunk is mapped over it, and the results come back in chunk order as each is
done, to this process: it stays the one writer of public/, so the atomic
commit and byte-identical output hold whatever the cluster does. A worker lost
mid-build has its tasks run again elsewhere by Dask (the snapshot is on every
worker); a cluster that cannot finish fails the build with one line and
public/ as it was.

Workers import briefing themselves, so they must run the same code (checked
before the first map) and see the site folder at the same path (one machine,
or a shared file system): they read entries, templates and photos there.
Dask is optional: `pip install 'briefing[dask]'`; the default executor forks
local workers and needs none of this.
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from briefing.errors import BriefingError, BuildError

S = TypeVar("S")
R = TypeVar("R")

_HINT = "check that `dask scheduler` and `dask worker` run there, or build without --executor"


class DaskExecutor:
    """parallel.Executor on a Dask cluster: snapshot scattered once, chunks mapped, results in order."""

    # Workers may be other machines: render workers send the files back instead of staging them.
    remote = True

    def __init__(self, address: str, timeout: float = 10) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise BuildError(
                f"--executor {address} needs Dask distributed, which is not installed",
                hint="pip install 'briefing[dask]'",
            ) from None
        self.address = address
        if not logging.getLogger("briefing").isEnabledFor(logging.INFO):
            # Dask logs each failure with its traceback; without -v the build's one line says it.
            logging.getLogger("distributed").setLevel(logging.CRITICAL)
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise BuildError(
                f"cannot reach the Dask scheduler at {address}: {_reason(exc)}", hint=_HINT
            ) from None
        self._checked = False

    def _check_workers(self) -> None:
        """Every worker must run this code: a task is this process's function, sent by name."""
        if self._checked:
            return
        try:
            versions = self.client.run(code_version)
        except Exception as exc:
            raise BuildError(
                f"the Dask cluster at {self.address} did not answer: {_reason(exc)}", hint=_HINT
            ) from None
        if not versions:
            raise BuildError(f"the Dask cluster at {self.address} has no workers", hint=_HINT)
        mine = code_version()
        other = sorted(worker for worker, version in versions.items() if version != mine)
        if other:
            raise BuildError(
                f"Dask worker {other[0]} runs another version of briefing than this build",
                hint="install the same briefing on every worker, then build again",
            )
        self._checked = True

    def map_chunks(
        self, work: Callable[[S, Sequence[int]], list[R]], shared: S, chunks: list[range]
    ) -> Iterator[list[R]]:
        if not chunks:
            return
        self._check_workers()
        client = self.client
        futures: list[Any] = []
        try:
            [snapshot] = client.scatter([shared], broadcast=True, hash=False)
            # One key per build and chunk: pure=False would do, but named keys read well in
            # the dashboard and never collide with another build on the same cluster.
            tag = uuid.uuid4().hex[:12]
            futures = [
                client.submit(work, snapshot, list(chunk), key=f"briefing-{tag}-{number}", pure=False)
                for number, chunk in enumerate(chunks)
            ]
            for future in futures:
                yield future.result()
        except BriefingError:
            raise  # an entry's or a template's error, raised in a worker: reported as it is
        except GeneratorExit:
            raise
        except Exception as exc:
            raise BuildError(
                f"the Dask cluster at {self.address} could not finish the build: {_reason(exc)}",
                hint="public/ is unchanged; " + _HINT,
            ) from None
        finally:
            if futures:
                client.cancel(futures)
            futures.clear()

    def close(self) -> None:
        self.client.close()


@functools.cache
def code_version() -> str:
    """briefing's version and a hash of its code: what a worker runs must be what we run.

    Worked out once per process, so a worker started before the code changed on disk
    reports the code it has loaded, not the files now there."""
    import hashlib
    from pathlib import Path

    import briefing

    digest = hashlib.sha256(briefing.__version__.encode())
    package = Path(briefing.__file__).parent
    for path in sorted(package.rglob("*")):
        # Not the installed copy of the default theme (package/themes/): a checkout has
        # none there, and workers read the theme from the path the build sends them.
        if path.relative_to(package).parts[0] == "themes":
            continue
        if path.suffix in {".py", ".html", ".yml", ".css", ".js"} and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."
