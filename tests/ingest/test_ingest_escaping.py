"""Seed text is text: on the built page it shows the same characters, never HTML or formatting.

Each check renders the entry body with the site's own Markdown renderer and compares the
visible text of the HTML (lxml) with the seed's paragraphs; any element but <p> fails.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from ingest_support import ingest, only_entry, rendered_paragraphs

from briefing.ingest.escape import escape_markdown
from briefing.ingest.parse import parse_seed

HOSTILE = [
    "<script>alert(1)</script> was found in the page.",
    "AT&T and &amp; and &copy; and &#65; and &#x41; are not entities here.",
    "Some *stars* and **double stars** around words.",
    "Some _under_ and __double under__ scores, snake_case_name too.",
    "# heading is not a heading",
    "## two hashes ##",
    "1. list is not a list",
    "2) nor is this",
    "> quote is not a quote",
    "Backticks `code` and ``more`` and ``` fences.",
    "A [link](x) and ![image](y.png) and [ref][1] and <http://example.com>.",
    "- dash item",
    "+ plus item",
    "* star item",
    "--- rule? no",
    "***",
    "___",
    "A back\\slash and \\*escaped\\* stars.",
    "{curly} [square] (round) | pipes | here",
    "1986. A year that starts a paragraph.",
    "<!-- comment --> <b>bold</b> <img src=x onerror=alert(1)>",
    "x < y > z & w",
    "[^1]: not a footnote",
    "*[HTML]: not an abbreviation",
    "[id]: http://example.com not a reference",
    "Tom & Jerry; 5 > 3 < 4",
]


def test_hostile_paragraphs_show_the_same_characters_on_the_page(seeds):
    seed = "Hostile text\n\n" + "\n\n".join(HOSTILE) + "\n"
    root = seeds({"hostile.txt": seed})

    run = ingest(root)

    assert run.code == 0, run.err
    _path, _metadata, body = only_entry(root)
    assert rendered_paragraphs(body) == HOSTILE


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Apple", ": a fruit, not a definition"],  # def_list would make <dl>
        ["Term", ":   indented colon"],
        ["~~~", "code inside?", "~~~"],  # fenced_code spans paragraphs
        ["~~~ python", "x = 1", "~~~"],
        ["```", "x", "```"],
        ["First", "|a|b|", "|-|-|"],  # tables
        ["Heading", "====="],  # setext
        ["Heading", "-----"],
    ],
)
def test_markup_that_spans_paragraphs_stays_text(paragraphs):
    body = "\n\n".join(escape_markdown(p) for p in paragraphs) + "\n"
    assert rendered_paragraphs(body) == paragraphs


def test_title_and_image_fields_are_stored_as_plain_text(seeds):
    seed = (
        "Tanks & <b>trucks</b> *arrive*\n\nThe first _tanks_ arrived.\n\nAlt & <i>alt</i> 1 2\n"
        "A *tank* on a [train] (Picture source: Army & Navy)\n\nMore.\n"
    )
    root = seeds({"a.txt": seed})
    assert ingest(root).code == 0
    _path, metadata, _body = only_entry(root)
    assert metadata["title"] == "Tanks & <b>trucks</b> *arrive*"
    assert metadata["image"] == {
        "alt": "Alt & <i>alt</i>",
        "caption": "A *tank* on a [train]",
        "credit": "Army & Navy",
    }


# Text heavy in every character (and sequence) that means something to Markdown or HTML.
MARKUP = [
    *"<>&*_#`[]()!\\{}|:~-+=.^\"';1",
    "a",
    "Z",
    "é",
    " ",
    "&amp;",
    "&#65;",
    "<b>",
    "1. ",
    "# ",
    "> ",
    "~~~",
    ": ",
    "    ",
    "http://x.org",
]
paragraph_text = (
    st.lists(st.sampled_from(MARKUP), min_size=1, max_size=30)
    .map(lambda parts: " ".join("".join(parts).split()))
    .filter(bool)
)


@settings(max_examples=200, deadline=None)
@given(st.lists(paragraph_text, min_size=1, max_size=6))
@example(["a", ": b"])
@example(["~~~", "x", "~~~"])
def test_any_seed_paragraphs_render_to_the_same_visible_text(paragraphs):
    article = parse_seed("Title\n\n" + "\n\n".join(paragraphs) + "\n")
    body = "\n\n".join(escape_markdown(p) for p in article.paragraphs) + "\n"
    assert rendered_paragraphs(body) == list(article.paragraphs)
