"""The quick inline step renders exactly what Python-Markdown's own inline step renders."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.render.markdown import MarkdownRenderer

SAMPLES = [
    "Plain prose with no markup at all, only words, commas; and: colons.",
    "Some *emphasis*, some **strong**, some _under_ and __double__ and ***both***.",
    "snake_case_words and 2 * 3 * 4 and a lone * star and a_b_c.",
    'A [link](https://example.org "title") and ![an image](pic.png) and [ref][r].\n\n[r]: /x',
    "An autolink <https://example.org/a?b=c> and mail <someone@example.org>.",
    "Entities: &amp; &copy; &#169; &#xA9; and a bare & ampersand.",
    "A hard break at the end of this line  \nand the next line.",
    "Escapes: \\*not emphasis\\*, \\_nor this\\_, \\[nor a link\\], \\\\ a backslash.",
    "Code: `x = a * b_c` and ``double `tick` code``.",
    "A footnote here[^1] and another[^note].\n\n[^1]: The first.\n[^note]: The *second*.",
    "*[NATO]: North Atlantic Treaty Organization\n\nNATO met; nato did not.",
    "| a | b |\n|---|---|\n| *x* | [y](z) |\n| plain | text |",
    "Term\n:   Definition with `code` and *em*.",
    "1. one\n2. two with **bold**\n\n- a\n- b [link](/x)",
    "> A quote with _emphasis_\n> and a second line.",
    "```\nfenced *code* <b>\n```\n\nAfter the fence.",
    "<div>raw *html* block</div>\n\nInline <span>html</span> here.",
    "javascript links: [x](javascript:alert(1)) and [y](jav&#x61;script:alert(1)).",
    "Unicode: Erdoğan, Zelensky — “quotes” – dashes … ellipsis ½ ß.",
    "Line one\nline two without a hard break\nline three.",
    "Trailing spaces   \n",
    "Brackets [not a link] and (parentheses) and ! bang and ![ half image",
    "# Heading *em*\n\nText\n\n## Second `code`",
]


@pytest.mark.parametrize("allow_html", [False, True])
@pytest.mark.parametrize("text", SAMPLES)
def test_quick_inline_equals_python_markdown(text: str, allow_html: bool) -> None:
    quick = MarkdownRenderer(allow_html=allow_html)
    plain = MarkdownRenderer(allow_html=allow_html, quick=False)
    assert type(quick._md.treeprocessors["inline"]).__name__ == "_QuickInline"
    assert quick.render(text) == plain.render(text)


_ALPHABET = st.sampled_from([*"ab \n*_`[]()!<>&#;:/\\^-|.1", "  \n", "http://x.y", "@", "é"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_quick_inline_equals_python_markdown_on_any_text(text: str) -> None:
    assert MarkdownRenderer().render(text) == MarkdownRenderer(quick=False).render(text)
