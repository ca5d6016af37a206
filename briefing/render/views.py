"""View models: what templates see. Plain dicts of text and numbers only.

Keeping views primitive makes them cheap to fingerprint (an incremental build
skips a page whose view and theme did not change) and keeps model objects
out of themes.
"""

from __future__ import annotations

from briefing.config import Config
from briefing.index import Related, Site
from briefing.model import GROUP_LABELS, Entry
from briefing.render import urls


def site_view(config: Config) -> dict:
    return {"title": config.title, "description": config.description,
            "language": config.language, "base_url": config.base_url,
            "base_path": config.base_path}


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
    }


def entry_view(site: Site, entry: Entry, body_html: str) -> dict:
    view = card(site, entry)
    image = entry.image
    view.update({
        "body_html": body_html,
        "image": {"alt": image.alt, "caption": image.caption, "credit": image.credit}
        if image else None,
        "source": entry.source or "",
        "day_url": urls.day(entry.day),
    })
    return view


def link(entry: Entry | None) -> dict | None:
    return None if entry is None else {"title": entry.title, "url": urls.entry(entry.slug),
                                       "day": entry.day.isoformat()}


def related_view(site: Site, related: list[Related]) -> list[dict]:
    return [{**link(r.entry), "shared": list(r.shared)} for r in related]  # type: ignore[dict-item]


def groups_by_day(cards: list[dict]) -> list[dict]:
    """Consecutive cards of one day under that day's heading: the edition layout."""
    groups: list[dict] = []
    for item in cards:
        if not groups or groups[-1]["day"] != item["day"]:
            groups.append({"day": item["day"], "url": urls.day_from_iso(item["day"]),
                           "cards": []})
        groups[-1]["cards"].append(item)
    return groups


def tag_index_view(site: Site) -> list[dict]:
    grouped: dict[str, list[dict]] = {group: [] for group in GROUP_LABELS}
    for tag in site.tags.values():
        grouped[tag.group].append({"name": tag.name, "url": urls.tag(tag.slug),
                                   "count": len(tag.entries)})
    return [{"id": group.replace("_", "-"), "label": GROUP_LABELS[group],
             "tags": sorted(items, key=lambda t: (-t["count"], t["name"].casefold(), t["name"]))}
            for group, items in grouped.items() if items]
