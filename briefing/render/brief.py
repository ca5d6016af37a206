"""Views of stories: a card per story, the other reports of an entry's story, and the day in brief.

`day_in_brief(site, stories)` is what the day edition opens with and what the email
and print editions reuse: the top stories, one line each with the entities that make
them matter, then the rest grouped by region (from entities/data/regions.yml) or, with
no country named, by topic. Days of `BRIEF_MINIMUM` stories or fewer have none: the
list below says it all.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from briefing.model import Entry
from briefing.ranking import Story
from briefing.render import urls
from briefing.site import Site

TOP_STORIES = 5
BRIEF_MINIMUM = 3  # days with this many stories or fewer get no brief
KEY_TAGS = 4  # tags on a card; the rest are on the entry page
BRIEF_KEYS = 3  # entities named on a line of the brief
# Short labels that say a tag's type in words, so colour is never the only cue.
TYPE_LABELS = {
    "countries": "Country",
    "people": "Person",
    "organisations": "Org.",
    "weapon_systems": "System",
    "topics": "Topic",
    "other": "Tag",
}
_SINGULAR = {
    "countries": "Country",
    "people": "Person",
    "organisations": "Organisation",
    "weapon_systems": "Weapon system",
    "topics": "Topic",
    "other": "Tag",
}
OTHER_REGION = "Elsewhere"
# A card shows at most this many tags of one type, so four weapon systems do not hide the
# country and the people.
PER_TYPE = 2


def _key_tag(site: Site, name: str) -> dict | None:
    tag = site.tag_by_name.get(name)
    if tag is None:
        return None
    return {
        "name": tag.name,
        "url": urls.tag(tag.slug),
        "group": tag.group,
        "kind": TYPE_LABELS.get(tag.group, "Tag"),
        "kind_long": _SINGULAR.get(tag.group, "Tag"),
    }


def key_tags(site: Site, story: Story, limit: int = KEY_TAGS) -> list[dict]:
    """The story's weightiest tags (see ranking.py), at most `limit` and PER_TYPE of a type."""
    found: list[dict] = []
    skipped: list[dict] = []
    for name, _group, _weight in story.entities:
        tag = _key_tag(site, name)
        if tag is None:
            continue
        if sum(1 for t in found if t["group"] == tag["group"]) < PER_TYPE:
            found.append(tag)
        else:
            skipped.append(tag)
        if len(found) == limit:
            return found
    return found + skipped[: limit - len(found)]


def report_link(entry: Entry) -> dict:
    return {
        "title": entry.title,
        "url": urls.entry(entry.slug),
        "date": entry.published.isoformat(),
        "day": entry.day.isoformat(),
        "source": entry.source.name if entry.source else "",  # the outlet, as reports list it
    }


def story_card(site: Site, story: Story) -> dict:
    """A story as lists show it: its lead's headline and summary, key tags, its other reports."""
    lead = story.lead
    return {
        "story": story.id,
        "title": lead.title,
        "url": urls.entry(lead.slug),
        "date": lead.published.isoformat(),
        "day": story.day.isoformat(),
        "summary": lead.summary,
        "tags": key_tags(site, story),
        "reports": len(story.reports),
        "others": [report_link(e) for e in story.reports if e is not lead],
        "updated": story.updated,
        "updated_at": story.newest.published.isoformat() if story.updated else "",
        # The time of the update, where the report has one (a date-only report has none).
        "updated_time": _clock(story.newest) if story.updated else "",
        "draft": lead.draft,
    }


def _clock(entry: Entry) -> str:
    moment = entry.published
    return "" if (moment.hour, moment.minute) == (0, 0) else moment.strftime("%H:%M")


def other_reports(site: Site, story: Story, entry: Entry) -> list[dict]:
    """The entry page's "Other reports of this story", newest first."""
    return [report_link(e) for e in story.reports if e.slug != entry.slug]


@lru_cache(maxsize=1)
def _regions() -> tuple[dict[str, str], tuple[str, ...]]:
    source = resources.files("briefing.entities") / "data" / "regions.yml"
    data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    return {country: region for region, countries in data.items() for country in countries}, tuple(data)


def region_of(site: Site, country: str) -> str | None:
    """A country's region; a country the site renamed is found by its old names."""
    regions, _order = _regions()
    if country in regions:
        return regions[country]
    entity = site.registry.get(country) if site.registry is not None else None
    for alias in getattr(entity, "aliases", ()) or ():
        if alias in regions:
            return regions[alias]
    return None


def _group_of(site: Site, story: Story) -> tuple[int, str]:
    """(order, label): the region of the story's most prominent country, else its topic."""
    _regions_map, order = _regions()
    for name, group, _weight in story.entities:
        if group == "countries":
            region = region_of(site, name)
            if region is not None:
                return order.index(region), region
    for name, group, _weight in story.entities:
        if group == "topics":
            return len(order), name
    return len(order) + 1, OTHER_REGION


def day_in_brief(site: Site, stories: list[Story]) -> dict | None:
    """The day's stories (ranked) as a brief; None on a day of BRIEF_MINIMUM stories or fewer."""
    if len(stories) <= BRIEF_MINIMUM:
        return None
    top = [
        {
            "story": s.id,
            "title": s.lead.title,
            "url": urls.entry(s.lead.slug),
            "reports": len(s.reports),
            "keys": key_tags(site, s, BRIEF_KEYS),
        }
        for s in stories[:TOP_STORIES]
    ]
    grouped: dict[tuple[int, str], list[dict]] = {}
    for s in stories[TOP_STORIES:]:
        grouped.setdefault(_group_of(site, s), []).append(
            {"story": s.id, "title": s.lead.title, "url": urls.entry(s.lead.slug), "reports": len(s.reports)}
        )
    return {
        "top": top,
        "groups": [
            {"label": label, "id": f"brief-{n}", "items": items}
            for n, ((_order, label), items) in enumerate(
                sorted(grouped.items(), key=lambda kv: (kv[0][0], kv[0][1].casefold()))
            )
        ],
        "count": len(stories),
    }
