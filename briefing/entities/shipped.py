"""The registry data shipped with Briefing: read once per process with the C YAML loader."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from briefing.entities.model import ENTITY_GROUPS, Entity

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Context:
    """Words that confirm a weak alias (per entity type) or rule it out (per entity)."""

    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    unless: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ShippedData:
    entities: tuple[Entity, ...]
    # Phrases that tag nothing and stop the words inside them tagging ("Patriot Act",
    # "Mexico City"): places and ordinary phrases.
    phrases: tuple[str, ...]
    context: Context


def _read(name: str) -> Any:
    source = resources.files("briefing.entities") / "data" / name
    if not source.is_file():
        return None
    return yaml.load(source.read_text(encoding="utf-8"), Loader=Loader)


def _records(group: str) -> list[dict]:
    """A group's records: `<group>.yml`, then its themed parts (`<group>-world.yml` ...) in
    name order, so each file stays a size a reviewer can read."""
    folder = resources.files("briefing.entities") / "data"
    names = sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.name.startswith(f"{group}-") and entry.name.endswith(".yml")
    )
    found: list[dict] = []
    for name in (f"{group}.yml", *names):
        records = _read(name)
        if isinstance(records, list):
            found += records
    return found


def _tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)  # type: ignore[attr-defined]


def _with_plurals(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """A country's people in the plural as well as its adjective: "two Colombians were
    detained" names Colombia as "a Colombian" does. Only one-word adjectives in -an or
    -i take an -s ("Chinese", "Dutch", "Swiss" do not)."""
    known = set(aliases)
    plurals = [
        f"{alias}s"
        for alias in aliases
        if " " not in alias and alias[:1].isupper() and not alias.isupper() and alias.endswith(("an", "i"))
    ]
    return aliases + tuple(plural for plural in plurals if plural not in known)


def entity_from(record: dict, group: str) -> Entity:
    """One YAML record (name, aliases, weak, kind, surnames, implied_by) as an Entity."""
    aliases = _tuple(record.get("aliases"))
    return Entity(
        name=str(record["name"]),
        type=group,
        aliases=_with_plurals(aliases) if group == "countries" else aliases,
        weak=_tuple(record.get("weak")),
        kind=str(record.get("kind") or ""),
        surnames=_tuple(record.get("surnames")),
        implied_by=_tuple(record.get("implied_by")),
    )


@lru_cache(maxsize=1)
def shipped() -> ShippedData:
    entities = [entity_from(record, group) for group in ENTITY_GROUPS for record in _records(group)]
    phrases = (*_tuple(_read("phrases.yml")), *_tuple(_read("places.yml")))
    raw = _read("context.yml") or {}
    context = Context(
        cues={
            group: frozenset(w.casefold() for w in words) for group, words in (raw.get("cues") or {}).items()
        },
        unless={name: frozenset(words) for name, words in (raw.get("unless") or {}).items()},
    )
    return ShippedData(tuple(entities), phrases, context)
