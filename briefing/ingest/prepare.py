"""The parallel part of ingest: each seed read, tagged and composed on every core."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.entities import Registry, Tagging, tag_article
from briefing.errors import BriefingError
from briefing.ingest.dates import file_time_utc, format_date
from briefing.ingest.existing import Existing
from briefing.ingest.parse import RawArticle
from briefing.ingest.seeds import photo_beside, read_seed
from briefing.ingest.slugs import make_slug
from briefing.ingest.transform import entry_fields
from briefing.ingest.writer import (
    render_entry,
)
from briefing.lazy_registry import LazyRegistry
from briefing.parallel import Executor, iter_chunks
from briefing.stories import StoryFeatures, story_features

log = logging.getLogger("briefing")


@dataclass(frozen=True)
class Prepared:
    """A seed read and tagged in a worker, with the entry text for the slug it will most
    likely get (`text` is None when the parent must compose it: a photo, a slug in doubt)."""

    article: RawArticle
    mtime: float
    tagging: Tagging
    base: str  # the slug its title gives, before numbering
    slug: str | None
    text: str | None
    features: StoryFeatures  # for story detection (briefing/stories.py), made here on every core


@dataclass(frozen=True)
class _PrepareInput:
    """What every worker reads: the seeds, the registry, content/'s entries and slugs."""

    seeds: list[Path]
    registry: Registry
    by_source: dict[str, Existing]
    taken: set[str]


def prepare_all(
    seeds: list[Path],
    registry: LazyRegistry,
    by_source: dict[str, Existing],
    taken: set[str],
    executor: Executor | None = None,
) -> Iterator[Prepared | BriefingError]:
    """Each seed read, tagged and composed, or the BriefingError it raised; in seed order.

    Reading, tagging and composing the entry are most of an ingest, so they run on
    every core; choosing slugs and writing stay in one process, in seed order, for
    stable results, and overlap the workers as their results stream in.
    """
    if not seeds:
        return iter(())
    shared = _PrepareInput(seeds, registry.load(), by_source, set(taken))
    shared.registry.automaton  # noqa: B018 - compiled once here, shared by the forked workers
    parts = iter_chunks(_prepare_chunk, shared, len(seeds), what="seeds", size=50, executor=executor)
    return (item for part in parts for item in part)


def _prepare_chunk(shared: _PrepareInput, indices: Sequence[int]) -> list[Prepared | BriefingError]:
    done: list[Prepared | BriefingError] = []
    for i in indices:
        seed = shared.seeds[i]
        try:
            article, mtime = read_seed(seed)
            tagging = _tag(shared.registry, article)
            existing = shared.by_source.get(seed.name)
            base = make_slug(article.title, fallback=seed.stem)
            slug: str | None = existing.slug if existing is not None else base
            if existing is None and base in shared.taken:
                slug = None  # numbered by the parent, which knows every slug taken so far
            text = None
            if slug is not None and photo_beside(seed) is None:
                metadata, body = entry_fields(
                    article,
                    tagging,
                    slug=slug,
                    seed=seed.name,
                    date=entry_date(existing, article, mtime),
                    story=existing.story_or(slug) if existing is not None else slug,
                )
                text = render_entry(metadata, body)
            features = story_features(article.title, "\n\n".join(article.paragraphs), tagging.entities)
            done.append(Prepared(article, mtime, tagging, base, slug, text, features))
        except BriefingError as error:
            done.append(error)  # a result, not a failure of the chunk: the other seeds go on
    return done


def _tag(registry: Registry, article: RawArticle) -> Tagging:
    image = article.image
    return tag_article(
        registry,
        title=article.title,
        paragraphs=article.paragraphs,
        caption=image.caption if image else None,
        alt=image.alt if image else None,
        with_candidates=False,
    )


def entry_date(existing: Existing | None, article: RawArticle, mtime: float) -> str:
    """Kept from the entry, else written in the seed, else the seed file's time (UTC)."""
    if existing is not None and existing.date:
        return existing.date
    if article.written_date is not None:
        return format_date(article.written_date)
    return format_date(file_time_utc(mtime))
