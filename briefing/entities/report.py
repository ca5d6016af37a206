"""`briefing entities`: what the entries are tagged with, and names the registry lacks.

The report counts, per entity type, how many entries name each entity (most first, ties
by name), then lists candidate names: capitalised phrases in the entries' text that no
registry entry, rule or tag claims, recurring in at least `min_entries` entries. Those
are what an editor may add to the site's `entities.yml` (or block there).

The CLI builds `docs` as ``(tags, entities, text)`` per entry in content/, where
`entities` is the front matter's mapping of group to names and `text` is the title, a
blank line and the Markdown body. Output is plain text and deterministic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from briefing.entities.model import ENTITY_GROUPS
from briefing.entities.normalise import key
from briefing.entities.registry import Registry
from briefing.entities.tagger import tag_article

Doc = tuple[Sequence[str], Mapping[str, object], str]

GROUP_TITLES = {
    "countries": "Countries",
    "people": "People",
    "organisations": "Organisations",
    "weapon_systems": "Weapon systems",
    "topics": "Topics",
    "other": "Other tags",
}
MIN_ENTRIES = 2


@dataclass
class EntityReport:
    """Entity counts by group and candidate names, each a list of (name, entries)."""

    entries: int = 0
    groups: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    candidates: list[tuple[str, int]] = field(default_factory=list)
    min_entries: int = MIN_ENTRIES


def build_report(docs: Iterable[Doc], registry: Registry, *, min_entries: int = MIN_ENTRIES) -> EntityReport:
    """Count each entry's tags by group and the candidate names found in its text."""
    counts: dict[str, Counter[str]] = {group: Counter() for group in (*ENTITY_GROUPS, "other")}
    candidates: Counter[str] = Counter()
    spelled: dict[str, Counter[str]] = {}
    tagged_keys: set[str] = set()
    total = 0
    for tags, entities, text in docs:
        total += 1
        grouped = _grouped(tags, entities, registry)
        for group, names in grouped.items():
            counts[group].update(names)
            tagged_keys.update(key(name) for name in names)
        for name in set(_candidates(text, registry)):
            name_key = key(name)
            candidates[name_key] += 1
            spelled.setdefault(name_key, Counter())[name] += 1
    report = EntityReport(entries=total, min_entries=min_entries)
    report.groups = {group: _ranked(counter) for group, counter in counts.items() if counter}
    recurring: Counter[str] = Counter()
    for name_key, count in candidates.items():
        if count < min_entries or name_key in tagged_keys or name_key in registry.blocked:
            continue
        # The most used spelling names the candidate ("Baltic Sentry", not "BALTIC SENTRY").
        name = sorted(spelled[name_key].items(), key=lambda item: (-item[1], item[0]))[0][0]
        recurring[name] = count
    report.candidates = _ranked(recurring)
    return report


def format_report(report: EntityReport) -> str:
    """The report as plain text: one section per group, then the candidates."""
    lines = [f"Entities across {report.entries} {_plural(report.entries, 'entry', 'entries')}"]
    for group in (*ENTITY_GROUPS, "other"):
        rows = report.groups.get(group)
        if not rows:
            continue
        lines += ["", f"{GROUP_TITLES[group]} ({len(rows)})"]
        lines += _table(rows)
    if not any(report.groups.values()):
        lines += ["", "No entry has tags yet: run `briefing ingest` first."]
    lines += [
        "",
        f"Candidates: names the registry does not know, in at least {report.min_entries} "
        f"{_plural(report.min_entries, 'entry', 'entries')} ({len(report.candidates)})",
    ]
    if report.candidates:
        lines += _table(report.candidates)
        lines += ["", "Add the real ones to entities.yml (`add:` or `aliases:`); `block:` the rest."]
    else:
        lines.append("  none")
    return "\n".join(lines)


def _grouped(tags: Sequence[str], entities: Mapping[str, object], registry: Registry) -> dict[str, list[str]]:
    """An entry's names by group: its front matter's groups, else the registry's type."""
    grouped: dict[str, list[str]] = {}
    seen: set[str] = set()
    for group in ENTITY_GROUPS:
        names = entities.get(group) if isinstance(entities, Mapping) else None
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list | tuple):
            continue
        for name in names:
            if isinstance(name, str) and name.strip() and name not in seen:
                seen.add(name)
                grouped.setdefault(group, []).append(name)
    for name in tags or ():
        if not isinstance(name, str) or not name.strip() or name in seen:
            continue
        seen.add(name)
        entity = registry.get(name)
        grouped.setdefault(entity.type if entity else "other", []).append(name)
    return grouped


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))


def _table(rows: list[tuple[str, int]]) -> list[str]:
    width = max(len(str(count)) for _, count in rows)
    return [f"  {count:>{width}}  {name}" for name, count in rows]


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)|[*_`]+|\\(?=[^\w\s])", re.MULTILINE)


def _candidates(text: str, registry: Registry) -> tuple[str, ...]:
    """The tagger's candidate names for one entry's "title, blank line, body" text."""
    plain = _MARKUP.sub("", _LINK.sub(r"\1", _IMAGE.sub(r"\1", text or "")))
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", plain)]
    blocks = [block for block in blocks if block]
    if not blocks:
        return ()
    tagging = tag_article(registry, title=blocks[0], paragraphs=blocks[1:])
    tagged = {key(name) for name in tagging.tags}
    return tuple(name for name in tagging.candidates if key(name) not in tagged)
