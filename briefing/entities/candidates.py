"""Candidate names for the editor: capitalised phrases that no rule or registry entry claims.

They are never tags. `briefing entities` counts them across content/ so an editor sees
which recurring names ("Kalashnikov Concern", "Baltic Sentry") to add to entities.yml.
"""

from __future__ import annotations

import bisect
import itertools
import re

from briefing.entities import patterns as p
from briefing.entities.article import Article
from briefing.entities.registry import Registry

_PHRASE = re.compile(rf"(?<![\w'’-]){p.NAME}(?:\s+(?:of\s+(?:the\s+)?|{p.PARTICLE}\s+|&\s+)?{p.NAME})*")
_LEADING = frozenset(
    {
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "But",
        "And",
        "Or",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "As",
        "By",
        "From",
        "With",
        "To",
        "Of",
        "This",
        "That",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "Mr",
        "Ms",
        "Mrs",
        "Dr",
    }
)
# What ends a sentence just before a name; searched in a short window, not the whole text before
# it, which made long articles quadratic.
_SENTENCE_END = re.compile(r"(?:[.!?:;]\s+|[\"“‘(]\s*)$")
# A portfolio is part of its office, not a name: "Minister of State for the Armed Forces",
# "Secretary of State for Defence Procurement", "Commissioner for Defence Industry".
_PORTFOLIO = re.compile(
    r"\b(?:Minister|Secretary|Commissioner|Under-?[Ss]ecretary|Envoy|Representative|Spokesperson|"
    r"Ambassador|Rapporteur|Coordinator)(?:\s+of\s+State)?\s+for\s+(?:the\s+)?$"
)


def find_candidates(article: Article, registry: Registry, covered: list[tuple[int, int]]) -> tuple[str, ...]:
    """Unclaimed capitalised names in running text, in order of first appearance."""
    found: dict[str, None] = {}
    spans = sorted(covered)
    ends = list(itertools.accumulate((e for _, e in spans), max))
    for segment in article.segments:
        if not segment.prose:
            continue
        text = article.text[segment.start : segment.end]
        for match in _PHRASE.finditer(text):
            words = match.group().split()
            start = segment.start + match.start()
            while words and words[0] in _LEADING:
                start = article.text.index(words[1], start) if len(words) > 1 else start
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            name = name[:-2] if name.endswith(("'s", "’s")) else name
            end = start + len(name)
            if _overlaps(spans, ends, start, end) or _PORTFOLIO.search(
                article.text, max(0, start - 48), start
            ):
                continue
            if len(words) == 1:
                window = article.text[max(segment.start, start - 64) : start]
                at_start = start == segment.start or _SENTENCE_END.search(window) is not None
                if at_start or name in p.NOT_PERSON or len(name) < 3:
                    continue
            if registry.get(name) is None:
                found.setdefault(name, None)
    return tuple(found)


def _overlaps(spans: list[tuple[int, int]], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span; `spans` sorted, `ends` their running maximum."""
    index = bisect.bisect_left(spans, (end, -1))  # spans starting before `end`
    return index > 0 and ends[index - 1] > start
