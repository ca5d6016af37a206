"""Ingest's last step: give every entry ingest owns its `story:`, editor-safe.

Story detection (briefing/stories.py) looks at every entry in content/, so it
runs once all seeds are in. Entries ingest wrote this run bring their story
features from the workers that tagged them; the others come from a cache
keyed by the entry file's stat (.briefing-cache/stories.marshal), or are read.

An entry an editor has changed (its `ingest_hash` no longer matches) keeps the
`story:` it has, set, changed or cleared, and takes no part in detection: the
editor's choice is final. Every other entry whose detected story differs from
its `story:` is rewritten with the new one (and a new hash).
"""

from __future__ import annotations

import logging
import marshal
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from briefing.display import shown
from briefing.entries.read import list_entries, read_entry, split_entry
from briefing.errors import ContentError
from briefing.ingest.writer import is_hand_edited, render_entry, write_atomic
from briefing.stories import RULES, StoryDoc, StoryFeatures, StorySettings, detect_stories, story_features

log = logging.getLogger("briefing")

_FORMAT = 3  # 2: with the settings the stories were found under; 3: features name the headline's keys


@dataclass(frozen=True)
class StoryNote:
    """An entry as this ingest left it: what the story pass needs without reading it."""

    slug: str
    date: str  # as in the front matter
    story: str | None  # the `story:` it carries
    features: StoryFeatures


@dataclass(frozen=True)
class _Record:
    stat: tuple | None
    slug: str
    day: float
    story: str | None
    pinned: bool  # edited by hand: its story is the editor's
    features: StoryFeatures


def _stat(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def day_number(value: object) -> float | None:
    """Days since the epoch (UTC) of a front matter date, or None if it is not one."""
    if isinstance(value, str):
        try:
            text = value.strip().replace("Z", "+00:00")
            value = datetime.fromisoformat(text) if ("T" in text or " " in text) else date.fromisoformat(text)
        except ValueError:
            return None
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day, tzinfo=UTC)
    else:
        return None
    try:
        return moment.timestamp() / 86400
    except (OverflowError, ValueError):
        return None


def _read_record(path: Path, stat: tuple | None) -> _Record | None:
    """An entry not seen before (or changed since): read it. None if it cannot take part."""
    try:
        metadata, body, _line, text = read_entry(path)
    except ContentError:
        return None  # the scan of content/ has reported it already
    day = day_number(metadata.get("date"))
    title = metadata.get("title")
    if day is None or not isinstance(title, str):
        return None  # the build will name what is wrong with it
    slug = metadata.get("slug") or path.stem
    story = metadata.get("story")
    entities = metadata.get("entities")
    groups = (
        {
            str(k): [str(n) for n in v]
            for k, v in entities.items()
            if isinstance(v, list) and all(isinstance(n, str) for n in v)
        }
        if isinstance(entities, dict)
        else {}
    )
    return _Record(
        stat=stat,
        slug=str(slug),
        day=day,
        story=story if isinstance(story, str) and story.strip() else None,
        pinned=is_hand_edited(text),
        features=story_features(title, body, groups),
    )


def assign_stories(
    content_dir: Path,
    cache_dir: Path,
    fresh: dict[Path, StoryNote],
    settings: StorySettings,
    rewritten: Callable[[Path, str], None],
) -> list[Path]:
    """Detect stories over content/ and write each ingest-owned entry's `story:`.

    `fresh` holds the entries this ingest wrote or checked; `rewritten(path)` is
    told of every entry this pass writes (and its story), so the ingest cache can follow. Returns them.
    """
    started = time.perf_counter()
    cache_path = cache_dir / "stories.marshal"
    known, known_settings = _load(cache_path)
    records: dict[str, _Record] = {}
    read = 0  # entries not as the last pass left them
    for path in list_entries(content_dir):
        name = path.relative_to(content_dir).as_posix()
        stat = _stat(path)
        note = fresh.get(path)
        if note is not None:
            day = day_number(note.date)
            if day is None:
                continue
            record: _Record | None = _Record(stat, note.slug, day, note.story, False, note.features)
        else:
            cached = known.get(name)
            if cached is not None and cached.stat == stat:
                record = cached
            else:
                record, read = _read_record(path, stat), read + 1
        if record is not None:
            records[name] = record
    if not fresh and not read and records.keys() == known.keys() and known_settings == _key(settings):
        # Every entry is as the last pass left it, under the same settings and rules: so are the stories.
        # (Re-ingesting 10,000 unchanged seeds must not cost a detection.)
        return []
    free = {name: r for name, r in records.items() if not r.pinned}
    docs = [StoryDoc(r.slug, r.day, r.features) for r in free.values()]
    stories = detect_stories(docs, settings)
    changed: list[Path] = []
    for name, record in sorted(free.items()):
        story = stories.get(record.slug, record.slug)
        if story == record.story:
            continue
        path = content_dir / name
        if _set_story(path, story):
            records[name] = _Record(_stat(path), record.slug, record.day, story, False, record.features)
            rewritten(path, story)
            changed.append(path)
    _save(cache_path, records, settings)
    log.info(
        "ingest: stories of %d entries in %.2f s, %d rewritten",
        len(records),
        time.perf_counter() - started,
        len(changed),
    )
    return changed


def _set_story(path: Path, story: str) -> bool:
    """Rewrite one entry ingest owns with a new `story:`; False if it is not ours any more."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if is_hand_edited(text):
        return False  # edited since the scan: the editor's now
    metadata, body, _line = split_entry(text, path)
    metadata.pop("ingest_hash", None)
    metadata["story"] = story
    try:
        write_atomic(path, render_entry(metadata, body))
    except OSError as exc:
        log.warning("%s: cannot record its story: %s", shown(path), exc.strerror)
        return False
    return True


def _key(settings: StorySettings) -> tuple[float, float, int]:
    """What the stories were found under: the settings and the rules' number."""
    return (float(settings.threshold), float(settings.days), RULES)


def _load(path: Path) -> tuple[dict[str, _Record], tuple | None]:
    try:
        data = marshal.loads(path.read_bytes())
        if data.get("format") != _FORMAT:
            return {}, None
        records = {
            name: _Record(stat, slug, day, story, pinned, StoryFeatures(signature, tuple(keys), tuple(heads)))
            for name, (stat, slug, day, story, pinned, signature, keys, heads) in data["entries"].items()
        }
        return records, tuple(data["settings"])
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):
        return {}, None  # no cache or a damaged one: entries are read again


def _save(path: Path, records: dict[str, _Record], settings: StorySettings) -> None:
    data = marshal.dumps(
        {
            "format": _FORMAT,
            "settings": _key(settings),
            "entries": {
                name: (
                    r.stat,
                    r.slug,
                    r.day,
                    r.story,
                    r.pinned,
                    r.features.signature,
                    r.features.keys,
                    r.features.title_keys,
                )
                for name, r in sorted(records.items())
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
        log.warning("%s: cannot save the story cache: %s", shown(path), exc.strerror)
