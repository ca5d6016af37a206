"""One seed brought into content/: a new entry, an updated one, or an editor's edit kept."""

from __future__ import annotations

import logging
from pathlib import Path

from briefing.config import Config
from briefing.display import shown
from briefing.entities import Tagging
from briefing.errors import ContentError, SeedError
from briefing.ingest.existing import Existing
from briefing.ingest.parse import RawArticle
from briefing.ingest.prepare import Prepared, entry_date
from briefing.ingest.report import IngestReport
from briefing.ingest.seeds import photo_beside
from briefing.ingest.slugs import unique_slug
from briefing.ingest.transform import entry_fields
from briefing.ingest.writer import (
    is_hand_edited,
    render_entry,
    write_atomic,
)

log = logging.getLogger("briefing")


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
    when = entry_date(existing, article, mtime)

    photo = photo_beside(seed)
    if prepared.text is not None and prepared.slug == slug and photo is None:
        text = prepared.text
    else:
        story = existing.story_or(slug) if existing is not None else slug
        text = _compose(seed, config, article, prepared.tagging, slug, when, photo, story)

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
    story: str,
) -> str:
    """The entry's text; a readable photo beside the seed is copied to content/images/."""
    metadata, body = entry_fields(article, tagging, slug=slug, date=when, source=seed.name, story=story)
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
        image = metadata.get("image")
        image_fields = (
            dict(image)
            if isinstance(image, dict) and image
            else {"alt": article.title, "caption": "", "credit": ""}
        )
        image_fields["file"] = stored
        metadata["image"] = image_fields
    return render_entry(metadata, body)


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
