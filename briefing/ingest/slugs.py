"""Slugs: ASCII, lower case, hyphenated, short, and unique within a site."""

from __future__ import annotations

from slugify import slugify

MAX_SLUG = 80
# slugify drops a curly apostrophe but splits a word at a straight one ("what-s" but "its"):
# the same title typed either way must give the same slug.
_APOSTROPHES = [["'", ""], ["\u2019", ""]]


def make_slug(text: str, fallback: str = "entry") -> str:
    """A URL-safe slug of at most MAX_SLUG characters, cut at a word."""
    slug = slugify(text, max_length=MAX_SLUG, word_boundary=True, save_order=True, replacements=_APOSTROPHES)
    return slug or slugify(fallback, max_length=MAX_SLUG) or "entry"


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is free first."""
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: MAX_SLUG - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1
