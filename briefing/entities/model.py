"""The value types the rest of Briefing sees: entity groups, entities, an article's tagging."""

from __future__ import annotations

from dataclasses import dataclass, field

# Front matter keys, in the order an entry lists them; also the entity `type` values.
ENTITY_GROUPS: tuple[str, ...] = ("countries", "people", "organisations", "weapon_systems", "topics")


@dataclass(frozen=True)
class Entity:
    """One thing an analyst follows: every alias folds into `name`.

    Beyond name, type and aliases, the fields say how to match it: `weak` aliases are
    also ordinary words or other things and count only in context; `surnames` (people)
    count once a full name appeared; `kind` ("air_defence", "tank", "firm") lets a
    topic's `implied_by` kinds fire the topic from the entities found.
    """

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    kind: str = ""
    surnames: tuple[str, ...] = ()
    implied_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tagging:
    """An article's tags: all names ranked by relevance, the same names by group."""

    tags: tuple[str, ...]
    entities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    candidates: tuple[str, ...] = ()
    # Names the text rules found (the registry lacks them), as (name, group): the site
    # pass (site_pass.py) tags them in every other entry that names them.
    found: tuple[tuple[str, str], ...] = ()
    # The other names the article gave them (an acronym it defined), as (name, alias).
    found_aliases: tuple[tuple[str, str], ...] = ()
