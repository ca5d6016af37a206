"""Which HTML pages the site has and what each one shows.

One function per kind of page: `entry_pages`, `front_pages`, `tag_pages`,
`tag_index_page`, `edition_pages`, `archive_page`, `search_page`,
`not_found_page`. Each returns PageJobs: a template and a view, not HTML,
so the build can skip pages whose view has not changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

from briefing.model import Edition, Entry, Tag
from briefing.render import families, urls
from briefing.render.templates import long_date
from briefing.render.views import (
    card,
    edition_digest,
    entity_profile,
    entity_view,
    entry_view,
    groups_by_day,
    link,
    related_view,
    site_view,
    tag_index_view,
)
from briefing.site import Site


class PageJob:
    """One HTML page: its URL and template, and its view, made on first use.

    The view is made where the page is rendered, in a worker process: on a large
    site, making every view in the parent would leave the other cores idle.
    """

    def __init__(
        self, url: str, template: str, make_context: Callable[[], dict], day: str | None = None
    ) -> None:
        self.url = url  # "" for the front page, "briefings/x/", "404.html"
        self.template = template
        self.day = day  # the entry's day, for the sitemap's lastmod
        self._make_context = make_context
        self._context: dict | None = None

    @property
    def file(self) -> str:
        return urls.output_file(self.url)

    @property
    def context(self) -> dict:
        if self._context is None:
            self._context = self._make_context()
        return self._context

    def forget(self) -> None:
        """Drop the view once the page is written: 20,000 of them held a worker's memory."""
        self._context = None


def _page(
    site: Site,
    url: str,
    template: str,
    title: str,
    view: Callable[[], dict] | None = None,
    root: str | None = None,
    day: str | None = None,
) -> PageJob:
    config = site.config

    def context() -> dict:
        return {
            "site": site_view(config),
            "root": urls.root_from(url) if root is None else root,
            "page": {
                "url": url,
                "title": title,
                "canonical": urls.absolute(config, url),
                "kind": template.removesuffix(".html"),
            },
            **(view() if view is not None else {}),
        }

    return PageJob(url, template, context, day)


class Cards(dict):
    """Entry cards by slug, made on first use: an incremental build needs only a few."""

    def __init__(self, site: Site) -> None:
        super().__init__()
        self.site = site
        self.entries = {e.slug: e for e in site.entries}

    def __missing__(self, slug: str) -> dict:
        made = self[slug] = card(self.site, self.entries[slug])
        return made


@dataclass(frozen=True)
class Changed:
    """The pages an edit reaches when no entry's date, tags or slug changed (see build.py)."""

    entries: set[str]  # entry pages to redo
    front: set[int]  # front page numbers
    tags: dict[str, set[int]]  # tag slug -> page numbers
    editions: set[str]  # "2024-03-01" and "2024-03"


def changed_pages(site: Site, bodies: Mapping[str, str], changed: Changed) -> list[PageJob]:
    cards = Cards(site)
    return [
        *front_pages(site, cards, only=changed.front),
        *entry_pages(site, bodies, only=changed.entries),
        *[
            page
            for slug, numbers in sorted(changed.tags.items())
            for page in _tag_pages(site, site.tags[slug], cards, only=numbers)
        ],
        *edition_pages(site, cards, only=changed.editions),
    ]


def all_pages(site: Site, bodies: Mapping[str, str]) -> list[PageJob]:
    cards = Cards(site)
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


def _paged(
    site: Site,
    base: str,
    slugs: list[str],
    template: str,
    title: str,
    cards: Cards,
    only: set[int] | None = None,
    extra: Callable[[int], dict] = lambda number: {},
) -> list[PageJob]:
    """A list of entries over numbered pages; `extra(number)` adds to each page's view."""
    size = site.config.page_size
    total = families.list_page_count(site.config, len(slugs))
    jobs = []
    for number in range(1, total + 1):
        if only is not None and number not in only:
            continue
        page_title = title if number == 1 else f"{title} (page {number} of {total})"

        def view(number: int = number) -> dict:
            chunk = [cards[slug] for slug in slugs[(number - 1) * size : number * size]]
            return {
                "groups": groups_by_day(chunk, families.day_url(site.config, site.entries)),
                "pagination": _pagination(base, number, total),
                **extra(number),
            }

        jobs.append(_page(site, urls.paged(base, number), template, page_title, view))
    return jobs


def front_pages(site: Site, cards: Cards, only: set[int] | None = None) -> list[PageJob]:
    """The digest: newest entries first, grouped into their day's edition."""
    slugs = [e.slug for e in site.entries]
    return _paged(
        site, "", slugs, "list.html", site.config.title, cards, only, lambda number: {"count": len(slugs)}
    )


def entry_pages(site: Site, bodies: Mapping[str, str], only: set[str] | None = None) -> list[PageJob]:
    def view(e: Entry) -> dict:
        return {
            "entry": entry_view(site, e, bodies[e.slug]),
            "newer": link(site.newer(e)),
            "older": link(site.older(e)),
            "related": related_view(site, site.related[e.slug]),
        }

    return [
        _page(site, urls.entry(e.slug), "entry.html", e.title, partial(view, e), day=e.day.isoformat())
        for e in site.entries
        if only is None or e.slug in only
    ]


def tag_pages(site: Site, cards: Cards) -> list[PageJob]:
    return [page for tag in site.tags.values() for page in _tag_pages(site, tag, cards)]


def _tag_pages(site: Site, tag: Tag, cards: Cards, only: set[int] | None = None) -> list[PageJob]:
    """An entity page: what it is, how often and when it was in the news, and its briefings."""

    def extra(number: int) -> dict:
        # The profile (aliases, timeline, companions) heads page 1 only.
        return {"tag": entity_view(site, tag), "profile": entity_profile(site, tag) if number == 1 else None}

    return _paged(
        site, urls.tag(tag.slug), [e.slug for e in tag.entries], "tag.html", tag.name, cards, only, extra
    )


def tag_index_page(site: Site) -> PageJob:
    return _page(site, urls.TAGS, "tags.html", "Tags", lambda: {"groups": tag_index_view(site)})


def edition_pages(site: Site, cards: Cards, only: set[str] | None = None) -> list[PageJob]:
    return [
        *_editions(site, families.kept_days(site.config, site.entries, site.days), cards, urls.day, only),
        *_editions(site, site.months, cards, urls.month, only),
    ]


def _editions(
    site: Site, editions: list[Edition], cards: Cards, url_of, only: set[str] | None
) -> list[PageJob]:
    jobs = []
    for i, edition in enumerate(editions):
        if only is not None and edition.key not in only:
            continue
        title = (
            f"Edition of {long_date(edition.start)}"
            if edition.is_day
            else long_date(edition.start).split(" ", 1)[1]
        )
        jobs.append(
            _page(
                site,
                url_of(edition.start),
                "edition.html",
                title,
                partial(_edition_view, site, editions, i, cards, url_of),
            )
        )
    return jobs


def _edition_view(site: Site, editions: list[Edition], i: int, cards: Cards, url_of) -> dict:
    edition = editions[i]
    newer = editions[i - 1] if i > 0 else None
    older = editions[i + 1] if i + 1 < len(editions) else None
    items = [cards[e.slug] for e in edition.entries]
    return {
        "edition": {
            "key": edition.key,
            "is_day": edition.is_day,
            "count": len(items),
            "month_url": urls.month(edition.start),
        },
        "groups": groups_by_day(items, families.day_url(site.config, site.entries)),
        "digest": edition_digest(site, edition.entries) if edition.is_day else None,
        "newer": {"title": newer.key, "url": url_of(newer.start)} if newer else None,
        "older": {"title": older.key, "url": url_of(older.start)} if older else None,
    }


def archive_page(site: Site) -> PageJob:
    def view() -> dict:
        days_by_month: dict[str, list[dict]] = {}
        for day in families.kept_days(site.config, site.entries, site.days):
            days_by_month.setdefault(day.key[:7], []).append(
                {"key": day.key, "url": urls.day(day.start), "count": len(day.entries)}
            )
        return {
            "months": [
                {
                    "key": m.key,
                    "title": long_date(m.start).split(" ", 1)[1],
                    "url": urls.month(m.start),
                    "count": len(m.entries),
                    "days": days_by_month.get(m.key, []),
                }
                for m in site.months
            ]
        }

    return _page(site, urls.ARCHIVE, "archive.html", "Archive", view)


def search_page(site: Site) -> PageJob:
    return _page(site, urls.SEARCH, "search.html", "Search")


def not_found_page(site: Site) -> PageJob:
    # Hosts serve 404.html at whatever URL was missed: only root-absolute links work there.
    return _page(site, "404.html", "404.html", "Page not found", root=site.config.base_path)
