"""Names the registry does not know, found by rules on the text (first version: none)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.entities.article import Article
from briefing.entities.registry import Registry


@dataclass(frozen=True)
class Found:
    name: str
    type: str
    score: int
    spans: tuple[tuple[int, int], ...]


def discover(article: Article, registry: Registry, covered: list[tuple[int, int]]) -> list[Found]:
    return []
