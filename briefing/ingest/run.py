"""The ingest stage: every seed in seeds/ to an entry in content/, editor-safe.

The steps, top-down: scan content/ (existing.py), skip seeds the last ingest left as
they are (memory.py), read and tag the rest on every core (prepare.py), then bring each
into content/ in seed order (sync.py). Reading seeds and their photos is seeds.py.
"""

from __future__ import annotations

import logging
from pathlib import Path

from briefing.config import Config
from briefing.display import shown
from briefing.entities import Registry
from briefing.errors import BriefingError
from briefing.ingest.entity_pass import EntityNote, note_of, tag_site_names
from briefing.ingest.existing import Existing, scan_content
from briefing.ingest.memory import IngestMemory
from briefing.ingest.prepare import prepare_all
from briefing.ingest.report import IngestReport
from briefing.ingest.seeds import list_seeds, read_seed
from briefing.ingest.slugs import make_slug
from briefing.ingest.story_pass import StoryNote, assign_stories
from briefing.ingest.sync import sync_entry
from briefing.ingest.writer import (
    remove_stale_temporaries,
)
from briefing.lazy_registry import LazyRegistry, registry_fingerprint
from briefing.parallel import Executor
from briefing.stories import StorySettings

log = logging.getLogger("briefing")


def ingest_site(
    config: Config, *, registry: Registry | None = None, executor: Executor | None = None
) -> IngestReport:
    """Ingest every seed; report per outcome. Never deletes or overwrites an edited entry.

    A seed whose file, entry file, photo and the entity registry are all as the
    last ingest left them is unchanged without being read: re-ingesting 10,000
    seeds takes a fraction of a second (the record is .briefing-cache/ingest.marshal).
    """
    report = IngestReport()
    remove_stale_temporaries(config.content_dir)
    memory = IngestMemory.load(config.cache_dir, registry_fingerprint(config.root))
    by_source, taken, unreadable = scan_content(config.content_dir, report, memory)
    seeds = list_seeds(config.seeds_dir)
    if not seeds:
        log.warning("%s: no seed articles (*.txt) to ingest", shown(config.seeds_dir))
    follow_renamed_seeds(config, by_source, seeds)
    lazy = LazyRegistry(config.root, registry)
    todo = []
    for seed in seeds:
        existing = by_source.get(seed.name)
        if memory.unchanged(seed, existing.path if existing else None, config.content_dir):
            report.unchanged.append(by_source[seed.name].path)
        else:
            todo.append(seed)
    prepared = prepare_all(todo, lazy, by_source, taken | unreadable, executor)
    notes: dict[Path, StoryNote] = {}
    entity_notes: dict[Path, EntityNote] = {}
    for seed, ready in zip(todo, prepared, strict=True):
        try:
            if isinstance(ready, BriefingError):
                raise ready
            new = seed.name not in by_source
            entry = sync_entry(seed, config, ready, by_source, taken, unreadable, report)
            if entry is not None and new and ready.article.written_date is None:
                _warn_undated(seed, entry[0])
            if entry is not None:
                path, slug, when = entry
                existing = by_source.get(seed.name)
                story = existing.story_or(slug) if existing is not None else slug
                memory.remember(seed, entry, config.content_dir, story)
                notes[path] = StoryNote(slug, when, story, ready.features)
                entity_notes[path] = note_of(ready.article, ready.tagging)
            else:
                memory.seeds.pop(seed.name, None)
        except BriefingError as error:
            report.failed.append(error)
    _content_passes(config, memory, lazy, notes, entity_notes, report)
    memory.save()
    _warn_of_orphans(config, by_source, {seed.name for seed in seeds})
    return report


def _content_passes(
    config: Config,
    memory: IngestMemory,
    lazy: LazyRegistry,
    notes: dict[Path, StoryNote],
    entity_notes: dict[Path, EntityNote],
    report: IngestReport,
) -> None:
    """The passes over all of content/ once every seed is in: site-wide names, then stories."""
    # Over all of content/: names the rules found in some entries, tagged in all (entities/site_pass.py).
    site_names = tag_site_names(config.content_dir, config.cache_dir, lazy.load, entity_notes)
    for path, kept_story in site_names.rewritten:
        memory.follow(path, kept_story or path.stem, config.content_dir)
        notes.pop(path, None)  # its entities changed: the story pass reads it again
    # Last, over all of content/: which entries are reports of one story (stories.py).
    settings = StorySettings(threshold=config.story_threshold, days=config.story_days)
    for path in assign_stories(
        config.content_dir,
        config.cache_dir,
        notes,
        settings,
        lambda p, s: memory.follow(p, s, config.content_dir),
    ):
        report.restoried(path)
    site_names.save()


def follow_renamed_seeds(config: Config, by_source: dict[str, Existing], seeds: list[Path]) -> None:
    """A new seed whose title gives the slug of an entry whose seed is gone is that seed,
    renamed: its entry follows it (same slug and date, source updated), where it would
    otherwise publish a second copy under `-2` beside the first.

    Only read when some entry lost its seed, which is rare; a seed that cannot be read
    is left to the normal path, which reports it.
    """
    present = {seed.name for seed in seeds}
    orphans = {existing.slug: source for source, existing in by_source.items() if source not in present}
    if not orphans:
        return
    for seed in seeds:
        if seed.name in by_source or not orphans:
            continue
        try:
            article, _mtime = read_seed(seed)
        except BriefingError:
            continue
        source = orphans.pop(make_slug(article.title, fallback=seed.stem), None)
        if source is None:
            continue
        existing = by_source.pop(source)
        by_source[seed.name] = existing
        log.warning(
            "%s: taken as %s renamed (same title); %s follows it",
            shown(seed),
            shown(config.seeds_dir / source),
            shown(existing.path),
        )


def _warn_undated(seed: Path, entry: Path) -> None:
    """A new entry dated by its seed's file time: a clone or a copy of the seeds would
    date it otherwise, so two checkouts could build different sites. Say so once, when
    the date is written (the entry keeps it from then on)."""
    log.warning(
        "%s: no date line under the title, so %s is dated by the file's time, which a copy "
        "or clone changes; add a date line (2024-03-01) or set date: in the entry",
        shown(seed),
        shown(entry),
    )


def _warn_of_orphans(config: Config, by_source: dict[str, Existing], present: set[str]) -> None:
    """Entries whose seed is gone stay published: say so, and how to unpublish them."""
    for source, existing in sorted(by_source.items()):
        if source not in present:
            # A warning, not info: the user must hear it without --verbose (issue 3).
            log.warning(
                "%s stays: its seed %s is gone (delete the entry to unpublish it)",
                shown(existing.path),
                shown(config.seeds_dir / source),
            )
