"""The tagger's shortcuts give what the slow forms they skip would give.

Each shortcut (a substring test before a regex, a byte table for a substitution) is
only right while its premise holds; these tests check the premises, not examples.
"""

from __future__ import annotations

import re

import pytest

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
