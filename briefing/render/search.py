"""The search index: a static, sharded inverted index that needs no server.

Why not Pagefind: on a 10,000-entry digest it took 14 s and 1.3 GB, more than
the whole build may use, and it cannot update one entry. This index is plain
JSON a browser fetches a little of per query (the client is the theme's
`assets/search.js`, which splits, folds and stems a query exactly as
`search_words` does; `search_postings` builds and patches the term shards):

    search/meta.json            language, stemmer, stop words, spelling folds, which shards exist
    search/terms/<ab>.json      {stem: {surface word: [code, ...]}} for stems starting "ab"
    search/terms/p<n>.json      {"stem1_stem2": {"": [code, ...]}}: adjacent words, for "phrases"
    search/aliases/<c>.json     {alias key: [[entity, tag slug, type, alias as written]]}
    search/entity/<slug>.json   the ids of the briefings tagged with an entity
    search/type/<type>.json     the ids of the briefings tagged with any entity of a type
    search/dates.json           [[day, first id of that day], ...] for the date filter
    search/docs/<n>.json        [[url, title, day, summary, tags], ...] for ids n*100...
    search/typos/<nn-ab>.json   [word, ...]: the words by their 2nd-3rd or 1st-3rd letters
    search/stemmer/*.js         the site language's Snowball stemmer, loaded by the client

Entries get ids oldest first (ids rise with the date, so "newer" is a larger id and
a date range is an id range). A code is `id * 4 + field`: 3 title, 2 tags, 1 summary
or photo caption, 0 body. A term is stored once per entry, in its best field.
The surface words under each stem are what the client offers for typos ("Did you
mean ...?"): the vocabulary ships inside the shards it already fetches and, being
postings, is patched with them on an edit. A typo in a word's first two letters is
looked up in `search_typos`' lists instead, which an edit patches when it adds or
empties a word.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefing.render import urls
from briefing.render.search_postings import Shards, build_shards, pair_buckets, patch_shards, shard_key
from briefing.render.search_typos import PREFIX as TYPOS
from briefing.render.search_typos import patch_typos, surfaces_of, typo_lists
from briefing.render.search_words import (
    SPELLING_RULES,
    SPELLING_WORDS,
    EntryTerms,
    Language,
    alias_key,
    entry_terms,
    language_of,
    split_words,
    word_terms,
)

if TYPE_CHECKING:
    from briefing.site import Site

# The names other modules and the tests use, wherever they live now.
__all__ = [
    "EntryTerms",
    "SearchFile",
    "build_shards",
    "changed_index_files",
    "entry_terms",
    "index_files",
    "language_of",
    "patch_shards",
    "shard_key",
    "split_words",
    "word_terms",
]

DOCS_PER_FILE = 100  # rows of ~350 bytes: a page of 20 results fetches a few 35 kB files
FIELDS = ("body", "summary", "tags", "title")  # a code's low two bits index this
SNOWBALL_DIR = Path(__file__).parent / "snowball"


class Alias(NamedTuple):
    entity: str
    slug: str
    type: str
    written: str  # the alias as the registry spells it


class EntityIndex(NamedTuple):
    aliases: dict[str, dict[str, list[list[str]]]]  # first character of key -> key -> [Alias fields]
    entities: dict[str, list[int]]  # tag slug -> ids
    types: dict[str, list[int]]  # entity type -> ids


class TagInfo(NamedTuple):
    name: str
    slug: str
    type: str
    aliases: tuple[str, ...]
    ids: list[int]


def entity_index(tags: Iterable[TagInfo], language: Language) -> EntityIndex:
    """Every tag's names (the registry's aliases, weak ones too) as keys a query can hit."""
    aliases: dict[str, dict[str, list[Alias]]] = defaultdict(lambda: defaultdict(list))
    entities: dict[str, list[int]] = {}
    types: dict[str, set[int]] = defaultdict(set)
    for tag in sorted(tags, key=lambda t: t.slug):
        entities[tag.slug] = sorted(tag.ids)
        types[tag.type].update(tag.ids)
        for written in dict.fromkeys((tag.name, *tag.aliases)):
            key = alias_key(written, language)
            if key:
                found = aliases[key[0]][key]
                if all(a.slug != tag.slug for a in found):
                    found.append(Alias(tag.name, tag.slug, tag.type, written))
    shards = {
        char: {key: [list(a) for a in sorted(found)] for key, found in sorted(keys.items())}
        for char, keys in sorted(aliases.items())
    }
    return EntityIndex(shards, entities, {t: sorted(ids) for t, ids in sorted(types.items())})


def alias_file_key(char: str) -> str:
    """The file an alias shard is written to: its first character, hex-coded unless [a-z0-9]."""
    return char if re.fullmatch(r"[a-z0-9]", char) else f"x{ord(char):x}"


def compact(data: object) -> bytes:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, sort_keys=False).encode("utf-8")


def meta_json(count: int, language: Language, listing: Mapping[str, list[str]]) -> bytes:
    """What the client reads first: how to treat words, and which files exist (so none 404s)."""
    return compact(
        {
            "count": count,
            "docs_per_file": DOCS_PER_FILE,
            "language": language.code,
            "stemmer": language.stemmer,
            "stop_words": sorted(language.stop_words),
            "spelling": {"words": SPELLING_WORDS, "rules": SPELLING_RULES} if language.english else None,
            "pair_buckets": pair_buckets(count),
            "shards": listing["shards"],
            "aliases": listing["aliases"],
            "types": listing["types"],
            "typos": listing["typos"],
        }
    )


def stemmer_files(language: Language) -> dict[str, Path]:
    """The Snowball JavaScript the client imports for the site's language (none without one)."""
    if language.stemmer is None:
        return {}
    return {
        "search/stemmer/base-stemmer.js": SNOWBALL_DIR / "base-stemmer.js",
        f"search/stemmer/{language.stemmer}-stemmer.js": SNOWBALL_DIR / f"{language.stemmer}-stemmer.js",
        "search/stemmer/COPYING.txt": SNOWBALL_DIR / "COPYING",
    }


def dates_of(days: list[str]) -> list[list]:
    """[[day, first id], ...] from each id's day (ids rise with the date)."""
    out: list[list] = []
    for doc_id, day in enumerate(days):
        if not out or out[-1][0] != day:
            out.append([day, doc_id])
    return out


class SearchFile(NamedTuple):
    """One file of the index: where, the parts its fingerprint is made of, how to make it."""

    file: str
    parts: tuple
    make: Callable[[], bytes]


def shard_files(shards: Mapping[str, dict]) -> list[SearchFile]:
    return [
        SearchFile(f"search/terms/{key}.json", ("terms", shard), partial(compact, shard))
        for key, shard in sorted(shards.items())
    ]


def typo_files(lists: Mapping[str, list[str]]) -> list[SearchFile]:
    return [
        SearchFile(f"search/typos/{name}.json", ("typos", words), partial(compact, words))
        for name, words in sorted(lists.items())
    ]


def _tag_infos(site: Site, ids: Mapping[str, int]) -> list[TagInfo]:
    infos = []
    for tag in site.tags.values():
        entity = site.registry.get(tag.name) if site.registry is not None else None
        # Weak aliases ("Growler") and people's surnames ("Erdogan") find the entity too: a
        # reader typing one means it far more often than the word.
        names = (*entity.aliases, *entity.weak, *entity.surnames) if entity is not None else ()
        if tag.group == "people":
            names = (*names, *(name.split()[-1] for name in (tag.name, *names) if " " in name))
        infos.append(TagInfo(tag.name, tag.slug, tag.group, names, [ids[e.slug] for e in tag.entries]))
    return infos


def _doc_rows(entries: list) -> list[list]:
    return [[urls.entry(e.slug), e.title, e.day.isoformat(), e.summary, list(e.tags)] for e in entries]


def index_files(site: Site, terms: Mapping[str, tuple]) -> tuple[list[SearchFile], dict[str, object]]:
    """Every file of the index for a full build, and what the build cache keeps for an edit:
    the term shards, and under LISTING the names of the shards, alias files and types."""
    language = language_of(site.config.language)
    oldest_first = site.entries[::-1]
    ids = {e.slug: i for i, e in enumerate(oldest_first)}
    shards = build_shards([EntryTerms(*terms[e.slug]) for e in oldest_first])
    entities = entity_index(_tag_infos(site, ids), language)
    files = shard_files(shards)
    files += [
        SearchFile(f"search/aliases/{alias_file_key(c)}.json", ("aliases", keys), partial(compact, keys))
        for c, keys in entities.aliases.items()
    ]
    files += [
        SearchFile(f"search/entity/{slug}.json", ("entity", found), partial(compact, found))
        for slug, found in entities.entities.items()
    ]
    files += [
        SearchFile(f"search/type/{kind}.json", ("type", found), partial(compact, found))
        for kind, found in entities.types.items()
    ]
    dates = dates_of([e.day.isoformat() for e in oldest_first])
    files.append(SearchFile("search/dates.json", ("dates", dates), partial(compact, dates)))
    files += doc_files(oldest_first)
    typos = typo_lists({s for shard in shards.values() for s in surfaces_of(shard)})
    files += typo_files(typos)
    listing = {
        "shards": sorted(shards),
        "aliases": sorted(alias_file_key(c) for c in entities.aliases),
        "types": sorted(entities.types),
        "typos": sorted(typos),
    }
    files.append(_meta_file(len(oldest_first), language, listing))
    for file, source in stemmer_files(language).items():
        data = source.read_bytes()
        files.append(SearchFile(file, ("stemmer", data), partial(bytes, data)))
    kept: dict[str, object] = {**shards, **{TYPOS + n: words for n, words in typos.items()}, LISTING: listing}
    return files, kept


# The build cache's key (beside the shard keys) for which shards, alias files and types exist.
LISTING = "__listing__"


def _meta_file(count: int, language: Language, listing: Mapping[str, list[str]]) -> SearchFile:
    keys = ("shards", "aliases", "types", "typos")
    return SearchFile(
        "search/meta.json",
        ("meta", count, tuple(language), *(listing[k] for k in keys), SPELLING_RULES),
        partial(meta_json, count, language, listing),
    )


def doc_files(oldest_first: list, only: set[int] | None = None) -> list[SearchFile]:
    files = []
    for start in range(0, len(oldest_first), DOCS_PER_FILE):
        number = start // DOCS_PER_FILE
        if only is not None and number not in only:
            continue
        rows = _doc_rows(oldest_first[start : start + DOCS_PER_FILE])
        files.append(SearchFile(f"search/docs/{number}.json", ("docs", rows), partial(compact, rows)))
    return files


class IndexPatch(NamedTuple):
    files: list[SearchFile]
    emptied: list[str]  # files an edit left empty, to remove
    put: dict[str, object]  # for the build state: shards, typo lists and LISTING the edit changed
    deleted: set[str]  # and shards it emptied


def changed_index_files(
    site: Site,
    terms: Mapping[str, tuple],
    previous_terms: Callable[[str], tuple | None],
    previous_digests: Mapping[str, str],
    read_shard: Callable[[str], dict | None],
    changed: Iterable[str],
    shown_elsewhere: Iterable[str],
) -> IndexPatch:
    """The index files an edit reaches when no slug, date or tag changed: patched term shards,
    the docs files of entries whose card changed, and meta.json (which lists the shards).

    `previous_terms` and `read_shard` read the last build's state (entry digest -> terms,
    shard key -> shard); the shards to keep for the next build come back in the patch.
    """
    language = language_of(site.config.language)
    total = len(site.entries)
    position = {e.slug: i for i, e in enumerate(site.entries)}
    edits = []
    for slug in changed:
        old = previous_terms(previous_digests[slug]) if slug in previous_digests else None
        edits.append(
            (total - 1 - position[slug], EntryTerms(*old) if old else None, EntryTerms(*terms[slug]))
        )
    patch = patch_shards(read_shard, edits, total)
    typos, no_typos = _patched_typos(read_shard, patch.changed, patch.emptied)
    listing = dict(read_shard(LISTING) or {})
    listing["shards"] = sorted((set(listing["shards"]) | set(patch.changed)) - patch.emptied)
    listing["typos"] = sorted((set(listing["typos"]) | set(typos)) - no_typos)
    files = shard_files(patch.changed) + typo_files(typos)
    numbers = {(total - 1 - position[slug]) // DOCS_PER_FILE for slug in shown_elsewhere}
    files += doc_files(site.entries[::-1], only=numbers)
    files.append(_meta_file(total, language, listing))
    return IndexPatch(
        files,
        sorted(
            [f"search/terms/{key}.json" for key in patch.emptied]
            + [f"search/typos/{name}.json" for name in no_typos]
        ),
        put={**patch.changed, **{TYPOS + name: words for name, words in typos.items()}, LISTING: listing},
        deleted=patch.emptied | {TYPOS + name for name in no_typos},
    )


def _patched_typos(
    read_shard: Callable[[str], dict | None], changed: Shards, emptied: set[str]
) -> tuple[dict[str, list[str]], set[str]]:
    """The typo lists that the words a patch added to the index, or emptied from it, change."""
    added: set[str] = set()
    removed: set[str] = set()
    for key in sorted({*changed, *emptied}):
        before, after = surfaces_of(read_shard(key)), surfaces_of(changed.get(key))
        added |= after - before
        removed |= before - after
    return patch_typos(lambda name: read_shard(TYPOS + name), added, removed)  # type: ignore[arg-type,return-value]
