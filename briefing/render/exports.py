"""Data for analysts: `data/entries.json` and `data/entities.csv`, beside the pages.

entries.json: every published entry, newest first, as
    {"slug", "url" (relative to the site root), "title", "date" (ISO 8601), "story",
     "entities": {type: [names]}, "summary"}
entities.csv: one row per entity tagged on the site, by type then name:
    name, type, aliases (separated by "; "), count, first_mention, last_mention (dates)

Both are fingerprinted by their own content like every other output, so an
incremental build writes them only when they change, and equals a clean build.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from briefing.model import GROUP_LABELS
from briefing.site import Site

ENTRIES_JSON = "data/entries.json"
ENTITIES_CSV = "data/entities.csv"
ENTITY_FIELDS = ("name", "type", "aliases", "count", "first_mention", "last_mention")


def entry_rows(site: Site) -> list[dict]:
    from briefing.render import urls

    return [
        {
            "slug": e.slug,
            "url": urls.entry(e.slug),
            "title": e.title,
            "date": e.published.isoformat(),
            "story": e.story_id,
            "entities": {group: list(names) for group, names in sorted(e.entities.items()) if names},
            "summary": e.summary,
        }
        for e in site.entries
    ]


def _aliases(site: Site, name: str, group: str) -> list[str]:
    entity = site.registry.get(name) if site.registry is not None else None
    if entity is None or group == "topics":  # a topic's aliases are trigger phrases, not names
        return []
    seen = {name.casefold()}
    found = []
    for alias in entity.aliases:
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            found.append(alias)
    return found


def entity_rows(site: Site) -> list[list[str]]:
    order = list(GROUP_LABELS)
    tags = sorted(site.tags.values(), key=lambda t: (order.index(t.group), t.name.casefold(), t.name))
    return [
        [
            tag.name,
            tag.group,
            "; ".join(_aliases(site, tag.name, tag.group)),
            str(len(tag.entries)),
            tag.entries[-1].day.isoformat(),
            tag.entries[0].day.isoformat(),
        ]
        for tag in tags
    ]


def entries_json(rows: list[dict]) -> bytes:
    return (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def entities_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as spreadsheets expect
    writer.writerow(ENTITY_FIELDS)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def data_outputs(site: Site, shared: str, job: Callable, fingerprint: Callable) -> list:
    """The two data files as plan Jobs (`job(file, key, make)`), keyed by their content."""
    entries = entry_rows(site)
    entities = entity_rows(site)
    return [
        job(ENTRIES_JSON, fingerprint(shared, "entries.json", entries), lambda: entries_json(entries)),
        job(ENTITIES_CSV, fingerprint(shared, "entities.csv", entities), lambda: entities_csv(entities)),
    ]
