"""Which HTML pages the site has and what each one shows.

One function per kind of page: `entry_pages`, `front_pages`, `tag_pages`,
`tag_index_page`, `edition_pages`, `archive_page`, `search_page`,
`not_found_page`. Each returns PageJobs: a template and a view, not HTML,
so the build can skip pages whose view has not changed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from briefing.index import Site
from briefing.model import Edition
from briefing.render import urls
from briefing.render.templates import long_date
from briefing.render.views import (
    card,
    entry_view,
    groups_by_day,
    link,
    related_view,
    site_view,
    tag_index_view,
)


@dataclass(frozen=True)
class PageJob:
    url: str  # "" for the front page, "briefings/x/", "404.html"
    template: str
    context: dict

    @property
    def file(self) -> str:
        return urls.output_file(self.url)


def _page(site: Site, url: str, template: str, title: str, root: str | None = None,
          **view: object) -> PageJob:
    config = site.config
    context = {
        "site": site_view(config),
        "root": urls.root_from(url) if root is None else root,
        "page": {"url": url, "title": title, "canonical": urls.absolute(config, url),
                 "kind": template.removesuffix(".html")},
        **view,
    }
    return PageJob(url, template, context)


def all_pages(site: Site, bodies: dict[str, str]) -> list[PageJob]:
    cards = {e.slug: card(site, e) for e in site.entries}
    return [
        *front_pages(site, cards),
        *entry_pages(site, bodies),
        *tag_pages(site, cards),
        tag_index_page(site),
        *edition_pages(site, cards),
        archive_page(site),
        search_page(site),
        not_found_page(site),
    ]


def _pagination(base: str, number: int, total: int) -> dict:
    return {
        "number": number,
        "total": total,
        "newer": urls.paged(base, number - 1) if number > 1 else None,
        "older": urls.paged(base, number + 1) if number < total else None,
    }


def _paged(site: Site, base: str, items: list[dict], template: str, title: str,
           **view: object) -> list[PageJob]:
    size = site.config.page_size
    total = max(1, math.ceil(len(items) / size))
    jobs = []
    for number in range(1, total + 1):
        chunk = items[(number - 1) * size: number * size]
        page_title = title if number == 1 else f"{title} (page {number} of {total})"
        jobs.append(_page(site, urls.paged(base, number), template, page_title,
                          groups=groups_by_day(chunk), pagination=_pagination(base, number, total),
                          **view))
    return jobs


def front_pages(site: Site, cards: dict[str, dict]) -> list[PageJob]:
    """The digest: newest entries first, grouped into their day's edition."""
    items = [cards[e.slug] for e in site.entries]
    return _paged(site, "", items, "list.html", site.config.title, count=len(items))


def entry_pages(site: Site, bodies: dict[str, str]) -> list[PageJob]:
    return [
        _page(site, urls.entry(e.slug), "entry.html", e.title,
              entry=entry_view(site, e, bodies[e.slug]),
              newer=link(site.newer(e)), older=link(site.older(e)),
              related=related_view(site, site.related[e.slug]))
        for e in site.entries
    ]


def tag_pages(site: Site, cards: dict[str, dict]) -> list[PageJob]:
    jobs = []
    for tag in site.tags.values():
        items = [cards[e.slug] for e in tag.entries]
        view = {"tag": {"name": tag.name, "group": tag.group, "count": len(items),
                        "feed": urls.tag_feed(tag.slug),
                        "first": tag.entries[-1].day.isoformat(),
                        "last": tag.entries[0].day.isoformat()}}
        jobs += _paged(site, urls.tag(tag.slug), items, "tag.html", tag.name, **view)
    return jobs


def tag_index_page(site: Site) -> PageJob:
    return _page(site, urls.TAGS, "tags.html", "Tags", groups=tag_index_view(site))


def edition_pages(site: Site, cards: dict[str, dict]) -> list[PageJob]:
    return [*_editions(site, site.days, cards, urls.day),
            *_editions(site, site.months, cards, urls.month)]


def _editions(site: Site, editions: list[Edition], cards: dict[str, dict], url_of) -> list[PageJob]:
    jobs = []
    for i, edition in enumerate(editions):
        newer = editions[i - 1] if i > 0 else None
        older = editions[i + 1] if i + 1 < len(editions) else None
        title = (f"Edition of {long_date(edition.start)}" if edition.is_day
                 else long_date(edition.start).split(" ", 1)[1])
        items = [cards[e.slug] for e in edition.entries]
        jobs.append(_page(
            site, url_of(edition.start), "edition.html", title,
            edition={"key": edition.key, "is_day": edition.is_day, "count": len(items),
                     "month_url": urls.month(edition.start)},
            groups=groups_by_day(items),
            newer={"title": newer.key, "url": url_of(newer.start)} if newer else None,
            older={"title": older.key, "url": url_of(older.start)} if older else None,
        ))
    return jobs


def archive_page(site: Site) -> PageJob:
    days_by_month: dict[str, list[dict]] = {}
    for day in site.days:
        days_by_month.setdefault(day.key[:7], []).append(
            {"key": day.key, "url": urls.day(day.start), "count": len(day.entries)})
    months = [{"key": m.key, "title": long_date(m.start).split(" ", 1)[1], "url": urls.month(m.start),
               "count": len(m.entries), "days": days_by_month[m.key]} for m in site.months]
    return _page(site, urls.ARCHIVE, "archive.html", "Archive", months=months)


def search_page(site: Site) -> PageJob:
    return _page(site, urls.SEARCH, "search.html", "Search")


def not_found_page(site: Site) -> PageJob:
    # Hosts serve 404.html at whatever URL was missed: only root-absolute links work there.
    return _page(site, "404.html", "404.html", "Page not found", root=site.config.base_path)
