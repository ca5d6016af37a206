"""The entity registry: shipped YAML files, loaded once per process."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from briefing.entities.model import ENTITY_GROUPS, Entity

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Registry:
    """Canonical names to entities; the matcher's automaton is built lazily, once."""

    def __init__(self, entities: list[Entity]) -> None:
        self._by_name = {entity.name: entity for entity in entities}
        self._automaton = None

    def get(self, name: str) -> Entity | None:
        return self._by_name.get(name)

    def __len__(self) -> int:
        return len(self._by_name)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_name.values())


@lru_cache(maxsize=1)
def _shipped() -> tuple[Entity, ...]:
    entities: list[Entity] = []
    data = resources.files("briefing.entities") / "data"
    for group in ENTITY_GROUPS:
        source = data / f"{group}.yml"
        if not source.is_file():
            continue
        for record in yaml.load(source.read_text(encoding="utf-8"), Loader=_Loader) or []:
            entities.append(Entity(name=record["name"], type=group,
                                   aliases=tuple(record.get("aliases") or ())))
    return tuple(entities)


def load_registry(site_root: Path) -> Registry:
    """The shipped registry (the site's `entities.yml` is applied once supported)."""
    return Registry(list(_shipped()))
