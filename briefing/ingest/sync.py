"""One seed brought into content/: a new entry, an updated one, or an editor's edit kept."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from briefing.config import Config
from briefing.display import shown
from briefing.entities import Tagging
from briefing.entries.read import split_entry
from briefing.entries.validate import PHOTO_PATTERN, SLUG_PATTERN
from briefing.errors import ContentError, SeedError
from briefing.ingest.existing import Existing
from briefing.ingest.parse import RawArticle
from briefing.ingest.prepare import Prepared, entry_date
from briefing.ingest.report import IngestReport
from briefing.ingest.seeds import photo_beside
from briefing.ingest.slugs import unique_slug
from briefing.ingest.transform import entry_fields
from briefing.ingest.writer import (
    NEW_FILE,
    ChangedMeanwhile,
    is_hand_edited,
    photo_digest,
    render_entry,
    write_atomic,
)

log = logging.getLogger("briefing")

# The digest of the photo ingest copied into content/ (see _photo_plan).
PHOTO_KEY = "ingest_photo"


def sync_entry(
    seed: Path,
    config: Config,
    prepared: Prepared,
    by_source: dict[str, Existing],
    taken: set[str],
    unreadable: set[str],
    report: IngestReport,
) -> tuple[Path, str, str] | None:
    """Ingest one seed: (entry, slug, date) now in sync with it, or None if an editor's edit won."""
    article, mtime = prepared.article, prepared.mtime
    existing = by_source.get(seed.name)
    slug, path = _target(seed, config, prepared, existing, taken, unreadable)
    when = entry_date(existing, article, mtime)

    photo = photo_beside(seed)
    plan: _PhotoPlan | None = None
    if prepared.text is not None and prepared.slug == slug and photo is None:
        text = prepared.text
    else:
        story = existing.story_or(slug) if existing is not None else slug
        text, plan = _compose(seed, config, article, prepared.tagging, slug, when, photo, story, existing)

    if existing is None:
        if not _written(path, text, NEW_FILE, plan, seed, report):
            return None
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
        if not _written(path, text, current, plan, seed, report):
            return None
        report.updated.append(path)
    return path, slug, when


@dataclass(frozen=True)
class _PhotoPlan:
    """The seed's photo and where it goes; `expect` is what that file holds now (None: no file)."""

    data: bytes
    target: Path
    expect: bytes | None
    write: bool  # False: the file there stays (the same photo, or an editor's)


def _target(
    seed: Path,
    config: Config,
    prepared: Prepared,
    existing: Existing | None,
    taken: set[str],
    unreadable: set[str],
) -> tuple[str, Path]:
    """The slug and file the seed's entry has, or gets (a new slug is numbered if taken)."""
    if existing is not None:
        if not SLUG_PATTERN.fullmatch(existing.slug) or ".." in existing.slug:
            # An edited slug names files ingest writes (the photo): it must stay in its folder.
            raise ContentError(
                f"slug {existing.slug!r} is not a safe URL name, so {shown(seed)} is not ingested into it",
                shown(existing.path),
                hint="use lower-case letters, digits and hyphens, e.g. slug: s-400-deliveries",
            )
        return existing.slug, existing.path
    base = prepared.base
    if base in unreadable:
        raise SeedError(
            f"its entry content/{base}.md cannot be read",
            shown(seed),
            hint="fix that entry first (see the error above), then ingest again",
        )
    slug = unique_slug(base, taken)
    taken.add(slug)
    return slug, config.content_dir / f"{slug}.md"


def _written(
    path: Path, text: str, expect: str | None, plan: _PhotoPlan | None, seed: Path, report: IngestReport
) -> bool:
    """Write the photo, then the entry, unless an editor saved either meanwhile (then say so)."""
    if plan is not None and plan.write:
        try:
            _write(plan.target, plan.data, plan.expect)
        except ChangedMeanwhile:
            log.warning(
                "kept %s: saved by someone else while ingest ran, so not overwritten from %s",
                shown(plan.target),
                shown(seed),
            )
    try:
        _write(path, text, expect)
    except ChangedMeanwhile:
        log.warning(
            "kept %s: saved by an editor while ingest ran, so not overwritten from %s "
            "(ingest again to bring in the seed's changes, or delete it to re-ingest)",
            shown(path),
            shown(seed),
        )
        report.kept.append(path)
        return False
    return True


def _compose(
    seed: Path,
    config: Config,
    article: RawArticle,
    tagging: Tagging,
    slug: str,
    when: str,
    photo: Path | None,
    story: str,
    existing: Existing | None,
) -> tuple[str, _PhotoPlan | None]:
    """The entry's text, and where a readable photo beside the seed goes in content/images/.

    Nothing is written here: the caller writes the photo only if it writes the entry.
    """
    metadata, body = entry_fields(article, tagging, slug=slug, date=when, seed=seed.name, story=story)
    if photo is not None and not _readable_photo(photo):
        log.warning(
            "%s cannot be read as an image, so %s is ingested without it "
            "(replace it with a valid JPEG, PNG or WebP)",
            shown(photo),
            shown(seed),
        )
        photo = None
    plan = None
    if photo is not None:
        try:
            data = photo.read_bytes()
        except OSError as exc:
            raise SeedError(f"its photo cannot be read: {exc.strerror}", shown(photo)) from exc
        # The entry owns a copy of its photo, so content/ stands alone as the site's source.
        stored, plan = _photo_plan(config.content_dir, slug, photo, data, existing, seed)
        image = metadata.get("image")
        image_fields = (
            dict(image)
            if isinstance(image, dict) and image
            else {"alt": article.title, "caption": "", "credit": ""}
        )
        image_fields["file"] = stored
        metadata["image"] = image_fields
        # What ingest put there: a photo whose bytes differ later was replaced by an editor.
        metadata[PHOTO_KEY] = photo_digest(data)
    return render_entry(metadata, body), plan


def _photo_plan(
    content_dir: Path, slug: str, photo: Path, data: bytes, existing: Existing | None, seed: Path
) -> tuple[str, _PhotoPlan]:
    """The photo's file under content/, never one an editor replaced or another entry uses."""
    suffix = photo.suffix.lower().replace(".jpeg", ".jpg")
    previous, recorded = _recorded_photo(existing)
    names = [previous] if previous else []
    names += [f"images/{slug}{suffix}"] + [f"images/{slug}-{n}{suffix}" for n in range(2, 100)]
    for name in names:
        target = content_dir / name
        try:
            current = target.read_bytes() if os.path.lexists(target) else None
        except OSError:
            continue  # unreadable: someone else's, leave it
        if current is None:
            return name, _PhotoPlan(data, target, None, write=True)
        if current == data:
            return name, _PhotoPlan(data, target, current, write=False)
        if name != previous:
            continue  # another entry's or an editor's photo: never overwritten
        if recorded is not None and photo_digest(current) == recorded:
            return name, _PhotoPlan(data, target, current, write=True)  # ours; the seed's changed
        log.warning(
            "kept %s: replaced by hand, so not overwritten by %s (delete it to take the seed's photo)",
            shown(target),
            shown(photo),
        )
        return name, _PhotoPlan(data, target, current, write=False)
    raise SeedError(
        f"no free name for its photo under {shown(content_dir / 'images')}",
        shown(seed),
        hint=f"remove unused images/{slug}-N photos",
    )


def _recorded_photo(existing: Existing | None) -> tuple[str | None, str | None]:
    """The photo file an entry of ours names, and the digest of the photo ingest put there."""
    if existing is None:
        return None, None
    try:
        metadata, _body, _line = split_entry(existing.text, existing.path)
    except (ContentError, OSError, UnicodeDecodeError):
        return None, None
    image = metadata.get("image")
    file = image.get("file") if isinstance(image, dict) else None
    digest = metadata.get(PHOTO_KEY)
    if not isinstance(file, str) or not PHOTO_PATTERN.fullmatch(file):
        return None, None
    return file, digest if isinstance(digest, str) else None


def _readable_photo(photo: Path) -> bool:
    from briefing.render.images import photo_problem

    return photo_problem(photo) is None


def _write(path: Path, data: str | bytes, expect: str | bytes | None) -> None:
    try:
        write_atomic(path, data, expect)
    except OSError as exc:
        raise ContentError(
            f"cannot be written: {exc.strerror}",
            shown(path),
            hint="check that content/ is a folder you may write to",
        ) from exc
