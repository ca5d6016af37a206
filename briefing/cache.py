"""What the last build knew, so the next one redoes only what changed.

`.briefing-cache/state.marshal` holds the small things every build reads:
parsed entries keyed by file stat, each output's fingerprint, the site's
shape. Rendered bodies, search terms and search postings are big and
usually not needed, so they live in bucket files loaded on first use. All
of it is safe to delete; anything damaged or foreign is dropped with a
warning and the build starts over.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import briefing

log = logging.getLogger("briefing")

_STATE = "state.marshal"
# Bumped whenever what the cache holds changes shape; with the package version it names a cache.
_FORMAT = 6
# marshal format 2 has no back-references, so equal data gives equal bytes.
MARSHAL_VERSION = 2
_FIELDS = ("entries", "outputs", "inputs", "structure", "cards", "digests")
_RELATED = "related.marshal"
_BUCKETS = "0123456789abcdef"


class CacheDamaged(Exception):
    """A cache file could not be read mid-build: start again without the cache."""


class Buckets:
    """A dict of hash-keyed values spread over 16 files, each read only when touched."""

    def __init__(self, folder: Path, name: str, bucket_of=lambda key: key[0]) -> None:
        self.folder, self.name, self.bucket_of = folder, name, bucket_of
        self._loaded: dict[str, dict[str, Any]] = {}
        self._dirty: set[str] = set()

    def _bucket(self, key: str) -> dict[str, Any]:
        name = self.bucket_of(key)
        if name not in self._loaded:
            path = self.folder / f"{self.name}-{name}.marshal"
            try:
                self._loaded[name] = marshal.loads(path.read_bytes()) if path.exists() else {}
            except (OSError, EOFError, ValueError, TypeError) as exc:
                raise CacheDamaged(f"{path}: {exc}") from exc
        return self._loaded[name]

    def __contains__(self, key: str) -> bool:
        return key in self._bucket(key)

    def __getitem__(self, key: str) -> Any:
        return self._bucket(key)[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self._bucket(key).get(key, default)

    def __setitem__(self, key: str, value: Any) -> None:
        self._bucket(key)[key] = value
        self._dirty.add(self.bucket_of(key))

    def __delitem__(self, key: str) -> None:
        del self._bucket(key)[key]
        self._dirty.add(self.bucket_of(key))

    def clear(self) -> None:
        """Forget everything (a full rebuild refills it)."""
        self._loaded = {name: {} for name in self._all_names()}
        self._dirty = set(self._loaded)

    def keep_only(self, keys: set[str]) -> None:
        """Drop entries not in `keys` from the buckets being rewritten anyway."""
        for name in self._dirty:
            bucket = self._loaded[name]
            for key in [k for k in bucket if k not in keys]:
                del bucket[key]

    def _all_names(self) -> set[str]:
        names = {
            p.name[len(self.name) + 1 : -len(".marshal")] for p in self.folder.glob(f"{self.name}-*.marshal")
        }
        return names | set(self._loaded)

    def save(self) -> None:
        for name in sorted(self._dirty):
            _write(self.folder / f"{self.name}-{name}.marshal", self._loaded[name])
        self._dirty.clear()


@dataclass
class BuildCache:
    folder: Path
    entries: dict[str, tuple] = field(default_factory=dict)  # file -> (stat key, record)
    outputs: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # file -> (key, size, mtime)
    inputs: str = ""  # fingerprint of everything the last build read
    # For edits that move nothing (see build.py): the site's shape and what each entry shows.
    structure: str = ""
    cards: dict[str, str] = field(default_factory=dict)  # slug -> fingerprint of its card
    digests: dict[str, str] = field(default_factory=dict)  # slug -> entry file digest
    # Not saved: Entry objects made from `entries`, reused while a server keeps this cache.
    made: dict[str, Any] = field(default_factory=dict, repr=False)
    bodies: Buckets = field(init=False)  # body key -> HTML
    terms: Buckets = field(init=False)  # entry digest -> (strong, weak) search terms
    shards: Buckets = field(init=False)  # search shard name -> {term: codes}

    def __post_init__(self) -> None:
        self.bodies = Buckets(self.folder, "bodies")
        self.terms = Buckets(self.folder, "terms")
        self.shards = Buckets(self.folder, "shards", bucket_of=lambda key: _BUCKETS[sum(map(ord, key)) % 16])
        self._related: dict[str, list] | None = None
        self._related_changed = False

    @property
    def related(self) -> dict[str, list]:
        """slug -> [(related slug, shared tags)], for the site's `structure`.

        In a file of its own, read only by builds that need it: most edits do not,
        and it is the largest part of the state.
        """
        if self._related is None:
            path = self.folder / _RELATED
            try:
                data = marshal.loads(path.read_bytes())
            except (OSError, EOFError, ValueError, TypeError) as exc:
                raise CacheDamaged(f"{path}: {exc}") from exc
            if not isinstance(data, dict) or data.get("structure") != self.structure:
                raise CacheDamaged(f"{path}: made for another state of the site")
            self._related = data["related"]
        return self._related

    @related.setter
    def related(self, value: dict[str, list]) -> None:
        self._related, self._related_changed = value, True


def load_cache(cache_dir: Path) -> BuildCache:
    path = cache_dir / _STATE
    if not path.exists():
        return fresh_cache(cache_dir)
    try:
        data = marshal.loads(path.read_bytes())
        if data.get("version") != _version():
            return fresh_cache(cache_dir)
        return BuildCache(cache_dir, **{name: data[name] for name in _FIELDS})
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("%s: build cache is damaged (%s); rebuilding everything", path, exc)
        return fresh_cache(cache_dir)


def fresh_cache(cache_dir: Path) -> BuildCache:
    """An empty cache whose bucket files, if any, are ignored and then overwritten."""
    cache = BuildCache(cache_dir)
    for buckets in (cache.bodies, cache.terms, cache.shards):
        buckets.clear()
    cache.related = {}
    return cache


def save_cache(cache: BuildCache) -> None:
    cache.folder.mkdir(parents=True, exist_ok=True)
    for buckets in (cache.bodies, cache.terms, cache.shards):
        buckets.save()
    if cache._related_changed:
        # Tagged with the structure it belongs to: a state saved without it cannot pair with it.
        _write(cache.folder / _RELATED, {"structure": cache.structure, "related": cache._related})
        cache._related_changed = False
    _write(cache.folder / _STATE, {"version": _version(), **{name: getattr(cache, name) for name in _FIELDS}})


def _version() -> str:
    """Names the code that filled a cache: another version's bodies may be unsafe to reuse."""
    global _CODE
    if _CODE is None:
        digest = hashlib.sha256()
        package = Path(briefing.__file__).parent
        for name in _CODE_THAT_FILLS:
            digest.update((package / name).read_bytes())
        _CODE = digest.hexdigest()[:12]
    return f"{briefing.__version__}/{_FORMAT}/{_CODE}"


# What reads entries and renders bodies: a change to any of them invalidates the cache.
_CODE_THAT_FILLS = (
    "entries/read.py",
    "entries/validate.py",
    "entries/load.py",
    "render/markdown.py",
    "render/search.py",
    "build.py",
    "plan.py",
    "cache.py",
)
_CODE: str | None = None


def _write(path: Path, data: object) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(marshal.dumps(data, MARSHAL_VERSION))
    os.replace(tmp, path)
