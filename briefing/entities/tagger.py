"""Tag an article: registry matches, resolved in context, plus names found by rules.

The steps, each in its own module: build the article's text and segments (article),
find every alias in one automaton pass (matcher), decide the surnames and weak aliases
(here, with context), find names the registry lacks (discover), fire topics (topics),
then rank everything by weighted mentions, ties broken by name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from briefing.entities import patterns as p
from briefing.entities.ambiguity import adjectival, apply_expansions, country_body, inside_place_name
from briefing.entities.article import Article, build_article
from briefing.entities.candidates import find_candidates
from briefing.entities.context import confirmed, locate, part_of_longer_name
from briefing.entities.discover import discover
from briefing.entities.found import Found
from briefing.entities.matcher import Hit, Strength, scan
from briefing.entities.model import ENTITY_GROUPS, Tagging
from briefing.entities.registry import Registry
from briefing.entities.topics import Evidence, select_topics

# In a headline set in capitals, "US" after these words is the pronoun ("JOIN US").
_PRONOUN_BEFORE = frozenset(
    {
        "to",
        "for",
        "with",
        "of",
        "from",
        "tell",
        "told",
        "give",
        "let",
        "join",
        "help",
        "against",
        "about",
        "among",
        "by",
        "on",
        "at",
        "like",
        "than",
        "all",
        "follow",
        "show",
        "take",
        "makes",
        "make",
    }
)


class Mention(NamedTuple):  # a tuple: dozens per article, built faster than a frozen dataclass
    entity: str
    start: int
    end: int
    weight: int


def tag_article(
    registry: Registry,
    *,
    title: str,
    paragraphs: Sequence[str],
    caption: str | None = None,
    alt: str | None = None,
    with_candidates: bool = True,
) -> Tagging:
    """The article's entities by relevance and by group, and candidate names for editors.

    Ingest passes `with_candidates=False`: it never shows candidates, which cost 7% of tagging.
    """
    article = build_article(title, paragraphs, caption, alt)
    hits = scan(registry.automaton, article.text, article.folded)
    if any(segment.shouting for segment in article.segments):  # "US" may be a pronoun only there
        hits = [hit for hit in hits if not _pronoun(article, hit)]
    hits = apply_expansions(hits, article, registry.type_of)
    mentions = _resolve(registry, article, hits)
    types = {m.entity: registry.type_of(m.entity) for m in mentions}
    # Topic keywords do not claim text: "Defence Industries" may be part of a firm's name.
    covered = [(m.start, m.end) for m in mentions if types[m.entity] != "topics"]
    places = [(h.start, h.end) for h in hits if h.patterns[0].strength == Strength.PHRASE]
    # Countries and one-word organisation names ("Escribano", a firm) may be words of a
    # person's name: "Ibrahim Jordan", "its chairman, Ángel Escribano".
    soft = [(m.start, m.end) for m in mentions if _soft(article.text, m.start, m.end, types[m.entity])]
    found = discover(article, registry, covered, places, soft)
    mentions = _yield_to_people(mentions, found, soft)
    covered += places
    inside_found = [span for name in found for span in name.spans]
    scores: Counter[str] = Counter()
    evidence: list[Evidence] = []
    for mention in mentions:
        if types[mention.entity] == "topics":
            if not any(s <= mention.start < e for s, e in inside_found):
                evidence.append(Evidence(mention.entity, "", mention.start, mention.weight))
            continue
        scores[mention.entity] += mention.weight
        entity = registry.get(mention.entity)
        if entity is not None and entity.kind:
            evidence.append(Evidence("", entity.kind, mention.start, mention.weight, mention.entity))
    _add_found(registry, found, scores, types)
    for topic, score in select_topics(registry, article, evidence, scores).items():
        scores[topic] = score
        types[topic] = "topics"
    ranked = tuple(sorted(scores, key=lambda name: (-scores[name], name)))
    groups = {group: tuple(name for name in ranked if types[name] == group) for group in ENTITY_GROUPS}
    covered += inside_found
    candidates = find_candidates(article, registry, covered) if with_candidates else ()
    rule_names = tuple(sorted((name.name, name.type) for name in found if name.name in scores))
    aliases = tuple(sorted((n.name, alias) for n in found if n.name in scores for alias in n.aliases))
    return Tagging(
        tags=ranked, entities=groups, candidates=candidates, found=rule_names, found_aliases=aliases
    )


def _add_found(registry: Registry, found: list[Found], scores: Counter[str], types: dict[str, str]) -> None:
    """Add the names the rules found; a body found without its country ("the Ministry of
    National Defense") counts for the registry's body of the article's country."""
    countries = sorted((n for n in scores if types.get(n) == "countries"), key=lambda n: (-scores[n], n))
    for name in found:
        owner = country_body(name.name, countries, registry) if name.type == "organisations" else None
        target = owner or name.name
        scores[target] += name.score
        types[target] = name.type


def _pronoun(article: Article, hit: Hit) -> bool:
    """ "US" the pronoun in a headline set in capitals."""
    if not article.segment_at(hit.start).shouting:
        return False
    if not all(p.alias.isupper() and len(p.alias) <= 3 for p in hit.patterns):
        return False
    before = article.folded[max(0, hit.start - 12) : hit.start].split()
    return bool(before) and before[-1] in _PRONOUN_BEFORE


def _resolve(registry: Registry, article: Article, hits: list[Hit]) -> list[Mention]:
    """Strong matches count; surnames follow full names; weak aliases need context."""
    mentions: list[Mention] = []
    surnames: list[Hit] = []
    weak: list[Hit] = []
    for hit in hits:
        first = hit.patterns[0]
        # Most keys have one pattern: no set, no generator for them.
        strengths = {p.strength for p in hit.patterns} if len(hit.patterns) > 1 else (first.strength,)
        if Strength.PHRASE in strengths:
            continue
        if Strength.STRONG in strengths:
            pattern = (
                first
                if first.strength == Strength.STRONG
                else next(p for p in hit.patterns if p.strength == Strength.STRONG)
            )
            weight = article.segment_at(hit.start).weight
            group = registry.type_of(pattern.entity)
            if group == "organisations":
                mentions += _countries_inside(registry, hit, weight)
                if adjectival(article, hit.start, hit.end, pattern.alias):
                    continue
                entity = _named_before(registry, pattern.entity, pattern.alias, mentions)
                mentions.append(Mention(entity, hit.start, hit.end, weight))
                continue
            elif group == "countries" and inside_place_name(article, hit.start, hit.end):
                continue
            mentions.append(Mention(pattern.entity, hit.start, hit.end, weight))
            if group == "topics":
                mentions += _topics_inside(registry, hit, weight)
        elif Strength.SURNAME in strengths:
            surnames.append(hit)
        else:
            weak.append(hit)
    full_names: dict[str, list[int]] = defaultdict(list)
    for mention in mentions:
        full_names[mention.entity].append(mention.start)
    for hit in surnames:
        person = None if _after_given_name(article.text, hit.start) else _person_for(hit, full_names)
        if person:
            mentions.append(Mention(person, hit.start, hit.end, article.segment_at(hit.start).weight))
        elif any(p.strength == Strength.WEAK for p in hit.patterns):
            weak.append(hit)
    mentions += _weak_mentions(registry, article, weak, mentions, set(full_names))
    return mentions


def _countries_inside(registry: Registry, hit: Hit, weight: int) -> list[Mention]:
    """A country named inside an organisation's name ("US Army", "Israel Aerospace
    Industries") is mentioned too; places and phrases never are."""
    found = []
    reach = -1
    # Only the longest names inside: "Democratic Republic of the Congo" inside a mission's
    # name, not also the "Republic of the Congo" inside that.
    for inner in sorted(hit.inside, key=lambda h: (h.start, h.start - h.end)):
        if inner.end <= reach or inner.end > hit.end:
            continue  # inside a longer inner name, or only overlapping this one
        reach = inner.end
        strong = [p.entity for p in inner.patterns if p.strength == Strength.STRONG]
        if strong and registry.type_of(strong[0]) == "countries":
            found.append(Mention(strong[0], inner.start, inner.end, weight))
    return found


def _topics_inside(registry: Registry, hit: Hit, weight: int) -> list[Mention]:
    """Topic keywords inside or across a longer keyword are evidence too: "nuclear arms
    control" speaks of nuclear weapons as well as arms control, and "block the sale of" of
    a sale. (Inside a name they are not: the US Navy is named in stories of every kind.)"""
    found = []
    for inner in hit.inside:
        for pattern in inner.patterns:
            if pattern.strength == Strength.STRONG and registry.type_of(pattern.entity) == "topics":
                found.append(Mention(pattern.entity, inner.start, inner.end, weight))
                break
    return found


def _yield_to_people(
    mentions: list[Mention], found: list[Found], soft: list[tuple[int, int]]
) -> list[Mention]:
    """The mentions without the soft ones inside a found person's name: a person whose
    name holds a country's or a firm's word keeps it."""
    people_spans = [span for name in found if name.type == "people" for span in name.spans]
    if not people_spans or not soft:
        return mentions
    return [
        m
        for m in mentions
        if (m.start, m.end) not in soft or not any(s < m.end and e > m.start for s, e in people_spans)
    ]


def _named_before(registry: Registry, entity: str, alias: str, mentions: list[Mention]) -> str:
    """The body a short name without a country means: one the article named in full
    before ("South Korea's Joint Chiefs of Staff ... the Joint Chiefs said"), not the
    registry's default owner of the short name (the US one)."""
    if entity.split()[0] not in registry.country_words:
        return entity  # only a country's body ("US Joint Chiefs of Staff") has rivals
    if any(word in registry.country_words for word in alias.split()):
        return entity
    short = f" {alias.lower()} "
    for mention in reversed(mentions):
        rival = mention.entity != entity and short in f" {mention.entity.lower()} "
        if rival and registry.type_of(mention.entity) == "organisations":
            return mention.entity
    return entity


def _soft(text: str, start: int, end: int, group: str) -> bool:
    """A mention that does not stop a person's name over it: a country, or an
    organisation named by one capitalised word."""
    if group == "countries":
        return True
    word = text[start:end]
    return group == "organisations" and " " not in word and not word.isupper()


def _after_given_name(text: str, start: int) -> bool:
    """Whether a surname follows a capitalised word that is no title or role: "Sanjay
    Jasjit Singh" is someone else than the article's "Rajnath Singh", but "Defence
    Minister Singh" and "Mr Singh" are him."""
    before = text[max(0, start - 30) : start].split()
    if not before:
        return False
    word = before[-1]
    return (
        word[:1].isupper()
        and word[-1:].isalpha()
        and word not in p.TITLES
        and word not in p.ROLE_WORDS
        and word not in p.NOT_PERSON
    )


def _person_for(hit: Hit, full_names: dict[str, list[int]]) -> str | None:
    """The person whose full name appeared, the latest one before this surname."""
    people = [p.entity for p in hit.patterns if p.strength == Strength.SURNAME and p.entity in full_names]
    if not people:
        return None
    before = [
        (max(s for s in full_names[p] if s < hit.start), p)
        for p in people
        if any(s < hit.start for s in full_names[p])
    ]
    return max(before)[1] if before else people[0]


def _weak_mentions(
    registry: Registry, article: Article, weak: list[Hit], mentions: list[Mention], strong: set[str]
) -> list[Mention]:
    known = {mention.start for mention in mentions} | {hit.start for hit in weak}
    accepted = set(strong)
    chosen: list[tuple[Hit, str]] = []
    for hit in weak:
        entities = list(dict.fromkeys(p.entity for p in hit.patterns if p.strength == Strength.WEAK))
        segment = article.segment_at(hit.start)
        around = locate(article.text, hit.start, hit.end)
        if segment.prose and part_of_longer_name(around, known):
            continue
        mentioned = [e for e in entities if e in strong]
        if mentioned:
            chosen.append((hit, mentioned[0]))
            continue
        if len(entities) != 1 or not segment.prose:
            chosen.append((hit, ""))
            continue
        known_entity = registry.get(entities[0])
        group = known_entity.type if known_entity else ""
        nearby = any(
            m.entity != entities[0]
            and around.sentence[0] <= m.start < around.sentence[1]
            and registry.type_of(m.entity) == group
            for m in mentions
        )
        if confirmed(around, entities[0], group, registry.context, nearby):
            accepted.add(entities[0])
        chosen.append((hit, entities[0]))
    result = []
    for hit, entity in chosen:
        if not entity:
            entity = next(
                (p.entity for p in hit.patterns if p.strength == Strength.WEAK and p.entity in accepted), ""
            )
        if entity in accepted:
            result.append(Mention(entity, hit.start, hit.end, article.segment_at(hit.start).weight))
    return result
