"""Rules that settle what a registry match means in its article, after matching.

Each rule reads the article's own words, never a list of examples:

- an acronym the article expands itself ("the Multinational Security Support Mission
  (MSS)") means that expansion for the whole article, whatever the registry's acronym is;
- a service named only to give a title ("Armed Forces Minister Jane Doe") is a title;
- "Russian military" before a noun ("Russian military instructors", "Niger's military
  rulers") describes something else, not the armed forces;
- a country inside a longer place name ("Gulf of Guinea", "Lake Chad", "Somali Basin")
  is not the country;
- a person whose surname is a country ("Defence Minister Ibrahim Jordan") keeps it: the
  tagger drops the country's matches inside the person's mentions (see tagger).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.entities import patterns as p
from briefing.entities.article import Article
from briefing.entities.matcher import Hit, Pattern, Strength

if TYPE_CHECKING:
    from briefing.entities.registry import Registry

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Expansion:
    """ "Long Name (ACR)" as the article writes it: where the name stands, and the acronym."""

    acronym: str
    start: int
    end: int


def expansions(article: Article) -> list[Expansion]:
    """Every "Name (ACRONYM)" in the article's running text."""
    if " (" not in article.text:
        return []
    found = []
    for match in p.ACRONYM_AFTER.finditer(article.text):
        found.append(Expansion(match.group("acronym"), match.start("name"), match.end("name")))
    return found


def apply_expansions(hits: list[Hit], article: Article, entity_type: Callable[[str], str]) -> list[Hit]:
    """Re-point an acronym to the organisation the article itself expands it to.

    When the expansion is a registry name, every hit of the acronym means that entity;
    when it is not, the acronym's hits are dropped and the text rules name the
    organisation (its acronym folds into the found name).
    """
    found = expansions(article)
    if not found:
        return hits
    meaning: dict[str, str] = {}  # acronym -> entity ("" when the registry lacks it)
    ending: dict[int, list[Hit]] = {}  # hits by where they end, in text order
    for hit in hits:
        ending.setdefault(hit.end, []).append(hit)
    for item in found:
        named = [
            h for h in ending.get(item.end, ()) if any(q.strength == Strength.STRONG for q in h.patterns)
        ]
        entity = ""
        for hit in named:
            strong = [q.entity for q in hit.patterns if q.strength == Strength.STRONG]
            if strong and entity_type(strong[0]) == "organisations":
                entity = strong[0]
                break
        meaning.setdefault(item.acronym, entity)
    result = []
    for hit in hits:
        surface = article.text[hit.start : hit.end]
        if surface not in meaning:
            result.append(hit)
            continue
        entity = meaning[surface]
        owners = {q.entity for q in hit.patterns if q.strength == Strength.STRONG}
        if not owners or entity in owners:
            result.append(hit)
            continue
        if entity:
            result.append(Hit(hit.start, hit.end, (Pattern(entity, surface, Strength.STRONG),), hit.inside))
        elif entity_type(next(iter(owners))) != "organisations":
            result.append(hit)  # an acronym of a person or weapon is not an organisation's
    return result


# Lower-case words after "X military" that make it an adjective: the noun is the thing.
_MILITARY_NOUNS = frozenset(
    """government governments rulers ruler junta regime leaders leader leadership authorities
instructors instructor advisers advisors adviser advisor trainers contractors personnel officers
officials official power might aid assistance spending budget budgets exercises exercise drills
drill bases base presence equipment hardware aircraft planes plane jets helicopters vehicles
convoy convoys vessels ships cooperation ties relations doctrine analysts analyst experts expert
bloggers blogger sources source intelligence court courts tribunal prosecutors prosecutor
police campaign operation operations build-up buildup deployment deployments purchases
procurement industry technology satellites satellite transport cargo flights flight facility
facilities installations installation hospital hospitals school academy academies parade
parades band service""".split()
)
_TITLE_AFTER = re.compile(r"\s+(?:Minister|Ministers|minister)\b")


def adjectival(article: Article, start: int, end: int, alias: str) -> bool:
    """Whether a service match is only part of a title or of a longer noun phrase."""
    after = article.text[end : end + 24]
    if _TITLE_AFTER.match(after):
        return True  # "French Armed Forces Minister Sébastien Lecornu"
    if alias.lower().endswith("military"):
        following = re.match(r"\s+([a-z][\w-]*)", after)
        return bool(following and following.group(1) in _MILITARY_NOUNS)
    return False


_PLACE_BEFORE = re.compile(
    r"(?:\b(?:Gulf|Bay|Bight|Horn|Sea|Strait|Straits|Lake)\s+of\s+(?:the\s+)?|\bLake\s+)$"
)
_PLACE_AFTER = re.compile(
    r"\s+(?:River|Delta|Basin|Valley|Canal|Peninsula|Highlands|Plateau|Desert|Mountains|Rift|Lake)\b"
)


def inside_place_name(article: Article, start: int, end: int) -> bool:
    """Whether a country's name is part of a longer place name ("Gulf of Guinea", "Lake
    Chad", "Somali Basin", "Niger Delta")."""
    before = article.text[max(0, start - 24) : start]
    # _PLACE_BEFORE needs "of" or "Lake" in the words before: test that first, in C.
    if ("of" in before or "Lake" in before) and _PLACE_BEFORE.search(before):
        return True
    return bool(_PLACE_AFTER.match(article.text[end : end + 16]))


def country_body(name: str, countries: list[str], registry: Registry) -> str | None:
    """The registry's body a country-less name stands for in this article: "the Ministry of
    National Defense said" in a story about South Korea is South Korea's ministry. The
    article's countries are tried by rank; the first whose own body the registry knows
    wins. A name holding a country word already is its own."""
    words = registry.country_words
    if any(word in words for word in name.split()):
        return None
    for country in countries:
        for form in (f"{registry.demonym(country)} {name}", f"{country}'s {name}"):
            owner = registry.owner_of(form)
            if owner is not None:
                return owner
    return None
