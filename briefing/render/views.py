"""View models: what templates see. Plain dicts of text and numbers only.

Keeping views primitive makes them cheap to fingerprint (an incremental build
skips a page whose view and theme did not change) and keeps model objects
out of themes.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from itertools import chain

from briefing.config import Config
from briefing.model import GROUP_LABELS, Entry, Tag
from briefing.related import Related
from briefing.render import families, urls
from briefing.render.images import variants
from briefing.site import Site

# How many companions and aliases an entity page shows.
COMPANIONS = 12
ALIASES = 10


def site_view(config: Config) -> dict:
    return {
        "title": config.title,
        "description": config.description,
        "language": config.language,
        "base_url": config.base_url,
        "base_path": config.base_path,
    }


def tag_link(site: Site, name: str) -> dict:
    tag = site.tag_by_name[name]
    return {"name": tag.name, "url": urls.tag(tag.slug), "group": tag.group}


def card(site: Site, entry: Entry) -> dict:
    """An entry as lists show it: title, date, summary, credit, tags."""
    return {
        "title": entry.title,
        "url": urls.entry(entry.slug),
        "date": entry.published.isoformat(),
        "day": entry.day.isoformat(),
        "summary": entry.summary,
        "credit": entry.image.credit if entry.image else "",
        "tags": [tag_link(site, name) for name in entry.tags],
        "draft": entry.draft,  # shown only by `build --drafts` and `serve`, marked "Draft"
    }


def entry_view(site: Site, entry: Entry, body_html: str) -> dict:
    view = card(site, entry)
    image = entry.image
    view.update(
        {
            # Its last revision (briefing/revised.py), for dateModified; its date if none.
            "modified": entry.modified.isoformat(),
            "body_html": body_html,
            "image": image_view(entry) if image else None,
            # The outlet, linked when its address is known (never the seed's file name).
            "source": entry.source.name if entry.source else "",
            "source_url": entry.source.url if entry.source else "",
            "day_url": families.day_url(site.config, site.entries)(entry.day.isoformat()),
            # Ingest's summary is the body's own first sentences: printing both repeats them.
            "summary_in_body": _opens_with(body_html, entry.summary),
        }
    )
    return view


def _opens_with(body_html: str, summary: str) -> bool:
    """Whether the body's text starts with the summary (a cut one, ending in "…", too)."""
    wanted = " ".join(summary.removesuffix("…").split())
    if not wanted:
        return True
    head = html.unescape(re.sub(r"<[^>]*>", " ", body_html[: len(summary) * 3 + 200]))
    return " ".join(head.split()).startswith(wanted)


def link(entry: Entry | None) -> dict | None:
    return (
        None
        if entry is None
        else {"title": entry.title, "url": urls.entry(entry.slug), "day": entry.day.isoformat()}
    )


def related_view(site: Site, related: list[Related]) -> list[dict]:
    return [{**link(r.entry), "shared": list(r.shared)} for r in related]  # type: ignore[dict-item]


def groups_by_day(cards: list[dict], day_url: Callable[[str], str] = urls.day_from_iso) -> list[dict]:
    """Consecutive cards of one day under that day's heading: the edition layout.

    `day_url` links the heading (families.day_url: a left-out day links into its month)."""
    groups: list[dict] = []
    for item in cards:
        if not groups or groups[-1]["day"] != item["day"]:
            groups.append({"day": item["day"], "url": day_url(item["day"]), "cards": []})
        groups[-1]["cards"].append(item)
    return groups


def tag_index_view(site: Site) -> list[dict]:
    grouped: dict[str, list[dict]] = {group: [] for group in GROUP_LABELS}
    for tag in site.tags.values():
        grouped[tag.group].append({"name": tag.name, "url": urls.tag(tag.slug), "count": len(tag.entries)})
    return [
        {
            "id": group.replace("_", "-"),
            "label": GROUP_LABELS[group],
            "tags": sorted(items, key=lambda t: (-t["count"], t["name"].casefold(), t["name"])),
        }
        for group, items in grouped.items()
        if items
    ]


def entity_view(site: Site, tag: Tag) -> dict:
    """What every page of an entity shows in its header."""
    return {
        "name": tag.name,
        "group": tag.group,
        "label": GROUP_LABELS[tag.group],
        "count": len(tag.entries),
        "feed": urls.tag_feed(tag.slug),
        "rss": urls.tag_rss(tag.slug),
        "json_feed": urls.tag_json_feed(tag.slug),
        "first": tag.entries[-1].day.isoformat(),
        "last": tag.entries[0].day.isoformat(),
    }


def entity_profile(site: Site, tag: Tag) -> dict:
    """Aliases, monthly mentions (data and chart) and the entities most often named with it."""
    from briefing.render.month import entity_chart

    # A full-width chart with a scale, bars linking to month editions; none under three months.
    timeline, chart = entity_chart(tag, urls.root_from(urls.tag(tag.slug)))
    companions = Counter(chain.from_iterable(e.tags for e in tag.entries))  # counted in C
    companions.pop(tag.name, None)
    ranked = sorted(companions.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))
    entity = site.registry.get(tag.name) if site.registry is not None else None
    aliases: list[str] = []
    if entity is not None and tag.group != "topics":  # a topic's aliases are trigger phrases
        seen = {tag.name.casefold()}
        for alias in entity.aliases:
            if alias.casefold() not in seen:
                seen.add(alias.casefold())
                aliases.append(alias)
    aliases = aliases[:ALIASES]
    return {
        "aliases": aliases,
        "timeline": timeline,
        "chart": chart,
        "companions": [{**tag_link(site, name), "count": count} for name, count in ranked[:COMPANIONS]],
    }


def image_view(entry: Entry) -> dict:
    """Caption and credit, and, when the entry has a photo, its sizes for srcset."""
    image = entry.image
    assert image is not None
    view: dict[str, object] = {
        "alt": image.alt,
        "caption": image.caption,
        "credit": image.credit,
        "variants": [],
    }
    if image.file and image.width:  # width 0: a damaged photo, skipped with a warning
        made = variants(entry.slug, image.file, image.width, image.height)
        shown = next((v for v in made if v.width >= 960), made[-1])
        view["variants"] = [{"file": v.file, "width": v.width, "height": v.height} for v in made]
        view.update(src=shown.file, width=shown.width, height=shown.height)
    return view
