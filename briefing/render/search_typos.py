"""Search typos: the small vocabulary that corrects a wrong, missing or extra first or second letter.

The term shards are keyed by a word's first two letters, so the nearest word to a typo
in those letters ("Bistorius", "Pestorius", "Istorius") lives in a shard the page would
never fetch. Here every indexed word of four letters or more (letters only) is listed
twice, without postings: under its second and third letters ("23-is.json" holds
"pistorius") and under its first and third ("13-ps.json"). A query that found nothing
fetches at most five of these lists (see `correction` in assets/search.js). Only the
words change these files, not how often they occur, so an edit that adds no new word
and empties none leaves them alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from briefing.render.search_postings import shard_key

MIN_LENGTH = 4  # the page corrects words of five letters or more, to words at most one shorter
PREFIX = "typos:"  # their key in the build state, beside the term shards'


def eligible(surface: str) -> bool:
    return len(surface) >= MIN_LENGTH and surface.isalpha()


def typo_names(surface: str) -> tuple[str, str]:
    """The two lists a word is in: by its second and third letters, and by its first and third."""
    return "23-" + shard_key(surface[1:3], 0), "13-" + shard_key(surface[0] + surface[2], 0)


def surfaces_of(shard: Mapping[str, Mapping[str, list[int]]] | None) -> set[str]:
    """The words a term shard holds (a phrase pair's surface is "" and is not a word)."""
    return {surface for forms in (shard or {}).values() for surface in forms if surface}


def typo_lists(surfaces: Iterable[str]) -> dict[str, list[str]]:
    """Every list for a whole index: name -> sorted words."""
    lists: dict[str, set[str]] = defaultdict(set)
    for surface in surfaces:
        if eligible(surface):
            for name in typo_names(surface):
                lists[name].add(surface)
    return {name: sorted(words) for name, words in sorted(lists.items())}


def patch_typos(
    get: Callable[[str], list[str] | None], added: Iterable[str], removed: Iterable[str]
) -> tuple[dict[str, list[str]], set[str]]:
    """The lists that words new to the index, or gone from it, change; and those left empty.

    `get` reads a list by name from the last build. A word's shard is fixed by the word,
    so the words a patched shard gained or lost are exactly those the index did.
    """
    changes: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for number, words in enumerate((added, removed)):
        for surface in words:
            if eligible(surface):
                for name in typo_names(surface):
                    changes[name][number].add(surface)
    changed, emptied = {}, set()
    for name, (plus, minus) in sorted(changes.items()):
        words = (set(get(name) or ()) | plus) - minus
        if words:
            changed[name] = sorted(words)
        else:
            emptied.add(name)
    return changed, emptied
