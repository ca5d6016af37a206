"""The plain-text email's fast line wrapping gives exactly textwrap's lines, on any text."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.render.email import _WRAP, _wrapped

# Words, long URLs and every kind of white space textwrap treats (or does not treat) as such.
PIECES = st.sampled_from(
    ["a", "bb", "w" * 30, "u" * 80, " ", "  ", "\t", "\r", "\x0b", "\u00a0", "\u2003", "-", "é"]
)


def reference(text: str, indent: str) -> list[str]:
    if "\n" in text:
        return [indent + line for line in text.split("\n")]
    options = {"subsequent_indent": indent, "break_long_words": False, "break_on_hyphens": False}
    return textwrap.wrap(text, _WRAP, **options) or [""]


@settings(max_examples=500)
@given(
    st.lists(st.one_of(PIECES, st.text(min_size=1, max_size=12)), max_size=40),
    st.sampled_from(["", "  ", "   "]),
)
def test_wrapped_is_textwrap(pieces: list[str], indent: str) -> None:
    text = "".join(pieces)
    assert _wrapped(text, indent) == reference(text, indent)


def test_paragraph_of_single_spaces() -> None:
    text = " ".join(["word"] * 40 + ["https://example.com/" + "x" * 80] + ["tail"] * 20)
    for indent in ("", "   "):
        assert _wrapped(text, indent) == reference(text, indent)
