"""The prose path renders exactly what Python-Markdown renders, and only takes what it can."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.ingest.escape import escape_markdown
from briefing.render.markdown import MarkdownRenderer

# Paragraphs as ingest writes them from real copy: the odd *, _ and [text](url), escaped.
SEEDED = [
    "The ministry's note, titled *Readiness 2030*, set out the plan in detail.",
    "Its reference, PRG_2024_17, appears in the budget annex.",
    "The full text is on the [ministry's website](https://www.gov.example/news/12).",
    '**Update:** the figures were revised on Friday; "tight*" (*subject to parliament).',
    "# not a heading, > not a quote, - not a list, 1986. not a number, : not a term",
    "Fish & chips, AT&T, &amp; kept, 3 > 2, `code`, {braces}, a | b, back\\slash, ~~~",
]


def test_seeded_prose_takes_the_prose_path_and_matches_the_parser() -> None:
    body = "\n\n".join(escape_markdown(p) for p in SEEDED)
    quick = MarkdownRenderer()
    assert quick._prose is not None and quick._prose.html(body) is not None
    assert quick.render(body) == MarkdownRenderer(quick=False).render(body)


@pytest.mark.parametrize(
    "text",
    [
        "Some *emphasis* here.",
        "A [link](https://example.org).",
        "Two lines\nin one paragraph.",
        "    indented code",
        "# Heading",
        "- a list",
        "Term\n\n: definition",
        "A bare back\\slash.",
        "Tab\there.",
    ],
)
def test_markup_is_left_to_the_parser(text: str) -> None:
    renderer = MarkdownRenderer()
    assert renderer._prose is not None and renderer._prose.html(text) is None
    assert renderer.render(text) == MarkdownRenderer(quick=False).render(text)


_PIECES = st.sampled_from(
    [
        *"ab \n\n*_`[]()!<>&#;:/\\^-+=~|.1{}\t\r",
        "\\*",
        "\\_",
        "\\[",
        "\\]",
        "\\\\",
        "\\#",
        "&amp;",
        "&#58;",
        "&#x3A;",
        "&lt;",
        "\\>",
        "\\`",
        "é",
        "\xa0",
        "\u2028",
        "\x02",
        "\x03",
        "1.",
        "1)",
        "  ",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_prose_path_equals_python_markdown_on_any_text(text: str) -> None:
    for allow_html in (False, True):
        assert MarkdownRenderer(allow_html=allow_html).render(text) == MarkdownRenderer(
            allow_html=allow_html, quick=False
        ).render(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=6))
def test_prose_path_equals_python_markdown_on_escaped_seeds(paragraphs: list[str]) -> None:
    body = "\n\n".join(escape_markdown(" ".join(p.split())) for p in paragraphs if p.split())
    assert MarkdownRenderer().render(body) == MarkdownRenderer(quick=False).render(body)
