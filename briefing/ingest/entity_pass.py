"""Ingest's site pass for entities: names the rules found anywhere, tagged everywhere.

Runs after every seed is synced, over all of content/ (see briefing/entities/site_pass.py
for the rule). Entries this ingest wrote bring their rule-found names, tags and text
from the workers; the others come from a cache keyed by the entry file's stat
(.briefing-cache/entities-site.marshal), or are read (and tagged once, to learn the
names the rules find in them). The registry is loaded only when some entry needs work.
An entry an editor has changed is never rewritten.
"""

from __future__ import annotations

import logging
import marshal
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from briefing.display import shown
from briefing.entities import Registry, Tagging
from briefing.entities.normalise import key
from briefing.entities.site_pass import SiteNames, article_text, body_paragraphs, gather, retag, with_tagging
from briefing.entries.read import list_entries, read_entry
from briefing.errors import ContentError
from briefing.ingest.memory import file_stat
from briefing.ingest.parse import RawArticle
from briefing.ingest.writer import is_hand_edited, render_entry, write_atomic

log = logging.getLogger("briefing")

_FORMAT = 2  # 2: the acronyms entries defined for their rule-found names
_CACHE = "entities-site.marshal"


@dataclass(frozen=True)
class EntityNote:
    """An entry as the pass keeps it: the names the rules found in it, its tags, and its
    folded text (to look for other entries' names without reading it)."""

    found: tuple[tuple[str, str], ...]
    tags: tuple[str, ...]
    folded: str
    aliases: tuple[tuple[str, str], ...] = ()  # (name, alias) the entry defined


def note_of(article: RawArticle, tagging: Tagging) -> EntityNote:
    """A seed ingest just tagged, as the pass keeps it."""
    image = article.image
    caption, alt = (image.caption, image.alt) if image else (None, None)
    return EntityNote(
        tagging.found,
        tagging.tags,
        article_text(article.title, article.paragraphs, caption, alt),
        tagging.found_aliases,
    )


@dataclass
class SitePass:
    """The pass's outcome: the entries it rewrote (each with its `story:`, for the ingest
    cache), and its notes, saved by `save()` once later steps have written content/."""

    rewritten: list[tuple[Path, str | None]]
    notes: dict[str, tuple[tuple | None, EntityNote]]
    content_dir: Path
    cache_path: Path

    def save(self) -> None:
        """Keep the notes, with each entry file's stat as it is now: the story pass may
        have rewritten an entry's `story:`, which changes nothing the notes hold."""
        final = {
            name: (file_stat(self.content_dir / name), note)
            for name, (_stat, note) in self.notes.items()
            if (self.content_dir / name).is_file()
        }
        _save(self.cache_path, final)


def tag_site_names(
    content_dir: Path, cache_dir: Path, load: Callable[[], Registry], fresh: Mapping[Path, EntityNote]
) -> SitePass:
    """Tag every entry ingest owns with the site's rule-found names it holds."""
    started = time.perf_counter()
    cached = _load(cache_dir / _CACHE)
    notes: dict[str, tuple[tuple | None, EntityNote]] = {}
    unread: list[Path] = []
    for path in list_entries(content_dir):
        name = path.relative_to(content_dir).as_posix()
        stat = file_stat(path)
        if path in fresh:
            notes[name] = (stat, fresh[path])
        elif name in cached and cached[name][0] == stat:
            notes[name] = cached[name]
        else:
            unread.append(path)
    registry: Registry | None = None
    for path in unread:  # new to the cache: tag once to learn its rule-found names
        registry = registry or load()
        read = _read(path)
        if read is not None:
            title, paragraphs, caption, alt = read[0]
            tagging = retag_plain(registry, title, paragraphs, caption, alt)
            notes[path.relative_to(content_dir).as_posix()] = (
                file_stat(path),
                EntityNote(
                    tagging.found,
                    tuple(read[2]),
                    article_text(title, paragraphs, caption, alt),
                    tagging.found_aliases,
                ),
            )
    wanted = _wanted(notes)
    rewritten: list[tuple[Path, str | None]] = []
    if wanted:
        registry = registry or load()
        site = gather(
            registry,
            (note.found for _, note in notes.values()),
            (note.aliases for _, note in notes.values()),
        )
        for name in sorted(wanted):
            path = content_dir / name
            done = _retag_entry(path, site)
            if done is not None:
                tagging, story = done
                notes[name] = (
                    file_stat(path),
                    EntityNote(tagging.found, tagging.tags, notes[name][1].folded, tagging.found_aliases),
                )
                rewritten.append((path, story))
    if wanted:
        log.info(
            "ingest: site names in %d entries checked in %.2f s, %d rewritten",
            len(wanted),
            time.perf_counter() - started,
            len(rewritten),
        )
    return SitePass(rewritten, notes, content_dir, cache_dir / _CACHE)


def retag_plain(
    registry: Registry, title: str, paragraphs: list[str], caption: str | None, alt: str | None
) -> Tagging:
    from briefing.entities import tag_article

    return tag_article(
        registry, title=title, paragraphs=paragraphs, caption=caption, alt=alt, with_candidates=False
    )


def _wanted(notes: Mapping[str, tuple[tuple | None, EntityNote]]) -> set[str]:
    """Entries whose text holds a name the rules found in another entry, untagged."""
    names = {name for _, note in notes.values() for name, _group in note.found}
    if not names:
        return set()
    keys = {key(alias): name for _, note in notes.values() for name, alias in note.aliases}
    keys.update({key(name): name for name in names})
    wanted = set()
    for entry, (_stat, note) in notes.items():
        padded = f" {note.folded} "
        have = set(note.tags)
        if any(name not in have and f" {name_key} " in padded for name_key, name in keys.items()):
            wanted.add(entry)
    return wanted


def _read(
    path: Path,
) -> tuple[tuple[str, list[str], str | None, str | None], dict, list[str], str, str] | None:
    try:
        metadata, body, _line, text = read_entry(path)
    except ContentError:
        return None  # the scan of content/ has reported it already
    title = metadata.get("title")
    if not isinstance(title, str):
        return None
    image = metadata.get("image")
    caption = alt = None
    if isinstance(image, dict):
        caption = image.get("caption") if isinstance(image.get("caption"), str) else None
        alt = image.get("alt") if isinstance(image.get("alt"), str) else None
    tags = metadata.get("tags")
    tag_list = [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []
    return (title, body_paragraphs(body), caption, alt), metadata, tag_list, body, text


def _retag_entry(path: Path, site: SiteNames) -> tuple[Tagging, str | None] | None:
    """Re-tag one entry with the site's names; rewrite it if ingest owns it and its tags
    change. Returns its new tagging and story, or None if it was left as it is."""
    read = _read(path)
    if read is None:
        return None
    (title, paragraphs, caption, alt), metadata, tags, body, text = read
    if is_hand_edited(text):
        return None  # the editor's tags are final
    tagging = retag(site, title, paragraphs, caption, alt)
    if list(tagging.tags) == tags:
        return None
    metadata = with_tagging(dict(metadata), tagging)
    metadata.pop("ingest_hash", None)
    try:
        write_atomic(path, render_entry(metadata, body))
    except OSError as exc:
        log.warning("%s: cannot record its tags: %s", shown(path), exc.strerror)
        return None
    story = metadata.get("story")
    return tagging, story if isinstance(story, str) else None


def _load(path: Path) -> dict[str, tuple[tuple | None, EntityNote]]:
    try:
        data = marshal.loads(path.read_bytes())
        if data.get("format") != _FORMAT:
            return {}
        return {
            name: (
                stat,
                EntityNote(
                    tuple((n, g) for n, g in found), tuple(tags), folded, tuple((n, a) for n, a in aliases)
                ),
            )
            for name, (stat, found, tags, folded, aliases) in data["entries"].items()
        }
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):
        return {}  # no cache or a damaged one: entries are read again


def _save(path: Path, notes: Mapping[str, tuple[tuple | None, EntityNote]]) -> None:
    data = marshal.dumps(
        {
            "format": _FORMAT,
            "entries": {
                name: (
                    tuple(stat) if stat else None,
                    [[n, g] for n, g in note.found],
                    list(note.tags),
                    note.folded,
                    [[n, a] for n, a in note.aliases],
                )
                for name, (stat, note) in sorted(notes.items())
            },
        },
        2,
    )
    try:
        if path.is_file() and path.read_bytes() == data:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:  # a cache: losing it costs time, never data
        log.warning("%s: cannot save the entity cache: %s", shown(path), exc.strerror)
