"""The tagger's shortcuts give what the slow forms they skip would give.

Each shortcut (a substring test before a regex, a byte table for a substitution) is
only right while its premise holds; these tests check the premises, not examples.
"""

from __future__ import annotations

import random
import re

import pytest

from briefing.entities import patterns as p
from briefing.entities.article import _CREDIT, FOLDS_TO_ASCII, strip_credit
from briefing.entities.normalise import _NON_ASCII, _NOT_WORD, _SPELLING, _TABLE, _british, _fold_char, fold


def test_only_the_listed_characters_match_ascii_letters_ignoring_case():
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = [chr(c) for c in range(0x80, 0x110000) if letter.fullmatch(chr(c))]
    assert "".join(found) == FOLDS_TO_ASCII


def _slow_fold(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text.translate(_TABLE)
    elif not lowered.isascii():
        lowered = _NON_ASCII.sub(_fold_char, lowered)
    return _SPELLING.sub(_british, _NOT_WORD.sub(" ", lowered))


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Department of Defense's organization, Erdoğan & co. (S-400)",
        "İstanbul DEFENSES organized_defense ſ K Ørsted – “quoted” 中 😀",
        "Photo: Jane Doe",
        "Seen in a pıcture (İmage credit - X)",
        "(Picture source: Navy) The ship sailed.",
    ],
)
def test_shortcuts_give_the_slow_forms(text):
    assert fold(text) == _slow_fold(text)
    assert strip_credit(text) == _CREDIT.sub(" ", text).strip()


def _plain(pattern: str) -> re.Pattern[str]:
    """A rule written the plain way: its word-start check as a lookbehind before it."""
    pattern = pattern.replace(p._STARTS_WORD, "", 1)
    return re.compile(r"(?<![\w'’.&-])" + pattern)


_PLAIN = {
    "NAME_RUN": _plain(p.NAME_RUN.pattern),
    "STATE_BODY": _plain(p.STATE_BODY.pattern),
    "ACRONYM_AFTER": _plain(p.ACRONYM_AFTER.pattern),
    "ORG_KIND_AFTER": _plain(p.ORG_KIND_AFTER.pattern),
    "ORG_SUFFIX": _plain(p.ORG_SUFFIX.pattern),
    "WEAPON": re.compile(
        rf"(?<![\w-])(?P<name>{p.DESIGNATION})(?![\w-])"
        rf"(?:\s+[A-Z][a-z]+){{0,2}}(?:\s+[a-z][\w-]*){{0,3}}?\s+(?:{p.SYSTEM_WORDS})\b"
    ),
}
_WORDS = (
    "The Ministry of Defence Jan Novak said Lockheed Martin Aerospace Industries (LMI) Romania's "
    "army navy air force Type 26 frigates Su-57 fighters & and of the Company , . ' ’ - bin al Chief "
    "R. Électricité Ángel Group firm Z-class Technology Engineering for Institute 12 O'Brien 055 "
    "F-16V HQ-9B K2 9M723 2A7 jets systems A400M a an"
).split(" ")


def test_rules_that_skip_to_a_capital_match_as_written_plainly():
    rnd = random.Random(16)
    separators = [" ", " ", " ", "\n", "-", ".", "'", "’", "&", ", ", "  ", ""]
    texts = [
        "".join(rnd.choice(_WORDS) + rnd.choice(separators) for _ in range(rnd.randint(1, 14)))
        for _ in range(3000)
    ]
    for name, plain in _PLAIN.items():
        fast = getattr(p, name)
        for text in texts:
            got = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text)], (name, text)


def test_the_firm_word_hint_tried_at_its_words_is_the_search():
    from briefing.entities.hints import _DESCRIBED_WORDS, _described_at_cue, cues

    rnd = random.Random(61)
    words = ["firm", "company", "maker", "group", "start-up", "think tank", "Acme", "called", "x", "-", "A"]
    separators = [" ", " ", ", ", "-", "", "\n", ",  "]
    for _ in range(5000):
        text = "".join(rnd.choice(words) + rnd.choice(separators) for _ in range(rnd.randint(1, 8)))
        assert _described_at_cue(text, cues(text)) == (_DESCRIBED_WORDS.search(text) is not None), text
