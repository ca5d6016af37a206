"""Search words: how text becomes index terms, the same at build time and in the browser.

The site's `language` picks a Snowball stemmer (`snowballstemmer` here; the theme's
`assets/search.js` runs the Snowball project's JavaScript of the same release, shipped
in `snowball/`), English stop words and British-to-American spelling folds. A word is
folded (case, accents, apostrophe and dash variants), an English possessive dropped,
split at hyphens and apostrophes ("s-400" is "s400" and its parts), respelled and
stemmed. search.js mirrors every function here; a test feeds the same words to both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, pairwise
from typing import NamedTuple

import snowballstemmer  # type: ignore[import-untyped]

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
# A word no rule matches is left as it is; the first rule to change a word must match it as
# written, so one scan of the word for all of them decides (most words match none).
_ANY_RULE = re.compile("|".join(f"(?:{p})" for p, _ in SPELLING_RULES))

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
    if _ANY_RULE.search(word) is None:
        return word
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


class _Tokens(dict):
    """Per language: each distinct word's index tokens, worked out on first use.

    A token is "stem" or "stem:surface"; neither part holds a ":", so a token stands for
    exactly one Term and the tokens of an entry can be deduplicated as strings, in C.
    """

    def __init__(self, language: Language) -> None:
        super().__init__()
        self.language = language

    def __missing__(self, word: str) -> tuple[str, ...]:
        found = tuple(
            t.stem if t.stem == t.surface else f"{t.stem}:{t.surface}"
            for t in word_terms(word, self.language)
        )
        if len(self) < _CACHE_WORDS:
            self[word] = found
        return found


class _Stems(dict):
    """Per language: each distinct word's phrase stems (stop words left out), on first use."""

    def __init__(self, language: Language) -> None:
        super().__init__()
        self.language = language

    def __missing__(self, word: str) -> tuple[str, ...]:
        stop = self.language.stop_words
        found = tuple(stem(p, self.language) for p in _JOINER.split(word) if p and p not in stop)
        if len(self) < _CACHE_WORDS:
            self[word] = found
        return found


# An article has a few hundred distinct words in a few thousand uses; a site has tens of
# thousands of distinct words. Stemming each use cost a cold build of 10,000 entries about
# a minute of CPU; looking each use up in Python, seconds: the lookups below run in C.
_CACHE_WORDS = 500_000
_CACHES: dict[Language, tuple[_Tokens, _Stems]] = {}


def entry_terms(title: str, tags: Iterable[str], summary: str, body: str, language: Language) -> EntryTerms:
    """The terms of an entry, each in the best field it appears in, and its adjacent pairs."""
    caches = _CACHES.get(language) or _CACHES.setdefault(language, (_Tokens(language), _Stems(language)))
    tokens_of, stems_of = caches[0].__getitem__, caches[1].__getitem__
    seen: set[str] = set()
    fields: list[str] = []
    pairs: set[str] = set()
    for number, text in enumerate((title, "\n".join(tags), summary, body)):
        words = split_words(text, language)
        distinct = set(words)
        tokens = set(chain.from_iterable(map(tokens_of, distinct)))
        tokens -= seen
        seen |= tokens
        fields.append(" ".join(sorted(tokens)))
        if number != 1:  # tags are names, not running text
            stems = list(chain.from_iterable(map(stems_of, words)))
            pairs.update(map("_".join, pairwise(stems)))
    title_, tags_, summary_, body_ = fields
    return EntryTerms(title_, tags_, summary_, body_, " ".join(sorted(pairs)))


def alias_key(text: str, language: Language) -> str:
    """An alias, or a run of query words, as one key: its stems joined, separators dropped,
    so "SA-21 Growler", "sa21 growler" and "SA 21 Growler" meet (stop words count here)."""
    stems = []
    for word in split_words(text, language):
        for part in _JOINER.split(word):
            if part:
                stems.append(stem(part, language))
    return "".join(stems)
