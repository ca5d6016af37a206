"""Fixtures for the entity tagger: the shipped registry, a tagging helper, site registries."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from briefing.entities import Registry, Tagging, load_registry, tag_article


@pytest.fixture(scope="session")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    """The shipped registry, as a site without its own entities.yml gets it."""
    return load_registry(tmp_path_factory.mktemp("no-site"))


@pytest.fixture(scope="session")
def tag(registry: Registry) -> Callable[..., Tagging]:
    """tag(title, *paragraphs, caption=None, alt=None) with the shipped registry."""

    def run(
        title: str,
        *paragraphs: str,
        caption: str | None = None,
        alt: str | None = None,
        using: Registry | None = None,
    ) -> Tagging:
        return tag_article(
            using or registry, title=title, paragraphs=list(paragraphs), caption=caption, alt=alt
        )

    return run


@pytest.fixture
def site_registry(tmp_path: Path) -> Callable[[str], Registry]:
    """site_registry(yaml_text): the registry of a site whose entities.yml holds the text."""

    def make(text: str) -> Registry:
        root = tmp_path / "site"
        root.mkdir(exist_ok=True)
        (root / "entities.yml").write_text(text, encoding="utf-8")
        return load_registry(root)

    return make


def names(tagging: Tagging, group: str | None = None) -> Sequence[str]:
    return tagging.entities[group] if group else tagging.tags
