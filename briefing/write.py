"""The render stage: each planned output made and staged, unless public/ has it already.

Fingerprints are worked out here, in the workers, as the views they hash are made
there. Files go only through output.Stage, the one writer of public/.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from briefing.cache import OutputRecord
from briefing.incremental import Built
from briefing.output import Stage
from briefing.parallel import Executor, iter_chunks, orphaned, run_chunks
from briefing.plan import Job, PageOutput, Plan


class Outcome(NamedTuple):
    record: OutputRecord  # the stat of the staged file is its stat in public/: commits rename
    written: bool  # False: public/ holds it already, with this fingerprint


@dataclass(frozen=True)
class _RenderInput:
    """What every render worker reads."""

    jobs: list[Job | PageOutput]
    stage: Stage
    known: Mapping[str, OutputRecord]  # what public/ holds, by file
    public: str  # public/'s path, ending in a separator


def render_outputs(
    plan: Plan, stage: Stage, progress: bool = False, executor: Executor | None = None
) -> tuple[Built, list[str]]:
    """Make and stage every output of `plan` whose file public/ lacks; what was built, and
    the files written (to commit)."""
    if getattr(executor, "remote", False):
        return _render_remote(plan, stage, progress, executor)
    shared = _RenderInput(plan.jobs, stage, plan.known, str(stage.public) + os.sep)
    outcomes = run_chunks(
        _render_chunk, shared, len(plan.jobs), what="pages", progress=progress, executor=executor
    )
    written = [job.file for job, outcome in zip(plan.jobs, outcomes, strict=True) if outcome.written]
    outputs = {job.file: outcome.record for job, outcome in zip(plan.jobs, outcomes, strict=True)}
    return Built(outputs, plan.removed), written


def _render_chunk(shared: _RenderInput, indices: Sequence[int]) -> list[Outcome]:
    done = []
    for i in indices:
        if orphaned():
            # Our build was killed: stop before writing into the next build's staging folder.
            raise SystemExit(1)
        job = shared.jobs[i]
        key = job.key
        before = shared.known.get(job.file)
        if (
            before is not None
            and before.key == key
            and _unchanged_in_public(shared.public + job.file, before)
        ):
            done.append(Outcome(before, False))
            job.forget()
            continue
        size, mtime = shared.stage.write(job.file, job.make())
        done.append(Outcome(OutputRecord(key, size, mtime), True))
    return done


def _unchanged_in_public(path: str, before: OutputRecord) -> bool:
    try:
        stat = os.stat(path)
    except OSError:
        return False
    return (stat.st_size, stat.st_mtime_ns) == (before.size, before.mtime_ns)


class _Made(NamedTuple):
    """A remote worker's answer for one job: its fingerprint, and its bytes unless the
    fingerprint is the one public/ was built with (the parent then checks the file)."""

    key: str
    data: bytes | None


@dataclass(frozen=True)
class _RemoteRenderInput:
    """What every render worker of a cluster reads: no staging folder, it may be elsewhere."""

    jobs: list[Job | PageOutput]
    known_keys: Mapping[str, str]  # file -> fingerprint public/ holds it with


def _render_remote(
    plan: Plan, stage: Stage, progress: bool, executor: Executor | None
) -> tuple[Built, list[str]]:
    """The render stage on a cluster (dask_executor.py): workers make the bytes and send them
    back, and this process, the one writer, stages each chunk as it arrives, in order."""
    shared = _RemoteRenderInput(plan.jobs, {file: record.key for file, record in plan.known.items()})
    public = str(stage.public) + os.sep
    outputs: dict[str, OutputRecord] = {}
    written: list[str] = []
    start = 0
    for part in iter_chunks(
        _make_chunk, shared, len(plan.jobs), what="pages", progress=progress, executor=executor
    ):
        for job, made in zip(plan.jobs[start : start + len(part)], part, strict=True):
            before = plan.known.get(job.file)
            data = made.data
            if data is None:
                assert before is not None
                if _unchanged_in_public(public + job.file, before):
                    outputs[job.file] = before
                    job.forget()
                    continue
                data = job.make()  # public/'s copy was edited or removed: make it here
            size, mtime = stage.write(job.file, data)
            outputs[job.file] = OutputRecord(made.key, size, mtime)
            written.append(job.file)
        start += len(part)
    return Built(outputs, plan.removed), written


def _make_chunk(shared: _RemoteRenderInput, indices: Sequence[int]) -> list[_Made]:
    done = []
    for i in indices:
        job = shared.jobs[i]
        key = job.key
        if shared.known_keys.get(job.file) == key:
            done.append(_Made(key, None))
            job.forget()
        else:
            done.append(_Made(key, job.make()))
    return done
