"""Atom, RSS and JSON Feed files that carry whole briefings: valid, absolute, reproducible.

Items are plain data (`FeedItem`), so a feed's cache fingerprint is its items;
the body HTML is fetched and made absolute only when the feed is written.
Every date comes from the entries: feedgen stamps "now" into a feed and each
entry unless told otherwise, so everything it would stamp is set here.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import briefing
from briefing.config import Config

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

# A feed with no entries still needs an <updated>; "now" would break reproducible builds.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class FeedImage:
    """An entry's photo (`url` "" when it has only a caption or a credit)."""

    url: str  # absolute
    alt: str
    caption: str
    credit: str
    width: int
    height: int


@dataclass(frozen=True)
class FeedItem:
    """One entry as every feed shows it; `content_key` names the body its content is made of."""

    key: str  # what `content` is looked up by (an entry's slug, an edition's day)
    content_key: str  # changes whenever the content does (a body hash)
    title: str
    url: str  # absolute
    published: str  # ISO 8601 with offset
    updated: str
    summary: str
    tags: tuple[str, ...]
    image: FeedImage | None = None

    def fingerprint_data(self) -> str:
        """Plain data for the build's fingerprint (marshal takes no dataclasses): the repr
        of strings, numbers and tuples, which is the same on every run."""
        return repr(self)


@dataclass(frozen=True)
class FeedInfo:
    """What a feed is about: its title and the page it follows."""

    title: str
    description: str
    page_url: str  # absolute: the site's front page, a tag page, the archive
    self_url: str  # absolute: where this very feed file lives


# item key -> the item's whole content as HTML, absolute links (asked for only while writing).
Content = Callable[[FeedItem], str]


def _generator(
    info: FeedInfo, config: Config, items: Sequence[FeedItem], escape: bool = False
) -> FeedGenerator:
    """`escape` for RSS, whose readers take the channel's <description> as HTML."""
    from feedgen.feed import FeedGenerator  # with lxml, a tenth of a no-change build to import

    feed = FeedGenerator()
    feed.id(info.page_url)
    feed.title(info.title)
    subtitle = info.description or info.title
    feed.subtitle(html.escape(subtitle) if escape else subtitle)
    # feedgen makes the last link RSS's channel <link>, which must be the page, not the feed.
    feed.link(href=info.self_url, rel="self")
    feed.link(href=info.page_url, rel="alternate")
    feed.language(config.language)
    feed.author({"name": config.title})
    feed.generator("Briefing", briefing.__version__)
    newest = max((datetime.fromisoformat(i.updated) for i in items), default=_EPOCH)
    feed.updated(newest)
    feed.lastBuildDate(newest)
    return feed


def atom(config: Config, info: FeedInfo, items: Sequence[FeedItem], content: Content) -> bytes:
    """Atom 1.0: <summary> keeps the short text, <content type="html"> the whole briefing."""
    feed = _generator(info, config, items)
    for item in items:
        entry = _entry(feed, item)
        entry.summary(item.summary or item.title)
        entry.content(content(item), type="html")
    return feed.atom_str(pretty=True)


def rss(config: Config, info: FeedInfo, items: Sequence[FeedItem], content: Content) -> bytes:
    """RSS 2.0: <description> as the summary, content:encoded as the whole briefing.

    Readers take <description> as HTML, so the plain summary is escaped once more.
    feedgen writes content:encoded only beside a description, and escapes it as text,
    which is how the content module says HTML is carried (no CDATA, so no "]]>" trap).
    """
    feed = _generator(info, config, items, escape=True)
    for item in items:
        entry = _entry(feed, item)
        entry.content(content(item))
        entry.description(html.escape(item.summary or item.title))
    return feed.rss_str(pretty=True)


def _entry(feed: FeedGenerator, item: FeedItem):
    published = datetime.fromisoformat(item.published)
    updated = datetime.fromisoformat(item.updated)
    entry = feed.add_entry(order="append")
    entry.id(item.url)
    entry.guid(item.url, permalink=True)
    entry.title(item.title)
    entry.link(href=item.url)
    entry.published(published)
    entry.updated(updated)
    for tag in item.tags:
        entry.category(term=tag, label=tag)
    return entry


def json_feed(config: Config, info: FeedInfo, items: Sequence[FeedItem], content: Content) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the fields its readers rely on."""
    feed: dict[str, object] = {
        "version": JSON_FEED_VERSION,
        "title": info.title,
        "home_page_url": info.page_url,
        "feed_url": info.self_url,
        "description": info.description or info.title,
        "language": config.language,
        "authors": [{"name": config.title}],
        "items": [_json_item(item, content(item)) for item in items],
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _json_item(item: FeedItem, content_html: str) -> dict[str, object]:
    made: dict[str, object] = {
        "id": item.url,
        "url": item.url,
        "title": item.title,
        "content_html": content_html,
        "summary": item.summary or item.title,
        "date_published": item.published,
        "date_modified": item.updated,
    }
    if item.image is not None and item.image.url:
        made["image"] = item.image.url
    if item.tags:
        made["tags"] = list(item.tags)
    return made
