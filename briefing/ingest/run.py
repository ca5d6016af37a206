"""The ingest stage: every seed in seeds/ to an entry in content/, editor-safe."""

from __future__ import annotations

import logging
import marshal
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from briefing.config import Config
from briefing.display import shown
from briefing.entities import Registry, Tagging, tag_article
from briefing.entries.read import list_entries, read_entry
from briefing.errors import BriefingError, ContentError, SeedError
from briefing.ingest.dates import file_time_utc, format_date
from briefing.ingest.decode import NotText, decode_seed
from briefing.ingest.parse import RawArticle, SeedFormatError, parse_seed
from briefing.ingest.slugs import make_slug, unique_slug
from briefing.ingest.transform import entry_fields
from briefing.ingest.writer import (
    is_hand_edited,
    remove_stale_temporaries,
    render_entry,
    write_atomic,
)
from briefing.lazy_registry import LazyRegistry, registry_fingerprint
from briefing.parallel import iter_chunks

log = logging.getLogger("briefing")

MAX_SEED_BYTES = 5 * 1024 * 1024


@dataclass
class IngestReport:
    new: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    failed: list[BriefingError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary_line(self) -> str:
        return (
            f"ingest: {len(self.new)} new, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.kept)} kept (edited by hand), "
            f"{len(self.failed)} failed"
        )


@dataclass(frozen=True)
class _Existing:
    """What content/ already holds for one seed."""

    path: Path
    slug: str
    date: str | None
    known_text: str | None  # None when the scan trusted the ingest cache instead of reading

    @property
    def text(self) -> str:
        if self.known_text is not None:
            return self.known_text
        return self.path.read_text(encoding="utf-8")


def list_seeds(seeds_dir: Path) -> list[Path]:
    if not seeds_dir.is_dir():
        return []
    return sorted(p for p in seeds_dir.glob("*.txt") if p.is_file() and not p.name.startswith("."))


def ingest_site(config: Config, *, registry: Registry | None = None) -> IngestReport:
    """Ingest every seed; report per outcome. Never deletes or overwrites an edited entry.

    A seed whose file, entry file, photo and the entity registry are all as the
    last ingest left them is unchanged without being read: re-ingesting 10,000
    seeds takes a fraction of a second (the record is .briefing-cache/ingest.marshal).
    """
    report = IngestReport()
    remove_stale_temporaries(config.content_dir)
    memory = IngestMemory.load(config.cache_dir, registry_fingerprint(config.root))
    by_source, taken, unreadable = _scan_content(config.content_dir, report, memory)
    seeds = list_seeds(config.seeds_dir)
    if not seeds:
        log.warning("%s: no seed articles (*.txt) to ingest", shown(config.seeds_dir))
    lazy = LazyRegistry(config.root, registry)
    todo = []
    for seed in seeds:
        if memory.unchanged(seed, by_source.get(seed.name), config.content_dir):
            report.unchanged.append(by_source[seed.name].path)
        else:
            todo.append(seed)
    prepared = _prepare_all(todo, lazy, by_source, taken | unreadable)
    for seed, ready in zip(todo, prepared, strict=True):
        try:
            if isinstance(ready, BriefingError):
                raise ready
            entry = _ingest_one(seed, config, ready, by_source, taken, unreadable, report)
            if entry is not None:
                memory.remember(seed, entry, config.content_dir)
            else:
                memory.seeds.pop(seed.name, None)
        except BriefingError as error:
            report.failed.append(error)
    memory.save()
    present = {seed.name for seed in seeds}
    for source, existing in sorted(by_source.items()):
        if source not in present:
            # A warning, not info: the user must hear it without --verbose (issue 3).
            log.warning(
                "%s stays: its seed %s is gone (delete the entry to unpublish it)",
                shown(existing.path),
                shown(config.seeds_dir / source),
            )
    return report


def _stat(path: Path) -> tuple | None:
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
    entries: dict[str, tuple] = field(default_factory=dict)  # entry -> (stat, slug, date, source)
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

    def unchanged(self, seed: Path, existing: _Existing | None, content_dir: Path) -> bool:
        known = self.seeds.get(seed.name)
        if known is None or existing is None or known[0] != _stat(seed):
            return False
        entry = existing.path.relative_to(content_dir).as_posix()
        return known[1] == entry and known[2] == _stat(existing.path) and known[3] == _photo_state(seed)

    def remember(self, seed: Path, synced: tuple[Path, str, str], content_dir: Path) -> None:
        entry, slug, when = synced
        name = entry.relative_to(content_dir).as_posix()
        self.seeds[seed.name] = (_stat(seed), name, _stat(entry), _photo_state(seed))
        self.entries[name] = (_stat(entry), slug, when, seed.name)

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


_MEMORY_FORMAT = 1


def _photo_state(seed: Path) -> tuple | None:
    photo = _photo_beside(seed)
    return None if photo is None else (photo.name, _stat(photo))


def _scan_content(
    content_dir: Path, report: IngestReport, memory: IngestMemory
) -> tuple[dict[str, _Existing], set[str], set[str]]:
    """Index existing entries by the seed they came from; note every slug in use."""
    by_source: dict[str, _Existing] = {}
    taken: set[str] = set()
    unreadable: set[str] = set()
    if not content_dir.is_dir():
        return by_source, taken, unreadable
    remembered, memory.entries = memory.entries, {}
    for path in list_entries(content_dir):
        taken.add(path.stem)
        name = path.relative_to(content_dir).as_posix()
        stat = _stat(path)
        known = remembered.get(name)
        if known is not None and known[0] == stat:
            _seen, slug, when, source = known
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
            source = metadata.get("source")
            raw_date = metadata.get("date")
            if isinstance(raw_date, datetime | date):
                raw_date = format_date(raw_date)
            when = str(raw_date) if raw_date else None
            source = source if isinstance(source, str) else None
        memory.entries[name] = (stat, slug, when, source)
        taken.add(slug)
        if source is None:
            continue
        if source in by_source:
            log.warning(
                "%s: source %s is also claimed by %s; using the first",
                shown(path),
                source,
                shown(by_source[source].path),
            )
            continue
        by_source[source] = _Existing(path, slug, when, text)
    return by_source, taken, unreadable


_WORK: list[Path] = []
_REGISTRY: Registry | None = None
_BY_SOURCE: dict[str, _Existing] = {}
_TAKEN: set[str] = set()


@dataclass(frozen=True)
class _Prepared:
    """A seed read and tagged in a worker, with the entry text for the slug it will most
    likely get (`text` is None when the parent must compose it: a photo, a slug in doubt)."""

    article: RawArticle
    mtime: float
    tagging: Tagging
    base: str  # the slug its title gives, before numbering
    slug: str | None
    text: str | None


def _prepare_all(
    seeds: list[Path], registry: LazyRegistry, by_source: dict[str, _Existing], taken: set[str]
) -> Iterator[_Prepared | BriefingError]:
    """Each seed read, tagged and composed, or the BriefingError it raised; in seed order.

    Reading, tagging and composing the entry are most of an ingest, so they run on
    every core; choosing slugs and writing stay in one process, in seed order, for
    stable results, and overlap the workers as their results stream in.
    """
    global _WORK, _REGISTRY, _BY_SOURCE, _TAKEN
    if not seeds:
        return iter(())
    _WORK, _REGISTRY, _BY_SOURCE, _TAKEN = seeds, registry.load(), by_source, set(taken)
    _REGISTRY.automaton  # noqa: B018 - compiled once here, shared by the forked workers
    return (
        item for part in iter_chunks(_prepare_chunk, len(seeds), False, "seeds", size=50) for item in part
    )


def _prepare_chunk(indices: list[int]) -> list[_Prepared | BriefingError]:
    assert _REGISTRY is not None
    done: list[_Prepared | BriefingError] = []
    for i in indices:
        seed = _WORK[i]
        try:
            article, mtime = _read_seed(seed)
            tagging = _tag(_REGISTRY, article)
            existing = _BY_SOURCE.get(seed.name)
            base = make_slug(article.title, fallback=seed.stem)
            slug: str | None = existing.slug if existing is not None else base
            if existing is None and base in _TAKEN:
                slug = None  # numbered by the parent, which knows every slug taken so far
            text = None
            if slug is not None and _photo_beside(seed) is None:
                metadata, body = entry_fields(
                    article, tagging, slug=slug, source=seed.name, date=_entry_date(existing, article, mtime)
                )
                text = render_entry(metadata, body)
            done.append(_Prepared(article, mtime, tagging, base, slug, text))
        except BriefingError as error:
            done.append(error)  # a result, not a failure of the chunk: the other seeds go on
    return done


def _tag(registry: Registry, article: RawArticle) -> Tagging:
    image = article.image
    return tag_article(
        registry,
        title=article.title,
        paragraphs=article.paragraphs,
        caption=image.caption if image else None,
        alt=image.alt if image else None,
        with_candidates=False,
    )


def _entry_date(existing: _Existing | None, article: RawArticle, mtime: float) -> str:
    """Kept from the entry, else written in the seed, else the seed file's time (UTC)."""
    if existing is not None and existing.date:
        return existing.date
    if article.written_date is not None:
        return format_date(article.written_date)
    return format_date(file_time_utc(mtime))


def _ingest_one(
    seed: Path,
    config: Config,
    prepared: _Prepared,
    by_source: dict[str, _Existing],
    taken: set[str],
    unreadable: set[str],
    report: IngestReport,
) -> tuple[Path, str, str] | None:
    """Ingest one seed: (entry, slug, date) now in sync with it, or None if an editor's edit won."""
    article, mtime = prepared.article, prepared.mtime
    existing = by_source.get(seed.name)
    if existing is not None:
        slug, path = existing.slug, existing.path
    else:
        base = prepared.base
        if base in unreadable:
            raise SeedError(
                f"its entry content/{base}.md cannot be read",
                shown(seed),
                hint="fix that entry first (see the error above), then ingest again",
            )
        slug = unique_slug(base, taken)
        taken.add(slug)
        path = config.content_dir / f"{slug}.md"
    when = _entry_date(existing, article, mtime)

    photo = _photo_beside(seed)
    if prepared.text is not None and prepared.slug == slug and photo is None:
        text = prepared.text
    else:
        text = _compose(seed, config, article, prepared.tagging, slug, when, photo)

    if existing is None:
        _write(path, text)
        report.new.append(path)
        return path, slug, when
    current = existing.text
    if current == text:
        report.unchanged.append(path)
    elif is_hand_edited(current):
        log.warning(
            "kept %s: edited by hand, so not overwritten from %s (delete it to re-ingest)",
            shown(path),
            shown(seed),
        )
        report.kept.append(path)
        return None
    else:
        _write(path, text)
        report.updated.append(path)
    return path, slug, when


def _compose(
    seed: Path,
    config: Config,
    article: RawArticle,
    tagging: Tagging,
    slug: str,
    when: str,
    photo: Path | None,
) -> str:
    """The entry's text; a readable photo beside the seed is copied to content/images/."""
    metadata, body = entry_fields(article, tagging, slug=slug, date=when, source=seed.name)
    if photo is not None and not _readable_photo(photo):
        log.warning(
            "%s cannot be read as an image, so %s is ingested without it "
            "(replace it with a valid JPEG, PNG or WebP)",
            shown(photo),
            shown(seed),
        )
        photo = None
    if photo is not None:
        # The entry owns a copy of its photo, so content/ stands alone as the site's source.
        stored = f"images/{slug}{photo.suffix.lower().replace('.jpeg', '.jpg')}"
        _copy_photo(photo, config.content_dir / stored)
        image_fields = dict(metadata.get("image") or {"alt": article.title, "caption": "", "credit": ""})
        image_fields["file"] = stored
        metadata["image"] = image_fields
    return render_entry(metadata, body)


PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


def _photo_beside(seed: Path) -> Path | None:
    """seeds/NAME.jpg (or .jpeg, .png, .webp, any case) beside seeds/NAME.txt."""
    return _photos_in(seed.parent).get(seed.stem)


_PHOTOS: dict[Path, tuple[int, dict[str, Path]]] = {}


def _photos_in(folder: Path) -> dict[str, Path]:
    """Photos in a seeds folder by stem, listed once per change of the folder.

    Globbing the folder per seed made ingest quadratic: 10,000 seeds took minutes.
    """
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return {}
    known = _PHOTOS.get(folder)
    if known is None or known[0] != stamp:
        photos: dict[str, Path] = {}
        with os.scandir(folder) as listing:
            for item in sorted(listing, key=lambda i: i.name):
                name, dot, suffix = item.name.rpartition(".")
                if dot and f".{suffix.lower()}" in PHOTO_SUFFIXES and item.is_file():
                    photos.setdefault(name, Path(item.path))
        known = _PHOTOS[folder] = (stamp, photos)
    return known[1]


def _readable_photo(photo: Path) -> bool:
    from briefing.render.images import photo_size

    try:
        photo_size(photo)
    except ContentError:
        return False
    return True


def _copy_photo(source: Path, target: Path) -> None:
    try:
        data = source.read_bytes()
        if not target.is_file() or target.read_bytes() != data:
            write_atomic(target, data)
    except OSError as exc:
        raise SeedError(
            f"its photo cannot be copied to {shown(target)}: {exc.strerror}",
            shown(source),
            hint="check that content/images/ is writable",
        ) from exc


def _write(path: Path, text: str) -> None:
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise ContentError(
            f"cannot be written: {exc.strerror}",
            shown(path),
            hint="check that content/ is a folder you may write to",
        ) from exc


def _read_seed(seed: Path):
    where = shown(seed)
    try:
        seed.name.encode("utf-8")
    except UnicodeEncodeError:
        # Bytes from another system's encoding (a zip from Windows): the name goes into the
        # entry's `source`, which must be UTF-8 text.
        raise SeedError(
            "its file name is not valid UTF-8",
            where,
            hint="rename it, for example to plain ASCII letters, digits and hyphens",
        ) from None
    try:
        size = seed.stat().st_size
        if size > MAX_SEED_BYTES:
            raise SeedError(
                f"is {size / 1048576:.1f} MB, too large for a news article",
                where,
                hint=f"split it or trim it below {MAX_SEED_BYTES // 1048576} MB",
            )
        data = seed.read_bytes()
        mtime = seed.stat().st_mtime
    except OSError as exc:
        raise SeedError(
            f"cannot be read: {exc.strerror}", where, hint="check that it is a file you may read"
        ) from exc
    if not data.strip():
        raise SeedError("is empty", where, hint="write the title on the first line and the article below it")
    try:
        text = decode_seed(data)
    except NotText as exc:
        raise SeedError(
            f"is not a text file: {exc}",
            where,
            hint="seeds must be plain text articles; remove or convert it",
        ) from exc
    try:
        return parse_seed(text), mtime
    except SeedFormatError as exc:
        hint = (
            "add the article's paragraphs below the title"
            if "no body" in str(exc)
            else "put the title alone on the first line, then a blank line, then the text"
        )
        raise SeedError(str(exc), where, exc.line, hint=hint) from exc
