"""Seeds in seeds/: listing them, reading one (size, encoding, format), and the photo beside it."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import NamedTuple

from briefing.display import shown
from briefing.errors import SeedError
from briefing.ingest.decode import NotText, decode_seed
from briefing.ingest.parse import SeedFormatError, parse_seed

log = logging.getLogger("briefing")


MAX_SEED_BYTES = 5 * 1024 * 1024


def list_seeds(seeds_dir: Path) -> list[Path]:
    if not seeds_dir.is_dir():
        return []
    return sorted(p for p in seeds_dir.glob("*.txt") if p.is_file() and not p.name.startswith("."))


PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


def photo_beside(seed: Path) -> Path | None:
    """seeds/NAME.jpg (or .jpeg, .png, .webp, any case) beside seeds/NAME.txt."""
    return _photos_in(seed.parent).get(seed.stem)


class _Listing(NamedTuple):
    stamp: int  # the folder's mtime when listed: a photo added or removed changes it
    photos: dict[str, Path]  # by stem


# A memo of listings, not state: always checked against the folder's mtime before use.
_PHOTOS: dict[Path, _Listing] = {}


def _photos_in(folder: Path) -> dict[str, Path]:
    """Photos in a seeds folder by stem, listed once per change of the folder.

    Globbing the folder per seed made ingest quadratic: 10,000 seeds took minutes.
    """
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return {}
    known = _PHOTOS.get(folder)
    if known is None or known.stamp != stamp:
        photos: dict[str, Path] = {}
        with os.scandir(folder) as listing:
            for item in sorted(listing, key=lambda i: i.name):
                name, dot, suffix = item.name.rpartition(".")
                if dot and f".{suffix.lower()}" in PHOTO_SUFFIXES and item.is_file():
                    photos.setdefault(name, Path(item.path))
        known = _PHOTOS[folder] = _Listing(stamp, photos)
    return known.photos


def read_seed(seed: Path):
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
            else None
            if "date line" in str(exc)
            else "put the title alone on the first line, then a blank line, then the text"
        )
        raise SeedError(str(exc), where, exc.line, hint=hint) from exc
