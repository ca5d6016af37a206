"""The site pass: a name the text rules found in one entry is tagged in every entry naming it.

The rules need a cue ("firm Kership", "Jan Novak said", "... Shipping (PSL)"); another
report may name the same firm or person without one. After ingest has tagged its seeds,
briefing/ingest/entity_pass.py gathers every name the rules found across content/, and
this module adds them to the registry as entities and re-tags each entry whose text
holds one of them that it lacks as a tag. One pass, no fixed point to reach: a name
found only thanks to another found name waits for the next ingest.

Deterministic: the names are a set over all entries (a name found as two types takes the
type most entries gave it, ties by type order), the registry they extend is built once,
and entries are visited in path order. An entry an editor changed is never rewritten.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing.entities.model import ENTITY_GROUPS, Entity, Tagging
from briefing.entities.normalise import fold, key, prepare
from briefing.entities.registry import Registry
from briefing.entities.tagger import tag_article


@dataclass(frozen=True)
class SiteNames:
    """The names the rules found across a site, each with its group, and the registry
    that knows them too."""

    names: dict[str, str]  # name -> group
    registry: Registry
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name -> its acronyms

    def keys(self) -> dict[str, str]:
        """Each name's match key, and each of its aliases' keys, to the name."""
        found = {key(alias): name for name, aliases in self.aliases.items() for alias in aliases}
        found.update({key(name): name for name in self.names})
        return found

    def named_in(self, folded: str, tags: Iterable[str]) -> list[str]:
        """The site names the folded text holds as whole words and the tags lack."""
        have = set(tags)
        padded = f" {folded} "
        return [
            name
            for name_key, name in sorted(self.keys().items())
            if name not in have and f" {name_key} " in padded
        ]


def gather(
    registry: Registry,
    found: Iterable[Iterable[tuple[str, str]]],
    aliases: Iterable[Iterable[tuple[str, str]]] = (),
) -> SiteNames:
    """The site's names from each entry's rule-found names: one type per name, names the
    registry already knows (or blocks) left out. `aliases` are (name, alias) pairs the
    entries defined ("Zorvan Coastal Police Force (ZCPF)"): another entry naming only
    "ZCPF" names the force. An alias the registry knows, or two names claim, is dropped."""
    votes: dict[str, Counter[str]] = {}
    for names in found:
        for name, group in set(names):
            votes.setdefault(name, Counter())[group] += 1
    order = {group: i for i, group in enumerate(ENTITY_GROUPS)}
    chosen: dict[str, str] = {}
    for name in sorted(votes):
        if registry.get(name) is not None or key(name) in registry.blocked:
            continue
        group = min(votes[name], key=lambda g: (-votes[name][g], order.get(g, len(order))))
        if group in ("people", "organisations", "weapon_systems"):
            chosen[name] = group
    named = _aliases(registry, chosen, aliases)
    extra = [Entity(name=name, type=group, aliases=named.get(name, ())) for name, group in chosen.items()]
    return SiteNames(chosen, registry.with_entities(extra) if extra else registry, named)


def _aliases(
    registry: Registry, chosen: dict[str, str], pairs: Iterable[Iterable[tuple[str, str]]]
) -> dict[str, tuple[str, ...]]:
    owners: dict[str, set[str]] = {}
    for entry in pairs:
        for name, alias in entry:
            if name in chosen:
                owners.setdefault(alias, set()).add(name)
    known = (
        {key(alias) for entity in registry for alias in (entity.name, *entity.aliases)} if owners else set()
    )
    named: dict[str, list[str]] = {}
    for alias in sorted(owners):
        if len(owners[alias]) == 1 and key(alias) not in known and alias not in chosen:
            named.setdefault(next(iter(owners[alias])), []).append(alias)
    return {name: tuple(found) for name, found in named.items()}


def retag(
    site: SiteNames, title: str, paragraphs: list[str], caption: str | None, alt: str | None
) -> Tagging:
    """An article tagged with the site's names known."""
    return tag_article(
        site.registry, title=title, paragraphs=paragraphs, caption=caption, alt=alt, with_candidates=False
    )


def article_text(
    title: str, paragraphs: Iterable[str], caption: str | None = None, alt: str | None = None
) -> str:
    """The folded text the site names are looked for in (as the tagger reads it)."""
    # Joined with a separator that folds to several spaces: no name spans two paragraphs.
    return fold(prepare(" \n ".join([title, *paragraphs, caption or "", alt or ""])))


_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)|[*_`]+|\\(?=[^\w\s])", re.MULTILINE)


def body_paragraphs(body: str) -> list[str]:
    """An entry's Markdown body as the plain paragraphs the tagger reads."""
    plain = _MARKUP.sub("", _LINK.sub(r"\1", _IMAGE.sub(r"\1", body or "")))
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", plain) if block.strip()]


def with_tagging(metadata: dict[str, object], tagging: Tagging) -> dict[str, object]:
    """Front matter with new tags and entities, every other key where it was."""
    out = dict(metadata)
    out["tags"] = list(tagging.tags)
    out["entities"] = {group: list(tagging.entities.get(group, ())) for group in ENTITY_GROUPS}
    return out
