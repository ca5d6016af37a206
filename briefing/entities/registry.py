"""The entity registry: the shipped data plus the site's `entities.yml`, cached per process.

Loading parses YAML once per process (the shipped files) and once per change of the
site's file; the matcher's automaton is compiled lazily on first use and kept with the
registry, so ingesting a thousand seeds compiles it once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefing.entities.matcher import build_automaton
from briefing.entities.model import Entity
from briefing.entities.normalise import key
from briefing.entities.shipped import Context, shipped
from briefing.entities.site_rules import FILENAME, SiteRules, read_site_rules
from briefing.errors import ConfigError


class Registry:
    """Canonical names to entities, with what the matcher needs beside them."""

    def __init__(
        self,
        entities: Iterable[Entity],
        *,
        phrases: Iterable[str] = (),
        context: Context | None = None,
        renames: dict[str, str] | None = None,
        blocked: Iterable[str] = (),
    ) -> None:
        self._by_name = {entity.name: entity for entity in entities}
        # Each name's group: the tagger asks for thousands per article.
        self._types = {name: entity.type for name, entity in self._by_name.items()}
        self.phrases = tuple(phrases)
        self.context = context or Context()
        # Keys of names the text rules may find, mapped to the site's preferred name.
        self.renames = dict(renames or {})
        # Keys of names the site blocked: never tagged, whatever finds them.
        self.blocked = frozenset(blocked)
        self._automaton: Any = None
        self._topics: tuple[Entity, ...] | None = None
        self._implied: dict[str, list[str]] | None = None
        self._demonyms: dict[str, str] = {}
        self._country_words: dict[str, str] | None = None
        self._owners: dict[str, str] | None = None

    def get(self, name: str) -> Entity | None:
        return self._by_name.get(name)

    def type_of(self, name: str) -> str:
        """The group of a canonical name, "" for a name the registry lacks."""
        return self._types.get(name, "")

    def with_entities(self, extra: Iterable[Entity]) -> Registry:
        """This registry and more entities (names the text rules found across a site)."""
        return Registry(
            [*self._by_name.values(), *extra],
            phrases=self.phrases,
            context=self.context,
            renames=self.renames,
            blocked=self.blocked,
        )

    def __len__(self) -> int:
        return len(self._by_name)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_name.values())

    @property
    def country_words(self) -> dict[str, str]:
        """A country's names and adjectives as written ("China", "Chinese", "US") to its
        canonical name; official long names ("Republic of ...") left out."""
        if self._country_words is None:
            words: dict[str, str] = {}
            for entity in self._by_name.values():
                if entity.type == "countries":
                    for alias in (entity.name, *entity.aliases):
                        if len(alias.split()) <= 3 and " of " not in alias:
                            words.setdefault(alias, entity.name)
            self._country_words = words
        return self._country_words

    def owner_of(self, alias: str) -> str | None:
        """The organisation an alias names ("South Korea's Ministry of National Defense"),
        built on first use: only a body found without its country asks."""
        if self._owners is None:
            owners: dict[str, str] = {}
            for entity in self._by_name.values():
                if entity.type == "organisations":
                    for name in (entity.name, *entity.aliases):
                        owners.setdefault(key(name), entity.name)
            self._owners = owners
        return self._owners.get(key(alias))

    def demonym(self, country: str) -> str:
        """The adjective news uses for a country ("Romanian"), else its name (worked out
        once per country: the rules ask for it in every paragraph naming a state body)."""
        known = self._demonyms.get(country)
        if known is None:
            known = self._demonyms[country] = self._demonym(country)
        return known

    def _demonym(self, country: str) -> str:
        entity = self._by_name.get(country)
        if entity is None:
            return country
        adjectives = [
            alias
            for alias in entity.aliases
            if len(alias.split()) <= 2
            and " of " not in alias
            and alias != country
            and not alias.isupper()
            and alias.endswith(ADJECTIVE_ENDINGS)
            and (not alias.endswith(("a", "s")) or alias.endswith("ss"))
        ]
        if not adjectives:
            return country
        size = len(country.split())
        # Where copy has two spellings, "-ian" is the standard one ("Ecuadorian", not "Ecuadorean").
        older = {a for a in adjectives if a.endswith("ean") and f"{a[:-3]}ian" in adjectives}
        return min(adjectives, key=lambda a: (len(a.split()) != size, a in older, len(a), a))

    @property
    def topics(self) -> tuple[Entity, ...]:
        """The topic entities, in registry order."""
        if self._topics is None:
            self._topics = tuple(e for e in self._by_name.values() if e.type == "topics")
        return self._topics

    @property
    def implied_topics(self) -> dict[str, list[str]]:
        """Entity kinds to the topics they imply ("air_defence" -> "Air defence"), in
        registry order; built once, not per article."""
        if self._implied is None:
            implied: dict[str, list[str]] = {}
            for topic in self.topics:
                for kind in topic.implied_by:
                    implied.setdefault(kind, []).append(topic.name)
            self._implied = implied
        return self._implied

    @property
    def automaton(self) -> Any:
        """The compiled alias automaton, built on first use."""
        if self._automaton is None:
            self._automaton = build_automaton(self, self.country_words, self.phrases)
        return self._automaton


ADJECTIVE_ENDINGS = ("an", "ian", "ese", "ish", "ic", "i", "ch", "ot", "ene", "ine", "ean", "ss", "k", "sh")
_cache: dict[object, Registry] = {}


def load_registry(site_root: Path) -> Registry:
    """The shipped registry with the site's `entities.yml` (if any) applied."""
    path = Path(site_root) / FILENAME
    try:
        stat = path.stat()
        stamp: object = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    if stamp not in _cache:
        rules = read_site_rules(Path(site_root)) if stamp is not None else None
        _cache[stamp] = _build(rules, path)
    return _cache[stamp]


def _build(rules: SiteRules | None, path: Path) -> Registry:
    data = shipped()
    entities = {entity.name: entity for entity in data.entities}
    phrases = list(data.phrases)
    renames: dict[str, str] = {}
    blocked: set[str] = set()
    if rules is not None:
        _apply(rules, path, entities, phrases, renames, blocked)
    return Registry(
        entities.values(), phrases=phrases, context=data.context, renames=renames, blocked=blocked
    )


def _apply(
    rules: SiteRules,
    path: Path,
    entities: dict[str, Entity],
    phrases: list[str],
    renames: dict[str, str],
    blocked: set[str],
) -> None:
    """Add, alias, rename, then block: each step sees the result of the one before."""
    for entity, line in rules.add:
        old = entities.get(entity.name)
        if old is not None and old.type != entity.type:
            raise ConfigError(
                f"`{entity.name}` is already a {old.type} entity",
                path,
                line,
                hint="use `aliases:` to extend it, or `rename:` it first",
            )
        if old is not None:
            entity = replace(old, aliases=(*old.aliases, *entity.aliases), weak=(*old.weak, *entity.weak))
        entities[entity.name] = entity
    for name, extra in rules.aliases:
        old = entities.get(name.value)
        if old is None:
            raise ConfigError(
                f"`aliases:` names `{name.value}`, which is not an entity",
                path,
                name.line,
                hint="use the canonical name, or `add:` it",
            )
        entities[old.name] = replace(old, aliases=(*old.aliases, *(a.value for a in extra)))
    for old_name, new_name in rules.rename:
        old = entities.pop(old_name.value, None)
        if old is None:
            renames[key(old_name.value)] = new_name.value
            continue
        if new_name.value in entities:
            raise ConfigError(
                f"cannot rename `{old_name.value}` to `{new_name.value}`: that name is taken",
                path,
                new_name.line,
                hint="block or rename the other entity first",
            )
        entities[new_name.value] = replace(old, name=new_name.value, aliases=(old.name, *old.aliases))
        renames[key(old.name)] = new_name.value
    for item in rules.block:
        target = key(item.value)
        blocked.add(target)
        phrases.append(item.value)
        for canonical, entity in list(entities.items()):
            if key(canonical) == target:
                del entities[canonical]
                continue
            aliases = tuple(a for a in entity.aliases if key(a) != target)
            weak = tuple(a for a in entity.weak if key(a) != target)
            if aliases != entity.aliases or weak != entity.weak:
                entities[canonical] = replace(entity, aliases=aliases, weak=weak)
