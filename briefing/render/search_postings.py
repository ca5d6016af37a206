"""Search postings: the term shards a query fetches, built whole or patched for an edit.

A code is `id * 4 + field` (3 title, 2 tags, 1 summary or caption, 0 body); each
stem keeps its surface words apart, so the shards are also the typo vocabulary.
Adjacent-word pairs ("stem_stem") live in hash-bucketed shards for quoted phrases.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import NamedTuple

from briefing.render.search_words import EntryTerms

Shards = dict[str, dict[str, dict[str, list[int]]]]  # shard key -> stem -> surface -> codes


def pair_buckets(count: int) -> int:
    """How many pair shards: about eight entries' pairs each, a power of two from 16 to 4096."""
    buckets = 16
    while buckets < 4096 and buckets * 8 < count:
        buckets *= 2
    return buckets


def pair_hash(text: str) -> int:
    """CRC-32 of the UTF-8 bytes (zlib's, in C), as assets/search.js computes it."""
    return zlib.crc32(text.encode("utf-8"))


def shard_key(stem: str, buckets: int) -> str:
    """The shard file a stem lives in: a pair's hash bucket, or its first two characters."""
    if "_" in stem:
        return f"p{pair_hash(stem) % buckets}"
    head = stem[:2]
    if head.isascii():
        return head
    return "x" + "-".join(f"{ord(c):x}" for c in head)


def postings_of(terms: EntryTerms) -> list[tuple[str, str, int]]:
    """(stem, surface, field) for each token of an entry; a pair's surface is ""."""
    out = []
    for field, text in enumerate((terms.body, terms.summary, terms.tags, terms.title)):
        for token in text.split():
            stem_, _, surface = token.partition(":")
            out.append((stem_, surface or stem_, field))
    out += [(pair, "", 0) for pair in terms.pairs.split()]
    return out


def build_shards(docs: list[EntryTerms]) -> Shards:
    """Term shards from each entry's terms, in id order (so every code list is sorted).

    Keyed by the cached token strings themselves until the end: a 10,000-entry site has
    millions of postings, and each tuple made per posting cost seconds. The shards are
    filled in sorted order, so no dict is sorted again: most tokens are word pairs, each
    its own stem, and re-sorting them one by one cost more than inverting the index.
    """
    buckets = pair_buckets(len(docs))
    postings: dict[str, list[int]] = defaultdict(list)
    for doc_id, terms in enumerate(docs):
        base = doc_id * 4
        for field, text in (
            (0, terms.body),
            (1, terms.summary),
            (2, terms.tags),
            (3, terms.title),
            (0, terms.pairs),
        ):
            code = base + field
            for token in text.split():
                postings[token].append(code)
    shards: Shards = defaultdict(dict)
    words: list[tuple[str, str, str]] = []
    for token in sorted(postings):
        if "_" in token:  # a pair: its own stem, with one surface, ""
            shards[f"p{pair_hash(token) % buckets}"][token] = {"": postings[token]}
        else:
            stem_, _, surface = token.partition(":")
            words.append((stem_, surface or stem_, token))
    words.sort()
    paired = set(shards)
    mixed: set[str] = set()  # a word's shard named as a pair's ("p1" for "p1000"): sorted at the end
    key = last = ""
    for stem_, surface, token in words:
        if stem_ != last:
            key, last = shard_key(stem_, buckets), stem_
            if key in paired:
                mixed.add(key)
        shards[key].setdefault(stem_, {})[surface] = postings[token]
    return {key: dict(sorted(shards[key].items())) if key in mixed else shards[key] for key in sorted(shards)}


class Patch(NamedTuple):
    """The shards an edit changed (key -> new content) and those it left empty."""

    changed: Shards
    emptied: set[str]


def patch_shards(
    get: Callable[[str], dict | None],
    edits: Iterable[tuple[int, EntryTerms | None, EntryTerms]],
    count: int,
) -> Patch:
    """Patch only the postings that differ between each edited entry's old and new terms.

    `edits` holds (id, old terms, new terms); ids do not move because no date or slug
    changed. Most edits change a few words, and every shard touched is a file to write.
    """
    buckets = pair_buckets(count)
    patched: Shards = {}

    def shard_of(stem_: str) -> dict[str, dict[str, list[int]]]:
        key = shard_key(stem_, buckets)
        if key not in patched:
            patched[key] = {s: dict(v) for s, v in (get(key) or {}).items()}
        return patched[key]

    for doc_id, old, new in edits:
        before = {(s, w, doc_id * 4 + f) for s, w, f in postings_of(old)} if old else set()
        after = {(s, w, doc_id * 4 + f) for s, w, f in postings_of(new)}
        for stem_, surface, code in sorted(before - after):
            shard = shard_of(stem_)
            codes = [c for c in shard.get(stem_, {}).get(surface, ()) if c != code]
            if codes:
                shard[stem_][surface] = codes
            else:
                shard.get(stem_, {}).pop(surface, None)
                if not shard.get(stem_):
                    shard.pop(stem_, None)
        for stem_, surface, code in sorted(after - before):
            shard = shard_of(stem_)
            codes = sorted({*shard.setdefault(stem_, {}).get(surface, ()), code})
            shard[stem_][surface] = codes
    changed = {
        key: {s: dict(sorted(v.items())) for s, v in sorted(shard.items())}
        for key, shard in patched.items()
        if shard
    }
    return Patch(changed, {key for key, shard in patched.items() if not shard})
