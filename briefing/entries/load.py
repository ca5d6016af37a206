"""content/ to entries for a build: parsed, validated, rendered and indexed once.

Changed files are read on every core; unchanged ones come from the build
cache by stat (size, mtime, ctime, inode), with their photo's stat too.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from briefing.cache import (
    MISSING_PHOTO,
    BuildState,
    EntryRecord,
    FileStamp,
    ImageRecord,
    KnownEntry,
    PhotoStamp,
    Store,
)
from briefing.config import Config
from briefing.display import shown
from briefing.entries.read import list_entry_files, read_entry
from briefing.entries.validate import entry_from
from briefing.errors import BriefingError, ContentError, raise_all
from briefing.model import Entry, Image, Source
from briefing.parallel import Executor, run_chunks
from briefing.render import images, search
from briefing.render.markdown import MarkdownRenderer

log = logging.getLogger("briefing")


@dataclass(frozen=True)
class Loaded:
    """The load stage's result: every entry, and what the next build state keeps of them."""

    entries: list[Entry]  # by file name
    known: dict[str, KnownEntry]  # by path under content/, for the next state
    made: dict[str, Entry]  # the same entries by path, reused while a server keeps the state
    bodies: Store  # the previous bodies with the ones rendered now
    terms: Store  # the previous search terms with the ones found now

    def bodies_by_slug(self) -> Mapping[str, str]:
        """slug -> body HTML, read from the store only for the slugs asked for."""
        return _BySlug(self.bodies, {e.slug: e.body_key for e in self.entries}, str)

    def terms_by_slug(self) -> Mapping[str, tuple]:
        """slug -> search terms (render.search.EntryTerms as a plain tuple), read from the
        store only for the slugs asked for."""
        return _BySlug(self.terms, {e.slug: e.digest for e in self.entries}, tuple)


V = TypeVar("V")


class _BySlug(Mapping[str, V]):
    """slug -> a value kept in a cache store under another key."""

    def __init__(self, store: Store, keys: dict[str, str], make: Callable[[Any], V]) -> None:
        self._store, self._keys, self._make = store, keys, make

    def __getitem__(self, slug: str) -> V:
        return self._make(self._store[self._keys[slug]])

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def load_entries(
    config: Config, previous: BuildState, progress: bool = False, executor: Executor | None = None
) -> Loaded:
    """Every entry with its body HTML and search terms, redoing only files that changed.

    Parsing YAML and rendering Markdown are most of a cold build, so changed
    files are read on every core; unchanged ones come from the cache by stat.
    All unreadable entries are reported (the first one is raised, the rest logged).
    """
    found, known, stale, stamps, errors = _reuse_unchanged(config, previous)
    bodies: dict[str, str] = {}
    terms: dict[str, tuple] = {}
    shared = _LoadInput(stale, config)
    outcomes = run_chunks(
        _load_chunk, shared, len(stale), what="entries", progress=progress, executor=executor
    )
    for path, outcome in zip(stale, outcomes, strict=True):
        if isinstance(outcome, BriefingError):
            errors.append(outcome)
            continue
        record, html, entry_terms = outcome
        name = path.relative_to(config.content_dir).as_posix()
        found[name] = _from_record(str(path), record)
        known[name] = KnownEntry(stamps[name], record, _photo_stamp(config.content_dir, record))
        bodies[record.body_key] = html
        terms[record.digest] = entry_terms
    raise_all(errors)
    entries = [found[name] for name in sorted(found)]
    return Loaded(
        entries=entries,
        known=known,
        made=found,
        bodies=previous.bodies.with_changes(put=bodies, keep={e.body_key for e in entries}),
        terms=previous.terms.with_changes(put=terms, keep={e.digest for e in entries}),
    )


def _reuse_unchanged(
    config: Config, previous: BuildState
) -> tuple[dict[str, Entry], dict[str, KnownEntry], list[Path], dict[str, FileStamp], list[BriefingError]]:
    """Entries whose file (and photo) stat is as the last build saw it, and the files to read."""
    found: dict[str, Entry] = {}
    known: dict[str, KnownEntry] = {}
    stale: list[Path] = []
    stamps: dict[str, FileStamp] = {}
    errors: list[BriefingError] = []
    content_dir = config.content_dir
    prefix = len(str(content_dir)) + 1
    for file in list_entry_files(content_dir):
        # Plain strings and os.stat: pathlib costs more than the stat calls on 10,000 entries.
        name = file[prefix:].replace(os.sep, "/")
        try:
            stat = os.stat(file)
        except OSError as exc:
            errors.append(ContentError(f"cannot be read: {exc.strerror}", file))
            continue
        stamps[name] = FileStamp(
            stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_size, config.timezone, config.allow_html
        )
        hit = previous.entries.get(name)
        if (
            hit is not None
            and hit.stamp == stamps[name]
            and (hit.photo is None or _photo_stamp(content_dir, hit.record) == hit.photo)
        ):
            # `made` holds what the same record gave last time (under `briefing serve`).
            found[name] = previous.made.get(name) or _from_record(file, hit.record)
            known[name] = hit
        else:
            stale.append(Path(file))
    return found, known, stale, stamps, errors


@dataclass(frozen=True)
class _LoadInput:
    """What every load worker reads: the files to read, and the site's settings."""

    paths: list[Path]
    config: Config


def _load_chunk(shared: _LoadInput, indices: Sequence[int]) -> list:
    """Worker: parse, validate, render and index some entries; errors are results too."""
    config = shared.config
    renderer = MarkdownRenderer(allow_html=config.allow_html)
    language = search.language_of(config.language)
    results: list = []
    for i in indices:
        path = shared.paths[i]
        try:
            metadata, body, _line, text = read_entry(path)
            entry = with_photo(entry_from(metadata, body, text, path, config.tz), config.content_dir, text)
        except ContentError as error:
            results.append(error)
            continue
        body_key = _body_key(entry.body, config.allow_html)
        html = renderer.render(entry.body)
        image = entry.image
        captions = f"{image.caption}\n{image.alt}" if image else ""
        terms = search.entry_terms(
            entry.title, entry.tags, f"{entry.summary}\n{captions}", entry.body, language
        )
        record = _to_record(entry, body_key)
        results.append((record, html, tuple(terms)))
    return results


def _photo_stamp(content_dir: Path, record: EntryRecord) -> PhotoStamp | None:
    """The stat of an entry's photo: a replaced or deleted photo makes the entry stale."""
    image = record.image
    if not image or not image.file:
        return None
    try:
        stat = (content_dir / image.file).stat()
    except OSError:
        return MISSING_PHOTO
    return PhotoStamp(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def with_photo(entry: Entry, content_dir: Path, text: str) -> Entry:
    """Read the photo's size, and let its bytes' stat change the entry's digest."""
    image = entry.image
    if image is None or not image.file:
        return entry
    path = content_dir / image.file
    if not path.is_file():
        raise ContentError(
            f"its photo {image.file} is not in {content_dir.name}/",
            entry.path,
            _line_of(text, "image"),
            hint="put the photo there, or remove the file: line from image",
        )
    problem = images.photo_problem(path)
    if problem is None:
        width, height = images.photo_size(path)
    else:
        # One bad photo must not stop the site: the entry goes out without it, and says so.
        log.warning(
            "%s: its photo %s is skipped: %s (replace it with a valid JPEG, PNG or WebP)",
            shown(entry.path),
            image.file,
            problem,
        )
        width = height = 0
    stat = path.stat()
    digest = hashlib.sha256(
        f"{entry.digest}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}".encode()
    ).hexdigest()[:20]
    return replace(entry, image=replace(image, width=width, height=height), digest=digest)


def _line_of(text: str, key: str) -> int | None:
    at = text.find(f"\n{key}:")
    return text.count("\n", 0, at + 1) + 1 if at != -1 else None


def _body_key(body: str, allow_html: bool) -> str:
    return hashlib.sha256(f"{allow_html}\0{body}".encode()).hexdigest()[:24]


def _to_record(entry: Entry, body_key: str) -> EntryRecord:
    """An entry as the cache keeps it (cache.py turns it into plain data for marshal)."""
    image = entry.image
    return EntryRecord(
        slug=entry.slug,
        title=entry.title,
        published=entry.published.isoformat(),
        summary=entry.summary,
        tags=entry.tags,
        entities=entry.entities,
        source=(entry.source.name, entry.source.url) if entry.source else None,
        image=None
        if image is None
        else ImageRecord(image.alt, image.caption, image.credit, image.file, image.width, image.height),
        body_key=body_key,
        digest=entry.digest,
        draft=entry.draft,
        expires=entry.expires.isoformat() if entry.expires else None,
        aliases=entry.aliases,
        story=entry.story,
        priority=entry.priority,
        updated=entry.updated.isoformat() if entry.updated else None,
    )


def _from_record(file: str, record: EntryRecord) -> Entry:
    image = record.image
    # The Markdown source is not kept: its HTML is cached under body_key.
    return Entry(
        file=file,
        slug=record.slug,
        title=record.title,
        published=datetime.fromisoformat(record.published),
        summary=record.summary,
        body="",
        tags=tuple(record.tags),
        entities={k: tuple(v) for k, v in record.entities.items()},
        source=Source(*record.source) if record.source else None,
        image=None
        if image is None
        else Image(image.alt, image.caption, image.credit, image.file, image.width, image.height),
        digest=record.digest,
        body_key=record.body_key,
        draft=record.draft,
        expires=datetime.fromisoformat(record.expires) if record.expires else None,
        aliases=tuple(record.aliases),
        story=record.story,
        priority=record.priority,
        updated=datetime.fromisoformat(record.updated) if record.updated else None,
    )
