"""content/ to entries for a build: parsed, validated, rendered and indexed once.

Changed files are read on every core; unchanged ones come from the build
cache by stat (size, mtime, ctime, inode), with their photo's stat too.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import astuple, replace
from datetime import datetime
from pathlib import Path

from briefing.cache import Buckets, BuildCache
from briefing.config import Config
from briefing.entries.read import list_entry_files, read_entry
from briefing.entries.validate import entry_from
from briefing.errors import BriefingError, ContentError
from briefing.model import Entry, Image
from briefing.parallel import run_chunks
from briefing.render import images, search
from briefing.render.markdown import MarkdownRenderer

log = logging.getLogger("briefing")


_LOAD_WORK: list[Path] = []
_LOAD_CONFIG: Config | None = None


def load_entries(
    config: Config, cache: BuildCache, progress: bool = False
) -> tuple[list[Entry], dict[str, str], dict[str, tuple[str, str]]]:
    """Every entry with its body HTML and search terms, redoing only files that changed.

    Parsing YAML and rendering Markdown are most of a cold build, so changed
    files are read on every core; unchanged ones come from the cache by stat.
    """
    global _LOAD_WORK, _LOAD_CONFIG
    known, errors = cache.entries, []
    made, cache.made = cache.made, {}
    fresh: dict[str, tuple] = {}
    found: dict[str, Entry] = {}
    stale: list[Path] = []
    stamps: dict[str, tuple] = {}
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
        # ctime too: tools that restore mtimes (cp -p, rsync -t, tar) cannot set it.
        stamps[name] = (
            stat.st_mtime_ns,
            stat.st_ctime_ns,
            stat.st_ino,
            stat.st_size,
            config.timezone,
            config.allow_html,
        )
        hit = known.get(name)
        if (
            hit is not None
            and tuple(hit[0]) == stamps[name]
            and (hit[2] is None or _photo_stamp(content_dir, hit[1]) == hit[2])
        ):
            # `made` holds what the same record gave last time (under `briefing serve`).
            found[name] = made.get(name) or _from_record(file, hit[1])
            fresh[name] = hit
        else:
            stale.append(Path(file))
    _LOAD_WORK, _LOAD_CONFIG = stale, config
    for path, outcome in zip(stale, run_chunks(_load_chunk, len(stale), progress, "entries"), strict=True):
        if isinstance(outcome, BriefingError):
            errors.append(outcome)
            continue
        record, html, entry_terms = outcome
        name = path.relative_to(config.content_dir).as_posix()
        found[name] = _from_record(str(path), record)
        fresh[name] = (stamps[name], record, _photo_stamp(config.content_dir, record))
        cache.bodies[record[8]] = html
        cache.terms[record[9]] = entry_terms
    if errors:
        errors.sort(key=lambda e: str(e.path))
        for error in errors[1:]:
            log.error("error: %s", error)
        raise errors[0]
    entries = [found[name] for name in sorted(found)]
    cache.entries, cache.made = fresh, found
    bodies = _Lookup(cache.bodies, {e.slug: e.body_key for e in entries})
    terms = _Lookup(cache.terms, {e.slug: e.digest for e in entries})
    return entries, bodies, terms  # type: ignore[return-value]


class _Lookup:
    """slug -> cached value, read from the cache's buckets only for the slugs asked for."""

    def __init__(self, store: Buckets, keys: dict[str, str]) -> None:
        self.store, self.keys = store, keys

    def __getitem__(self, slug: str):
        return self.store[self.keys[slug]]


def _load_chunk(indices: list[int]) -> list:
    """Worker: parse, validate, render and index some entries; errors are results too."""
    assert _LOAD_CONFIG is not None
    renderer = MarkdownRenderer(allow_html=_LOAD_CONFIG.allow_html)
    language = search.language_of(_LOAD_CONFIG.language)
    results: list = []
    for i in indices:
        path = _LOAD_WORK[i]
        try:
            metadata, body, _line, text = read_entry(path)
            entry = with_photo(
                entry_from(metadata, body, text, path, _LOAD_CONFIG.tz), _LOAD_CONFIG.content_dir, text
            )
        except ContentError as error:
            results.append(error)
            continue
        body_key = _body_key(entry.body, _LOAD_CONFIG.allow_html)
        html = renderer.render(entry.body)
        image = entry.image
        captions = f"{image.caption}\n{image.alt}" if image else ""
        terms = search.entry_terms(
            entry.title, entry.tags, f"{entry.summary}\n{captions}", entry.body, language
        )
        record = _to_record(entry, body_key)
        results.append((record, html, tuple(terms)))
    return results


def _photo_stamp(content_dir: Path, record: tuple) -> tuple | None:
    """The stat of an entry's photo: a replaced or deleted photo makes the entry stale."""
    image = record[7]
    if not image or not image[3]:
        return None
    try:
        stat = (content_dir / image[3]).stat()
    except OSError:
        return ()
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


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
    width, height = images.photo_size(path)
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


def _to_record(entry: Entry, body_key: str) -> tuple:
    """An entry as plain data for the cache (marshal takes no dataclasses or datetimes)."""
    image = astuple(entry.image) if entry.image else None
    return (
        entry.slug,
        entry.title,
        entry.published.isoformat(),
        entry.summary,
        entry.tags,
        entry.entities,
        entry.source,
        image,
        body_key,
        entry.digest,
        entry.draft,
        entry.expires.isoformat() if entry.expires else None,
        entry.aliases,
        entry.story,
        entry.priority,
    )


def _from_record(file: str, record: tuple) -> Entry:
    slug, title, published, summary, tags, entities, source, image, body_key, digest, *extra = record
    draft, expires, aliases, story, priority = extra
    # The Markdown source is not kept: its HTML is cached under body_key.
    return Entry(
        file=file,
        slug=slug,
        title=title,
        published=datetime.fromisoformat(published),
        summary=summary,
        body="",
        tags=tuple(tags),
        entities={k: tuple(v) for k, v in entities.items()},
        source=source,
        image=Image(*image) if image else None,
        digest=digest,
        body_key=body_key,
        draft=draft,
        expires=datetime.fromisoformat(expires) if expires else None,
        aliases=tuple(aliases),
        story=story,
        priority=priority,
    )
