"""Topics: fired by their keywords or implied by the kinds of entity an article is about.

A topic's keywords are its aliases in topics.yml (lower case, so any case matches); a
passing keyword is not enough, the weighted count must reach KEYWORD_MIN (one mention in
the title or lede, or two in the body). `implied_by` lists entity kinds: an air-defence
system the article is about (weighted count of at least IMPLIED_MIN) implies "Air defence".
"""

from __future__ import annotations

from collections import Counter

from briefing.entities.registry import Registry

KEYWORD_MIN = 2
IMPLIED_MIN = 2


def select_topics(registry: Registry, scores: Counter[str], types: dict[str, str]) -> Counter[str]:
    """Scores with weak topics dropped and implied topics added (types is updated)."""
    result: Counter[str] = Counter()
    implied: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for name, score in scores.items():
        entity = registry.get(name)
        if types.get(name) == "topics":
            continue
        result[name] = score
        if entity is not None and entity.kind and score >= IMPLIED_MIN:
            kinds[entity.kind] = max(kinds[entity.kind], score)
    for topic in registry:
        if topic.type != "topics":
            continue
        best = max((kinds[kind] for kind in topic.implied_by), default=0)
        if best:
            implied[topic.name] = best
    for topic in {*implied, *(n for n in scores if types.get(n) == "topics")}:
        keyword = scores.get(topic, 0)
        if keyword >= KEYWORD_MIN or implied[topic]:
            result[topic] = max(keyword, implied[topic])
            types[topic] = "topics"
    return result
