"""content/ to a list of validated entries: every rule an entry must meet lives here."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from briefing.config import Config
from briefing.entries.bounds import MAX_NAMES, markdown_problem
from briefing.entries.read import read_entry
from briefing.entries.source import front_source
from briefing.errors import ContentError, raise_all
from briefing.model import Entry, Image
from briefing.revised import revised_at

# A slug names a folder under briefings/: nothing that could climb out or hide.
SLUG_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,118}[a-z0-9])?")
# A photo is a file below content/: no way up, no absolute path, a web image format.
PHOTO_PATTERN = re.compile(r"(?!/)(?!.*//)(?!.*(?:^|/)\.)[A-Za-z0-9._/-]+\.(?:jpe?g|png|webp)", re.IGNORECASE)
ENTITY_KEYS = ("countries", "people", "organisations", "weapon_systems", "topics")
# Characters XML 1.0 cannot carry even escaped (C0 controls but tab and newlines, surrogates,
# U+FFFE/U+FFFF): one in a title would make every feed unwritable. YAML's "\v" or "\x01"
# escapes and stray bytes in pasted text produce them; they never mean anything to a reader.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def load_entry(path: Path, config: Config) -> Entry:
    metadata, body, _body_line, text = read_entry(path)
    return entry_from(metadata, body, text, path, config.tz)


def entry_from(metadata: dict[str, Any], body: str, text: str, path: Path, tz: ZoneInfo) -> Entry:
    """Validate front matter; raise ContentError naming the key's line."""
    metadata = _clean(metadata)
    body = _NOT_XML.sub("", body)
    problem = markdown_problem(body)
    if problem is not None:
        reason, line, hint = problem
        before = text.replace("\r\n", "\n").rstrip("\n").count("\n") - body.rstrip("\n").count("\n")
        raise ContentError(f"its Markdown {reason}", path, before + line, hint=hint)

    def fail(key: str, message: str, hint: str) -> ContentError:
        return ContentError(message, path, _key_line(text, key), hint=hint)

    title = metadata.get("title")
    if not isinstance(title, str) or not title.strip():
        raise fail(
            "title",
            "has no title" if title is None else "title must be text",
            'add a line such as  title: "What happened"  to the front matter',
        )
    slug = _slug(metadata.get("slug", path.stem), fail)
    published = _published(metadata.get("date"), tz, fail)
    tags = _names(metadata.get("tags", []), "tags", fail)
    entities = _entities(metadata.get("entities") or {}, fail)
    summary = metadata.get("summary")
    if summary is None:
        summary = _first_paragraph(body)
    elif not isinstance(summary, str):
        raise fail("summary", "summary must be text", 'quote it: summary: "..."')
    source = front_source(metadata.get("source"), fail)
    if not isinstance(metadata.get("seed", ""), str):
        raise fail("seed", "seed must be the seed file's name", "e.g. seed: article.txt, or delete the line")
    draft = _draft(metadata.get("draft", False), fail)
    expires = metadata.get("expires")
    expires_at = None if expires is None else _published(expires, tz, fail, "expires")
    story, priority = _story_fields(metadata, slug, fail)
    return Entry(
        file=str(path),
        slug=slug,
        title=title.strip(),
        published=published,
        summary=" ".join(summary.split()),
        body=body,
        tags=tags,
        entities=entities,
        source=source,
        image=_image(metadata.get("image"), fail),
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest()[:20],
        draft=draft,
        expires=expires_at,
        aliases=_aliases(metadata.get("aliases", []), text, path),
        story=story,
        priority=priority,
        updated=revised_at(
            metadata, text, published, lambda value, key: _published(value, tz, fail, key), fail
        ),
    )


def _story_fields(metadata: dict[str, Any], slug: str, fail) -> tuple[str, int]:
    """`story:` (the story it belongs to; its own slug when empty) and `priority:` (an editor's
    rank override, higher first). Ingest writes the first; editors may set either."""
    story = metadata.get("story")
    if story is None or story == "":
        story = slug
    elif not isinstance(story, str) or not SLUG_PATTERN.fullmatch(story.strip()):
        raise fail(
            "story",
            f"story {story!r} must be a story id (the slug of one of its reports)",
            "e.g. story: s-400-deliveries-begin, or delete the line to make it a story of its own",
        )
    priority = metadata.get("priority", 0)
    if priority is None:
        priority = 0
    if isinstance(priority, bool) or not isinstance(priority, int) or abs(priority) > 1000:
        raise fail(
            "priority",
            f"priority {priority!r} must be a whole number from -1000 to 1000",
            "e.g. priority: 10 puts the story first in its day; priority: -10 last",
        )
    return story.strip(), priority


def _slug(value: object, fail: Callable[[str, str, str], ContentError]) -> str:
    if not isinstance(value, str) or not SLUG_PATTERN.fullmatch(value) or ".." in value:
        raise fail(
            "slug",
            f"slug {value!r} is not a safe URL name",
            "use lower-case letters, digits and hyphens, e.g. slug: s-400-deliveries",
        )
    return value


def _entities(value: object, fail: Callable[[str, str, str], ContentError]) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise fail(
            "entities",
            "entities must be a mapping of type to names",
            f"use keys among {', '.join(ENTITY_KEYS)}",
        )
    entities = {}
    for key, names in value.items():
        if key not in ENTITY_KEYS:
            raise fail(
                "entities",
                f"entities has an unknown type {key!r}",
                f"use keys among {', '.join(ENTITY_KEYS)}",
            )
        entities[key] = _names(names or [], key, fail)
    return entities


def _draft(value: object, fail: Callable[[str, str, str], ContentError]) -> bool:
    if not isinstance(value, bool):
        raise fail(
            "draft",
            f"draft must be true or false, not {value!r}",
            "write draft: true to hold it back, or remove the line to publish it",
        )
    return value


def _clean(value: Any) -> Any:
    """Front matter with every string (keys, values, list items) stripped of non-XML characters."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _published(value: object, tz: ZoneInfo, fail, key: str = "date") -> datetime:
    hint = f"write an ISO date such as {key}: 2024-03-01 or 2024-03-01T09:30:00Z"
    if value is None:
        raise fail(key, "has no date", hint)
    if isinstance(value, str):
        try:
            value = (
                datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
                if "T" in value or " " in value.strip()
                else date.fromisoformat(value.strip())
            )
        except ValueError:
            raise fail(key, f"{key} {value!r} is not a date", hint) from None
    try:
        if isinstance(value, datetime):
            published = value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)
        elif isinstance(value, date):
            published = datetime.combine(value, time(), tzinfo=tz)
        else:
            raise fail(key, f"{key} {value!r} is not a date", hint)
        published.timestamp()  # entries sort by it: it must exist in UTC too
    except OverflowError:
        # 0001-01-01T00:00+05:00 is a year-0 time in UTC: Python's datetime cannot hold it.
        raise fail(
            key,
            f"{key} {value} is out of range in the site's time zone",
            "use a date between the years 1 and 9999",
        ) from None
    return published


def _names(value: object, key: str, fail) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(
            key,
            f"{key} must be a list of names (text)",
            f"write {key}: [Russia, S-400] or one name per '- ' line",
        )
    if len(value) > MAX_NAMES:
        raise fail(key, f"{key} lists {len(value)} names (at most {MAX_NAMES})", "keep the ones that matter")
    seen: dict[str, None] = {}
    for name in value:
        seen.setdefault(" ".join(name.split()), None)
    return tuple(seen)


def _aliases(value: object, text: str, path: Path) -> tuple[str, ...]:
    """Old slugs of the entry (`aliases: [old-slug]`); `briefings/old-slug/` is accepted too."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ContentError(
            "aliases must be a list of old slugs",
            path,
            _key_line(text, "aliases"),
            hint="write aliases: [old-slug, other-old-slug]",
        )
    found: dict[str, None] = {}
    for item in value:
        alias = (
            item.strip().strip("/").removeprefix("briefings/").strip("/") if isinstance(item, str) else item
        )
        if not isinstance(alias, str) or not SLUG_PATTERN.fullmatch(alias) or ".." in alias:
            raise ContentError(
                f"alias {item!r} is not a slug",
                path,
                alias_line(text, str(item)),
                hint="an alias is an old slug of this entry, e.g. aliases: [s-400-deliveries]",
            )
        found.setdefault(alias, None)
    return tuple(found)


def alias_line(text: str, alias: str) -> int | None:
    """The line of `alias` in the entry's aliases (its own `- item` line, or the key's)."""
    start = _key_line(text, "aliases")
    if start is None:
        return None
    lines = text.split("\n")
    for number in range(start, min(len(lines), start + 200) + 1):
        line = lines[number - 1]
        if number > start and line and not line.startswith((" ", "-", "\t")):
            break
        if alias in line:
            return number
    return start


def _image(value: object, fail) -> Image | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not all(
        isinstance(value.get(k, ""), str) for k in ("alt", "caption", "credit", "file")
    ):
        raise fail(
            "image",
            "image must have text fields alt, caption, credit (and file)",
            "e.g. image: {alt: ..., caption: ..., credit: ...}",
        )
    file = value.get("file", "").strip()
    if file and not PHOTO_PATTERN.fullmatch(file):
        raise fail(
            "image",
            f"image file {file!r} must be a .jpg, .png or .webp under content/",
            "e.g. file: images/my-entry.jpg, with no '..' or leading '/'",
        )
    image = Image(
        alt=value.get("alt", ""), caption=value.get("caption", ""), credit=value.get("credit", ""), file=file
    )
    return image if (image.alt or image.caption or image.credit or image.file) else None


def _first_paragraph(body: str) -> str:
    for block in body.split("\n\n"):
        if block.strip() and not block.lstrip().startswith(("#", "!", "<")):
            return re.sub(r"[\\*_`]", "", block.strip())[:300]
    return ""


def _key_line(text: str, key: str) -> int | None:
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def check_unique_slugs(entries: list[Entry]) -> None:
    """Two entries with one slug would overwrite each other's page: name every file that
    reuses a slug, all at once, with the file that has it first."""
    first: dict[str, Entry] = {}
    errors = []
    for entry in entries:
        other = first.setdefault(entry.slug, entry)
        if other is not entry:
            errors.append(
                ContentError(
                    f"slug '{entry.slug}' is also used by {other.path.name}",
                    entry.path,
                    _key_line(entry.path.read_text(encoding="utf-8", errors="replace"), "slug"),
                    hint="give one of them another slug",
                )
            )
    raise_all(errors)
