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
from briefing.ranking import Story, edition_stories, stories_of
from briefing.render import families, share, urls
from briefing.render.brief import day_in_brief, other_reports, story_card
from briefing.render.month import month_opening
from briefing.render.relink import with_addresses
from briefing.render.templates import long_date
from briefing.render.views import (
    card,
    entity_profile,
    entity_view,
    entry_view,
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
        self.stories: dict[str, dict] = {}

    def __missing__(self, slug: str) -> dict:
        made = self[slug] = card(self.site, self.entries[slug])
        return made

    def story(self, story_id: str) -> dict:
        """A story's card (brief.story_card), made once."""
        made = self.stories.get(story_id)
        if made is None:
            made = self.stories[story_id] = story_card(self.site, stories_of(self.site).stories[story_id])
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
            index = stories_of(site)
            chunk = [cards[slug] for slug in slugs[(number - 1) * size : number * size]]
            return {
                # Compact rows: date, headline, and how many reports its story has.
                "items": [
                    {
                        "title": c["title"],
                        "url": c["url"],
                        "date": c["date"],
                        "day": c["day"],
                        "reports": len(index.stories[index.of_entry[slug]].reports),
                    }
                    for slug, c in zip(slugs[(number - 1) * size : number * size], chunk, strict=True)
                ],
                "pagination": _pagination(base, number, total),
                **extra(number),
            }

        jobs.append(_page(site, urls.paged(base, number), template, page_title, view))
    return jobs


def front_pages(site: Site, cards: Cards, only: set[int] | None = None) -> list[PageJob]:
    """The digest: the newest day's stories first, ranked, a card per story; pages hold whole days."""
    index = stories_of(site)
    total = max(1, len(index.pages))
    if site.config.list_pages:  # families.py: a large archive may cap its list pages
        total = min(total, site.config.list_pages)
    day_url = families.day_url(site.config, site.entries)
    title = site.config.title
    jobs = []
    for number in range(1, total + 1):
        if only is not None and number not in only:
            continue

        def view(number: int = number) -> dict:
            days = index.pages[number - 1] if index.pages else []
            return {
                "groups": [
                    {
                        "day": d.day.isoformat(),
                        "url": day_url(d.day.isoformat()),
                        "cards": [cards.story(s.id) for s in d.stories],
                    }
                    for d in days
                ],
                "pagination": _pagination("", number, total),
                "count": len(index.stories),
                "reports": len(site.entries),
                "jsonld": share.front_jsonld(site, number),  # WebSite and CollectionPage data
            }

        page_title = title if number == 1 else f"{title} (page {number} of {total})"
        jobs.append(_page(site, urls.paged("", number), "list.html", page_title, view))
    return jobs


def entry_pages(site: Site, bodies: Mapping[str, str], only: set[str] | None = None) -> list[PageJob]:
    def view(e: Entry) -> dict:
        return {
            "entry": entry_view(site, e, with_addresses(site.config, e.slug, bodies[e.slug])),
            "newer": link(site.newer(e)),
            "older": link(site.older(e)),
            # Reports of its own story are listed as such, not as related briefings.
            "related": related_view(
                site, [r for r in site.related[e.slug] if r.entry.story_id != e.story_id]
            ),
            "story": _story_of_entry(e),
            "share": share.entry_share(site, e),  # Open Graph, Twitter card, NewsArticle JSON-LD
        }

    index = stories_of(site)

    def _story_of_entry(e: Entry) -> dict:
        story = index.stories[e.story_id]
        return {"id": story.id, "reports": len(story.reports), "others": other_reports(site, story, e)}

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
        return {
            "tag": entity_view(site, tag),
            "profile": entity_profile(site, tag) if number == 1 else None,
            "jsonld": share.entity_jsonld(site, tag, number),  # CollectionPage data
        }

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
    index = stories_of(site)
    stories = edition_stories(index.stories, edition.entries)
    return {
        "edition": {
            "key": edition.key,
            "is_day": edition.is_day,
            "count": len(stories),
            "reports": len(edition.entries),
            "month_url": urls.month(edition.start),
            "print_url": urls.day_print(edition.start) if edition.is_day else None,
            "email_url": urls.day_email(edition.start) if edition.is_day else None,
        },
        "groups": _edition_groups(edition, stories, cards, families.day_url(site.config, site.entries)),
        "digest": day_in_brief(site, stories) if edition.is_day else None,
        "month": None
        if edition.is_day
        else month_opening(
            site,
            edition,
            stories,
            families.day_url(site.config, site.entries),
            urls.root_from(url_of(edition.start)),
        ),
        "newer": {"title": newer.key, "url": url_of(newer.start)} if newer else None,
        "older": {"title": older.key, "url": url_of(older.start)} if older else None,
    }


def _edition_groups(
    edition: Edition, stories: list[Story], cards: Cards, day_url: Callable[[str], str]
) -> list[dict]:
    """A day edition's cards in one group; a month's by day, each story on the day of its
    newest report in the month, ranked within the day."""
    mine = {e.slug for e in edition.entries}
    by_day: dict[str, list[dict]] = {}
    for story in stories:
        day = next(e.day for e in story.reports if e.slug in mine).isoformat()
        by_day.setdefault(edition.key if edition.is_day else day, []).append(cards.story(story.id))
    return [
        {"day": day, "url": day_url(day) if len(day) == 10 else "", "cards": items}
        for day, items in sorted(by_day.items(), reverse=True)
    ]


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
