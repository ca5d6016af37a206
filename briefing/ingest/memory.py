"""What the last ingest saw, by file stat, so a re-ingest reads only what changed.

Records are NamedTuples in memory and plain tuples in `.briefing-cache/ingest.marshal`
(marshal takes nothing else); `load` and `save` convert, nothing else indexes them.
"""

from __future__ import annotations

import logging
import marshal
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from briefing.display import shown
from briefing.ingest.seeds import photo_beside

log = logging.getLogger("briefing")


class FileStat(NamedTuple):
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int


class PhotoState(NamedTuple):
    """The photo beside a seed: its name and stat (None if it vanished mid-ingest)."""

    name: str
    stat: FileStat | None


class KnownEntryFile(NamedTuple):
    """An entry file's front matter as the last ingest read it, valid while `stat` holds."""

    stat: FileStat | None
    slug: str
    date: str | None
    seed: str | None  # the seed file it came from (`seed:`, or an old entry's `source:`)
    story: str | None


class KnownSeed(NamedTuple):
    """A seed the last ingest finished, and the entry file (and photo) it was in sync with."""

    stat: FileStat | None
    entry: str  # path under content/
    entry_stat: FileStat | None
    photo: PhotoState | None


def file_stat(path: Path) -> FileStat | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return FileStat(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


@dataclass
class IngestMemory:
    """What the last ingest saw, by file stat: entries' metadata, and seeds it finished."""

    path: Path
    registry: str
    entries: dict[str, KnownEntryFile] = field(default_factory=dict)  # by path under content/
    seeds: dict[str, KnownSeed] = field(default_factory=dict)  # by seed file name

    @classmethod
    def load(cls, cache_dir: Path, registry: str) -> IngestMemory:
        path = cache_dir / "ingest.marshal"
        try:
            data = marshal.loads(path.read_bytes())
            if data["format"] == _MEMORY_FORMAT:
                seeds = data["seeds"] if data["registry"] == registry else {}
                entries = {name: _entry_from_disk(known) for name, known in data["entries"].items()}
                return cls(path, registry, entries, {name: _seed_from_disk(s) for name, s in seeds.items()})
        except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):
            pass  # no memory, or a damaged one: ingest reads everything, as the first time
        return cls(path, registry)

    def unchanged(self, seed: Path, entry_file: Path | None, content_dir: Path) -> bool:
        """The seed, its entry file (None if it has none yet) and its photo are as last time."""
        known = self.seeds.get(seed.name)
        if known is None or entry_file is None or known.stat != file_stat(seed):
            return False
        entry = entry_file.relative_to(content_dir).as_posix()
        return (
            known.entry == entry
            and known.entry_stat == file_stat(entry_file)
            and known.photo == photo_state(seed)
        )

    def remember(self, seed: Path, synced: tuple[Path, str, str], content_dir: Path, story: str) -> None:
        entry, slug, when = synced
        name = entry.relative_to(content_dir).as_posix()
        self.seeds[seed.name] = KnownSeed(file_stat(seed), name, file_stat(entry), photo_state(seed))
        self.entries[name] = KnownEntryFile(file_stat(entry), slug, when, seed.name, story)

    def follow(self, entry: Path, story: str, content_dir: Path) -> None:
        """The story pass rewrote `entry` with `story`: its seed is still in sync with it."""
        name = entry.relative_to(content_dir).as_posix()
        known = self.entries.get(name)
        if known is None:
            return
        self.entries[name] = known._replace(stat=file_stat(entry), story=story)
        seed_name = known.seed
        seed = self.seeds.get(seed_name) if seed_name else None
        if seed_name and seed is not None and seed.entry == name:
            self.seeds[seed_name] = seed._replace(entry_stat=file_stat(entry))

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = marshal.dumps(
                {
                    "format": _MEMORY_FORMAT,
                    "registry": self.registry,
                    "entries": {name: _entry_to_disk(e) for name, e in sorted(self.entries.items())},
                    "seeds": {name: _seed_to_disk(s) for name, s in sorted(self.seeds.items())},
                },
                2,
            )
            if self.path.is_file() and self.path.read_bytes() == data:
                return  # a re-run that changed nothing writes nothing
            tmp = self.path.with_suffix(".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, self.path)
        except OSError as exc:  # a cache: losing it costs time, never data
            log.warning("%s: cannot save the ingest cache: %s", shown(self.path), exc.strerror)


_MEMORY_FORMAT = 2  # 2: entries carry their story


def photo_state(seed: Path) -> PhotoState | None:
    photo = photo_beside(seed)
    return None if photo is None else PhotoState(photo.name, file_stat(photo))


def _plain(stat: FileStat | None) -> tuple | None:
    return None if stat is None else tuple(stat)


def _stat_from_disk(stat: tuple | None) -> FileStat | None:
    return None if stat is None else FileStat._make(stat)


def _entry_to_disk(known: KnownEntryFile) -> tuple:
    return (_plain(known.stat), *known[1:])


def _entry_from_disk(data: tuple) -> KnownEntryFile:
    return KnownEntryFile._make((_stat_from_disk(data[0]), *data[1:]))


def _seed_to_disk(known: KnownSeed) -> tuple:
    photo = None if known.photo is None else (known.photo.name, _plain(known.photo.stat))
    return (_plain(known.stat), known.entry, _plain(known.entry_stat), photo)


def _seed_from_disk(data: tuple) -> KnownSeed:
    stat, entry, entry_stat, photo = data
    return KnownSeed(
        _stat_from_disk(stat),
        entry,
        _stat_from_disk(entry_stat),
        None if photo is None else PhotoState(photo[0], _stat_from_disk(photo[1])),
    )
