"""What content/ already holds: each entry by the seed it came from, and every slug in use."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from briefing.display import shown
from briefing.entries.read import list_entries, read_entry
from briefing.entries.source import is_legacy_seed
from briefing.errors import ContentError
from briefing.ingest.dates import format_date
from briefing.ingest.memory import IngestMemory, KnownEntryFile, file_stat
from briefing.ingest.report import IngestReport

log = logging.getLogger("briefing")


@dataclass(frozen=True)
class Existing:
    """What content/ already holds for one seed."""

    path: Path
    slug: str
    date: str | None
    known_text: str | None  # None when the scan trusted the ingest cache instead of reading
    story: str | None = None  # its `story:`, kept when ingest writes it again

    def story_or(self, slug: str) -> str:
        """The story it keeps when its seed is ingested again: its own until the story pass says."""
        return self.story or slug

    @property
    def text(self) -> str:
        if self.known_text is not None:
            return self.known_text
        return self.path.read_text(encoding="utf-8")


def scan_content(
    content_dir: Path, report: IngestReport, memory: IngestMemory
) -> tuple[dict[str, Existing], set[str], set[str]]:
    """Index existing entries by the seed they came from; note every slug in use."""
    by_source: dict[str, Existing] = {}
    taken: set[str] = set()
    unreadable: set[str] = set()
    if not content_dir.is_dir():
        return by_source, taken, unreadable
    remembered, memory.entries = memory.entries, {}
    for path in list_entries(content_dir):
        taken.add(path.stem)
        name = path.relative_to(content_dir).as_posix()
        stat = file_stat(path)
        known = remembered.get(name)
        if known is not None and known.stat == stat:
            slug, when, seed, story = known.slug, known.date, known.seed, known.story
            text = None
        else:
            try:
                metadata, _body, _line, text = read_entry(path)
            except ContentError as error:
                # Its seed must not be re-ingested beside it: that would fork the entry.
                unreadable.add(path.stem)
                report.failed.append(error)
                continue
            slug = str(metadata.get("slug") or path.stem)
            seed = seed_of(metadata)
            raw_date = metadata.get("date")
            if isinstance(raw_date, datetime | date):
                raw_date = format_date(raw_date)
            when = str(raw_date) if raw_date else None
            story = metadata.get("story")
            story = story if isinstance(story, str) and story else None
        memory.entries[name] = KnownEntryFile(stat, slug, when, seed, story)
        taken.add(slug)
        if seed is None:
            continue
        if seed in by_source:
            log.warning(
                "%s: seed %s is also claimed by %s; using the first",
                shown(path),
                seed,
                shown(by_source[seed].path),
            )
            continue
        by_source[seed] = Existing(path, slug, when, text, story)
    return by_source, taken, unreadable


def seed_of(metadata: dict) -> str | None:
    """The seed file an entry came from: `seed:`, or an old entry's `source:` file name."""
    seed = metadata.get("seed")
    if isinstance(seed, str) and seed.strip():
        return seed.strip()
    source = metadata.get("source")
    return source.strip() if isinstance(source, str) and is_legacy_seed(source) else None
