"""Tag an article with the registry's entities (minimal first version)."""

from __future__ import annotations

import re
from collections import Counter

from briefing.entities.model import ENTITY_GROUPS, Tagging
from briefing.entities.registry import Registry


def tag_article(registry: Registry, *, title: str, paragraphs: list[str],
                caption: str | None = None, alt: str | None = None) -> Tagging:
    """Whole-word, case-sensitive alias matches, ranked by mention count."""
    text = "\n".join([title, *paragraphs, caption or "", alt or ""])
    counts: Counter[str] = Counter()
    types: dict[str, str] = {}
    for entity in registry:
        for alias in (entity.name, *entity.aliases):
            hits = len(re.findall(rf"(?<!\w){re.escape(alias)}(?!\w)", text))
            if hits:
                counts[entity.name] += hits
                types[entity.name] = entity.type
    ranked = tuple(sorted(counts, key=lambda name: (-counts[name], name)))
    groups = {group: tuple(n for n in ranked if types[n] == group) for group in ENTITY_GROUPS}
    return Tagging(tags=ranked, entities=groups, candidates=())
