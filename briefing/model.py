"""The site as data: entries, tags and editions. Frozen dataclasses, no presentation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

# Labels for the tag index, in the order an analyst scans them.
GROUP_LABELS: dict[str, str] = {
    "countries": "Countries",
    "people": "People",
    "organisations": "Organisations",
    "weapon_systems": "Weapon systems",
    "topics": "Topics",
    "other": "Other tags",
}


@dataclass(frozen=True)
class Image:
    alt: str = ""
    caption: str = ""
    credit: str = ""
    file: str = ""  # a photo under content/, e.g. "images/slug.jpg"; "" when there is none
    width: int = 0  # the photo's own size, read when the entry is loaded
    height: int = 0


@dataclass(frozen=True)
class Source:
    """The outlet an entry reports from: its name (never empty) and, when known, its address."""

    name: str
    url: str = ""  # an absolute http(s) URL, or "" when the seed named only the outlet


@dataclass(frozen=True)
class Entry:
    """One briefing as loaded from content/; `digest` changes whenever its file does."""

    file: str  # its path; a string because making 10,000 Paths cost a no-change build 0.1 s
    slug: str
    title: str
    published: datetime  # aware, in the site's time zone
    summary: str
    body: str  # Markdown
    tags: tuple[str, ...]
    entities: dict[str, tuple[str, ...]]
    source: Source | None  # the outlet; the seed file it came from is ingest's business
    image: Image | None
    digest: str
    body_key: str = ""  # hash of the body (and allow_html): the rendered HTML's cache key
    # Publishing (see publish.py): a draft is shown only by `build --drafts` and `serve`;
    # an entry is published from `published` until `expires`; `aliases` are old slugs
    # whose URLs redirect to it.
    draft: bool = False
    expires: datetime | None = None
    aliases: tuple[str, ...] = ()
    story: str = ""  # the story it is a report of (briefing/stories.py); its own slug if alone
    priority: int = 0  # an editor's override of the day's ranking: higher first
    # Its last revision (briefing/revised.py: front matter or the text, never the clock);
    # None when it is as first published.
    updated: datetime | None = None

    @property
    def modified(self) -> datetime:
        """When it last changed: its revision, else its publication."""
        return self.updated or self.published

    @property
    def story_id(self) -> str:
        return self.story or self.slug

    @property
    def path(self) -> Path:
        return Path(self.file)

    @property
    def day(self) -> date:
        return self.published.date()

    @property
    def sort_key(self) -> tuple[float, str]:
        """Newest first, then by slug: a total order, so output never depends on file order."""
        return (-self.published.timestamp(), self.slug)


@dataclass
class Tag:
    name: str
    slug: str
    group: str
    entries: list[Entry] = field(default_factory=list)  # newest first


@dataclass(frozen=True)
class Edition:
    """The entries of one day or one month, newest first."""

    key: str  # "2024-03-01" or "2024-03"
    start: date
    entries: tuple[Entry, ...]

    @property
    def is_day(self) -> bool:
        return len(self.key) == 10
