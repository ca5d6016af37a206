"""The value types the rest of Briefing sees: entity groups, entities, an article's tagging."""

from __future__ import annotations

from dataclasses import dataclass, field

# Front matter keys, in the order an entry lists them; also the entity `type` values.
ENTITY_GROUPS: tuple[str, ...] = (
    "countries", "people", "organisations", "weapon_systems", "topics")


@dataclass(frozen=True)
class Entity:
    """One thing an analyst follows: every alias folds into `name`."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    # Subtype used by topic rules ("air_defence", "tank", "firm", ...); empty when none.
    kind: str = ""
    # Aliases that are also ordinary words or other things: they count only in context.
    weak: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tagging:
    """An article's tags: all names ranked by relevance, the same names by group."""

    tags: tuple[str, ...]
    entities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    candidates: tuple[str, ...] = ()
