"""The summary: the lede's first one or two sentences, at most about 220 characters, plain text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_support import ingest, only_entry

from briefing.ingest.summary import MAX_SUMMARY, summarise

LIMIT = 220


def test_limit_is_about_220():
    assert 200 <= MAX_SUMMARY <= LIMIT


def test_two_short_sentences_are_both_kept_and_the_third_is_not():
    lede = "The navy ordered six frigates. The first is due in 2028. A third sentence follows."
    assert summarise(lede) == "The navy ordered six frigates. The first is due in 2028."


def test_second_sentence_is_dropped_when_both_do_not_fit():
    first = "The navy ordered six frigates on Monday."
    second = "It said " + "the ships will be built in two yards over a decade " * 4 + "at a cost of billions."
    assert summarise(f"{first} {second}") == first


def test_abbreviations_do_not_end_a_sentence():
    lede = "Gen. Smith said the U.S. Army will buy No. 5 tanks. Officials agreed. Then more."
    assert summarise(lede) == "Gen. Smith said the U.S. Army will buy No. 5 tanks. Officials agreed."


def test_decimal_numbers_do_not_end_a_sentence():
    assert summarise("The deal is worth 3.5 billion. More later. Even more.") == (
        "The deal is worth 3.5 billion. More later."
    )


def test_long_first_sentence_is_cut_at_a_word_with_an_ellipsis():
    lede = (
        "There are no military or political restrictions for the joint production of S-400 "
        "(NATO code: SA-21 Growler) air defense missile systems with Turkey or the transfer of "
        "the relevant technologies, Russian President Vladimir Putin said after the talks."
    )
    summary = summarise(lede)
    assert len(summary) <= LIMIT
    assert summary.endswith("…")
    kept = summary.removesuffix("…")
    assert lede.startswith(kept)
    assert not lede[len(kept)].isalnum(), f"cut mid-word: {kept[-15:]!r}|{lede[len(kept) :][:10]!r}"


words = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éüß-'", min_size=1, max_size=14
)
sentence_end = st.sampled_from([".", "!", "?", ",", ";", "", '."', ".”", ")"])


@st.composite
def ledes(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 80))):
        parts.append(draw(words) + draw(sentence_end))
    return " ".join(parts)


@settings(max_examples=200, deadline=None)
@given(ledes())
def test_summary_is_short_whole_words_from_the_start_of_the_lede(lede):
    summary = summarise(lede)
    assert summary, lede
    assert len(summary) <= LIMIT
    kept = summary.removesuffix("…")
    assert lede.startswith(kept), (lede, summary)
    rest = lede[len(kept) :]
    if rest:
        assert not (kept[-1].isalnum() and rest[0].isalnum()), f"cut mid-word: {kept[-12:]!r}|{rest[:12]!r}"
    else:
        assert summary == kept, "an ellipsis although nothing was cut"


@pytest.mark.parametrize(
    "lede",
    [
        "The *Admiral Kuznetsov* left port with [escorts](x) and _two_ <b>tugs</b> & more. Next.",
        "# 1. Ships > planes, `said` one \\ official. Then he left.",
    ],
)
def test_summary_in_front_matter_is_plain_text_not_markdown(seeds, lede):
    root = seeds({"a.txt": f"Carrier leaves port\n\n{lede}\n\nSecond paragraph.\n"})
    assert ingest(root).code == 0
    _path, metadata, body = only_entry(root)
    assert metadata["summary"] == summarise(lede)
    assert metadata["summary"] in lede  # no backslash escapes or entities were added
    assert not re.search(r"\\[*_\[\]`#>.]|&(amp|lt|gt);", metadata["summary"])
    assert "\\*" in body or "\\#" in body  # while the body, which is Markdown, is escaped


def test_summary_comes_from_the_lede_not_the_image_caption(seeds):
    seed = (
        "Tanks arrive\n\nThe first tanks arrived on Friday.\n\nTanks arrive 12 34\n"
        "A tank on a train (Picture source: Army)\n\nMore text.\n"
    )
    root = seeds({"a.txt": seed})
    assert ingest(root).code == 0
    _path, metadata, _body = only_entry(root)
    assert metadata["summary"] == "The first tanks arrived on Friday."
