"""A day edition's briefing book: the day in brief, then every briefing of the day in full.

One page per day edition at `YYYY/MM/DD/print/`, made to be printed (the theme's
print.css does the paper layout) and readable on screen too. It is a page of the
site, so its links are relative; it repeats the day's briefings, so its canonical
URL is the edition's and the sitemap leaves it out.
"""

from __future__ import annotations

from briefing.model import Edition, Entry
from briefing.render import urls
from briefing.render.email import brief_view, ranked_entries
from briefing.render.pages import PageJob, _page
from briefing.render.relink import body_from, with_addresses
from briefing.render.templates import long_date
from briefing.render.views import entry_view

TEMPLATE = "print.html"


def print_pages(site, bodies, only: set[str] | None = None) -> list[PageJob]:
    """The briefing book of every day edition (of the days in `only`, if given)."""
    return [_book(site, bodies, edition) for edition in site.days if only is None or edition.key in only]


def _book(site, bodies, edition: Edition) -> PageJob:
    url = urls.day_print(edition.start)
    title = f"Briefing book of {long_date(edition.start)}"

    def view() -> dict:
        return {
            "edition": {
                "key": edition.key,
                "date": long_date(edition.start),
                "url": urls.day(edition.start),
                "count": len(edition.entries),
            },
            "digest": _digest(site, edition),
            "briefings": [
                _briefing(site, url, entry, bodies[entry.slug]) for entry in ranked_entries(site, edition)
            ],
        }

    page = _page(site, url, TEMPLATE, title, view)
    made = page._make_context
    edition_url = urls.absolute(site.config, urls.day(edition.start))

    def context() -> dict:
        made_context = made()
        # The book repeats the edition's briefings: search engines are sent to the edition.
        made_context["page"] = {**made_context["page"], "canonical": edition_url}
        return made_context

    return PageJob(url, TEMPLATE, context)


def _briefing(site, url: str, entry: Entry, body_html: str) -> dict:
    # Addresses first, from the entry's own page: body_from then re-aims the hrefs from the book.
    printed = with_addresses(site.config, entry.slug, body_html)
    view = entry_view(site, entry, body_from(url, entry.slug, printed))
    view["anchor"] = f"b-{entry.slug}"
    view["canonical"] = urls.absolute(site.config, urls.entry(entry.slug))
    return view


def _digest(site, edition: Edition) -> dict:
    """The edition's day in brief, its links leading to the briefings further down the book."""
    brief = brief_view(site, edition)
    slugs = {urls.entry(e.slug): e.slug for e in edition.entries}

    def aimed(item: dict) -> dict:
        slug = slugs.get(item["url"])
        return {**item, "anchor": f"#b-{slug}" if slug else None}

    return {
        **brief,
        "top": [aimed(item) for item in brief["top"]],
        "groups": [{**g, "items": [aimed(item) for item in g["items"]]} for g in brief["groups"]],
    }
