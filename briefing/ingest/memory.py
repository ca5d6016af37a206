"""What the last ingest saw, by file stat, so a re-ingest reads only what changed."""

from __future__ import annotations

import logging
import marshal
import os
from dataclasses import dataclass, field
from pathlib import Path

from briefing.display import shown
from briefing.ingest.seeds import photo_beside

log = logging.getLogger("briefing")


def file_stat(path: Path) -> tuple | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


@dataclass
class IngestMemory:
    """What the last ingest saw, by file stat: entries' metadata, and seeds it finished."""

    path: Path
    registry: str
    entries: dict[str, tuple] = field(default_factory=dict)  # entry -> (stat, slug, date, source, story)
    seeds: dict[str, tuple] = field(default_factory=dict)  # seed -> (stat, entry, entry stat, photo)

    @classmethod
    def load(cls, cache_dir: Path, registry: str) -> IngestMemory:
        path = cache_dir / "ingest.marshal"
        try:
            data = marshal.loads(path.read_bytes())
            if data["format"] == _MEMORY_FORMAT:
                seeds = data["seeds"] if data["registry"] == registry else {}
                return cls(path, registry, data["entries"], seeds)
        except (OSError, EOFError, ValueError, TypeError, KeyError):
            pass  # no memory, or a damaged one: ingest reads everything, as the first time
        return cls(path, registry)

    def unchanged(self, seed: Path, entry_file: Path | None, content_dir: Path) -> bool:
        """The seed, its entry file (None if it has none yet) and its photo are as last time."""
        known = self.seeds.get(seed.name)
        if known is None or entry_file is None or known[0] != file_stat(seed):
            return False
        entry = entry_file.relative_to(content_dir).as_posix()
        return known[1] == entry and known[2] == file_stat(entry_file) and known[3] == photo_state(seed)

    def remember(self, seed: Path, synced: tuple[Path, str, str], content_dir: Path, story: str) -> None:
        entry, slug, when = synced
        name = entry.relative_to(content_dir).as_posix()
        self.seeds[seed.name] = (file_stat(seed), name, file_stat(entry), photo_state(seed))
        self.entries[name] = (file_stat(entry), slug, when, seed.name, story)

    def follow(self, entry: Path, story: str, content_dir: Path) -> None:
        """The story pass rewrote `entry` with `story`: its seed is still in sync with it."""
        name = entry.relative_to(content_dir).as_posix()
        known = self.entries.get(name)
        if known is None:
            return
        self.entries[name] = (file_stat(entry), *known[1:4], story)
        source = known[3]
        seed = self.seeds.get(source) if source else None
        if seed is not None and seed[1] == name:
            self.seeds[source] = (seed[0], name, file_stat(entry), seed[3])

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = marshal.dumps(
                {
                    "format": _MEMORY_FORMAT,
                    "registry": self.registry,
                    "entries": dict(sorted(self.entries.items())),
                    "seeds": dict(sorted(self.seeds.items())),
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


def photo_state(seed: Path) -> tuple | None:
    photo = photo_beside(seed)
    return None if photo is None else (photo.name, file_stat(photo))
