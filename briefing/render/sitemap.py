"""sitemap.xml and robots.txt: every public page, absolute URLs, in a stable order."""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape

from briefing.config import Config
from briefing.model import Entry
from briefing.render import urls


def sitemap(config: Config, pages: list[tuple[str, str | None]]) -> bytes:
    """`pages` holds (url, lastmod date or None); the order given is kept."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url, lastmod in pages:
        lines.append(
            f"  <url><loc>{escape(urls.absolute(config, url), quote=False)}</loc>"
            + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "")
            + "</url>"
        )
    lines.append("</urlset>\n")
    return "\n".join(lines).encode("utf-8")


def robots(config: Config) -> bytes:
    text = f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute(config, 'sitemap.xml')}\n"
    if not urls.is_local(config.base_url):
        text += f"Sitemap: {urls.absolute(config, NEWS_SITEMAP)}\n"
    return text.encode()


NEWS_SITEMAP = "news-sitemap.xml"
NEWS_WINDOW = timedelta(days=2)  # Google News reads articles of the last two days
NEWS_LIMIT = 1000  # and at most this many URLs per news sitemap


def news_items(entries: list[Entry], now: datetime) -> list[dict]:
    """The entries of the last two days before `now`, newest first, as plain data."""
    start = now - NEWS_WINDOW
    return [
        {"url": urls.entry(e.slug), "published": e.published.isoformat(), "title": e.title}
        for e in entries
        if start <= e.published
    ][:NEWS_LIMIT]


def news_sitemap(config: Config, publisher: str, items: list[dict]) -> bytes:
    """A Google News sitemap: each recent article with its publication, date and title."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ]
    name, language = escape(publisher, quote=False), escape(config.language, quote=False)
    for item in items:
        lines.append(
            f"  <url><loc>{escape(urls.absolute(config, item['url']), quote=False)}</loc><news:news>"
            f"<news:publication><news:name>{name}</news:name><news:language>{language}</news:language>"
            f"</news:publication><news:publication_date>{item['published']}</news:publication_date>"
            f"<news:title>{escape(item['title'], quote=False)}</news:title></news:news></url>"
        )
    lines.append("</urlset>\n")
    return "\n".join(lines).encode("utf-8")
