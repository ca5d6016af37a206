"""Candidate names for the editor (first version: none)."""

from __future__ import annotations

from briefing.entities.article import Article
from briefing.entities.registry import Registry


def find_candidates(article: Article, registry: Registry,
                    covered: list[tuple[int, int]]) -> tuple[str, ...]:
    return ()
