"""What the last build knew, so the next one redoes only what changed.

A build reads the previous `BuildState` and returns the next one; it never changes
the state it was given, so a build that fails leaves it as it was (a server keeps
it in memory and tries again). `.briefing-cache/state.marshal` holds the small
things every build reads: each entry's record by file stat, each output's
fingerprint, the site's shape. Rendered bodies, search terms and search shards are
big and usually not needed, so they live in bucket files read on first use
(`Store`). Related briefings have a file of their own.

Records are NamedTuples in memory and plain tuples on disk (marshal takes nothing
else); the conversion happens here and nowhere else. All of it is safe to delete:
anything damaged or foreign is dropped with a warning and the build starts over.
The cache is named by the code that fills it: every module of the package and the
versions of the libraries that shape the output, so no code change reuses it.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

import briefing

log = logging.getLogger("briefing")

_STATE = "state.marshal"
_RELATED = "related.marshal"
# Bumped whenever what the cache holds changes shape.
_FORMAT = 9
# marshal format 2 has no back-references, so equal data gives equal bytes.
MARSHAL_VERSION = 2
_BUCKETS = "0123456789abcdef"
# Libraries whose output ends up in pages: an upgrade must re-render everything.
_LIBRARIES = ("markdown", "jinja2")


class CacheDamaged(Exception):
    """A cache file could not be read mid-build: start again without the cache."""


class FileStamp(NamedTuple):
    """An entry file's stat, and the settings its record depends on.

    ctime too: tools that restore mtimes (cp -p, rsync -t, tar) cannot set it."""

    mtime_ns: int
    ctime_ns: int
    inode: int
    size: int
    timezone: str
    allow_html: bool


class PhotoStamp(NamedTuple):
    size: int
    mtime_ns: int
    ctime_ns: int


# The stamp of a photo an entry names but content/ lacks: never equal to a real one.
MISSING_PHOTO = PhotoStamp(-1, -1, -1)


class ImageRecord(NamedTuple):
    alt: str
    caption: str
    credit: str
    file: str
    width: int
    height: int


class EntryRecord(NamedTuple):
    """An entry as the cache keeps it: no Markdown (its HTML is a body, under body_key)."""

    slug: str
    title: str
    published: str  # isoformat, with its offset
    summary: str
    tags: tuple[str, ...]
    entities: dict[str, tuple[str, ...]]
    source: tuple[str, str] | None  # the outlet's (name, url)
    image: ImageRecord | None
    body_key: str
    digest: str
    draft: bool
    expires: str | None  # isoformat, with its offset
    aliases: tuple[str, ...]
    story: str
    priority: int
    updated: str | None = None  # isoformat, with its offset (briefing/revised.py)


class KnownEntry(NamedTuple):
    """What an entry file gave the last build, valid while its stamps are unchanged."""

    stamp: FileStamp
    record: EntryRecord
    photo: PhotoStamp | None  # None: the entry has no photo file


class OutputRecord(NamedTuple):
    """An output as committed to public/: its fingerprint, and the stat that says it is ours."""

    key: str
    size: int
    mtime_ns: int


RelatedSlugs = dict[str, list[tuple[str, tuple[str, ...]]]]  # slug -> [(slug, shared tags)]


class _BucketFiles:
    """The 16 bucket files of one store, each read on first use; mirrors the disk."""

    def __init__(self, folder: Path, name: str, bucket_of: Callable[[str], str]) -> None:
        self.folder, self.name, self.bucket_of = folder, name, bucket_of
        self._read: dict[str, dict[str, Any]] = {}

    def bucket(self, name: str) -> dict[str, Any]:
        if name not in self._read:
            path = self.folder / f"{self.name}-{name}.marshal"
            try:
                data = marshal.loads(path.read_bytes()) if path.exists() else {}
            except (OSError, EOFError, ValueError, TypeError) as exc:
                raise CacheDamaged(f"{path}: {exc}") from exc
            if not isinstance(data, dict):
                raise CacheDamaged(f"{path}: holds a {type(data).__name__}, not a table")
            self._read[name] = data
        return self._read[name]

    def on_disk(self) -> set[str]:
        prefix, suffix = len(self.name) + 1, len(".marshal")
        return {p.name[prefix:-suffix] for p in self.folder.glob(f"{self.name}-*.marshal")}

    def write(self, name: str, data: dict[str, Any]) -> None:
        _write(self.folder / f"{self.name}-{name}.marshal", data)
        self._read[name] = data


@dataclass(frozen=True)
class Store:
    """A dict of hash-keyed values over bucket files, with this build's changes on top.

    `with_changes` makes the next store and leaves this one as it was. When saved,
    only buckets with changes are written, and they keep only the keys in `keep`.
    """

    files: _BucketFiles
    put: Mapping[str, Any] = field(default_factory=dict)
    deleted: frozenset[str] = frozenset()
    cleared: bool = False  # nothing on disk counts: a full rebuild refills it
    keep: frozenset[str] | None = None

    def get(self, key: str, default: Any = None) -> Any:
        if key in self.put:
            return self.put[key]
        if self.cleared or key in self.deleted:
            return default
        return self.files.bucket(self.files.bucket_of(key)).get(key, default)

    def __getitem__(self, key: str) -> Any:
        missing = object()
        value = self.get(key, missing)
        if value is missing:
            raise CacheDamaged(f"{self.files.name}: no record {key}")
        return value

    def with_changes(
        self,
        put: Mapping[str, Any] | None = None,
        deleted: set[str] | None = None,
        cleared: bool = False,
        keep: set[str] | None = None,
    ) -> Store:
        if cleared:
            return replace(self, put=dict(put or {}), deleted=frozenset(), cleared=True, keep=_frozen(keep))
        gone = set(deleted or ())
        merged = {k: v for k, v in self.put.items() if k not in gone}
        merged.update(put or {})
        return replace(
            self,
            put=merged,
            deleted=(self.deleted - set(merged)) | gone,
            keep=_frozen(keep) if keep is not None else self.keep,
        )

    def saved(self) -> Store:
        """Write the buckets this store changes; the store as it now is on disk."""
        names = {self.files.bucket_of(k) for k in (*self.put, *self.deleted)}
        if self.cleared:
            names |= self.files.on_disk()
        for name in sorted(names):
            data = {} if self.cleared else dict(self.files.bucket(name))
            for key in self.deleted:
                data.pop(key, None)
            data.update((k, v) for k, v in self.put.items() if self.files.bucket_of(k) == name)
            if self.keep is not None:
                data = {k: v for k, v in data.items() if k in self.keep}
            self.files.write(name, data)
        return Store(self.files)


def _frozen(keys: set[str] | None) -> frozenset[str] | None:
    return None if keys is None else frozenset(keys)


@dataclass(frozen=True)
class BuildState:
    """Everything one build hands the next. Frozen: each build makes a new one."""

    folder: Path
    bodies: Store  # body key -> HTML
    terms: Store  # entry digest -> render.search.EntryTerms, as a plain tuple
    shards: Store  # search shard name -> {term: codes}
    # Related briefings for `structure`, read from their own file only when asked for.
    related_file: _RelatedFile
    entries: Mapping[str, KnownEntry] = field(default_factory=dict)  # by path under content/
    outputs: Mapping[str, OutputRecord] = field(default_factory=dict)  # by path under public/
    inputs: str = ""  # fingerprint of everything the build read
    structure: str = ""  # fingerprint of the site's shape: slugs, dates, tags
    cards: Mapping[str, str] = field(default_factory=dict)  # slug -> fingerprint of its card
    digests: Mapping[str, str] = field(default_factory=dict)  # slug -> entry file digest
    # Not saved: what the records gave as Entry objects, reused while a server keeps the state.
    made: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @property
    def related(self) -> RelatedSlugs:
        return self.related_file.value(self.structure)


class _RelatedFile:
    """Related slugs, either given (by the build that made them) or read when first asked for."""

    def __init__(self, path: Path, value: RelatedSlugs | None = None, changed: bool = False) -> None:
        self.path, self._value, self.changed = path, value, changed

    def value(self, structure: str) -> RelatedSlugs:
        if self._value is None:
            try:
                data = marshal.loads(self.path.read_bytes())
            except (OSError, EOFError, ValueError, TypeError) as exc:
                raise CacheDamaged(f"{self.path}: {exc}") from exc
            if not isinstance(data, dict) or data.get("structure") != structure:
                raise CacheDamaged(f"{self.path}: made for another state of the site")
            self._value = data["related"]
        return self._value


def new_related(state: BuildState, related: RelatedSlugs) -> _RelatedFile:
    """Related slugs a build worked out, to be saved with its state."""
    return _RelatedFile(state.folder / _RELATED, related, changed=True)


def fresh_state(cache_dir: Path) -> BuildState:
    """An empty state whose bucket files, if any, are ignored and then overwritten."""
    state = _stored_state(cache_dir)
    return replace(
        state,
        bodies=state.bodies.with_changes(cleared=True),
        terms=state.terms.with_changes(cleared=True),
        shards=state.shards.with_changes(cleared=True),
        related_file=new_related(state, {}),
    )


def _stored_state(folder: Path, **fields: Any) -> BuildState:
    """A state over the bucket and related files in `folder`."""
    return BuildState(
        folder,
        bodies=Store(_BucketFiles(folder, "bodies", _first_character)),
        terms=Store(_BucketFiles(folder, "terms", _first_character)),
        shards=Store(_BucketFiles(folder, "shards", _shard_bucket)),
        related_file=_RelatedFile(folder / _RELATED),
        **fields,
    )


def _first_character(key: str) -> str:
    return key[0]


def _shard_bucket(key: str) -> str:
    return _BUCKETS[sum(map(ord, key)) % 16]


def load_state(cache_dir: Path) -> BuildState:
    """The last build's state, or an empty one if there is none or it is another code's."""
    path = cache_dir / _STATE
    if not path.exists():
        return fresh_state(cache_dir)
    try:
        data = marshal.loads(path.read_bytes())
        if data.get("version") != code_version():
            return fresh_state(cache_dir)
        return _stored_state(cache_dir, **_from_disk(data))
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("%s: build cache is damaged (%s); rebuilding everything", path, exc)
        return fresh_state(cache_dir)


def save_state(state: BuildState) -> BuildState:
    """Write the state; the same state, as it now is on disk."""
    state.folder.mkdir(parents=True, exist_ok=True)
    saved = replace(
        state, bodies=state.bodies.saved(), terms=state.terms.saved(), shards=state.shards.saved()
    )
    related = state.related_file
    if related.changed:
        # Tagged with the structure it belongs to: a state saved without it cannot pair with it.
        _write(related.path, {"structure": state.structure, "related": related.value(state.structure)})
        saved = replace(saved, related_file=_RelatedFile(related.path, related.value(state.structure)))
    _write(state.folder / _STATE, {"version": code_version(), **_to_disk(state)})
    return saved


def _to_disk(state: BuildState) -> dict[str, Any]:
    return {
        "entries": {
            name: (tuple(known.stamp), _record_to_disk(known.record), _tuple_or_none(known.photo))
            for name, known in state.entries.items()
        },
        "outputs": {file: tuple(record) for file, record in state.outputs.items()},
        "inputs": state.inputs,
        "structure": state.structure,
        "cards": dict(state.cards),
        "digests": dict(state.digests),
    }


def _from_disk(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "entries": {
            name: KnownEntry(
                FileStamp(*stamp), _record_from_disk(record), PhotoStamp(*photo) if photo else None
            )
            for name, (stamp, record, photo) in data["entries"].items()
        },
        "outputs": {file: OutputRecord(*record) for file, record in data["outputs"].items()},
        "inputs": data["inputs"],
        "structure": data["structure"],
        "cards": data["cards"],
        "digests": data["digests"],
    }


def _record_to_disk(record: EntryRecord) -> tuple:
    return (*record[:7], _tuple_or_none(record.image), *record[8:])


def _record_from_disk(data: tuple) -> EntryRecord:
    image = data[7]
    return EntryRecord._make((*data[:7], ImageRecord._make(image) if image else None, *data[8:]))


def _tuple_or_none(value: tuple | None) -> tuple | None:
    return None if value is None else tuple(value)


def code_version() -> str:
    """Names the code that fills a cache: another code's bodies or pages may differ."""
    global _CODE
    if _CODE is None:
        _CODE = code_fingerprint(Path(briefing.__file__).parent)
    return f"{briefing.__version__}/{_FORMAT}/{_CODE}"


def code_fingerprint(package: Path) -> str:
    """Every module of the package (and the shipped data beside them), with the versions
    of the libraries that shape output: a change to any of them is a new cache."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".yml", ".yaml", ".json"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}=={metadata.version(library)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}==?\0".encode())
    return digest.hexdigest()[:12]


_CODE: str | None = None


def _write(path: Path, data: Any) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(marshal.dumps(data, MARSHAL_VERSION))
    os.replace(tmp, path)
