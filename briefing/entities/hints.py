"""Cheap tests of whether a paragraph can hold a text rule's match at all (may_match).

Most paragraphs have no "(", no "-class" and no organisation suffix, and a failed scan of
a long regex at every capital letter is the costly part of the text rules. Most rules
cannot match without one of a few literal words (their cues): one Aho-Corasick pass over
a paragraph finds every rule's cues at once, and each hint then asks a set, where a
substring test per word (dozens per paragraph) cost more than some of the rules.

A hint must admit every text its rule can match: it saves time, never changes a tag. Every
hint is worked out once per paragraph, as the rules all ask: so only rules in use have one
(a rule without a hint may always match).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import itemgetter

import ahocorasick

from briefing.entities import patterns as p

_SUFFIX_WORDS = tuple(
    """Industries Aerospace Dynamics Technolog Company Corporation Shipbuilding Shipyard
Electronics Holdings Agency Directorate Systems Group Arsenal Works Robotics Labs Armaments
Engineering Guard Center Centre Institute Council Commission Bureau Authority Administration
Command Service""".split()
)
_OF_WORDS = tuple(
    f"{word} of " for word in "Ministry Presidency Department Directorate Agency Office".split()
)
# The firm words as they stand (the rule is case-sensitive).
_FIRM_WORDS = tuple(p.FIRM_WORDS.split("|"))
_OWNER_CUES = tuple(
    f"{word}, "
    for word in "operator owner manager builder maker manufacturer contractor developer supplier "
    "shipyard insurer".split()
)
_SAID_AFTER_WORDS = ("said", "says", "added", "according to")
_KIND_AFTER_CUES = (", a ", ", an ", ", the ")

_COMMA_CAPITAL = re.compile(r", [A-ZÀ-ÖØ-ÞĀ-ž]")  # capitals with accents too ("Ángel")
_ROLE_NOUN = re.compile(rf"\b(?:{p.ROLE_NOUNS})\b")


def _role_apposition_hint(text: str) -> bool:
    """A role noun in the 100 characters before some ", Capital": the few commas are
    found first, so the role words are only looked for near them."""
    for match in _COMMA_CAPITAL.finditer(text):
        if _ROLE_NOUN.search(text, max(0, match.start() - 100), match.start()):
            return True
    return False


_DESCRIBED_WORDS = re.compile(
    rf"(?<![\w-])(?:{p.FIRM_WORDS})(?:,?\s+(?:known as|called|named|calling itself|dubbed))?\s+[A-Z]"
)


def _described_at_cue(text: str, found: frozenset[str]) -> bool:
    """_DESCRIBED_WORDS.search(text), tried only where one of its firm words starts: it
    can match nowhere else, and a search tried its lookbehind at every character."""
    for word in found.intersection(_FIRM_WORDS):  # the order does not matter: any will do
        at = text.find(word)
        while at >= 0:
            if _DESCRIBED_WORDS.match(text, at):  # the lookbehind still sees text[at - 1]
                return True
            at = text.find(word, at + 1)
    return False


_KIND_AFTER_WORDS = re.compile(rf", (?:a|an|the) (?:[\w'’-]+ ){{0,4}}?(?:{p.KIND_WORDS})\b")

# A rule's hint: the cues it needs (one of them), then, if not None, a test of the text
# (and its cues) those let through; or a test alone; or lower-case words looked for in the
# lower-cased text (for a rule that ignores case).
_Then = Callable[[str, frozenset[str]], object]
_Hint = tuple[tuple[str, ...], _Then | None] | Callable[[str], bool] | tuple[str, ...]
_HINTS: dict[re.Pattern[str], _Hint] = {
    p.STATE_BODY: ("ministry", "army", "navy", "air force", "armed forces", "coast guard"),
    p.ORG_DESCRIBED: (_FIRM_WORDS, _described_at_cue),
    p.ORG_KIND_AFTER: (_KIND_AFTER_CUES, lambda text, _found: _KIND_AFTER_WORDS.search(text)),
    p.ORG_ROLE_APPOSITION: (_OWNER_CUES, None),
    p.HEAD_OF: (("head of",), None),
    p.ROLE_APPOSITION: _role_apposition_hint,
    p.SAID_AFTER: (_SAID_AFTER_WORDS, None),
    p.ACRONYM_AFTER: ((" (",), None),
    p.ORG_SUFFIX: (_SUFFIX_WORDS, None),
    p.ORG_OF: (_OF_WORDS, None),
    p.SHIP_CLASS: (("-class",), None),
}


def _cue_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for hint in _HINTS.values():
        if isinstance(hint, tuple) and isinstance(hint[0], tuple):
            for cue in hint[0]:
                automaton.add_word(cue, cue)
    automaton.make_automaton()
    return automaton


_CUES = _cue_automaton()
_CUE_OF = itemgetter(1)


def _test(hint: _Hint) -> Callable[[str, frozenset[str]], object]:
    """A hint as one function of the text and its cues, built once."""
    if callable(hint):
        alone = hint
        return lambda text, _found: alone(text)
    if isinstance(hint[0], str):  # lower-case words, any case in the text
        words: tuple[str, ...] = hint

        def any_case(text: str, _found: frozenset[str]) -> bool:
            lowered = text.lower()
            return any(word in lowered for word in words)

        return any_case
    needed, then = frozenset(hint[0]), hint[1]
    if then is None:
        return lambda _text, found: not found.isdisjoint(needed)
    return lambda text, found: not found.isdisjoint(needed) and bool(then(text, found))


# By id: hashing a compiled pattern hashes its whole code, microseconds per call.
_TESTS = [(id(regex), _test(hint)) for regex, hint in _HINTS.items()]
_HINTED = frozenset(rule for rule, _ in _TESTS)
# The last paragraph's cues and the rules it may hold: the rules ask about the same
# paragraph a dozen times in a row, and every hint is asked once per paragraph.
_last: tuple[str | None, frozenset[str], frozenset[int]] = (None, frozenset(), frozenset())


def cues(text: str) -> frozenset[str]:
    """The cue words in a text (every occurrence of every cue, overlapping ones too)."""
    return frozenset(map(_CUE_OF, _CUES.iter(text)))  # (end, cue) pairs: map in C, no generator


def _possible(text: str) -> frozenset[int]:
    """The rules (by id) whose hints let the text through, worked out once per text."""
    global _last
    last = _last
    if last[0] is not text:
        found = cues(text)
        last = (text, found, frozenset(rule for rule, test in _TESTS if test(text, found)))
        _last = last
    return last[2]


def may_match(regex: re.Pattern[str], text: str) -> bool:
    """False when `regex` cannot match `text` (a quick test before the real scan)."""
    rule = id(regex)
    return rule not in _HINTED or rule in _possible(text)
