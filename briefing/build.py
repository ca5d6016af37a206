"""The build: content/ + theme + config -> public/, redoing only what changed.

    lock -> load entries (entries/load.py) -> index (site.py) -> plan outputs (plan.py)
    -> render what changed, on every core (parallel.py) -> commit to public/ (output.py)

Every output has a fingerprint of everything it is made from; an output
whose fingerprint matches the last build's, and whose file in public/ is
untouched, is not rendered again. The result is byte-identical to a clean
build, which the tests check after each kind of change.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.cache import (
    BuildCache,
    CacheDamaged,
    fresh_cache,
    load_cache,
    save_cache,
)
from briefing.config import Config
from briefing.entries.load import load_entries
from briefing.entries.validate import check_unique_slugs
from briefing.errors import BuildError
from briefing.lazy_registry import LazyRegistry, registry_fingerprint
from briefing.output import Stage, open_stage
from briefing.parallel import run_chunks
from briefing.plan import Job, PageOutput, config_key, fingerprint, plan_changed, plan_outputs
from briefing.publish import build_now, select_published
from briefing.related import related_slugs
from briefing.render.families import check_file_limit
from briefing.render.templates import find_theme
from briefing.site import index_site

log = logging.getLogger("briefing")


@dataclass
class BuildResult:
    entries: int
    outputs: int
    rendered: int
    removed: int
    seconds: float
    held: str | None = None  # "build: held back 2 entries: ..." (drafts, embargoed, expired)

    def summary_line(self) -> str:
        return (
            f"build: {self.entries} entries, {self.outputs} files "
            f"({self.rendered} written, {self.outputs - self.rendered} unchanged, "
            f"{self.removed} removed) in {self.seconds:.2f} s"
        )


class CacheHolder:
    """A build cache kept in memory between builds (by `briefing serve`): no reload per save.

    Builds given a holder leave saving to it: the server saves when the editor pauses
    and when it stops, so writing the cache does not delay each reload.
    """

    def __init__(self) -> None:
        self.cache: BuildCache | None = None
        self.folder: Path | None = None
        self.unsaved = False

    def save(self) -> None:
        if self.cache is not None and self.unsaved:
            save_cache(self.cache)
        self.unsaved = False


def build_site(config: Config, *, progress: bool = False, holder: CacheHolder | None = None) -> BuildResult:
    with site_lock(config):
        kept = holder.cache if holder is not None and holder.folder == config.cache_dir else None
        if holder is not None:
            # The last good state goes to disk before this build changes it in memory: a
            # build that fails drops it, and the next one must start from that state.
            # (The server saves when the editor pauses, so this is usually done already.)
            holder.save()
            holder.cache = None  # a build that fails may leave it half-updated: reload next time
        save = holder is None
        try:
            cache = kept or load_cache(config.cache_dir)
            result = _build(config, cache, progress, save)
        except CacheDamaged as exc:
            log.warning("build cache is damaged (%s); rebuilding everything", exc)
            cache = fresh_cache(config.cache_dir)
            result = _build(config, cache, progress, save)
        if holder is not None:
            holder.cache, holder.folder, holder.unsaved = cache, config.cache_dir, True
        check_file_limit(config, result.outputs)
        return result


def _build(config: Config, cache: BuildCache, progress: bool, save: bool) -> BuildResult:
    started = time.perf_counter()
    previous_terms = cache.terms
    stage = open_stage(config.cache_dir, config.output)
    theme = find_theme(config)
    shared = "\0".join([theme.fingerprint(), config_key(config), registry_fingerprint(config.root)])
    registry = LazyRegistry(config.root)
    entries, bodies, terms = load_entries(config, cache, progress)
    _phase("load", started)
    check_unique_slugs(entries)
    loaded = entries
    # From here on only what is published this time: drafts, embargoed and expired entries
    # reach no output, and every fingerprint below is of this visible set.
    published = select_published(entries, config, build_now())
    entries = published.entries
    public = config.output
    untouched = public.is_dir() and _untouched(public, cache.outputs)
    inputs = fingerprint(shared, sorted((e.slug, e.digest) for e in entries))
    if inputs == cache.inputs and untouched:
        # Nothing read differs from what public/ was built from: nothing to write.
        if save:
            save_cache(cache)
        return BuildResult(
            entries=len(entries),
            outputs=len(cache.outputs),
            rendered=0,
            removed=0,
            seconds=time.perf_counter() - started,
            held=published.held_line(),
        )

    structure = fingerprint(
        shared,
        [
            (e.slug, e.published.isoformat(), e.tags, sorted(e.entities.items()), e.draft)
            for e in sorted(entries, key=lambda e: e.slug)
        ],
    )
    # What each entry shows in lists, worked out again only for entries whose file changed.
    cards = {
        e.slug: cache.cards[e.slug]
        if cache.digests.get(e.slug) == e.digest and e.slug in cache.cards
        else fingerprint("", e.title, e.summary, e.image.credit if e.image else "")
        for e in entries
    }
    if structure == cache.structure and untouched:
        # Same slugs, dates and tags: pagination, editions and related are as they were,
        # so only the pages that show a changed entry need planning at all.
        site = index_site(config, entries, related=cache.related, registry=registry)
        jobs, removed = plan_changed(site, bodies, terms, previous_terms, theme, shared, cache, cards)
        replace_all = False
    else:
        site = index_site(config, entries, registry=registry)
        _phase("index", started)
        cache.related = related_slugs(site.related)
        jobs = plan_outputs(site, bodies, terms, theme, shared, cache)
        _phase("plan", started)
        replace_all = not cache.outputs or not public.is_dir()
        removed = [] if replace_all else sorted(set(cache.outputs) - {j.file for j in jobs})

    known = {} if replace_all else cache.outputs
    outcomes = _render_into(stage, jobs, known, public, progress)
    _phase("render", started)
    written = [job.file for job, (_key, _size, _mtime, wrote) in zip(jobs, outcomes, strict=True) if wrote]
    stage.commit(written, removed, replace_all)
    # The stat of each staged file is the stat in public/: committing renames, keeping mtimes.
    manifest = {job.file: outcome[:3] for job, outcome in zip(jobs, outcomes, strict=True)}
    if replace_all or structure != cache.structure:
        cache.outputs = manifest
    else:
        cache.outputs.update(manifest)
        for file in removed:
            del cache.outputs[file]
    cache.inputs, cache.structure, cache.cards = inputs, structure, cards
    cache.digests = {e.slug: e.digest for e in entries}
    # Held-back entries keep theirs: they come from the cache by stat when they go live.
    cache.bodies.keep_only({e.body_key for e in loaded})
    cache.terms.keep_only({e.digest for e in loaded})
    if save:
        save_cache(cache)
    return BuildResult(
        entries=len(entries),
        outputs=len(cache.outputs),
        rendered=len(written),
        removed=len(removed),
        seconds=time.perf_counter() - started,
        held=published.held_line(),
    )


def _phase(name: str, started: float) -> None:
    """`briefing build -v` says where the time goes."""
    log.info("build: %s done at %.2f s", name, time.perf_counter() - started)


@contextlib.contextmanager
def site_lock(config: Config) -> Iterator[None]:
    """One build per site at a time: two would commit over each other."""
    config.cache_dir.mkdir(parents=True, exist_ok=True)
    handle = (config.cache_dir / "lock").open("w")
    try:
        try:
            import fcntl

            # A POSIX record lock, not flock: forked workers do not inherit it, so a build
            # killed while its workers wind down does not block the next one.
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # Windows: no advisory locks; builds are rarely concurrent there
            pass
        except OSError:
            raise BuildError(
                f"another build of the site in {config.root} is running",
                hint="wait for it to finish, then build again",
            ) from None
        yield
    finally:
        handle.close()


_JOBS: list[Job | PageOutput] = []
_STAGE: Stage | None = None
_KNOWN: dict[str, tuple[str, int, int]] = {}
_PUBLIC = ""


def _untouched(public: Path, outputs: dict[str, tuple[str, int, int]]) -> bool:
    """public/ still holds exactly the files the last build wrote (nobody edited or deleted one)."""
    if not outputs:
        return False
    root = str(public) + os.sep
    for file, (_fingerprint, size, mtime) in outputs.items():
        try:
            stat = os.stat(root + file)
        except OSError:
            return False
        if stat.st_size != size or stat.st_mtime_ns != mtime:
            return False
    return True


_BUILDER = 0  # the pid of the process whose build this is


def _render_into(
    stage: Stage,
    jobs: list[Job | PageOutput],
    known: dict[str, tuple[str, int, int]],
    public: Path,
    progress: bool,
) -> list[tuple[str, int, int, bool]]:
    """(fingerprint, size, mtime, written) per job: each is rendered unless public/ has it.

    Fingerprints are worked out here, in the workers, as the views they hash are made there.
    """
    global _JOBS, _STAGE, _BUILDER, _KNOWN, _PUBLIC
    _JOBS, _STAGE, _BUILDER, _KNOWN, _PUBLIC = jobs, stage, os.getpid(), known, str(public) + os.sep
    return run_chunks(_render_chunk, len(jobs), progress, "pages")


def _render_chunk(indices: list[int]) -> list[tuple[str, int, int, bool]]:
    assert _STAGE is not None
    done = []
    for i in indices:
        if os.getpid() != _BUILDER and os.getppid() != _BUILDER:
            # Our build was killed: stop before writing into the next build's staging folder.
            raise SystemExit(1)
        job = _JOBS[i]
        key = job.key
        before = _KNOWN.get(job.file)
        if before is not None and before[0] == key and _unchanged_in_public(job.file, before):
            done.append((key, before[1], before[2], False))
            job.forget()
            continue
        size, mtime = _STAGE.write(job.file, job.make())
        done.append((key, size, mtime, True))
    return done


def _unchanged_in_public(file: str, before: tuple[str, int, int]) -> bool:
    try:
        stat = os.stat(_PUBLIC + file)
    except OSError:
        return False
    return (stat.st_size, stat.st_mtime_ns) == (before[1], before[2])
