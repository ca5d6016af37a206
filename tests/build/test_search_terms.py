"""The search terms of a text, as the index stores them and the client splits queries."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.render.search import STOP_WORDS, terms_of


def plain_terms(text: str) -> set[str]:
    """The rule written plainly: case- and accent-folded words; a hyphenated or apostrophe
    word also as its parts (longer than one letter, not stop words) and joined."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )
    found = set()
    for word in re.findall(r"[^\W_]+(?:[-'][^\W_]+)*", folded):
        parts = re.split(r"[-']", word)
        if len(parts) > 1:
            found.add("".join(parts))
        found.update(p for p in parts if len(p) > 1 and p not in STOP_WORDS)
    return found


def test_examples():
    assert terms_of("Erdoğan's S-400 arrived") == {"erdogan", "erdogans", "s400", "400", "arrived"}
    assert terms_of("The X-ray of it") == {"xray", "ray"}
    assert terms_of("snake_case 12_3") == {"snake", "case", "12"}
    # Folded before it is split, as the client folds a query: the dotted capital I folds to
    # "i" and a combining dot, and a decomposed accent is a mark of its own.
    assert terms_of("İstanbul") == {"istanbul"}
    assert terms_of("cafe\u0301 Zu\u0308rich") == {"cafe", "zurich"}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*"aZ09 -'_.,é\u212aßİﬁ\n", "the", "S-400"]), max_size=60).map("".join))
def test_terms_follow_the_plain_rule(text):
    assert terms_of(text) == plain_terms(text)
