"""The search index: a static, sharded inverted index that needs no server.

Why not Pagefind: on a 10,000-entry digest it took 14 s and 1.3 GB, more than
the whole build may use, and it cannot update one entry. This index is plain
JSON a browser fetches a little of per query (the client is the theme's
`assets/search.js`, which splits, folds and stems a query exactly as `word_terms`
does here; the shipped Snowball stemmers in `snowball/` are the JavaScript
output of the same Snowball release as the `snowballstemmer` package):

    search/meta.json            language, stemmer, stop words, spelling folds, which shards exist
    search/terms/<ab>.json      {stem: {surface word: [code, ...]}} for stems starting "ab"
    search/terms/p<n>.json      {"stem1_stem2": {"": [code, ...]}}: adjacent words, for "phrases"
    search/aliases/<c>.json     {alias key: [[entity, tag slug, type, alias as written]]}
    search/entity/<slug>.json   the ids of the briefings tagged with an entity
    search/type/<type>.json     the ids of the briefings tagged with any entity of a type
    search/dates.json           [[day, first id of that day], ...] for the date filter
    search/docs/<n>.json        [[url, title, day, summary, tags], ...] for ids n*100...
    search/stemmer/*.js         the site language's Snowball stemmer, loaded by the client

Entries get ids oldest first (ids rise with the date, so "newer" is a larger id and
a date range is an id range). A code is `id * 4 + field`: 3 title, 2 tags, 1 summary
or photo caption, 0 body. A term is stored once per entry, in its best field.
The surface words under each stem are what the client offers for typos ("Did you
mean ...?"): the vocabulary ships inside the shards it already fetches and, being
postings, is patched with them on an edit.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache, partial
from itertools import chain, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import snowballstemmer  # type: ignore[import-untyped]

from briefing.render import urls

if TYPE_CHECKING:
    from briefing.site import Site

DOCS_PER_FILE = 100  # rows of ~350 bytes: a page of 20 results fetches a few 35 kB files
FIELDS = ("body", "summary", "tags", "title")  # a code's low two bits index this
SNOWBALL_DIR = Path(__file__).parent / "snowball"

# ISO 639-1 codes (the part of `language` before any "-") to Snowball algorithms.
STEMMERS = {
    "ar": "arabic",
    "hy": "armenian",
    "eu": "basque",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "nl": "dutch",
    "en": "english",
    "eo": "esperanto",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "hi": "hindi",
    "hu": "hungarian",
    "id": "indonesian",
    "ga": "irish",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "no": "norwegian",
    "nb": "norwegian",
    "nn": "norwegian",
    "fa": "persian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "st": "sesotho",
    "es": "spanish",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}

ENGLISH_STOP_WORDS = frozenset(
    """
a an and are as at be been but by for from had has have he her his i in into is it its
of on or our she that the their them there they this to was we were which who will with
would you your not no so if than then also said says after before about over more most
""".split()
)

# British spellings to American ones, for English sites; applied to a word before it is
# stemmed, at index time and (from meta.json) in the browser. Folding both ways into one
# form only matters when two real words would meet, so the rules are anchored to stems
# known to vary: "four" and "hour" keep their "our".
SPELLING_WORDS = {
    "programme": "program",
    "programmes": "programs",
    "grey": "gray",
    "greys": "grays",
    "aluminium": "aluminum",
    "tyre": "tire",
    "tyres": "tires",
    "sceptical": "skeptical",
    "sceptic": "skeptic",
    "sceptics": "skeptics",
    "jewellery": "jewelry",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "manoeuvred": "maneuvered",
    "manoeuvring": "maneuvering",
    "manoeuvrable": "maneuverable",
    "practise": "practice",
    "practised": "practiced",
    "practising": "practicing",
    "ageing": "aging",
    "plough": "plow",
    "draught": "draft",
    "mould": "mold",
    "cheque": "check",
    "cheques": "checks",
    "kerb": "curb",
    "storey": "story",
    "storeys": "stories",
    "anaesthetic": "anesthetic",
    "paediatric": "pediatric",
    "haemorrhage": "hemorrhage",
    "oestrogen": "estrogen",
    "encyclopaedia": "encyclopedia",
    "whilst": "while",
    "amongst": "among",
}
_OUR = "arm|behavi|col|fav|flav|harb|hon|hum|lab|neighb|od|rum|sav|splend|tum|vap|vig|val|endeav|clam|ard|parl|ranc|cand|ferv"
_RE = "cent|fib|lit|met|theat|calib|sab|spect|somb|lust|meag|mit|scept|kilomet|centimet|millimet"
_LL = "travel|model|label|cancel|fuel|signal|level|total|channel|counsel|marshal|rival|dial|equal|pedal|tunnel|shovel|quarrel|jewel|duel|initial|panel|marvel|patrol"
# (pattern, replacement with $1-style groups as JavaScript writes them); the first match of
# each is replaced, in order.
SPELLING_RULES: tuple[tuple[str, str], ...] = (
    (rf"^({_OUR})our", "$1or"),
    (r"^(def|off|pret|lic)ence(s?)$", "$1ense$2"),
    (rf"^({_RE})re(s?)$", "$1er$2"),
    (rf"^({_RE})red$", "$1ered"),
    (rf"^({_RE})ring$", "$1ering"),
    (rf"^({_LL})l(ed|ing|er|ers)$", "$1$2"),
    (r"^(catal|dial|anal|monol|epil|prol)ogue(s?)$", "$1og$2"),
    (r"^(anal|paral|catal|electrol|hydrol)ys(e|es|ed|ing|er|ers)$", "$1yz$2"),
    (r"^(.{3,})is(e|es|ed|ing|er|ers|ation|ations|able)$", "$1iz$2"),
)
_RULES = tuple((re.compile(p), re.sub(r"\$(\d)", r"\\\1", r)) for p, r in SPELLING_RULES)

# Apostrophes and hyphens as typed on phones, pasted from Word or set by typographers.
_PUNCT = str.maketrans(
    {
        **dict.fromkeys(map(ord, "\u2019\u2018\u02bc\u2032\u00b4\uff07"), "'"),
        **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-"),
        ord("\u00ad"): None,  # a soft hyphen is not a hyphen: "defen\u00adce" is "defence"
    }
)
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_JOINER = re.compile(r"[-']")


class Language(NamedTuple):
    """How a site's words become terms: its stemmer (None: no stemming), stop words, spelling."""

    code: str
    stemmer: str | None
    stop_words: frozenset[str]
    english: bool


def language_of(code: str) -> Language:
    """The search language for a `language` key such as "en", "en-GB" or "pt_BR"."""
    base = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    stemmer = STEMMERS.get(base)
    english = base == "en"
    return Language(base, stemmer, ENGLISH_STOP_WORDS if english else frozenset(), english)


def fold(text: str) -> str:
    """Lower case without accents, one apostrophe and one hyphen: "Erdoğan's" is "erdogan's"."""
    if text.isascii():  # no curly apostrophe, dash or accent: most of an English site's text
        return text.casefold()
    text = text.translate(_PUNCT).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    # Nonspacing marks (as the browser's \p{Mn}), found among the text's distinct characters.
    marks = {ord(c): None for c in set(decomposed) if unicodedata.category(c) == "Mn"}
    return decomposed.translate(marks) if marks else decomposed


def respell(word: str) -> str:
    """A British spelling as the American one (defence -> defense, armoured -> armored)."""
    if word in SPELLING_WORDS:
        return SPELLING_WORDS[word]
    for pattern, replacement in _RULES:
        word = pattern.sub(replacement, word, count=1)
    return word


@lru_cache(maxsize=8)
def _stemmer(name: str):
    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=200_000)
def stem(word: str, language: Language) -> str:
    """The term a folded word is indexed under: respelled (English), then Snowball-stemmed.

    Memoised: a site has tens of thousands of distinct words and millions of uses.
    """
    if language.english:
        word = respell(word)
    if language.stemmer is None or not word.isalpha():
        return word
    return _stemmer(language.stemmer).stemWord(word)


class Term(NamedTuple):
    stem: str
    surface: str  # the folded word as written, for "Did you mean" and highlighting


def split_words(text: str, language: Language) -> list[str]:
    """The folded words of a text; an English possessive "'s" dropped."""
    folded = fold(text)
    # The same words as _WORD finds; on ASCII text a narrower class scans a third faster.
    words = (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)
    if language.english and "'s" in folded:
        words = [w[:-2] if w.endswith("'s") else w for w in words]
    return words


def word_terms(word: str, language: Language) -> list[Term]:
    """A folded word's terms: itself, or for "s-400" and "o'brien" the joined form and the parts.

    The client (assets/search.js `wordTerms`) does the same to each query word.
    """
    parts = [p for p in _JOINER.split(word) if p]
    surfaces = ["".join(parts), *parts] if len(parts) > 1 else parts
    found: list[Term] = []
    for i, surface in enumerate(surfaces):
        # A part must be two letters or more and not a stop word; a joined form always counts.
        if (i > 0 or len(parts) == 1) and (len(surface) < 2 or surface in language.stop_words):
            continue
        found.append(Term(stem(surface, language), surface))
    return found


def sequence(text: str, language: Language) -> list[str]:
    """The stems of a text in order, stop words left out: what a quoted phrase must match."""
    out: list[str] = []
    for word in split_words(text, language):
        for part in _JOINER.split(word):
            if part and part not in language.stop_words:
                out.append(stem(part, language))
    return out


class EntryTerms(NamedTuple):
    """An entry's index tokens per field, each a space-separated string (cheap to cache).

    A token is "stem" or "stem:surface" when the surface differs; pairs are "stem_stem".
    """

    title: str
    tags: str
    summary: str
    body: str
    pairs: str


class _WordCache:
    """Per language: each distinct word's index tokens and phrase stems, worked out once.

    An article has a few hundred distinct words in a few thousand uses; a site has tens
    of thousands of distinct words. Stemming each use cost a cold build of 10,000
    entries about a minute of CPU.
    """

    def __init__(self, language: Language) -> None:
        self.language = language
        self.tokens: dict[str, tuple[tuple[Term, str], ...]] = {}
        self.stems: dict[str, tuple[str, ...]] = {}

    def tokens_of(self, word: str) -> tuple[tuple[Term, str], ...]:
        found = self.tokens.get(word)
        if found is None:
            found = tuple(
                (t, t.stem if t.stem == t.surface else f"{t.stem}:{t.surface}")
                for t in word_terms(word, self.language)
            )
            if len(self.tokens) < 500_000:
                self.tokens[word] = found
        return found

    def stems_of(self, word: str) -> tuple[str, ...]:
        found = self.stems.get(word)
        if found is None:
            stop = self.language.stop_words
            found = tuple(stem(p, self.language) for p in _JOINER.split(word) if p and p not in stop)
            if len(self.stems) < 500_000:
                self.stems[word] = found
        return found


_CACHES: dict[Language, _WordCache] = {}


def entry_terms(title: str, tags: Iterable[str], summary: str, body: str, language: Language) -> EntryTerms:
    """The terms of an entry, each in the best field it appears in, and its adjacent pairs."""
    cache = _CACHES.get(language) or _CACHES.setdefault(language, _WordCache(language))
    seen: set[Term] = set()
    fields: list[str] = []
    pairs: set[str] = set()
    for number, text in enumerate((title, "\n".join(tags), summary, body)):
        words = split_words(text, language)
        tokens = set()
        for word in set(words):
            for term, token in cache.tokens_of(word):
                if term not in seen:
                    seen.add(term)
                    tokens.add(token)
        fields.append(" ".join(sorted(tokens)))
        if number != 1:  # tags are names, not running text
            # Looked up once per distinct word, then chained in C: a body has ~600 words.
            by_word = {word: cache.stems_of(word) for word in set(words)}
            stems = list(chain.from_iterable(map(by_word.__getitem__, words)))
            pairs.update(map("_".join, pairwise(stems)))
    title_, tags_, summary_, body_ = fields
    return EntryTerms(title_, tags_, summary_, body_, " ".join(sorted(pairs)))


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
    millions of postings, and each tuple made per posting cost seconds.
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
    keys: dict[str, str] = {}
    for token in sorted(postings):
        stem_, _, surface = token.partition(":")
        key = keys.get(stem_)
        if key is None:
            key = keys[stem_] = shard_key(stem_, buckets)
        shards[key].setdefault(stem_, {})["" if "_" in stem_ else surface or stem_] = postings[token]
    return {
        key: {s: dict(sorted(v.items())) for s, v in sorted(shard.items())}
        for key, shard in sorted(shards.items())
    }


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


class Alias(NamedTuple):
    entity: str
    slug: str
    type: str
    written: str  # the alias as the registry spells it


def alias_key(text: str, language: Language) -> str:
    """An alias, or a run of query words, as one key: its stems joined, separators dropped,
    so "SA-21 Growler", "sa21 growler" and "SA 21 Growler" meet (stop words count here)."""
    stems = []
    for word in split_words(text, language):
        for part in _JOINER.split(word):
            if part:
                stems.append(stem(part, language))
    return "".join(stems)


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


def meta_json(
    count: int,
    language: Language,
    shard_keys: Iterable[str],
    alias_keys: Iterable[str],
    types: Iterable[str],
) -> bytes:
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
            "shards": sorted(shard_keys),
            "aliases": sorted(alias_keys),
            "types": sorted(types),
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


def index_files(site: Site, terms: Mapping[str, tuple]) -> tuple[list[SearchFile], Shards]:
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
    listing = {
        "shards": sorted(shards),
        "aliases": sorted(alias_file_key(c) for c in entities.aliases),
        "types": sorted(entities.types),
    }
    files.append(
        _meta_file(len(oldest_first), language, listing["shards"], listing["aliases"], listing["types"])
    )
    for file, source in stemmer_files(language).items():
        data = source.read_bytes()
        files.append(SearchFile(file, ("stemmer", data), partial(bytes, data)))
    return files, {**shards, LISTING: listing}  # type: ignore[dict-item]


# The build cache's key (beside the shard keys) for which shards, alias files and types exist.
LISTING = "__listing__"


def _meta_file(
    count: int, language: Language, shard_keys: Iterable[str], alias_keys: list[str], types: Iterable[str]
) -> SearchFile:
    keys, types = sorted(shard_keys), sorted(types)
    return SearchFile(
        "search/meta.json",
        ("meta", count, tuple(language), keys, alias_keys, types, SPELLING_RULES),
        partial(meta_json, count, language, keys, alias_keys, types),
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
    put: Shards  # for the build state: shards (and LISTING) the edit changed
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
    listing = dict(read_shard(LISTING) or {})
    keys = set(listing["shards"]) | set(patch.changed)
    keys -= patch.emptied
    listing["shards"] = sorted(keys)
    files = shard_files(patch.changed)
    numbers = {(total - 1 - position[slug]) // DOCS_PER_FILE for slug in shown_elsewhere}
    files += doc_files(site.entries[::-1], only=numbers)
    files.append(_meta_file(total, language, listing["shards"], listing["aliases"], listing["types"]))
    return IndexPatch(
        files,
        sorted(f"search/terms/{key}.json" for key in patch.emptied),
        put={**patch.changed, LISTING: listing},
        deleted=patch.emptied,
    )
