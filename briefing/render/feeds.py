"""Atom and RSS feeds with feedgen: valid XML, absolute URLs, dates from the entries only."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import briefing
from briefing.config import Config
from briefing.model import Entry
from briefing.render import urls

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

# A feed with no entries still needs an <updated>; "now" would break reproducible builds.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def feed_items(entries: list[Entry], config: Config) -> list[dict]:
    """The newest `feed_size` entries as plain data (also the feed's cache fingerprint)."""
    return [
        {
            "title": e.title,
            "url": urls.absolute(config, urls.entry(e.slug)),
            "published": e.published.isoformat(),
            "summary": e.summary,
            "tags": list(e.tags),
        }
        for e in entries[: config.feed_size]
    ]


def _generator(
    config: Config, title: str, page_url: str, feed_url: str, items: list[dict], html_summaries: bool = False
) -> FeedGenerator:
    """`html_summaries` for RSS, whose <description> readers take as HTML: escape it once more."""
    from feedgen.feed import FeedGenerator  # with lxml, a tenth of a no-change build to import

    feed = FeedGenerator()
    feed.id(urls.absolute(config, page_url))
    feed.title(title)
    subtitle = config.description or title
    feed.subtitle(html.escape(subtitle) if html_summaries else subtitle)
    # feedgen makes the last link RSS's channel <link>, which must be the site, not the feed.
    feed.link(href=urls.absolute(config, feed_url), rel="self")
    feed.link(href=urls.absolute(config, page_url), rel="alternate")
    feed.language(config.language)
    feed.author({"name": config.title})
    feed.generator("Briefing", briefing.__version__)
    newest = datetime.fromisoformat(items[0]["published"]) if items else _EPOCH
    feed.updated(newest)
    feed.lastBuildDate(newest)
    for item in items:
        when = datetime.fromisoformat(item["published"])
        entry = feed.add_entry(order="append")
        entry.id(item["url"])
        entry.guid(item["url"], permalink=True)
        entry.title(item["title"])
        entry.link(href=item["url"])
        entry.published(when)
        entry.updated(when)
        summary = item["summary"] or item["title"]
        entry.summary(html.escape(summary) if html_summaries else summary)
        for tag in item["tags"]:
            entry.category(term=tag, label=tag)
    return feed


def atom(config: Config, title: str, page_url: str, feed_url: str, items: list[dict]) -> bytes:
    return _generator(config, title, page_url, feed_url, items).atom_str(pretty=True)


def rss(config: Config, title: str, page_url: str, feed_url: str, items: list[dict]) -> bytes:
    return _generator(config, title, page_url, feed_url, items, html_summaries=True).rss_str(pretty=True)
