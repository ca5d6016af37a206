"""A parsed seed and its tags to an entry's front matter and Markdown body. Pure."""

from __future__ import annotations

from briefing.entities import ENTITY_GROUPS, Tagging
from briefing.ingest.escape import escape_markdown
from briefing.ingest.parse import RawArticle
from briefing.ingest.summary import summarise


def entry_fields(
    article: RawArticle, tagging: Tagging, *, slug: str, date: str, seed: str, story: str | None = None
) -> tuple[dict[str, object], str]:
    """Front matter in the order an editor reads it, and the escaped body."""
    metadata: dict[str, object] = {
        "title": article.title,
        "slug": slug,
        "date": date,
        "summary": summarise(article.paragraphs[0]),
        "tags": list(tagging.tags),
        # The final shape (issue 3): all five groups, in this order, even when empty.
        "entities": {group: list(tagging.entities.get(group, ())) for group in ENTITY_GROUPS},
    }
    if article.source is not None:
        # The outlet, for readers; an address only when the seed gave one.
        source = {"name": article.source.name}
        if article.source.url:
            source["url"] = article.source.url
        metadata["source"] = source
    metadata["seed"] = seed  # the file in seeds/ it came from: ingest's own bookkeeping
    if article.image is not None:
        metadata["image"] = {
            "alt": article.image.alt,
            "caption": article.image.caption,
            "credit": article.image.credit,
        }
    # Last, so the story pass can set it without moving any other line (briefing/stories.py).
    metadata["story"] = story or slug
    body = "\n\n".join(escape_markdown(paragraph) for paragraph in article.paragraphs) + "\n"
    return metadata, body
