"""Turning the indexed site into bytes: URLs, Markdown, templates, feeds, sitemap, search."""
