"""`briefing entities`: what the entries are tagged with, and names the registry lacks.

The report counts, per entity type, how many entries name each entity (most first, ties
by name), then lists candidate names: capitalised phrases in the entries' text that no
registry entry, rule or tag claims, recurring in at least `min_entries` entries. Role
phrases ("Deputy Prime Minister") are never candidates. Last comes a ready `entities.yml`
fragment: the names the text rules found (tagged, but unknown to the registry) and the
candidates whose type their form tells, each with the aliases seen beside it (an
acronym in brackets, another spelling) and the number of entries naming it.

The CLI builds `docs` as ``(tags, entities, text)`` per entry in content/, where
`entities` is the front matter's mapping of group to names and `text` is the title, a
blank line and the Markdown body. Output is plain text and deterministic.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from briefing.entities import patterns as p
from briefing.entities.model import ENTITY_GROUPS
from briefing.entities.normalise import fold, key, prepare
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


@dataclass(frozen=True)
class Suggestion:
    """A name to add to `entities.yml`: its type, the aliases seen, how many entries name it."""

    name: str
    type: str
    aliases: tuple[str, ...]
    entries: int


@dataclass
class EntityReport:
    """Entity counts by group and candidate names, each a list of (name, entries)."""

    entries: int = 0
    groups: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    candidates: list[tuple[str, int]] = field(default_factory=list)
    min_entries: int = MIN_ENTRIES
    suggestions: list[Suggestion] = field(default_factory=list)


def build_report(docs: Iterable[Doc], registry: Registry, *, min_entries: int = MIN_ENTRIES) -> EntityReport:
    """Count each entry's tags by group and the candidate names found in its text."""
    counts: dict[str, Counter[str]] = {group: Counter() for group in (*ENTITY_GROUPS, "other")}
    candidates: Counter[str] = Counter()
    spelled: dict[str, Counter[str]] = {}
    tagged_keys: set[str] = set()
    aliases: dict[str, set[str]] = {}
    total = 0
    for tags, entities, text in docs:
        total += 1
        grouped = _grouped(tags, entities, registry)
        for group, names in grouped.items():
            counts[group].update(names)
            tagged_keys.update(key(name) for name in names)
        unknown = [
            n for group in ("people", "organisations", "weapon_systems") for n in grouped.get(group, ())
        ]
        for name in unknown:
            if registry.get(name) is None:
                aliases.setdefault(name, set()).update(_aliases_seen(name, text))
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
    report.suggestions = _suggestions(report, registry, aliases)
    return report


def _suggestions(report: EntityReport, registry: Registry, aliases: dict[str, set[str]]) -> list[Suggestion]:
    """Tagged names the registry lacks (the rules found them), then typed candidates."""
    found: list[Suggestion] = []
    for group in ("people", "organisations", "weapon_systems"):
        for name, count in report.groups.get(group, []):
            if registry.get(name) is None and key(name) not in registry.blocked:
                seen = tuple(sorted(aliases.get(name, set()) - {name}))
                found.append(Suggestion(name, group, seen, count))
    for name, count in report.candidates:
        group = guess_type(name)
        if group:
            found.append(Suggestion(name, group, (), count))
    return sorted(found, key=lambda s: (-s.entries, s.name.casefold(), s.name))


_ORG_ENDINGS = frozenset(
    """Industries Group Agency Marine Shipping Shipyard Shipyards Systems Technologies Force Forces
Command Corporation Company Holdings Aerospace Dynamics Defence Defense Army Navy Guard Police
Service Services Ministry Council Commission Authority Bureau Directorate Institute Centre Center
Office Front Movement Brigade Brigades Party Union Alliance Coalition Mission Robotics Labs Works
Electronics Engineering Armaments Motors Airlines Bank Fund Network Networks Solutions Ltd Inc
Corp AG SA GmbH plc LLC""".split()
)
_DESIGNATION = re.compile(r"(?:^|\s)[A-Z]{1,4}-?\d|\d[A-Z]|-class$")


def guess_type(name: str) -> str:
    """The type a name's form tells ("" when it tells none): an organisation's last word,
    a designation's letters and digits, a person's two or three name words."""
    words = name.split()
    if words[-1] in _ORG_ENDINGS or (len(words) == 1 and name.isupper() and len(name) >= 3):
        return "organisations"
    if _DESIGNATION.search(name):
        return "weapon_systems"
    person_like = all(w[:1].isupper() and w[1:].islower() and w not in p.NOT_PERSON for w in words)
    return "people" if 2 <= len(words) <= 3 and person_like else ""


def _aliases_seen(name: str, text: str) -> set[str]:
    """Forms an entry gives a name beside it: "Name (ACR)", and other spellings of it."""
    seen = set()
    for match in re.finditer(re.escape(name) + r"\s+\(([A-Z][A-Za-z0-9&-]{1,9})\)", text):
        seen.add(match.group(1))
    prepared = prepare(text)
    folded = fold(prepared)
    name_key = key(name)
    start = folded.find(name_key)
    while start >= 0:
        end = start + len(name_key)
        whole = (start == 0 or folded[start - 1] == " ") and (end == len(folded) or folded[end] == " ")
        surface = prepared[start:end]
        if whole and surface != name and surface[:1].isupper():
            seen.add(surface)
        start = folded.find(name_key, start + 1)
    return seen


def format_fragment(suggestions: list[Suggestion]) -> list[str]:
    """The suggestions as YAML to paste into entities.yml, one flow mapping a line."""
    lines = ["add:"]
    for item in suggestions:
        fields = [f"name: {_scalar(item.name)}", f"type: {item.type}"]
        if item.aliases:
            fields.append("aliases: [" + ", ".join(_scalar(a) for a in item.aliases) + "]")
        entries = _plural(item.entries, "entry", "entries")
        lines.append(f"  - {{{', '.join(fields)}}}  # {item.entries} {entries}")
    return lines


_PLAIN = re.compile(r"[^\W\d_][\w .&'’/()-]*[\w.)]|[^\W_]")
_YAML_WORDS = frozenset("yes no on off true false null y n".split())


def _scalar(text: str) -> str:
    """A YAML scalar for a name: plain when it reads back the same, else double-quoted."""
    plain = _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS
    if plain and ": " not in text and " #" not in text and not any(c in text for c in "[]{},"):
        return text
    return json.dumps(text, ensure_ascii=False)


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
    if report.suggestions:
        lines += [
            "",
            f"Suggested entities.yml additions ({len(report.suggestions)}): names the registry "
            "does not know, ready to paste (check each; `block:` what is wrong)",
            "",
            *format_fragment(report.suggestions),
        ]
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
    return tuple(name for name in tagging.candidates if key(name) not in tagged and not role_phrase(name))


def role_phrase(name: str) -> bool:
    """A title, not a name: "Deputy Prime Minister", "Chief of Staff", "Foreign Secretary"."""
    words = [w for w in name.split() if w not in ("of", "the", "for", "and")]
    return bool(words) and (
        words[-1] in p.ROLE_WORDS
        or all(w in p.TITLES or w in p.NOT_PERSON or w in p.ROLE_WORDS for w in words)
    )
