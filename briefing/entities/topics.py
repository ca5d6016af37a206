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
from collections import Counter, defaultdict
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


def select_topics(registry: Registry, article: Article, evidence: list[Evidence]) -> Counter[str]:
    """Each topic whose evidence, counted once per sentence, reaches MIN_EVIDENCE."""
    if not evidence:
        return Counter()
    by_kind: dict[str, list[str]] = defaultdict(list)
    for topic in registry.topics:
        for kind in topic.implied_by:
            by_kind[kind].append(topic.name)
    sentences = [0] + [m.end() for m in _SENTENCE_END.finditer(article.text)]
    best: dict[tuple[str, int], int] = {}
    for item in evidence:
        sentence = bisect.bisect_right(sentences, item.start)
        for topic in ([item.topic] if item.topic else by_kind.get(item.kind, ())):
            place = (topic, sentence)
            best[place] = max(best.get(place, 0), item.weight)
    totals: Counter[str] = Counter()
    for (topic, _), weight in best.items():
        totals[topic] += weight
    return Counter({topic: total for topic, total in totals.items() if total >= MIN_EVIDENCE})
