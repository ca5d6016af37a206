"""One Aho-Corasick pass over folded text finds every alias, phrase and keyword.

Keys are folded aliases padded with a space each side and the text is padded the same
way, so the automaton only reports whole words and phrases. Each hit is then checked
against the original capitals and the longest match wins where hits overlap, so
"Patriot Act" hides "Patriot" and "SA-21 Growler" hides "Growler".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache
from operator import itemgetter

import ahocorasick

from briefing.entities.model import Entity
from briefing.entities.normalise import variants


class Strength(IntEnum):
    STRONG = 0  # a name or alias: counts wherever its case is right
    WEAK = 1  # also an ordinary word or another thing: counts only in context
    SURNAME = 2  # counts once the person's full name appeared in the article
    PHRASE = 3  # tags nothing; hides the words inside it


@dataclass(frozen=True, slots=True)
class Pattern:
    entity: str  # canonical name; "" for a phrase
    alias: str  # as written in the registry, for the case check
    strength: Strength


@dataclass(slots=True)
class Hit:
    start: int  # span in the prepared text
    end: int
    patterns: tuple[Pattern, ...]
    # Shorter hits inside this one ("US" in "US Army") or overlapping its end: hidden, but
    # the tagger may count a country named inside an organisation's name, and topic
    # keywords inside or across a longer match.
    inside: list[Hit] = field(default_factory=list)


_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def _surnames(entity_aliases: Iterable[str], explicit: tuple[str, ...]) -> tuple[str, ...]:
    """A person's surnames: given explicitly, else the last word of each full name."""
    if explicit:
        return explicit
    found: dict[str, None] = {}
    for alias in entity_aliases:
        words = [w for w in alias.split() if w not in _SUFFIXES]
        if len(words) > 1:
            found[words[-1]] = None
    return tuple(found)


def build_automaton(
    entities: Iterable[Entity], country_words: Mapping[str, str], phrases: Iterable[str]
) -> ahocorasick.Automaton:
    """Compile every alias variant, phrase and keyword of a registry into one automaton.

    Takes the registry's parts, not the Registry, so the registry may import the matcher
    without the matcher importing it back.
    """
    # Each key's patterns by entity, in insertion order: one pattern per entity, the
    # strongest, moved to the end when replaced (dict lookups, not a scan per alias form).
    table: dict[str, dict[str, Pattern]] = {}

    def add(alias: str, entity: str, strength: Strength, plural: bool = False) -> None:
        for form in variants(alias, plural):
            patterns = table.setdefault(f" {form} ", {})
            old = patterns.get(entity)
            if old is None or old.strength > strength:
                if old is not None:
                    del patterns[entity]
                patterns[entity] = Pattern(entity, alias, strength)

    words_of = country_words
    places: dict[str, list[str]] = {}
    for word, country in words_of.items():
        places.setdefault(country, []).append(word)
    for entity in entities:
        plural = entity.type == "weapon_systems"
        full = (entity.name, *entity.aliases)
        if entity.type == "topics":
            # A topic's name is a label ("Missiles"), not a keyword: only its aliases are.
            full = entity.aliases
        # A canonical name listed as weak ("Patriot") counts only in context, like any
        # weak alias: its strong forms are the other aliases ("MIM-104", "PAC-3").
        weak = set(entity.weak)
        for alias in full:
            if alias not in weak:
                if entity.type == "organisations":
                    # First, so the lower-case form's case rule is the one kept for the key.
                    for form in _service_forms(alias, places, words_of):
                        add(form, entity.name, Strength.STRONG)
                # Topic names and keywords are ordinary words: any case ("Drones", "drones").
                add(alias.lower() if entity.type == "topics" else alias, entity.name, Strength.STRONG, plural)
        for alias in entity.weak:
            add(alias, entity.name, Strength.WEAK, plural)
        if entity.type == "people":
            for surname in _surnames(full, entity.surnames):
                add(surname, entity.name, Strength.SURNAME)
    for phrase in phrases:
        add(phrase.lower(), "", Strength.PHRASE)
    automaton = ahocorasick.Automaton()
    for padded, by_entity in table.items():
        patterns = tuple(by_entity.values())
        # The flag says no pattern of the key has a case rule, so scan skips the checks.
        free = all(_any_case(p.alias) for p in patterns)
        automaton.add_word(padded, (len(padded), patterns, free))
    automaton.make_automaton()
    return automaton


# Words of a state body's name that news prose often writes in lower case after the
# country: "the Chinese foreign ministry", "Brazil's air force".
_SERVICE_WORDS = frozenset(
    {
        "air",
        "force",
        "forces",
        "navy",
        "army",
        "armed",
        "marine",
        "marines",
        "corps",
        "coast",
        "guard",
        "foreign",
        "defence",
        "defense",
        "ministry",
        "interior",
        "of",
        "the",
        "national",
        "affairs",
        "military",
        "intelligence",
        "space",
        "ground",
        "self-defense",
        "self-defence",
        "maritime",
        "special",
        "operations",
        "staff",
        "joint",
        "chiefs",
        "general",
        "border",
        "and",
    }
)


def _service_forms(alias: str, places: dict[str, list[str]], words_of: Mapping[str, str]) -> tuple[str, ...]:
    """Forms of "Chinese Foreign Ministry" that news writes: "Chinese foreign ministry",
    "China's foreign ministry", "PRC foreign ministry". Lower-case words match any case,
    so these cover the capitalised forms too."""
    words = alias.split()
    for size in (1, 2, 3):
        country = words_of.get(" ".join(words[:size]))
        tail = words[size:]
        if country is None or not tail or not all(w.lower() in _SERVICE_WORDS for w in tail):
            continue
        rest = " ".join(tail).lower()
        forms = [f"{' '.join(words[:size])} {rest}", f"{country}'s {rest}"]
        forms += [f"{word} {rest}" for word in places[country]]
        return tuple(forms)
    return ()


_ANY, _ACRONYM, _CAPITALS = 0, 1, 2


def _any_case(alias: str) -> bool:
    """Whether _case_rule(alias) is _ANY, without working out the rule: the automaton asks
    for every alias, the tagger needs the rule only of those an article names."""
    return alias.islower() or not any(c.isalpha() for c in alias)


@lru_cache(maxsize=1 << 16)
def _case_rule(alias: str) -> tuple[int, int, tuple[int, ...]]:
    """What case_ok checks for an alias: nothing, an acronym's capitals (with its letter
    count), or the positions, counted in alphanumerics, of the capitals that start words."""
    if _any_case(alias):
        return _ANY, 0, ()
    if alias.isupper():  # every cased letter a capital (str.isupper runs in C)
        return _ACRONYM, sum(1 for c in alias if c.isalpha()), ()
    wanted = []
    position = -1
    for i, char in enumerate(alias):
        if char.isalnum():
            position += 1
            if char.isupper() and (i == 0 or not alias[i - 1].isalpha()):
                wanted.append(position)
    return _CAPITALS, 0, tuple(wanted)


@lru_cache(maxsize=1 << 16)
def case_ok(alias: str, surface: str) -> bool:
    """Whether the text's capitals fit the alias's.

    Lower-case aliases (topic keywords, phrases) match any case. An acronym needs
    capitals, though one of four letters or more may be title case ("Nato"). Otherwise
    each word the alias capitalises must be capitalised in the text: "Turkey", never
    "turkey"; an ALL-CAPS headline passes.
    """
    kind, count, wanted = _case_rule(alias)
    if kind == _ANY:
        return True
    if kind == _ACRONYM:
        seen = [c for c in surface if c.isalpha()][:count]
        if all(c.isupper() for c in seen):
            return True
        return count >= 4 and seen[0].isupper() and all(c.islower() for c in seen[1:])
    alnum = [c for c in surface if c.isalnum()]
    return all(i < len(alnum) and alnum[i].isupper() for i in wanted)


def _joined(prepared: str, start: int, end: int) -> bool:
    """Whether the hit is glued by "&" to a neighbouring word: "P 500" in "S&P 500"."""
    return (start >= 2 and prepared[start - 1] == "&" and prepared[start - 2].isalnum()) or (
        end + 1 < len(prepared) and prepared[end] == "&" and prepared[end + 1].isalnum()
    )


def scan(automaton: ahocorasick.Automaton, prepared: str, folded: str) -> list[Hit]:
    """Hits whose case fits, longest first where they overlap, in text order."""
    if not len(automaton):
        return []
    found: list[tuple[int, int, tuple[Pattern, ...]]] = []
    glued = "&" in prepared  # most articles have no "&": skip the check for them
    for last, (length, patterns, free) in automaton.iter(f" {folded} "):
        start, end = last - length + 1, last - 1
        if glued and _joined(prepared, start, end):
            continue
        if not free:
            surface = prepared[start:end]
            if len(patterns) == 1:  # most keys: no tuple to build
                if not case_ok(patterns[0].alias, surface):
                    continue
            else:
                patterns = tuple(p for p in patterns if case_ok(p.alias, surface))
                if not patterns:
                    continue
        found.append((start, start - end, patterns))
    found.sort(key=_SPAN_ORDER)  # by start, longest first; tuples, not a key function per hit
    chosen: list[Hit] = []
    reach = -1
    for start, minus_size, patterns in found:
        hit = Hit(start, start - minus_size, patterns)
        if start >= reach:
            chosen.append(hit)
            reach = hit.end
        else:  # inside the last hit, or overlapping it (topic keywords may count both)
            chosen[-1].inside.append(hit)
    return chosen


_SPAN_ORDER = itemgetter(0, 1)
