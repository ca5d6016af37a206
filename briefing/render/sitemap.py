"""sitemap.xml and robots.txt: every public page, absolute URLs, in a stable order."""

from __future__ import annotations

from html import escape

from briefing.config import Config
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
    return f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute(config, 'sitemap.xml')}\n".encode()
