"""Topics: fired by their keywords and by the kinds of entity an article is about.

A topic's keywords are its aliases in topics.yml (matched in any case). `implied_by`
lists entity kinds: an air-defence system named in an article is evidence for "Air
defence". A passing mention is not enough: each sentence gives a topic the weight of its
heaviest evidence (title 3, lede 2, body 1), so "Su-24 bombers" is one piece of evidence,
not two, and the sum must reach MIN_EVIDENCE (the title or lede, or two body sentences).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from briefing.entities.article import Article
from briefing.entities.registry import Registry

MIN_EVIDENCE = 2
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A topic keyword (`topic`) or an entity of some `kind` at a place in the article."""

    topic: str
    kind: str
    start: int
    weight: int
    entity: str = ""


def select_topics(
    registry: Registry, article: Article, evidence: list[Evidence], scores: Counter[str]
) -> Counter[str]:
    """Each topic whose evidence, counted once per sentence, reaches MIN_EVIDENCE, with
    its relevance score. `scores` are the entities' own scores."""
    if not evidence:
        return Counter()
    by_kind = registry.implied_topics
    sentences = [0] + [m.end() for m in _SENTENCE_END.finditer(article.text)]
    best: dict[tuple[str, int], int] = {}
    # Plain dicts with .get, not Counters: a Counter's missing key is a Python-level call.
    entity_scores: dict[str, int] = {}
    for item in evidence:
        if item.kind:
            entity_scores[item.kind] = max(entity_scores.get(item.kind, 0), scores.get(item.entity, 0))
        sentence = bisect.bisect_right(sentences, item.start)
        for topic in [item.topic] if item.topic else by_kind.get(item.kind, ()):
            place = (topic, sentence)
            best[place] = max(best.get(place, 0), item.weight)
    totals: dict[str, int] = {}
    for (topic, _), weight in best.items():
        totals[topic] = totals.get(topic, 0) + weight
    # A topic ranks at least as high as the entity that implies it most ("S-400" makes
    # "Air defence" as relevant as itself); ties then put the topic first by name order.
    ranks: dict[str, int] = {}
    for topic in totals:
        ranks[topic] = max(
            totals[topic],
            max(
                (score for kind, score in entity_scores.items() if topic in by_kind.get(kind, ())), default=0
            ),
        )
    return Counter({topic: ranks[topic] for topic, total in totals.items() if total >= MIN_EVIDENCE})
