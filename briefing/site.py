"""Entries to a site: tags, editions and neighbours, with related briefings from related.py. Pure, no I/O."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from briefing.config import Config
from briefing.model import GROUP_LABELS, Edition, Entry, Tag
from briefing.parallel import Executor
from briefing.related import CachedRelated, Related, compute_related
from briefing.tag_slugs import tag_slugs

if TYPE_CHECKING:
    from briefing.entities.model import Entity


class EntityLookup(Protocol):
    """What pages need of the entity registry (a LazyRegistry loads it only if asked)."""

    def get(self, name: str) -> Entity | None: ...


@dataclass
class Site:
    config: Config
    entries: list[Entry]  # newest first
    tags: dict[str, Tag]  # by slug, sorted by slug
    tag_by_name: dict[str, Tag]
    days: list[Edition]  # newest first
    months: list[Edition]
    related: dict[str, list[Related]] = field(default_factory=dict)
    registry: EntityLookup | None = None  # for aliases

    def older(self, entry: Entry) -> Entry | None:
        i = self._position[entry.slug] + 1
        return self.entries[i] if i < len(self.entries) else None

    def newer(self, entry: Entry) -> Entry | None:
        i = self._position[entry.slug] - 1
        return self.entries[i] if i >= 0 else None

    def __post_init__(self) -> None:
        self._position = {e.slug: i for i, e in enumerate(self.entries)}


def index_site(
    config: Config,
    entries: list[Entry],
    related: dict[str, list[tuple[str, tuple[str, ...]]]] | None = None,
    registry: EntityLookup | None = None,
    executor: Executor | None = None,
) -> Site:
    """`related`, as `related_slugs` gave it, is reused when no entry's date or tags changed."""
    ordered = sorted(entries, key=lambda e: e.sort_key)
    tags = _tags(ordered)
    site = Site(
        config=config,
        entries=ordered,
        tags={t.slug: t for t in sorted(tags.values(), key=lambda t: t.slug)},
        tag_by_name=tags,
        days=_editions(ordered, 10),
        months=_editions(ordered, 7),
        registry=registry,
    )
    if related is None:
        site.related = compute_related(ordered, tags, config.related_count, executor)
    else:
        site.related = CachedRelated(related, {e.slug: e for e in ordered})
    return site


def _tags(entries: list[Entry]) -> dict[str, Tag]:
    members: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for name in entry.tags:
            members[name].append(entry)
    # Counted in one pass in C: a Counter per name, updated per mention, cost a no-change build.
    pairs = Counter(
        (name, group) for entry in entries for group, names in entry.entities.items() for name in names
    )
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for (name, group), count in pairs.items():
        groups[name][group] = count
    order = list(GROUP_LABELS)
    tags: dict[str, Tag] = {}
    slugs = tag_slugs(members)
    for name in sorted(members, key=lambda n: (n.casefold(), n)):
        counts = groups.get(name)
        group = min(counts, key=lambda g: (-counts[g], order.index(g))) if counts else "other"
        tags[name] = Tag(name=name, slug=slugs[name], group=group, entries=members[name])
    return tags


def _editions(entries: list[Entry], width: int) -> list[Edition]:
    """Day (width 10, "2024-03-01") or month (width 7, "2024-03") editions, newest first.

    Keys come from isoformat, not strftime: "%Y" does not pad years before 1000 on glibc,
    so a date such as 0800-12-25 would get a key that its month does not share.
    """
    grouped: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        grouped[entry.day.isoformat()[:width]].append(entry)
    return [
        Edition(
            key=key, start=group[0].day.replace(day=1) if width == 7 else group[0].day, entries=tuple(group)
        )
        for key, group in sorted(grouped.items(), reverse=True)
    ]
