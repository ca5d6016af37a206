"""The build: content/ + theme + config -> public/, redoing only what changed.

The stages, top-down in `_build`, each a function from typed inputs to typed outputs,
the previous build's state in and the next one out:

    previous = load_state()                          cache.py     (or the server's, in memory)
    loaded = load_entries(config, previous)          entries/load.py, on every core
    published = select_published(loaded.entries)     publish.py   drafts, embargoes, expiry
    decision = decide(config, published, previous)   incremental.py: nothing, changed, all
    site = index_site(config, published)             site.py, related.py
    plan = plan_build(site, loaded, previous, ...)   plan.py
    built = render_outputs(plan, stage)              write.py, on every core (parallel.py)
    stage.keep(...); stage.commit()                  output.py, the one writer of public/
    save_state(next_state(previous, ..., built))     incremental.py, cache.py

Every output has a fingerprint of everything it is made from; an output whose
fingerprint matches the last build's, and whose file in public/ is untouched, is
not rendered again. The result is byte-identical to a clean build, which the tests
check after each kind of change.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from briefing.cache import BuildState, CacheDamaged, fresh_state, load_state, save_state
from briefing.config import Config
from briefing.display import shown
from briefing.entries.load import load_entries
from briefing.entries.validate import check_unique_slugs
from briefing.errors import BriefingError, BuildError
from briefing.fingerprint import config_key
from briefing.incremental import Scope, decide, next_state
from briefing.lazy_registry import LazyRegistry, registry_fingerprint
from briefing.output import open_stage
from briefing.output_guard import check_output
from briefing.parallel import Executor
from briefing.plan import plan_build
from briefing.publish import build_now, select_published
from briefing.publish_outputs import news_key, publishing_jobs
from briefing.redirects import (
    check_aliases,
    collect_redirects,
    entity_renames,
    merge_moves,
    moved_slugs,
    read_moves,
    record_moves,
)
from briefing.render.families import check_file_limit
from briefing.render.templates import find_theme
from briefing.site import index_site
from briefing.write import render_outputs

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
            f"build: {self.entries} {'entry' if self.entries == 1 else 'entries'}, {self.outputs} files "
            f"({self.rendered} written, {self.outputs - self.rendered} unchanged, "
            f"{self.removed} removed) in {self.seconds:.2f} s"
        )


class CacheHolder:
    """The build state kept in memory between builds (by `briefing serve`): no reload per save.

    Builds given a holder leave saving to it: the server saves when the editor pauses
    and when it stops, so writing the cache does not delay each reload. A build that
    fails leaves the held state as it was (no build changes the state it is given).
    """

    def __init__(self) -> None:
        self.state: BuildState | None = None
        self.unsaved = False

    def state_for(self, config: Config) -> BuildState | None:
        state = self.state
        return state if state is not None and state.folder == config.cache_dir else None

    def keep(self, state: BuildState) -> None:
        self.state, self.unsaved = state, True

    def save(self) -> None:
        if self.state is not None and self.unsaved:
            self.state = save_state(self.state)
        self.unsaved = False


def build_site(
    config: Config,
    *,
    progress: bool = False,
    holder: CacheHolder | None = None,
    executor: Executor | None = None,
) -> BuildResult:
    """Build the site; `executor` runs the stages' parallel work (default: forked workers)."""
    # Again here, not only when the config is read: serve and --base-url derive new configs.
    check_output(config, preview=config.preview)
    with site_lock(config):
        kept = holder.state_for(config) if holder is not None else None
        try:
            previous = kept or load_state(config.cache_dir)
            result, state = _build(config, previous, progress, executor, holder is None)
        except CacheDamaged as exc:
            log.warning("build cache is damaged (%s); rebuilding everything", exc)
            result, state = _build(config, fresh_state(config.cache_dir), progress, executor, holder is None)
        except (BriefingError, KeyboardInterrupt):
            raise
        except Exception as exc:
            if kept is not None or not (config.cache_dir / "state.marshal").exists():
                raise  # not the cache on disk: a bug, reported as one
            log.warning(
                "%s: build cache looks damaged (%s: %s); rebuilding everything without it",
                shown(config.cache_dir),
                type(exc).__name__,
                exc,
            )
            result, state = _build(config, fresh_state(config.cache_dir), progress, executor, holder is None)
        if holder is None:
            save_state(state)
        else:
            holder.keep(state)
        check_file_limit(config, result.outputs)
        return result


def _build(
    config: Config, previous: BuildState, progress: bool, executor: Executor | None, remember_moves: bool
) -> tuple[BuildResult, BuildState]:
    started = time.perf_counter()
    stage = open_stage(config.cache_dir, config.output)
    theme = find_theme(config)
    shared = "\0".join([theme.fingerprint(), config_key(config), registry_fingerprint(config.root)])
    loaded = load_entries(config, previous, progress, executor)
    _phase("load", started)
    check_unique_slugs(loaded.entries)
    check_aliases(loaded.entries)
    # Old URLs that must keep working (redirects.py). A slug that differs from the one the
    # last build published for the same file is a move, remembered in redirects.yml; not
    # under `serve` (a holder), whose saves come as an editor types: a half-typed slug is no move.
    known_moves = read_moves(config.root)
    moves = known_moves
    if remember_moves:
        slugs_before = {name: known.record.slug for name, known in previous.entries.items()}
        found = moved_slugs(slugs_before, set(previous.digests), loaded.entries, config.content_dir)
        moves = merge_moves(known_moves, found)
    renames = entity_renames(config.root)
    # From here on only what is published this time: drafts, embargoed and expired entries
    # reach no output, and every fingerprint below is of this visible set.
    published = select_published(loaded.entries, config, build_now())
    entries = published.entries
    # What publishing adds to the site's shape and inputs; () when there is none, as decide()'s
    # defaults, so a site without redirects or a news sitemap fingerprints as before.
    parts = (
        ("moves", sorted(moves.items())),
        ("renames", renames),
        ("aliases", [(e.slug, e.aliases) for e in entries if e.aliases]),
    )
    shape = tuple(part for part in parts if part[1])
    moving = tuple(news_key(config, entries, published.now))
    decision = decide(config, entries, previous, shared, shape=shape, moving=moving)
    if decision.scope is Scope.NOTHING:
        # Nothing read differs from what public/ was built from: nothing to write.
        state = next_state(previous, loaded, entries, decision, None, None, None)
        return _result(entries, state, [], [], started, published.held_line()), state
    # Same slugs, dates and tags: related briefings are as they were.
    related = previous.related if decision.scope is Scope.CHANGED else None
    site = index_site(config, entries, related, LazyRegistry(config.root), executor)
    _phase("index", started)
    extra = publishing_jobs(site, published.now, shared, collect_redirects(site, moves, renames))
    plan = plan_build(site, loaded, previous, theme, decision, extra)
    _phase("plan", started)
    stage.prepare(previous.outputs, plan.removed)
    try:
        built, written = render_outputs(plan, stage, progress, executor)
    except BaseException:
        stage.abandon((job.file for job in plan.jobs), plan.removed, previous.outputs)
        raise
    _phase("render", started)
    state = next_state(previous, loaded, entries, decision, built, plan.shards, plan.related)
    # The staged folder becomes the whole site: what was not rewritten is carried over.
    fresh = set(written)
    stage.keep([file for file in state.outputs if file not in fresh])
    stage.commit(changed=[*written, *plan.removed], outputs=state.outputs)
    if moves != known_moves:
        record_moves(config.root, moves)  # once public/ has the redirects
    return _result(entries, state, written, plan.removed, started, published.held_line()), state


def _result(
    entries: list, state: BuildState, written: list[str], removed: list[str], started: float, held: str | None
) -> BuildResult:
    return BuildResult(
        entries=len(entries),
        outputs=len(state.outputs),
        rendered=len(written),
        removed=len(removed),
        seconds=time.perf_counter() - started,
        held=held,
    )


def _phase(name: str, started: float) -> None:
    """`briefing build -v` says where the time goes."""
    log.info("build: %s done at %.2f s", name, time.perf_counter() - started)


def _lock_file(cache_dir: Path) -> IO[str]:
    """The lock file, open; a cache folder or lock that is something else is replaced, with a warning.

    Both are ours alone (nothing but caches lives there), so replacing them loses nothing.
    """
    try:  # an unreadable cache folder fails here already (its lock cannot even be looked at)
        for path, folder in ((cache_dir, True), (cache_dir / "lock", False)):
            wrong = path.is_symlink() or (path.exists() and path.is_dir() != folder)
            if wrong:
                log.warning("%s is not a %s; replacing it", shown(path), "folder" if folder else "file")
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
        cache_dir.mkdir(parents=True, exist_ok=True)
        return (cache_dir / "lock").open("w")
    except OSError as exc:
        raise BuildError(
            f"cannot open the build cache: {exc.strerror}",
            cache_dir,
            hint="check that the site folder and this one are readable and writable, or delete this one",
        ) from exc


@contextlib.contextmanager
def site_lock(config: Config) -> Iterator[None]:
    """One build per site at a time: two would commit over each other."""
    handle = _lock_file(config.cache_dir)
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
