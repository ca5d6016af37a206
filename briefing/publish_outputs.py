"""The outputs of publishing (issue 17) for the planner: the news sitemap and redirect pages.

Called by the build after `plan_outputs` or `plan_changed`, in both cases with every
such output: they are a handful of small files, and a Job whose fingerprint matches
the last build's is not written again. Redirect pages are in neither the sitemap nor
search: those are made from live pages and entries only.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from html import escape

from briefing.config import Config
from briefing.model import Entry
from briefing.plan import Job, fingerprint
from briefing.redirects import Redirect
from briefing.render import sitemap, urls
from briefing.render.share import publisher_name
from briefing.site import Site


def publishing_jobs(site: Site, now: datetime, shared: str, redirects: list[Redirect]) -> list[Job]:
    config = site.config
    jobs = []
    if not urls.is_local(config.base_url):
        items = sitemap.news_items(site.entries, now)
        name = publisher_name(config)
        jobs.append(
            Job(
                sitemap.NEWS_SITEMAP,
                fingerprint(shared, "news", name, items),
                lambda: sitemap.news_sitemap(config, name, items),
            )
        )
    for redirect in redirects:
        jobs.append(
            Job(
                urls.output_file(redirect.old),
                fingerprint(shared, "redirect", redirect.old, redirect.new, redirect.title),
                partial(redirect_page, site, redirect),
            )
        )
    return jobs


def news_key(config: Config, entries: list[Entry], now: datetime) -> list[str]:
    """What of the news sitemap depends on "now": the entries inside its two-day window.

    Part of the build's input fingerprint, so a build with no file changed still
    drops an entry from the news sitemap once it is two days old.
    """
    if urls.is_local(config.base_url):
        return []
    return [item["url"] for item in sitemap.news_items(entries, now)]


def redirect_page(site: Site, redirect: Redirect) -> bytes:
    """A page that sends readers and crawlers on: meta refresh, canonical, a plain link, noindex."""
    config = site.config
    relative = escape(urls.root_from(redirect.old) + redirect.new)
    absolute = escape(urls.absolute(config, redirect.new))
    title = escape(redirect.title)
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(config.language)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>Moved: {title} · {escape(config.title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{absolute}">\n'
        f'<meta http-equiv="refresh" content="0; url={relative}">\n'
        "</head>\n"
        "<body>\n"
        f'<p>This page has moved to <a href="{relative}">{title}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    ).encode()
